"""Knowledge records → Dutch answer text with its source, per channel.

Answers are written once in Markdown and converted per channel. One answer is one
message: items are separated by single newlines, so the channels (which split on
blank lines) keep the items and their "Bron:" line together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .kb import records as r
from .kb.vocabulary import AANVRAGERS, CATEGORIEEN, LEEFTIJDSFASEN, SIGNAAL_CATEGORIEEN

PAGE_SIZE = 5

LOCAL_NOTE = ("Lokale afdelingen en gemeenten stellen vaak eigen voorwaarden en hebben soms extra regelingen: "
              "kijk ook op de sociale kaart van de gemeente.")
NOTHING_FOUND = ("Daarover staat niets in de bronnen die ik ken. Kijk op de sociale kaart van de gemeente, "
                 "vraag het na bij het wijkteam of CJG, of kijk op de site van het fonds.")


@dataclass
class Reply:
    text: str
    buttons: list[tuple[str, str]] = field(default_factory=list)
    citations: list[r.Citation] = field(default_factory=list)
    shown: int = 0          # how many items this reply showed (for "meer")
    total: int = 0          # how many there are in all


# --- formatting helpers ------------------------------------------------------------------

def link(text: str, url: str | None) -> str:
    return f"[{text}]({url})" if url else text


def clean(text: str) -> str:
    """One line: blank lines in a record would split the answer into separate channel messages."""
    return " ".join(text.split())


def first_sentences(text: str, limit: int = 220) -> str:
    """The opening sentences of a text, cut at a sentence end within `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = max(text.rfind(". ", 0, limit), text.rfind("; ", 0, limit))
    return text[: cut + 1] if cut > 40 else text[:limit].rsplit(" ", 1)[0] + " …"


def citation_line(citations: list[r.Citation]) -> str:
    """'Bron: …' once per distinct place; linked when that place has exactly one link."""
    places: dict[str, set[str]] = {}
    for c in citations:
        places.setdefault(c.render(), set()).update({c.url} if c.url else set())
    if not places:
        return ""
    rendered = [link(text, next(iter(urls)) if len(urls) == 1 else None) for text, urls in list(places.items())[:3]]
    label = "Bron" if len(rendered) == 1 else "Bronnen"
    return f"{label}: " + "; ".join(rendered)


def _compose(lead: str, items: list[str], citations: list[r.Citation], tail: str | None = None,
             shown: int = 0, total: int = 0, buttons: list[tuple[str, str]] | None = None) -> Reply:
    lines = [lead] + [f"- {clean(item)}" for item in items]
    if tail:
        lines.append(tail)
    if total > shown:
        lines.append(f"Er zijn er nog {total - shown}: typ *meer*.")
    lines.append(citation_line(citations))
    return Reply("\n".join(line for line in lines if line), buttons or [], citations, shown, total)


def _applicants(fund: r.Fund) -> str:
    if not fund.applicants:
        return "wie aanvraagt staat niet in de bron"
    names = [AANVRAGERS[a] for a in fund.applicants]
    return "aanvragen door " + (" of ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " of " + names[-1])


def _age(fund: r.Fund) -> str:
    if fund.age_text:
        return fund.age_text
    return "leeftijd niet vermeld in de bron"


def echo(user_text: str, limit: int = 40) -> str:
    """User words repeated in an answer: letters, digits and plain punctuation only, so no link,
    markup or address typed by the user comes back as something to click."""
    plain = " ".join(re.sub(r"[^\w\s'’,-]|https?|www\.", " ", user_text).split())
    return plain if len(plain) <= limit else plain[:limit].rsplit(" ", 1)[0] + "…"


# --- funds -----------------------------------------------------------------------------

def funds_answer(search: r.FundSearch, offset: int = 0) -> Reply:
    if search.unknown_need:
        return Reply(f"Voor '{echo(search.unknown_need)}' ken ik geen fonds of regeling uit de bronnen. " + NOTHING_FOUND)
    if not search.funds:
        about = " of ".join(search.needs) or "deze vraag"
        age = f" voor een kind van {search.age_label}" if search.age_label else ""
        who = f" dat {AANVRAGERS.get(search.applicant, search.applicant)} kunnen aanvragen" if search.applicant else ""
        return Reply(f"Ik vind geen fonds voor {about}{age}{who} in de bronnen. " + NOTHING_FOUND)
    page = search.funds[offset: offset + PAGE_SIZE]
    about = " en ".join(search.needs) if search.needs else "ondersteuning"
    parts = [f"Voor {about}"]
    if search.age_label:
        parts.append(f"({search.age_label})")
    if search.gemeente:
        parts.append(f"in {search.gemeente}")
    lead = " ".join(parts) + (" kun je kijken naar:" if offset == 0 else " zijn er ook:")
    items = []
    for fund in page:
        local = f" Lokaal: {fund.gemeente}." if fund.gemeente else ""
        items.append(f"**{link(fund.name, fund.url)}** ({_age(fund)}; {_applicants(fund)}): "
                     f"{first_sentences(fund.description)}{local}")
    return _compose(lead, items, [f.citation for f in page], LOCAL_NOTE,
                    shown=offset + len(page), total=len(search.funds))


def ask_age_reply(search: r.FundSearch) -> Reply:
    about = " en ".join(search.needs) or "dit"
    return Reply(
        f"Welk fonds past voor {about}, hangt af van de leeftijd. Hoe oud is het kind?",
        buttons=[("Baby", "/inform{\"leeftijd\": \"baby\"}"), ("Peuter", "/inform{\"leeftijd\": \"peuter\"}"),
                 ("4-12 jaar", "/inform{\"leeftijd\": \"8 jaar\"}"), ("12-18 jaar", "/inform{\"leeftijd\": \"15 jaar\"}")],
    )


def application_answer(funds: list[r.Fund]) -> Reply:
    if not funds:
        return Reply("Over welk fonds gaat het? Noem de naam, of vraag eerst welk fonds past bij wat het kind nodig heeft.")
    items = []
    for fund in funds[:PAGE_SIZE]:
        how = f" {fund.how_to_apply}" if fund.how_to_apply else ""
        items.append(f"**{link(fund.name, fund.url)}**: {_applicants(fund)}.{how}")
    extra = next((f.local_conditions for f in funds if f.local_conditions), None)
    return _compose("Zo vraag je het aan:", items, [f.citation for f in funds[:PAGE_SIZE]], extra or LOCAL_NOTE)


# --- werkwijzen --------------------------------------------------------------------------

def block_answer(block: r.HoeBlock) -> Reply:
    points = list(block.points)
    lead = f"**{block.werkwijze_name} › {block.title}**"
    if block.intro:
        lead += "\n" + first_sentences(block.intro, 400)
    shown = points[:PAGE_SIZE]
    return _compose(lead, shown, [block.citation], shown=len(shown), total=len(points))


def block_rest_answer(block: r.HoeBlock, offset: int) -> Reply:
    return _rest_of_points(block.title, block.points, block.citation, offset)


def _rest_of_points(title: str, points: tuple[str, ...], citation: r.Citation, offset: int) -> Reply:
    """The next page of a record's points, for "meer"."""
    page = list(points[offset: offset + PAGE_SIZE])
    return _compose(f"Verder bij **{title}**:", page, [citation], shown=offset + len(page), total=len(points))


def werkwijze_answer(werkwijze: r.Werkwijze) -> Reply:
    category = CATEGORIEEN[werkwijze.category]
    lead = f"**{werkwijze.name}** (werkwijze, {category}): {first_sentences(werkwijze.wat, 300)}"
    items = [f"{b.title}" for b in werkwijze.blocks[:PAGE_SIZE]]
    tail = "Vraag naar een van deze onderdelen voor de concrete tips."
    buttons = [(b.title, f"/ask_werkwijze{{\"onderwerp\": \"{b.id}\"}}") for b in werkwijze.blocks[:3]]
    return _compose(lead + "\nHoe, per onderdeel:", items, [werkwijze.citation], tail, buttons=buttons)


def werkwijzen_overview(werkwijzen: list[r.Werkwijze]) -> Reply:
    items = [f"**{w.name}** ({CATEGORIEEN[w.category].lower()})" for w in werkwijzen]
    citations = [r.Citation(werkwijzen[0].citation.document, ("Deel 2 Werkwijzen",))] if werkwijzen else []
    return _compose("De handreiking beschrijft deze werkwijzen:", items, citations)


# --- signals and instruments ----------------------------------------------------------------

def signals_answer(signals: list[r.Signal], offset: int = 0, heading: str | None = None) -> Reply:
    if not signals:
        return Reply(NOTHING_FOUND)
    page = signals[offset: offset + PAGE_SIZE]
    lead = heading or "Signalen die op armoede kunnen wijzen"
    items = [f"{s.text} ({SIGNAAL_CATEGORIEEN[s.category][1].lower()})" for s in page]
    tail = ("Signalen kunnen op armoede wijzen, maar er kan ook iets anders spelen: "
            "ga respectvol het gesprek aan.") if offset == 0 else None
    return _compose(lead + ":", items, [s.citation for s in page], tail,
                    shown=offset + len(page), total=len(signals))


def instruments_answer(instruments: list[r.Instrument], age_label: str | None, offset: int = 0) -> Reply:
    if not instruments:
        return Reply("Voor die leeftijd noemt de handreiking geen screenings- of gespreksinstrument. " + NOTHING_FOUND)
    page = instruments[offset: offset + PAGE_SIZE]
    lead = "Screenings- en gespreksinstrumenten" + (f" ({age_label})" if age_label else "") + ":"
    items = [f"**{link(i.name, i.url)}**" + (f" ({i.target_text})" if i.target_text else "") +
             f": {first_sentences(i.what, 180)}" for i in page]
    tail = "Ze gaan meestal niet specifiek over armoede; je kunt vragen over financiële zorgen toevoegen." \
        if offset == 0 else None
    return _compose(lead, items, [i.citation for i in page], tail, shown=offset + len(page), total=len(instruments))


# --- entries and search ---------------------------------------------------------------------

def entry_answer(entry: r.Entry, offset: int = 0) -> Reply:
    if offset:
        return _rest_of_points(entry.name, entry.points, entry.citation, offset)
    lead = f"**{link(entry.name, entry.url)}**" + (f" ({entry.gemeente})" if entry.gemeente else "") + \
        f": {clean(entry.summary)}"
    items = list(entry.points[:PAGE_SIZE])
    return _compose(lead, items, [entry.citation], shown=len(items), total=len(entry.points))


def entries_answer(entries: list[r.Entry], lead: str) -> Reply:
    if not entries:
        return Reply(NOTHING_FOUND)
    items = [f"**{link(e.name, e.url)}**" + (f" ({e.gemeente})" if e.gemeente else "") +
             f": {first_sentences(e.summary, 200)}" for e in entries[:PAGE_SIZE]]
    return _compose(lead, items, [e.citation for e in entries[:PAGE_SIZE]])


def fund_detail_answer(fund: r.Fund) -> Reply:
    lead = f"**{link(fund.name, fund.url)}**: {clean(fund.description)}"
    items = [f"Leeftijd: {_age(fund)}", f"Aanvragen: {_applicants(fund)}" +
             (f". {fund.how_to_apply}" if fund.how_to_apply else "")]
    if fund.local_conditions:
        items.append(fund.local_conditions)
    return _compose(lead, items, [fund.citation])


def instrument_detail_answer(instrument: r.Instrument) -> Reply:
    lead = f"**{link(instrument.name, instrument.url)}**: {clean(instrument.what)}"
    items = [f"Voor wie: {instrument.target_text}"] if instrument.target_text else []
    if instrument.who:
        items.append(f"Wie: {instrument.who}")
    return _compose(lead, items, [instrument.citation])


def record_answer(record: r.Record, offset: int = 0) -> Reply:
    """The detail answer for any one record; with an offset, the next page of its points ("meer")."""
    if isinstance(record, r.Fund):
        return fund_detail_answer(record)
    if isinstance(record, r.Instrument):
        return instrument_detail_answer(record)
    if isinstance(record, r.Werkwijze):
        return werkwijze_answer(record)
    if isinstance(record, r.HoeBlock):
        return block_rest_answer(record, offset) if offset else block_answer(record)
    if isinstance(record, r.Signal):
        return signals_answer([record])
    return entry_answer(record, offset)


def search_answer(hits: list[r.SearchHit], offset: int = 0) -> Reply:
    if not hits:
        return Reply(NOTHING_FOUND)
    if len(hits) == 1 or hits[0].score >= 2 * hits[1].score:
        return record_answer(hits[0].record, offset)
    items = [f"**{h.title}**" + (f" ({h.record.werkwijze_name})" if isinstance(h.record, r.HoeBlock) else "")
             for h in hits[:PAGE_SIZE]]
    buttons = [(h.title[:40], f"/ask_what_is{{\"naam\": \"{h.title[:60]}\"}}") for h in hits[:3]]
    return _compose("Dit vond ik in de bronnen; waar wil je meer over weten?", items,
                    [h.record.citation for h in hits[:PAGE_SIZE]], buttons=buttons)


def source_answer(citations: list[r.Citation]) -> Reply:
    if not citations:
        return Reply("Mijn vorige antwoord kwam niet uit een bron. Stel gerust een vraag over fondsen, "
                     "werkwijzen of signalen; ik noem dan steeds waar het staat.")
    places: dict[str, list[str]] = {}
    for c in citations:
        places.setdefault(c.render(), []).extend([c.url] if c.url else [])
    items = [text + (" — " + ", ".join(link(u, u) for u in dict.fromkeys(urls)) if urls else "")
             for text, urls in places.items()]
    return Reply("Dat staat in:\n" + "\n".join(f"- {i}" for i in items), citations=list(citations))


def age_group_label(fase: str | None) -> str | None:
    return LEEFTIJDSFASEN.get(fase) if fase else None


# --- channels ---------------------------------------------------------------------------------

_MD_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_MD_BOLD = re.compile(r"\*\*(.+?)\*\*")


def for_channel(text: str, channel: str | None) -> str:
    """Markdown as written for the web widget; Slack gets mrkdwn, Teams the markdown it renders."""
    if channel == "slack":
        return _slack_mrkdwn(text)
    if channel == "botframework":
        # Rasa's connectors send each blank-line paragraph as its own message: keep those breaks.
        return "\n\n".join(_teams_markdown(part) for part in text.split("\n\n"))
    return text


_MD_ITALIC = re.compile(r"(?<![*\w])\*([^*\n]+)\*(?![*\w])")


def _slack_mrkdwn(text: str) -> str:
    # Slack reads <, > and & as markup: escape them first (https://api.slack.com/reference/surfaces/formatting).
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_ITALIC.sub(r"_\1_", text)
    text = _MD_LINK.sub(lambda m: f"<{m.group(2)}|{m.group(1)}>", text)
    text = _MD_BOLD.sub(r"*\1*", text)
    return re.sub(r"(?m)^- ", "• ", text)


def _teams_markdown(paragraph: str) -> str:
    """Teams joins single newlines into one line and shows no lists on phones: use <br> and bullets."""
    paragraph = paragraph.replace("<", "&lt;").replace(">", "&gt;")
    lines = ["• " + line[2:] if line.startswith("- ") else line for line in paragraph.split("\n")]
    return "<br>".join(lines)
