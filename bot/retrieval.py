"""Answer, ask or say nothing is known: the choice made on the retrieval's ranking.

bot.kb.retrieval ranks every unit of the knowledge base for a question; this module turns that
ranking into one reply: the best unit's answer when it is clearly best, "Bedoel je …?" with two or
three candidates when the match is weak or the top records are close, and answers.NOTHING_FOUND
when nothing shares a content word or thesaurus concept with the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import answers
from .answers import Reply
from .kb import KnowledgeBase
from .kb import records as r
from .kb.retrieval import SCREENING_WORDS, Hit, Query, Unit
from .kb.text import content_words, normalize

# The kinds of record a kind of question (intent ask_<kind>) points to, with their boost: a hint, not a filter.
KIND_BOOSTS: dict[str, dict[str, float]] = {
    "fondsen": {"fonds": 1.6},
    "aanvragen": {"fonds": 1.6},
    "werkwijze": {"hoe": 1.4, "werkwijze": 1.2},
    "signalen": {"signaal": 1.6},
    "instrumenten": {"instrument": 1.8},
    "wat_is": {"interventie": 1.2, "organisatie": 1.2, "aanpak": 1.2, "fonds": 1.1, "instrument": 1.1},
    "feiten": {"feit": 1.5, "achtergrond": 1.3},
    "voorbeelden": {"voorbeeld": 1.6},
}

# Words that ask for an instrument: "welke vragenlijst bij het consult van 2 jaar?"
INSTRUMENT_WORDS = SCREENING_WORDS | {"checklist", "tool", "tools", "gesprekstool", "gesprekstools"}

# Below this share of the question's weight a match is weak: ask, don't answer.
MIN_COVERAGE = 0.45
# Below this, the best match shares too little to offer at all.
MIN_OFFER_COVERAGE = 0.2
# The best record must beat the next different record by this factor to be answered outright.
CLEAR_MARGIN = 1.15
# Below this much shared weight (summed idf) one common word is all the question and the record
# share ("hoe pak ik dat aan?" and the programme "Pak aan"): ask, don't answer.
MIN_EVIDENCE = 4.5
MAX_CANDIDATES = 3
# Shared weight (summed idf) that makes a record worth offering in a long casus, whatever its coverage.
LONG_EVIDENCE = 15.0


@dataclass
class Choice:
    action: str  # "answer", "clarify" or "nothing"
    hits: list[Hit]  # answer: the best first; clarify: the candidates


def best_per_record(hits: list[Hit]) -> list[Hit]:
    seen, out = set(), []
    for hit in hits:
        if hit.unit.record not in seen:
            seen.add(hit.unit.record)
            out.append(hit)
    return out


# Amounts, scores, doses, waiting times and the rules of benefits: the sources give none, so such a
# question is not answered from a record that only names the subject ("hoeveel vergoedt het Jeugdfonds
# maximaal per jaar?", "wordt haar bijbaantje van de bijstand afgetrokken?").
UNSTATED_DETAIL = re.compile(
    # "welk bedrag", "dat eenmalige bedrag" asks the amount; "leven van een klein bedrag" does not
    r"\b(hoe hoog|hoeveel (geld|euro|procent|krijgt|krijg|krijgen|vergoedt|kost|kosten|bedraagt|mag|uur|uren|"
    r"weken|dagen)|"
    r"(welk|welke|het|dat|die|deze|de)( \w+)? (bedrag|bedragen)|"
    r"maximaal|maximum|max\.? (bedrag|vergoeding)|per (maand|kwartaal|week|uur)|"
    r"in euros?|wachtlijst|wachttijd|totaalscore|afkappunt|cut ?off|"
    r"(vanaf|boven|onder|bij) welke score|"
    r"precies stap|hoogste percentage|\w+bedrag|\w+bedragen|dosering|doseren|dosis|"
    # the rules of a benefit or allowance: how income counts, who is entitled ("recht op de energietoeslag")
    r"(uitkering|bijstand)( \w+){0,6} (omlaag|afgetrokken|gekort|verrekend)|"
    r"(afgetrokken|gekort|verrekend) (van|op) (de |haar |zijn |hun )?(uitkering|bijstand)|"
    r"recht op (de |het )?\w*toeslag|"
    r"(telt|tellen|rekent|rekenen)( \w+){0,4} (mee )?als (extra |eigen )?inkomen|"
    # one benefit's own rules: who gets it, losing it, how much, applying ("hoe vraagt hij zorgtoeslag aan?")
    r"(krijgt|krijg|krijgen|hoeveel|aanvragen)( \w+){0,10} (kinderopvang|zorg|huur|energie)toeslag|"
    r"(kinderopvang|zorg|huur|energie)toeslag( \w+){0,6} (aan|kwijt|kwijtraakt|krijgen|aanvragen|stopgezet)\b|"
    r"met terugwerkende kracht|"
    # where the nearest one is: the sources name no addresses ("waar zit de dichtstbijzijnde Pamperbank?")
    r"waar (zit|is|zitten|zijn|vind ik) (de|een) dichtstbijzijnde|"
    # who is entitled without a residence permit or BSN: the sources give no such rules
    r"(zonder|geen) (verblijfsvergunning|verblijfsstatus|bsn)|ongedocumenteerd\w*|"
    # what a health insurer covers or decides ("scheldt de verzekeraar die kwijt?"); the sources only say
    # that a child's dentist and contraception are in the basisverzekering
    r"aanvullende verzekering|gemeentepolis|(geen|zonder) zorgverzekering|onverzekerd|"
    r"(bij|met) (de|welke|haar|zijn|hun) (zorg)?verzekeraar|welke (zorg)?verzekeraar|"
    r"(zorg)?verzekeraar( \w+){0,3} (vergoed\w*|dekt|betaalt|kwijt)|"
    r"(scheldt|vergoedt|betaalt|dekt) de (zorg)?verzekeraar|"
    # the kraampakket an insurer gives: the sources do not mention it
    r"kraampakket( \w+){0,4} (zorg)?verzekeraar|(zorg)?verzekeraar( \w+){0,6} kraampakket|"
    # the steps of the meldcode: the sources say to follow them, not what they are
    r"(vijf|5) stappen (van|uit) de meldcode|stappen (van|uit) de meldcode|meldcode( \w+){0,3} (vijf|5) stappen|"
    # how long applying takes, what a programme costs, the part of an income that cannot be seized
    r"hoe lang duurt( \w+){0,7} (aanvraag|aanvragen|behandeling|beoordeling)|doorlooptijd\w*|"
    r"wat kost( \w+){0,3} (inkopen|inkoop)|wat kost( \w+){0,6} per (gezin|kind|deelnemer|traject)|beslagvrije voet|"
    # what the law says: the sources give no legal rules
    r"(wat zegt|volgens) de wet|wettelijke?|juridisch\w*|strafbaar|kantonrechter|"
    r"(eisen|regels) (stelt|stellen) de wet|de wet (kinderopvang|op de jeugdzorg|maatschappelijke ondersteuning)|"
    # the income limit of one scheme in figures: the sources name none ("de inkomensnorm van de voedselbank")
    r"inkomensnorm\w*|tot welk( \w+)? inkomen|welk( \w+)? inkomen (mag|mogen)|"
    r"inkomensgrens( \w+){0,8} in aanmerking|in aanmerking( \w+){0,6} inkomensgrens|"
    # the compensation of the toeslagenaffaire, the amount of a benefit: the sources give neither
    r"hoeveel (compensatie|schadevergoeding|vergoeding|kinderbijslag|uitkering)|"
    # what a landlord or creditor may do ("wanneer mag de verhuurder ze uit huis zetten?")
    r"(mag|mogen) (de |een |hun |haar |zijn )?(verhuurder|woningcorporatie|deurwaarder|schuldeiser|incassobureau)s?)\b"
)


def asks_unstated_detail(text: str) -> bool:
    return bool(UNSTATED_DETAIL.search(normalize(text)))


def literal(hit: Hit, kb: KnowledgeBase | None = None, text: str = "") -> bool:
    """Whether the unit shares a word of the question itself (not only a synonym's)."""
    if kb is not None and text:
        return kb.retriever.shares_word(hit.unit.key, text)
    return any(not label.startswith("concept:") for label in hit.matched)


def literal_first(hits: list[Hit], kb: KnowledgeBase, text: str, within: float = 0.6) -> list[Hit]:
    """The best hit that shares a word with the question before one found through a synonym only,
    when it scores close to it: an answer should be recognisably about what was asked."""
    if not hits or literal(hits[0], kb, text):
        return hits
    for n, hit in enumerate(hits[1:], 1):
        if hit.score < within * hits[0].score:
            break
        if literal(hit, kb, text):
            return [hit] + hits[:n] + hits[n + 1 :]
    return hits


def strong(hit: Hit) -> bool:
    """Shares enough with the question to be answered from (if nothing else is as close)."""
    return hit.coverage >= MIN_COVERAGE and hit.evidence >= MIN_EVIDENCE


def offerable(hit: Hit) -> bool:
    """Shares enough with the question to be offered: a fair share of it, or, in a long casus where
    any record covers little, many of its rarer words ("rangorde tussen disciplines")."""
    return hit.coverage >= MIN_OFFER_COVERAGE or (hit.evidence >= LONG_EVIDENCE and hit.unknown < 0.5)


def choose(hits: list[Hit]) -> Choice:
    ranked = best_per_record(hits)
    if not ranked or not offerable(ranked[0]):
        return Choice("nothing", [])
    top = ranked[0]
    # Most of the question is words no record has ("de hoofdstad van Australië"): it is not in the sources.
    if top.unknown >= 0.5 and top.coverage < MIN_COVERAGE:
        return Choice("nothing", [])
    second = ranked[1] if len(ranked) > 1 else None
    clear = second is None or top.score >= CLEAR_MARGIN * second.score
    if strong(top) and clear:
        return Choice("answer", ranked)
    candidates = [h for h in ranked[:MAX_CANDIDATES] if offerable(h) and h.score >= 0.5 * top.score]
    if len(candidates) == 1 and strong(top):
        return Choice("answer", ranked)
    return Choice("clarify", candidates)


# The gemeente (or organisation) as the one who arranges, pays or buys asks what the Voorwaarden
# sections say: "hoe kan de gemeente de samenwerking … makkelijker maken" is not how professionals
# work together, "moeten wij Stevig Ouderschap als gemeente inkopen?" not what the programme is.
POLICY = re.compile(
    r"\bwat (vraagt|verwacht|adviseert|raadt)( (de|die) handreiking)?( van| aan)?( ons| jullie)?( als)? (de )?"
    r"(gemeenten?|organisaties?)\b"
    r"|\b(als|de|onze|mijn|jullie|een|elke) (gemeenten?|\w*organisaties?) [^.?!]{0,80}?\b"
    r"(zorgen|regelen|faciliteren|makkelijker|mogelijk maken|organiseren|inkopen|inkoopt|subsidieren|subsidieert|"
    r"financieren|financiert)\b"
    r"|\b(zorgen|regelen|faciliteren|organiseren|inkopen|subsidieren|financieren) (we|wij) als "
    r"(gemeenten?|organisaties?)\b"
    r"|\bwat (kan|kunnen|moet|moeten) (we|wij) als (gemeenten?|organisaties?)\b"
    r"|\b(de )?(rol|taak|taken) van (de|onze|een|elke) gemeenten?\b"
    r"|\b(subsidieren|subsidieert|financieren|inkopen)\b[^.?!]*\b(voldoen|eisen)\b"
    # whether a programme is there everywhere: "waarom is Stevig Ouderschap niet in elke gemeente beschikbaar?"
    r"|\b(in|bij) (elke|iedere|alle) gemeenten? (beschikbaar|aangeboden|ingekocht)\b"
    r"|\b(beschikbaar|aangeboden|ingekocht) (in|bij) (elke|iedere|alle) gemeenten?\b|\bniet overal beschikbaar\b"
)
# How a question asks for one section of a werkwijze; the gemeente as the one who arranges first.
SECTION_WORDS = [
    ("voorwaarden", POLICY),
    # not "moet ik uitleggen waarom ik dat vraag?", "ouders vragen waarom ik dat wil weten": how to explain
    # it (the Hoe-blocks), not why the werkwijze matters
    (
        "waarom",
        re.compile(
            r"\b((?<!uitleggen )(?<!vertellen )(?<!zeggen )(?<!aangeven )(?<!uitleg )(?<!uit )(?<!vragen )"
            r"(?<!vraagt )(?<!vroeg )(?<!vroegen )waarom|waarvoor is|"
            r"wat is het nut|wat levert .* op|hoe komt het dat)\b"
        ),
    ),
    (
        "samenwerken",
        # also the split verb: "hoe werk je daarin samen?"
        re.compile(
            r"\b(samenwerken|samenwerking|met wie|welke partners|samen met|werk(t|en)?( \w+){0,3} samen"
            # "wie moet ik er allemaal bij betrekken?"
            r"|wie (moet|moeten|kan|kunnen|zou|zouden) (ik|we|wij|je) (er )?(allemaal )?(bij )?"
            r"(betrekken|inschakelen))\b"
        ),
    ),
    (
        "voorwaarden",
        re.compile(
            r"\b(voorwaarden?|wat is (er )?(volgens (de|het) \w+ )?nodig|wat (kan|kunnen) (de|onze|mijn|een|die)? ?"
            r"(gemeenten?|organisaties?)|randvoorwaarden|budget|nascholing|scholing|"
            # "waar moeten we op letten zodat gezinnen in armoede kunnen meedoen?": what it takes, not signals
            r"op letten,? (zodat|om)|letten we op,? (zodat|om))\b"
        ),
    ),
    ("wat", re.compile(r"\b(wat (houdt|is) (de werkwijze|het|dat)|wat houdt .* in|wat betekent|wat wordt bedoeld)\b")),
]


HOW = re.compile(
    r"^(en )?hoe\b|\bhoe (kan|kun|moet|pak|zorg|help|begin|ga|maak|bouw|werk|ondersteun|stimuleer|"
    r"versterk|bereik|signaleer|herken|bespreek)"
)


def asks_policy(text: str) -> bool:
    """The question asks what a gemeente or organisation arranges (POLICY)."""
    return bool(POLICY.search(normalize(text)))


def asked_section(text: str) -> str | None:
    """The werkwijze section a question asks for; "hoe" for a how-question (the Hoe-blocks)."""
    norm = normalize(text)
    if POLICY.search(norm):
        return "voorwaarden"
    # Two questions in one ("met wie werk ik samen en waarom is dat belangrijk?"): the first one asked.
    found = min(
        ((m.start(), section) for section, pattern in SECTION_WORDS[1:] if (m := pattern.search(norm))), default=None
    )
    return found[1] if found else ("hoe" if HOW.search(norm) else None)


def asks_section(text: str, section: str) -> bool:
    """Whether the question asks for that section too, first or not ("waarom zouden we samenwerken …")."""
    norm = normalize(text)
    return any(name == section and pattern.search(norm) for name, pattern in SECTION_WORDS)


def search(
    kb: KnowledgeBase,
    text: str | Query,
    kind: str | None = None,
    age_group: str | None = None,
    needs: tuple[str, ...] = (),
    gemeente: str | None = None,
    section: str | None = None,
    limit: int = 12,
) -> list[Hit]:
    return kb.retriever.search(
        text,
        kinds=KIND_BOOSTS.get(kind or "", None),
        age_group=age_group,
        needs=needs,
        gemeente=gemeente,
        section=section,
        limit=limit,
    )


# --- a unit's answer ----------------------------------------------------------------------------------


def unit_record(kb: KnowledgeBase, key: str) -> tuple[r.Record | None, str | None]:
    """The record of a unit key ("hoe:x", "werkwijze:x/waarom", "fonds:x") and its section, if any."""
    kind, _, rest = key.partition(":")
    record_id, _, section = rest.partition("/")
    if kind == "werkwijze":
        return kb.record("werkwijze", record_id), section or None
    return kb.record(kind, record_id), None


def unit_answer(kb: KnowledgeBase, key: str, text: str = "", offset: int = 0) -> Reply | None:
    """The answer that leads with exactly this unit; points matching the text first."""
    record, section = unit_record(kb, key)
    if record is None:
        return None
    if isinstance(record, r.Werkwijze):
        if section in answers.SECTION_LABELS:
            return answers.section_answer(record, section)
        return answers.werkwijze_answer(record)
    points = getattr(record, "points", ())
    order = kb.retriever.point_order(points, text) if text and points else None
    return answers.record_answer(record, offset, order)


def signal_answer(kb: KnowledgeBase, hits: list[Hit], text: str = "") -> Reply:
    """Signals that match the question: the best and those close to it, as one list."""
    top = hits[0]
    close = [h for h in hits if h.unit.kind == "signaal" and h.score >= 0.6 * top.score]
    close = [h for h in close if literal(h, kb, text)][: answers.PAGE_SIZE] or [top]
    found = [kb.record("signaal", h.unit.record_id) for h in close]
    return answers.signals_answer([s for s in found if s], heading="Dit staat op de Signaleringslijst kinderarmoede")


def clarify_reply(hits: list[Hit]) -> Reply:
    return answers.clarify_answer([(h.unit.key, title(h.unit), h.unit.kind) for h in hits])


def title(unit: Unit) -> str:
    return unit.title[0].upper() + unit.title[1:] if unit.title else unit.key


def reply_for(kb: KnowledgeBase, choice: Choice, text: str) -> Reply:
    if choice.action == "nothing":
        # A question of a word or two ("welke hulp is er?") is vague, not unknown: ask what it is about.
        if len(content_words(text)) <= 2:
            return answers.topics_answer()
        return answers.nothing_found_answer()
    if choice.action == "clarify":
        return clarify_reply(choice.hits)
    choice.hits[:] = literal_first(choice.hits, kb, text)
    top = choice.hits[0]
    if not literal(top, kb, text):
        # Found through its zoekvragen or a typo only: offer it, never answer from it as if certain.
        return clarify_reply(choice.hits[:MAX_CANDIDATES])
    if top.unit.kind == "signaal":
        return signal_answer(kb, choice.hits, text)
    return unit_answer(kb, top.unit.key, text) or answers.nothing_found_answer()
