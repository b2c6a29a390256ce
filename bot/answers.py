"""Knowledge records → Dutch answer text with its source, per channel.

Answers are written once in Markdown and converted per channel. One answer is one
message: items are separated by single newlines, so the channels (which split on
blank lines) keep the items and their "Bron:" line together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .kb import records as r
from .kb.vocabulary import AANVRAGERS, CATEGORIEEN, SIGNAAL_CATEGORIEEN

PAGE_SIZE = 5

LOCAL_NOTE = (
    "Lokale afdelingen en gemeenten stellen vaak eigen voorwaarden en hebben soms extra regelingen: "
    "kijk ook op de sociale kaart van de gemeente."
)
NOTHING_FOUND = (
    "Daarover staat niets in de bronnen die ik ken. Kijk op de sociale kaart van de gemeente, "
    "vraag het na bij het wijkteam of CJG, of kijk op de site van het fonds."
)


@dataclass
class Reply:
    text: str
    buttons: list[tuple[str, str]] = field(default_factory=list)
    citations: list[r.Citation] = field(default_factory=list)
    shown: int = 0  # how many items this reply showed (for "meer")
    total: int = 0  # how many there are in all
    # The records this reply leads with, as "kind:id", in the order shown (buttons of a
    # clarification included): kept in the conversation so answers can be checked end to end.
    records: list[str] = field(default_factory=list)
    # A question back that offers no record yet ("voor welk consult?"): nothing for the retrieval to check.
    asks: bool = False


# --- formatting helpers ------------------------------------------------------------------


def link(text: str, url: str | None) -> str:
    return f"[{text}]({url})" if url else text


def record_key(record: r.Record) -> str:
    """ "kind:id" of a record, as Reply.records lists it (a whole werkwijze: its Wat section)."""
    if isinstance(record, r.Fund):
        return f"fonds:{record.id}"
    if isinstance(record, r.HoeBlock):
        return f"hoe:{record.id}"
    if isinstance(record, r.Werkwijze):
        return f"werkwijze:{record.id}/wat"
    if isinstance(record, r.Signal):
        return f"signaal:{record.id}"
    if isinstance(record, r.Instrument):
        return f"instrument:{record.id}"
    return f"{record.kind}:{record.id}"


def ordered(points: tuple[str, ...], order: list[int] | None) -> list[str]:
    """The points in the given order (best-matching first), else in source order."""
    return [points[i] for i in order] if order else list(points)


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
    """'Bron: …' once per distinct place, linked to the source document (never to the record's own
    website: that is the link on the record's name)."""
    places: dict[str, set[str]] = {}
    for c in citations:
        places.setdefault(c.render(), set()).update({c.url} if c.url else set())
    if not places:
        return ""
    rendered = [link(text, next(iter(urls)) if len(urls) == 1 else None) for text, urls in list(places.items())[:3]]
    label = "Bron" if len(rendered) == 1 else "Bronnen"
    return f"{label}: " + "; ".join(rendered)


def _compose(
    lead: str,
    items: list[str],
    citations: list[r.Citation],
    tail: str | None = None,
    shown: int = 0,
    total: int = 0,
    buttons: list[tuple[str, str]] | None = None,
    records: list[str] | None = None,
) -> Reply:
    lines = [lead] + [f"- {clean(item)}" for item in items]
    if tail:
        lines.append(tail)
    if total > shown:
        lines.append(f"Er zijn er nog {total - shown}: typ *meer*.")
    lines.append(citation_line(citations))
    return Reply("\n".join(line for line in lines if line), buttons or [], citations, shown, total, list(records or []))


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

AGE_BUTTONS = [
    ("Baby", '/inform{"leeftijd": "baby"}'),
    ("Peuter", '/inform{"leeftijd": "peuter"}'),
    ("4-12 jaar", '/inform{"leeftijd": "8 jaar"}'),
    ("12-18 jaar", '/inform{"leeftijd": "15 jaar"}'),
]


def no_fund_line(search: r.FundSearch) -> str:
    """ "Ik vind geen fonds voor bijles (havo 4) in de bronnen.": what was looked for, and that none is listed."""
    about = " of ".join(search.needs) or "deze vraag"
    # "voor een kind van 10 jaar", but a school stage or a word in brackets: "(havo 4)", "(peuter)"
    label = search.age_label or ""
    age = f" voor een kind van {label}" if label[:1].isdigit() else (f" ({label})" if label else "")
    who = f" dat {AANVRAGERS.get(search.applicant, search.applicant)} kunnen aanvragen" if search.applicant else ""
    return f"Ik vind geen fonds voor {about}{age}{who} in de bronnen."


def funds_answer(search: r.FundSearch, offset: int = 0, offer_ages: bool = False, opening: str | None = None) -> Reply:
    """The funds for a need. offer_ages: no age was given and the funds' ages differ, so each fund
    shows its age range and buttons narrow the list by age. opening: the caller's own first line."""
    if search.unknown_need:
        return Reply(
            f"Voor '{echo(search.unknown_need)}' ken ik geen fonds of regeling uit de bronnen. " + NOTHING_FOUND
        )
    if not search.funds:
        return Reply(no_fund_line(search) + " " + NOTHING_FOUND)
    page = search.funds[offset : offset + PAGE_SIZE]
    about = " en ".join(search.needs) if search.needs else "ondersteuning"
    parts = [f"Voor {about}"]
    if search.age_label:
        parts.append(f"({search.age_label})")
    if search.gemeente:
        parts.append(f"in {search.gemeente}")
    lead = " ".join(parts) + (" kun je kijken naar:" if offset == 0 else " zijn er ook:")
    if search.other_applicants and offset == 0:
        who = AANVRAGERS.get(search.applicant, search.applicant)
        lead = f"Geen fonds voor {about} in de bronnen noemt {who} als aanvrager. Wie wel aanvraagt, staat erbij:"
    lead = opening or lead
    items = []
    for fund in page:
        local = f" Lokaal: {fund.gemeente}." if fund.gemeente else ""
        items.append(
            f"**{link(fund.name, fund.url)}** ({_age(fund)}; {_applicants(fund)}): "
            f"{first_sentences(fund.description)}{local}"
        )
    tail = LOCAL_NOTE
    if offer_ages and offset == 0:
        tail = (
            "Welk fonds past, hangt af van de leeftijd. Hoe oud is het kind? Kies een leeftijd voor een kortere lijst. "
            + LOCAL_NOTE
        )
    return _compose(
        lead,
        items,
        [f.citation for f in page],
        tail,
        shown=offset + len(page),
        total=len(search.funds),
        buttons=AGE_BUTTONS if offer_ages and offset == 0 else None,
        records=[f"fonds:{f.id}" for f in page],
    )


def application_answer(funds: list[r.Fund]) -> Reply:
    if not funds:
        return Reply(
            "Over welk fonds gaat het? Noem de naam, of vraag eerst welk fonds past bij wat het kind nodig heeft."
        )
    items = []
    for fund in funds[:PAGE_SIZE]:
        how = f" {fund.how_to_apply}" if fund.how_to_apply else ""
        items.append(f"**{link(fund.name, fund.url)}**: {_applicants(fund)}.{how}")
    extra = next((f.local_conditions for f in funds if f.local_conditions), None)
    return _compose(
        "Zo vraag je het aan:",
        items,
        [f.citation for f in funds[:PAGE_SIZE]],
        extra or LOCAL_NOTE,
        records=[f"fonds:{f.id}" for f in funds[:PAGE_SIZE]],
    )


# --- werkwijzen --------------------------------------------------------------------------


def block_answer(block: r.HoeBlock, order: list[int] | None = None) -> Reply:
    """A Hoe-block; with an order, the points that match the question first (the rest behind "meer")."""
    points = ordered(block.points, order)
    lead = f"**{block.werkwijze_name} › {block.title}**"
    if block.intro:
        lead += "\n" + first_sentences(block.intro, 400)
    shown = points[:PAGE_SIZE]
    return _compose(lead, shown, [block.citation], shown=len(shown), total=len(points), records=[f"hoe:{block.id}"])


def block_rest_answer(block: r.HoeBlock, offset: int, order: list[int] | None = None) -> Reply:
    return _rest_of_points(block.title, tuple(ordered(block.points, order)), block.citation, offset, f"hoe:{block.id}")


def _rest_of_points(title: str, points: tuple[str, ...], citation: r.Citation, offset: int, key: str) -> Reply:
    """The next page of a record's points, for "meer"."""
    page = list(points[offset : offset + PAGE_SIZE])
    return _compose(
        f"Verder bij **{title}**:", page, [citation], shown=offset + len(page), total=len(points), records=[key]
    )


SECTION_LABELS = {"wat": "Wat", "waarom": "Waarom", "samenwerken": "Samenwerken", "voorwaarden": "Voorwaarden"}


def section_answer(werkwijze: r.Werkwijze, section: str) -> Reply:
    """One section of a werkwijze (Wat, Waarom, Samenwerken, Voorwaarden), as the source words it."""
    text = getattr(werkwijze, section) or ""
    label = SECTION_LABELS[section]
    lead = f"**{werkwijze.name} › {label}**\n{clean(text)}"
    citation = r.Citation(
        werkwijze.citation.document, (*werkwijze.citation.path, label), werkwijze.citation.page, werkwijze.citation.url
    )
    buttons = (
        [(b.title[:60], f'/ask_werkwijze{{"onderwerp": "{b.id}"}}') for b in werkwijze.blocks[:3]]
        if section in ("wat", "waarom")
        else []
    )
    return _compose(lead, [], [citation], buttons=buttons, records=[f"werkwijze:{werkwijze.id}/{section}"])


def sections_side_by_side(werkwijzen: list[r.Werkwijze], section: str) -> Reply:
    """The same section of two or three werkwijzen, one under the other ("wat is het verschil tussen
    sociale steun en participatie?"): each as the source words it, each cited."""
    label = SECTION_LABELS[section]
    parts = [f"**{w.name} › {label}**\n{clean(getattr(w, section) or '')}" for w in werkwijzen]
    citations = [
        r.Citation(w.citation.document, (*w.citation.path, label), w.citation.page, w.citation.url) for w in werkwijzen
    ]
    buttons = [
        (f"{w.name}: hoe"[:60], f'/ask_werkwijze{{"onderwerp": "{w.blocks[0].id}"}}') for w in werkwijzen if w.blocks
    ]
    return _compose(
        "\n\n".join(parts), [], citations, buttons=buttons, records=[f"werkwijze:{w.id}/{section}" for w in werkwijzen]
    )


def werkwijze_answer(werkwijze: r.Werkwijze) -> Reply:
    category = CATEGORIEEN[werkwijze.category]
    lead = f"**{werkwijze.name}** (werkwijze, {category}): {first_sentences(werkwijze.wat, 300)}"
    items = [f"{b.title}" for b in werkwijze.blocks[:PAGE_SIZE]]
    tail = "Vraag naar een van deze onderdelen voor de concrete tips."
    buttons = [(b.title, f'/ask_werkwijze{{"onderwerp": "{b.id}"}}') for b in werkwijze.blocks[:3]]
    return _compose(
        lead + "\nHoe, per onderdeel:",
        items,
        [werkwijze.citation],
        tail,
        buttons=buttons,
        records=[f"werkwijze:{werkwijze.id}/wat"],
    )


def werkwijzen_overview(werkwijzen: list[r.Werkwijze]) -> Reply:
    items = [f"**{w.name}** ({CATEGORIEEN[w.category].lower()})" for w in werkwijzen]
    citations = [r.Citation(werkwijzen[0].citation.document, ("Deel 2 Werkwijzen",))] if werkwijzen else []
    return _compose(
        "De handreiking beschrijft deze werkwijzen:",
        items,
        citations,
        records=[f"werkwijze:{w.id}/wat" for w in werkwijzen],
    )


# --- signals and instruments ----------------------------------------------------------------


def signals_answer(signals: list[r.Signal], offset: int = 0, heading: str | None = None) -> Reply:
    if not signals:
        return Reply(NOTHING_FOUND)
    page = signals[offset : offset + PAGE_SIZE]
    lead = heading or "Signalen die op armoede kunnen wijzen"
    items = [f"{s.text} ({SIGNAAL_CATEGORIEEN[s.category][1].lower()})" for s in page]
    tail = (
        ("Signalen kunnen op armoede wijzen, maar er kan ook iets anders spelen: ga respectvol het gesprek aan.")
        if offset == 0
        else None
    )
    return _compose(
        lead + ":",
        items,
        [s.citation for s in page],
        tail,
        shown=offset + len(page),
        total=len(signals),
        records=[f"signaal:{s.id}" for s in page],
    )


def signals_for_whom_question() -> Reply:
    return Reply(
        "De handreiking noemt signalen bij kinderen en jongeren, signalen bij ouders, en risicogroepen. Welke zoek je?",
        buttons=[
            ("Bij kinderen en jongeren", "welke signalen bij kinderen?"),
            ("Bij ouders", "welke signalen bij ouders?"),
            ("Risicogroepen", "welke risicogroepen noemt de handreiking?"),
        ],
        asks=True,
    )


MOMENT_BUTTONS = [
    ("Zwangerschap", '/inform{"leeftijd": "zwangerschap"}'),
    ("Baby", '/inform{"leeftijd": "baby"}'),
    ("Peuter", '/inform{"leeftijd": "peuter"}'),
    ("Basisschool", '/inform{"leeftijd": "8 jaar"}'),
    ("Voortgezet onderwijs", '/inform{"leeftijd": "15 jaar"}'),
]


def instrument_moment_question() -> Reply:
    return Reply(
        "Welk instrument past, hangt af van het moment: in de zwangerschap, bij een baby, een peuter, een kind op "
        "de basisschool of een jongere. Voor wie of voor welk consult zoek je er een?",
        buttons=list(MOMENT_BUTTONS),
        asks=True,
    )


def instruments_answer(instruments: list[r.Instrument], age_label: str | None, offset: int = 0) -> Reply:
    if not instruments:
        return Reply("Voor die leeftijd noemt de handreiking geen screenings- of gespreksinstrument. " + NOTHING_FOUND)
    page = instruments[offset : offset + PAGE_SIZE]
    lead = "Screenings- en gespreksinstrumenten" + (f" ({age_label})" if age_label else "") + ":"
    items = [
        f"**{link(i.name, i.url)}**"
        + (f" ({i.target_text})" if i.target_text else "")
        + f": {first_sentences(i.what, 180)}"
        for i in page
    ]
    tail = (
        "Ze gaan meestal niet specifiek over armoede; je kunt vragen over financiële zorgen toevoegen."
        if offset == 0
        else None
    )
    return _compose(
        lead,
        items,
        [i.citation for i in page],
        tail,
        shown=offset + len(page),
        total=len(instruments),
        records=[f"instrument:{i.id}" for i in page],
    )


# --- entries and search ---------------------------------------------------------------------


def entry_answer(entry: r.Entry, offset: int = 0, order: list[int] | None = None) -> Reply:
    points = tuple(ordered(entry.points, order))
    key = f"{entry.kind}:{entry.id}"
    if offset:
        return _rest_of_points(entry.name, points, entry.citation, offset, key)
    lead = (
        f"**{link(entry.name, entry.url)}**"
        + (f" ({entry.gemeente})" if entry.gemeente else "")
        + f": {clean(entry.summary)}"
    )
    items = list(points[:PAGE_SIZE])
    return _compose(lead, items, [entry.citation], shown=len(items), total=len(points), records=[key])


def entries_answer(entries: list[r.Entry], lead: str) -> Reply:
    if not entries:
        return Reply(NOTHING_FOUND)
    items = [
        f"**{link(e.name, e.url)}**"
        + (f" ({e.gemeente})" if e.gemeente else "")
        + f": {first_sentences(e.summary, 200)}"
        for e in entries[:PAGE_SIZE]
    ]
    return _compose(
        lead,
        items,
        [e.citation for e in entries[:PAGE_SIZE]],
        records=[f"{e.kind}:{e.id}" for e in entries[:PAGE_SIZE]],
    )


def fund_detail_answer(fund: r.Fund) -> Reply:
    lead = f"**{link(fund.name, fund.url)}**: {clean(fund.description)}"
    items = [
        f"Leeftijd: {_age(fund)}",
        f"Aanvragen: {_applicants(fund)}" + (f". {fund.how_to_apply}" if fund.how_to_apply else ""),
    ]
    if fund.local_conditions:
        items.append(fund.local_conditions)
    return _compose(lead, items, [fund.citation], records=[f"fonds:{fund.id}"])


def instrument_detail_answer(instrument: r.Instrument) -> Reply:
    lead = f"**{link(instrument.name, instrument.url)}**: {clean(instrument.what)}"
    items = [f"Voor wie: {instrument.target_text}"] if instrument.target_text else []
    if instrument.who:
        items.append(f"Wie: {instrument.who}")
    return _compose(lead, items, [instrument.citation], records=[f"instrument:{instrument.id}"])


def record_answer(record: r.Record, offset: int = 0, order: list[int] | None = None) -> Reply:
    """The detail answer for any one record; with an offset, the next page of its points ("meer");
    with an order, its best-matching points first."""
    if isinstance(record, r.Fund):
        return fund_detail_answer(record)
    if isinstance(record, r.Instrument):
        return instrument_detail_answer(record)
    if isinstance(record, r.Werkwijze):
        return werkwijze_answer(record)
    if isinstance(record, r.HoeBlock):
        return block_rest_answer(record, offset, order) if offset else block_answer(record, order)
    if isinstance(record, r.Signal):
        return signals_answer([record], heading="Dit staat op de Signaleringslijst kinderarmoede")
    return entry_answer(record, offset, order)


KIND_LABELS = {
    "fonds": "fonds",
    "hoe": "werkwijze",
    "werkwijze": "werkwijze",
    "signaal": "signaal",
    "instrument": "instrument",
    "interventie": "interventie",
    "organisatie": "organisatie",
    "voorbeeld": "lokaal voorbeeld",
    "aanpak": "aanpak",
    "feit": "cijfers en feiten",
    "achtergrond": "handreiking, deel 1",
}


def topic_payload(unit_key: str) -> str:
    """A button that asks for exactly this record ("hoe:bespreken-jongeren", "werkwijze:bespreken/wat")."""
    return f'/ask_wat_is{{"onderwerp": "{unit_key}"}}'


def clarify_answer(candidates: list[tuple[str, str, str]]) -> Reply:
    """ "Bedoel je …?" with the candidates (unit key, title, kind) as buttons, in order."""
    items = [f"**{title}** ({KIND_LABELS.get(kind, kind)})" for _, title, kind in candidates]
    buttons = [
        (title if len(title) <= 60 else title[:57].rsplit(" ", 1)[0] + " …", topic_payload(key))
        for key, title, _ in candidates
    ]
    return Reply(
        "Bedoel je:\n" + "\n".join(f"- {i}" for i in items) + "\nKies er een, of stel je vraag anders.",
        buttons=buttons,
        records=[key for key, _, _ in candidates],
    )


WHAT_I_KNOW = (
    "Ik ken de Handreiking Omgaan met armoede in de jeugdgezondheid en vier bronnen erbij: fondsen en "
    "regelingen, werkwijzen (signaleren, bespreken, ondersteunen), signalen, screeningsinstrumenten, "
    "interventies, lokale voorbeelden en kerncijfers."
)


TOPIC_BUTTONS = [
    ("Fondsen en regelingen", "/ask_fondsen"),
    ("Werkwijzen: hoe pak ik het aan?", "/ask_werkwijze"),
    ("Signalen van armoede", "/ask_signalen"),
]


def topics_answer(intro: str = "") -> Reply:
    """A vague question: ask what it is about, with the main topics as buttons."""
    reply = Reply(
        intro + "Waar gaat je vraag over? Vertel iets meer, bijvoorbeeld wat het kind nodig heeft of wat je "
        "wilt bespreken. Of kies een onderwerp:",
        buttons=list(TOPIC_BUTTONS),
    )
    # What the buttons offer: the werkwijzen button opens the overview of the eleven werkwijzen.
    reply.records = ["achtergrond:werkwijzen-overzicht"]
    return reply


NEED_BUTTONS = [
    ("Fiets", '/ask_fondsen{"behoefte": "fiets"}'),
    ("Laptop", '/ask_fondsen{"behoefte": "laptop"}'),
    ("Zwemles", '/ask_fondsen{"behoefte": "zwemles"}'),
    ("Kleding", '/ask_fondsen{"behoefte": "kleding"}'),
    ("Babyspullen", '/ask_fondsen{"behoefte": "babyspullen"}'),
]


def ask_need_answer() -> Reply:
    """A fund question without a need: ask what for, with common needs as buttons."""
    return Reply(
        "Waarvoor zoek je een fonds? Bijvoorbeeld een fiets, laptop, zwemles, schoolreisje, contributie "
        "of babyspullen.",
        buttons=list(NEED_BUTTONS),
    )


def unstated_detail_answer(about: list[tuple[str, str]]) -> Reply:
    """Amounts, scores, waiting times: not in the sources. about: (unit key, title) of what it names."""
    reply = Reply(
        "Bedragen, scores, wachttijden en precieze voorwaarden staan niet in de bronnen die ik ken. "
        "Kijk op de site van de organisatie of het fonds, of op de sociale kaart van de gemeente."
        + (" Wat de bronnen er wel over zeggen:" if about else "")
    )
    reply.buttons = [(title[:60], topic_payload(key)) for key, title in about[:2]]
    return reply


NEVER_IN_SOURCES = {
    "contact": "Contactgegevens, adressen en openingstijden van organisaties staan niet in de bronnen die ik ken. "
    "Kijk op de site van de organisatie of op de sociale kaart van de gemeente.",
    "mening": "Een eigen mening geef ik niet: ik vertel wat de bronnen zeggen.",
    "gemeenten": "Welke gemeenten iets hebben of doen, staat niet in de bronnen die ik ken: die noemen alleen "
    "enkele voorbeelden uit de praktijk. Kijk op de sociale kaart of de site van de regeling.",
    "wetsartikel": "Welk wetsartikel iets regelt, staat niet in de bronnen die ik ken. Kijk in de wet zelf of "
    "vraag het de jurist of beleidsadviseur van je organisatie.",
    "medisch": "Medisch advies (welk middel, welke dosis, of iets veilig is) staat niet in de bronnen die ik ken. "
    "Vraag het de huisarts, verloskundige, jeugdarts of apotheek.",
}


def never_in_sources_answer(kind: str, about: list[tuple[str, str]]) -> Reply:
    """What no source gives (not_in_sources.never_in_sources), with the records the question names."""
    reply = Reply(NEVER_IN_SOURCES[kind] + (" Wat de bronnen er wel over zeggen:" if about else ""))
    reply.buttons = [(title[:60], topic_payload(key)) for key, title in about[:2]]
    return reply


def local_rules_answer(gemeente: str, about: list[tuple[str, str]]) -> Reply:
    """One gemeente's own conditions, income limits or schemes, which the sources do not give."""
    reply = Reply(
        f"Wat {echo(gemeente)} zelf regelt (voorwaarden, inkomensgrenzen, eigen regelingen) staat niet in de "
        "bronnen die ik ken: dat bepaalt de gemeente zelf. Kijk op de site van de gemeente of op de sociale kaart."
        + (" Wat de bronnen er in het algemeen over zeggen:" if about else "")
    )
    reply.buttons = [(title[:60], topic_payload(key)) for key, title in about[:2]]
    return reply


def local_figures_answer(place: str, national: list[tuple[str, str]]) -> Reply:
    """Figures for one place, which the sources do not give; national: (key, title) of their national figures."""
    reply = Reply(
        f"Cijfers voor {echo(place)} staan niet in de bronnen die ik ken: die geven landelijke cijfers. "
        "Vraag lokale cijfers na bij de gemeente of de GGD."
        + (" De landelijke cijfers uit de bronnen:" if national else "")
    )
    reply.buttons = [(title[:60], topic_payload(key)) for key, title in national[:2]]
    return reply


def unstated_age_answer(key: str, name: str) -> Reply:
    """A fund's age limits that its record does not give."""
    reply = Reply(
        f"Voor welke leeftijd {name} is, staat niet in de bronnen die ik ken. Kijk op de site van het fonds "
        "of op de sociale kaart van de gemeente. Wat de bronnen er wel over zeggen:"
    )
    reply.buttons = [(name[:60], topic_payload(key))]
    return reply


def unknown_name_answer(name: str, candidates: list[tuple[str, str, str]]) -> Reply:
    """A law, programme or tool the sources do not name; candidates: (unit key, title, kind) the
    rest of the question matches, offered as buttons."""
    reply = Reply(
        f"Over {echo(name)} staat niets in de bronnen die ik ken. Kijk op de site van de organisatie, "
        "of vraag het na bij het wijkteam of CJG."
        + (" Wat de bronnen wel hebben bij de rest van je vraag:" if candidates else "")
    )
    reply.buttons = [
        (title if len(title) <= 60 else title[:57].rsplit(" ", 1)[0] + " …", topic_payload(key))
        for key, title, _ in candidates
    ]
    reply.records = [key for key, _, _ in candidates]
    return reply


def nothing_found_answer() -> Reply:
    """Nothing in the sources matches: say so, and what the assistant can do."""
    return Reply(NOTHING_FOUND + " " + WHAT_I_KNOW)


def source_answer(citations: list[r.Citation]) -> Reply:
    if not citations:
        return Reply(
            "Mijn vorige antwoord kwam niet uit een bron. Stel gerust een vraag over fondsen, "
            "werkwijzen of signalen; ik noem dan steeds waar het staat."
        )
    places: dict[str, list[str]] = {}
    for c in citations:
        places.setdefault(c.render(), []).extend([c.url] if c.url else [])
    items = [
        text + (" — " + ", ".join(link(u, u) for u in dict.fromkeys(urls)) if urls else "")
        for text, urls in places.items()
    ]
    return Reply("Dat staat in:\n" + "\n".join(f"- {i}" for i in items), citations=list(citations))


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
