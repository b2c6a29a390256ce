"""One function per kind of question: parameters in, a Reply and the state to remember out.

The Rasa actions are thin wrappers around these: they gather the parameters from the
tracker (entities, slots, the message text) and send the Reply. Keeping the logic
here makes it testable against a real knowledge base without a running Rasa.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace

from . import answers, retrieval
from .answers import Reply
from .asking import asking_part, is_question
from .kb import KnowledgeBase
from .kb.ages import AGE_WORDS, AgeRange, find_stage, outside_stated_ages, parse_age, parse_fase
from .kb.records import Entry, Fund, FundSearch
from .kb.retrieval import STEERING
from .kb.text import content_words, is_dutch_word, keys, normalize, without_brackets, words
from .kb.thesaurus import thesaurus
from .kb.vocabulary import LEEFTIJDSFASEN
from .left_out import funds_turned_down, left_out
from .not_in_sources import (
    asks_figure,
    figures_of_a_place,
    gives_asked_figure,
    never_in_sources,
    other_gemeente,
    unknown_names,
    unknown_words,
)
from .privacy_names import TIME_WORDS

# Words a user types for who applies, mapped to the knowledge base's aanvragers.
APPLICANT_WORDS = {
    "ouders": {"ouder", "ouders", "moeder", "vader", "gezin", "zelf", "ouders zelf"},
    "intermediair": {"intermediair", "intermediairs", "tussenpersoon"},
    "hulpverlener": {
        "hulpverlener",
        "professional",
        "jeugdverpleegkundige",
        "jeugdarts",
        "verloskundige",
        "wijkteam",
        "maatschappelijk",
        "sociaal",
        "kraamverzorgende",
        "hulpverleners",
    },
    "school": {"school", "leerkracht", "juf", "meester", "basisschool", "iber", "intern"},
    "instelling": {"gemeente", "instelling", "kerk", "bewindvoerder", "stichting"},
}


@dataclass
class Question:
    """What the user asked, with the conversation's remembered details."""

    kind: str
    text: str = ""
    need: str | None = None
    age: str | None = None
    applicant: str | None = None
    gemeente: str | None = None
    name: str | None = None
    topic: str | None = None
    offset: int = 0
    shown_funds: list[str] = field(default_factory=list)
    # Records the question names to leave them out ("geen Leergeld in onze gemeente"): see left_out.py.
    left_out: list[str] = field(default_factory=list)

    def state(self) -> dict:
        """What to remember to answer "meer" or a follow-up: everything but the offset and text."""
        data = asdict(self)
        data.pop("offset")
        data.pop("shown_funds")
        data.pop("left_out")
        return data


@dataclass
class Outcome:
    reply: Reply
    question: Question
    fund_ids: list[str] = field(default_factory=list)
    # An answer about the items of the previous answer ("wie kan dat aanvragen?" after a fund
    # list): "meer", "andere fondsen?" and follow-ups then go on from that previous answer.
    about_previous: bool = False


def parse_applicant(text: str | None) -> str | None:
    if not text:
        return None
    tokens = set(words(text))
    # The family is most often who it is for ("kan ik als wijkteam voor een gezin aanvragen?"): a
    # professional, school or institution named beside it is the one who applies.
    for applicant in sorted(APPLICANT_WORDS, key=lambda a: a == "ouders"):
        if tokens & APPLICANT_WORDS[applicant]:
            return applicant
    return None


def _age_label(question: Question) -> tuple[object, str | None]:
    # A school stage in the text ("groep 7", "havo 5") is the age, whatever number the NLU tagged in it.
    if question.text and find_stage(normalize(question.text).split()):
        age = parse_age(question.text)
    else:
        age = parse_age(question.age) or parse_age(question.text)
    return age, (age.label if age else None)


# --- handlers -----------------------------------------------------------------------------

# Words of a fund question that say nothing about the need itself.
FUND_QUESTION_WORDS = {
    "fonds",
    "fondsen",
    "regeling",
    "regelingen",
    "vergoeding",
    "vergoedingen",
    "subsidie",
    "stichting",
    "aanvragen",
    "aanvraag",
    "vraag",
    "vragen",
    "betalen",
    "betaalt",
    "betaald",
    "vergoedt",
    "bekostigen",
    "kosten",
    "geld",
    "potje",
    "bijdrage",
    "hulp",
    "helpen",
    "helpt",
    "steun",
    "ondersteuning",
    "financieel",
    "financiele",
    "financiering",
    "gezin",
    "gezinnen",
    "ouder",
    "ouders",
    "moeder",
    "vader",
    "dochter",
    "zoon",
    "kind",
    "kinderen",
    "jongen",
    "meisje",
    "client",
    "clienten",
    "cliënt",
    "mevrouw",
    "meneer",
    "familie",
    "nodig",
    "zoeken",
    "zoek",
    "zoekt",
    "krijgen",
    "kopen",
    "aanschaf",
    "aanschaffen",
    "nieuwe",
    "nieuw",
    "gratis",
    "tegemoetkoming",
    "minima",
    "arm",
    "armoede",
    "weinig",
    "budget",
    "landelijk",
    "landelijke",
    "lokaal",
    "lokale",
    "gemeente",
    "jaar",
    "oud",
    "leeftijd",
    "extra",
    "voorziening",
    "voorzieningen",
    "iets",
    "ergens",
    "mogelijkheden",
    "mogelijkheid",
    "andere",
    "ander",
    "nog",
    "meer",
    "zijn",
    "heeft",
    "hebben",
    "mag",
    "welk",
    "welke",
    "wie",
    "hoeveel",
    "zwanger",
    "zwangere",
    "aanstaande",
    "jongere",
    "jongeren",
}
# A need for the parent, not for a child of some age: no age buttons.
PARENT_WORDS = {
    "moeder",
    "vader",
    "ouder",
    "ouders",
    "zwanger",
    "zwangere",
    "zwangerschap",
    "volwassene",
    "volwassen",
    "zelf",
    "aanstaande",
}


# Words that put a child in the question (with the age words: baby, peuter, zwangere, …).
CHILD_WORDS = {
    "kind",
    "kinderen",
    "kindje",
    "kids",
    "zoon",
    "zoontje",
    "dochter",
    "dochtertje",
    "jongen",
    "meisje",
    "leerling",
    "leerlingen",
    "gezin",
    "broertje",
    "zusje",
}
ADULT = AgeRange(18, 120, None, "ouder zelf")
# The parent's own need in so many words: "van de ouders zelf", "voor moeder zelf", "voor hemzelf".
PARENT_THEMSELVES = re.compile(
    r"\b(van|voor) (de |die |deze |haar |zijn )?(ouders?|moeders?|vaders?|volwassenen?) zelf\b"
    r"|\b(van|voor) (hem|haar|hen|zich)zelf\b"
)
# Needs whose own name makes them a child's ("schoolreis", "babyspullen", "kinderopvang"): when only a
# parent is named ("moeder kan de schoolreis niet betalen"), the need is still the child's.
CHILD_NEED = re.compile(r"school|kinder|baby|luier|speelgoed|verjaardag|traktatie|bijles")
# A fund named for children: "Tandartskosten voor kinderen", "Jeugdfonds …".
CHILD_FUND = re.compile(r"kind|jeugd|jongeren|baby")


def _child_need(kb: KnowledgeBase, need_ids: list[str]) -> bool:
    names = kb.need_names
    return any(CHILD_NEED.search(names.get(n, n)) for n in need_ids)


def _child_fund(fund: Fund) -> bool:
    return fund.min_age is None and fund.max_age is None and bool(CHILD_FUND.search(normalize(fund.name)))


# "moeder haalt kleding voor haar": someone other than the parent, the child talked about (for herself
# would be "voor zichzelf", PARENT_THEMSELVES).
FOR_SOMEONE_ELSE = re.compile(r"\bvoor (haar|hem|hen|ze)\b(?! ?zelf)")


def _for_parent_only(text: str) -> bool:
    """The question names a parent and no child, no age group and no age: the parent's own need."""
    tokens = set(words(text))
    return bool(tokens & PARENT_WORDS - {"zwanger", "zwangere", "zwangerschap", "aanstaande"}) and not (
        tokens & (CHILD_WORDS | AGE_WORDS) or parse_age(text) or FOR_SOMEONE_ELSE.search(normalize(text))
    )


def _unknown_need(kb: KnowledgeBase, text: str) -> str | None:
    """The words of a fund question that name a need the knowledge base does not know ("rijles",
    "schulden"), or None when the text names no need at all."""
    tokens = normalize(text).split()
    stage = find_stage(tokens)
    skip = stage[1] if stage else set()
    gemeenten = set(kb.gemeenten)
    content = set(content_words(text))
    left = [
        t
        for i, t in enumerate(tokens)
        if i not in skip
        and t in content
        and t not in FUND_QUESTION_WORDS
        and t not in AGE_WORDS
        and not t.isdigit()
        and t not in gemeenten
        and not any(t in v for v in APPLICANT_WORDS.values())
        and not parse_age(t)
    ]
    return " ".join(left) or None


def _thesaurus_needs(text: str) -> list[str]:
    return [c.need for c in thesaurus().find(text) if c.need]


# Needs that, for an unborn or newborn child, are what a baby start package holds.
BABY_THINGS = {"bed", "kleding", "linnengoed", "kamerinrichting", "speelgoed"}


# How an application may turn out: "dat een aanvraag afgewezen kan worden", "kan ik beloven dat het lukt?"
APPLICATION_OUTCOME = re.compile(
    r"\b(afgewezen|afwijzing|toegekend|toekenning|goedgekeurd|beloven|belofte|toezegging|valse hoop)\b"
)


def fondsen(kb: KnowledgeBase, q: Question) -> Outcome:
    # A need named in this message wins over a remembered one; a need the text names but the
    # knowledge base does not know is said so, never answered with the remembered one.
    named = [rid for kind, rid in kb.find_named(q.text) if kind == "fonds"] if q.text and not q.offset else []
    if (
        not named
        and q.text
        and not q.offset
        and APPLICATION_OUTCOME.search(normalize(q.text))
        and not kb.resolve_needs(q.text)
    ):
        # "hoe breng ik het dat een aanvraag ook afgewezen kan worden?": how to talk about what may come of
        # an application (a werkwijze's point), no need to find a fund for; a fund it names is about that fund
        return werkwijze(kb, replace(q, kind="werkwijze", need=None))
    if named and where_they_are(kb, named[0], q.text):
        named = []
    if named:
        # "Wat doet Jeugdfonds Sport & Cultuur?" asked as a fund question: that fund.
        return Outcome(answers.fund_detail_answer(kb.fund(named[0])), q, named[:1])
    text_needs = kb.resolve_needs(q.text) or _thesaurus_needs(q.text)
    need_text = q.need
    if text_needs:
        need_text = q.text if kb.resolve_needs(q.text) else " ".join(text_needs)
        if q.need and set(kb.resolve_needs(q.need)) == set(text_needs):
            need_text = q.need  # the NLU's words for the same need ("kleren" in "nette kleren")
    elif q.text and not (q.left_out and q.need) and (unknown := _unknown_need(kb, q.text)):
        # (With a name left out, the rest is about the remembered need: "als hun gemeente geen … heeft?")
        if not (q.need and kb.resolve_needs(q.need) and set(words(q.need)) <= set(words(q.text))):
            need_text = unknown
            # No need the fund finder knows: funds whose own text is about it still count.
            found = _funds_by_retrieval(kb, q, unknown) or _programme_instead(kb, q) if not q.offset else None
            if found:
                return found
    q = replace(q, need=need_text)
    age, _ = _age_label(q)
    needs = set(kb.resolve_needs(need_text or ""))
    if age is not None and age.fase == "ongeboren-pasgeboren" and needs and needs <= BABY_THINGS:
        # "zwangere heeft nog geen bedje en geen kleertjes": for a baby these are babyspullen
        q = replace(q, need=f"{need_text} babyspullen")
        need_text = q.need
    if age is None and _for_parent_only(q.text) and not _child_need(kb, kb.resolve_needs(q.need)):
        # "Moeder zoekt sollicitatiekleding": a need of the parent, not of a child; no child's fund.
        age = ADULT
    themselves = bool(q.text and not parse_age(q.text) and PARENT_THEMSELVES.search(normalize(q.text)))
    if themselves:
        # "en de tandartskosten van de ouders zelf?": the parent's own, whatever child came before.
        age = ADULT
    # Who applies, from the text only when it asks about applying ("mag de school dat aanvragen?").
    asks_applying = bool(set(words(q.text)) & {"aanvragen", "aanvraag", "aanvraagt", "indienen", "aanmelden"})
    applicant = parse_applicant(q.applicant) or (parse_applicant(q.text) if asks_applying else None)
    if themselves and not asks_applying:
        applicant = None  # "de tandartskosten van de ouders zelf": for whom, not who applies
    if not need_text and applicant:
        # "Voor welke fondsen vraagt een hulpverlener aan?": every fund that applicant can apply for.
        search = kb.find_funds(None, age=age, applicant=applicant, gemeente=q.gemeente)
        reply = answers.funds_answer(search, q.offset)
        return Outcome(reply, q, [f.id for f in search.funds[q.offset : q.offset + answers.PAGE_SIZE]])
    search = kb.find_funds(need_text, age=age, applicant=applicant, gemeente=q.gemeente)
    if themselves:
        # Nor a fund without a stated age that is a child's by its name ("Tandartskosten voor kinderen").
        search = replace(search, funds=tuple(f for f in search.funds if not _child_fund(f)))
    if applicant and need_text and not search.funds and not search.unknown_need:
        # "kan ik als wijkteam kleding aanvragen?": no fund for it names that applicant; the need's funds
        # with who does apply for them say more than "geen fonds".
        wider = kb.find_funds(need_text, age=age, applicant=None, gemeente=q.gemeente)
        if wider.funds:
            search = replace(wider, applicant=applicant, other_applicants=True)
    if not need_text and not search.needs:
        # "zwangere is 16, welke financiële regelingen zijn er?": no need, but a fund whose own text is
        # about the question; ask what for only when none is.
        subject = set(content_words(q.text or "")) - VAGUE_WORDS - FUND_QUESTION_WORDS
        found = _funds_by_retrieval(kb, q, q.text) if subject and not q.offset else None
        found = found or (_programme_instead(kb, q) if subject and not q.offset else None)
        return found or Outcome(answers.ask_need_answer(), q)
    if search.unknown_need:
        return Outcome(_unknown_need_reply(kb, search, q), q)
    if not search.funds and search.needs and not q.offset and (said := _need_in_guidance(kb, q, search, age)):
        return said
    funds = [f for f in search.funds if f"fonds:{f.id}" not in q.left_out]
    if search.funds and not funds:
        # "en als hun gemeente geen witgoedregeling heeft?": the need's only funds are left out; the
        # sources' pointers for what no listed fund covers are what remains.
        return _funds_of_last_resort(kb, search, q)
    search = replace(search, funds=_ranked_by_question(kb, funds, q.text or q.need or ""))
    if q.text and (best := _fund_named_by_situation(kb, search.funds, q.text, age)):
        search = replace(search, funds=(best, *search.funds))
    for_parent = bool(set(words(q.text)) & PARENT_WORDS) or any(c.parent for c in thesaurus().find(q.text))
    offer_ages = search.age_matters and age is None and not for_parent
    reply = answers.funds_answer(search, q.offset, offer_ages=offer_ages)
    shown = [f.id for f in search.funds[q.offset : q.offset + answers.PAGE_SIZE]]
    return Outcome(reply, q, shown)


# Where the handreiking sends a professional when no listed fund fits: an emergency fund that also
# supplements other schemes, the gemeente's own funds, and the two overview sites (Bijlagen › Overzicht
# fondsen). tests/bot checks that each id exists.
LAST_RESORT_FUNDS = ("stichting-urgente-noden-nederland", "lokale-fondsen", "bijstandsblues", "bv-familie")


def _funds_of_last_resort(kb: KnowledgeBase, search: FundSearch, q: Question) -> Outcome:
    funds = tuple(f for f in (kb.fund(fid) for fid in LAST_RESORT_FUNDS) if f and f"fonds:{f.id}" not in q.left_out)
    left = [fund.name for key in q.left_out if key.startswith("fonds:") and (fund := kb.fund(key.split(":", 1)[1]))]
    about = " of ".join(search.needs) or "deze vraag"
    lead = f"Naast {' en '.join(left)} noemen de bronnen voor {about} geen ander fonds. Wat je nog kunt proberen:"
    reply = answers.funds_answer(replace(search, funds=funds), opening=lead)
    return Outcome(reply, q, [f.id for f in funds[: answers.PAGE_SIZE]])


def _need_in_guidance(kb: KnowledgeBase, q: Question, search: FundSearch, age) -> Outcome | None:
    """No fund for the need at this age ("bijles" for a havo-leerling), but a record whose own text names
    the need (a Hoe-block point on huiswerkbegeleiding): say that no fund is listed, then what the sources
    do say about it. A record for the age group asked about comes before one for every age; a record for
    another age group never counts. None when no such record matches the question."""
    if not q.text:
        return None
    terms = [term for need_id in kb.resolve_needs(q.need or q.text) for term in kb.need_terms.get(need_id, ())]
    fase = age.fase if age is not None else None
    hits = [
        h
        for h in kb.retriever.search(q.text, age_group=fase, limit=20)
        if h.unit.kind != "fonds"
        and not h.unit.local
        and not (fase and h.unit.age_groups and fase not in h.unit.age_groups)
    ]
    hits.sort(key=lambda h: not (fase and fase in h.unit.age_groups))  # stable: by score within each
    for hit in hits:
        if any(kb.retriever.mentions(hit.unit.key, term) for term in terms):
            reply = retrieval.unit_answer(kb, hit.unit.key, q.text)
            if reply is None:
                continue
            reply.text = f"{answers.no_fund_line(search)} Wel zeggen de bronnen hierover:\n{reply.text}"
            return Outcome(reply, replace(q, topic=hit.unit.key))
    return None


def _ranked_by_question(kb: KnowledgeBase, funds: tuple, text: str) -> tuple:
    """The fund finder's funds with those whose own text matches more of the question first ("gratis
    speelgoed lenen": the speelotheken before the general funds); the gemeente's local funds stay
    first. The same text gives the same order, so "meer" pages on consistently."""
    if not text or len(funds) < 2:
        return funds
    score = {
        h.unit.record_id: h.score for h in kb.retriever.search(text, only=("fonds",), limit=len(kb.retriever.units))
    }
    return tuple(sorted(funds, key=lambda f: (f.gemeente is None, -score.get(f.id, 0.0))))


def _fund_named_by_situation(kb: KnowledgeBase, funds: tuple, text: str, age) -> Fund | None:
    """A national fund the need list does not reach (it is for a moment, not a need: "de start op de
    middelbare school") that matches the question far better than every fund the list has."""
    hits = [h for h in kb.retriever.search(text, only=("fonds",), limit=5) if not h.unit.local]
    if not hits or hits[0].coverage < 0.8 or hits[0].evidence < retrieval.MIN_EVIDENCE:
        return None
    listed = {f.id for f in funds}
    best = hits[0]
    rival = max((h.score for h in hits[1:] if h.unit.record_id in listed), default=0.0)
    fund = kb.fund(best.unit.record_id)
    if best.unit.record_id in listed or best.score < 1.4 * rival or fund is None:
        return None
    return fund if age is None or age.overlaps(fund.min_age, fund.max_age) else None


def _programme_instead(kb: KnowledgeBase, q: Question) -> Outcome | None:
    """No fund for what a fund question asks, but a programme the sources name for it and clearly best:
    "wil stoppen met roken maar kan geen hulpmiddelen betalen" → Stopstone. None otherwise."""
    if set(words(q.text)) & {"fonds", "fondsen"}:
        return None  # "welk fonds helpt bij schulden?" asks for a fund: none is said, not a programme
    choice, _ = _retrieve(kb, replace(q, kind="wat_is"), None)
    best = choice.hits[0] if choice.action == "answer" else None
    # Most of the question's words in it: a fund question the sources cannot answer stays one.
    if best is not None and best.unit.kind in ("interventie", "aanpak", "organisatie") and best.coverage >= 0.75:
        return unit_outcome(kb, q, choice)
    return None


def _funds_by_retrieval(kb: KnowledgeBase, q: Question, need: str) -> Outcome | None:
    """Funds whose text matches the question well, when no behoefte does ("een uitje in de
    zomervakantie", "achternaam laten veranderen"); None when none does. `need`: the question's words
    that name what is needed (_unknown_need)."""
    query = kb.retriever.query(q.text)
    if set(kb.retriever.unknown_words(query)) & set(need.split()):
        # "wordt een pretecho vergoed?": no record knows what is asked for; a fund that shares only
        # "vergoed" with the question is not about it.
        return None
    age, _ = _age_label(q)
    hits = kb.retriever.search(query, age_group=age.fase if age else None, only=("fonds",), limit=20)
    # The fund's own text names the need, not only its zoekvragen or the question's other words: "een
    # cliënt met schulden" asks for clothes there; "welk fonds helpt bij schulden" is no "helpt".
    hits = [h for h in hits if retrieval.literal(h, kb, need)]
    if not hits or hits[0].coverage < retrieval.MIN_COVERAGE:
        return None
    wanted = [h.unit.record_id for h in hits if h.score >= 0.5 * hits[0].score][: answers.PAGE_SIZE]
    funds = [f for f in (kb.fund(fid) for fid in wanted) if f and (age is None or age.overlaps(f.min_age, f.max_age))]
    if not funds:
        return None
    search = FundSearch((), None, age.label if age else None, None, q.gemeente, tuple(funds))
    reply = answers.funds_answer(search)
    return Outcome(reply, replace(q, need=None), [f.id for f in funds])


def _unknown_need_reply(kb: KnowledgeBase, search, q: Question) -> Reply:
    """No fund for this need: say so; where the sources do say something about it, offer that."""
    reply = answers.funds_answer(search)
    hits = [
        h
        for h in retrieval.best_per_record(retrieval.search(kb, search.unknown_need, limit=6))
        if h.unit.kind != "fonds" and h.coverage >= retrieval.MIN_COVERAGE
    ][:2]
    if hits:
        reply.text += "\nOver dit onderwerp staat wel iets in de bronnen:"
        reply.buttons = [(retrieval.title(h.unit)[:60], answers.topic_payload(h.unit.key)) for h in hits]
    return reply


def aanvragen(kb: KnowledgeBase, q: Question) -> Outcome:
    named = [rid for kind, rid in kb.find_named(" ".join(filter(None, [q.text, q.name]))) if kind == "fonds"]
    if not named and q.text and not q.offset and APPLICATION_OUTCOME.search(normalize(q.text)):
        # "wat als de aanvraag wordt afgewezen, hoe breng ik dat?" after funds: how to talk about it
        return fondsen(kb, replace(q, kind="fondsen"))
    fund_ids = named or q.shown_funds
    funds = [f for f in (kb.fund(fid) for fid in fund_ids) if f]
    applicant = parse_applicant(q.applicant)
    if applicant:
        # "Moeder wil zelf aanvragen, waar kan dat?": the funds this applicant can apply to first.
        funds.sort(key=lambda f: applicant not in f.applicants)
    if not funds and q.text and not q.offset:
        # No fund to say how to apply for ("voor welke fondsen vraagt een hulpverlener aan?"): the fund finder.
        return fondsen(kb, replace(q, kind="fondsen"))
    return Outcome(
        answers.application_answer(funds), q, [f.id for f in funds], about_previous=bool(funds) and not named
    )


# "Wat kan de gemeente / mijn organisatie doen?" The handreiking answers that in 1.3 (Professionals
# versterken en faciliteren), not in a werkwijze: these are its two records on it.
ROLE_ENTRIES = {"gemeente": "faciliteren-van-professionals", "organisatie": "investeren-in-professionals"}
ROLE_WORDS = {
    "gemeente": {"gemeente", "gemeenten", "gemeentes", "wethouder"},
    "organisatie": {"organisatie", "organisaties", "werkgever", "werkgevers", "instelling", "instellingen"},
}
ROLE_TOPIC_WORDS = {
    "kinderarmoede",
    "armoede",
    "professionals",
    "professional",
    "jgz",
    "jeugdgezondheidszorg",
    "gezinnen",
    "kinderen",
    "onze",
    "mijn",
    "meer",
    "beter",
    "tegen",
    "aanpak",
    "aanpakken",
}
ROLE_QUESTION_WORDS = {"doen", "taak", "taken", "rol", "bijdragen", "regelen", "faciliteren", "ondersteunen"}


def role_entry(kb: KnowledgeBase, text: str) -> Entry | None:
    """The record on what gemeenten or organisaties can do, when the text asks that."""
    tokens = set(words(text))
    if not tokens & ROLE_QUESTION_WORDS:
        return None
    # "wat kan de gemeente aan de buitenruimte doen zodat kinderen meer bewegen?" is about a werkwijze
    # (its Voorwaarden), not about the role of gemeenten in general.
    topic = [
        w
        for w in content_words(text)
        if w not in ROLE_QUESTION_WORDS and w not in ROLE_TOPIC_WORDS and not any(w in v for v in ROLE_WORDS.values())
    ]
    if len(topic) >= 2:
        return None
    for role, vocabulary in ROLE_WORDS.items():
        if tokens & vocabulary:
            return kb.entry("achtergrond", ROLE_ENTRIES[role])
    return None


def werkwijze(kb: KnowledgeBase, q: Question) -> Outcome:
    role = None if q.topic else role_entry(kb, q.text)
    if role:
        return Outcome(answers.entry_answer(role, q.offset), q)
    if q.topic:
        block = kb.hoe_block(q.topic)
        if block:
            order = kb.retriever.point_order(block.points, q.text) if q.text else None
            if q.offset:
                return Outcome(answers.block_rest_answer(block, q.offset, order), q)
            return Outcome(answers.block_answer(block, order), q)
    if not words(q.text) or OVERVIEW.search(normalize(q.text)):
        return Outcome(overview(kb), q)
    if retrieval.asked_section(q.text) == "hoe" or ASKS_HOW.search(normalize(q.text)):
        how = how_answer(kb, q)
        if how is not None:
            return how
    choice, hits = _retrieve(kb, q, "werkwijze")
    if COMPARES.search(normalize(q.text)) and (compared := _compared_werkwijzen(kb, q.text)):
        section = retrieval.asked_section(q.text) or "wat"
        section = section if section in answers.SECTION_LABELS else "wat"
        return Outcome(answers.sections_side_by_side(compared, section), q)
    if choice.action == "nothing" and (in_full := _sections_named_in_full(kb, hits, q.text)):
        # "Wat is het verschil tussen sociale steun en participatie? Ze lijken erg op elkaar …": the
        # rest of the message dilutes the match, but the werkwijzen it names are what it asks about.
        choice = retrieval.Choice("clarify" if len(in_full) > 1 else "answer", in_full)
    if choice.action == "clarify" and (named := _named_section(kb, choice.hits, q.text)):
        choice = retrieval.Choice("answer", [named] + [h for h in choice.hits if h is not named])
    if (
        choice.action == "clarify"
        and choice.hits
        and choice.hits[0].unit.kind == "hoe"
        and retrieval.strong(choice.hits[0])
    ):
        # A werkwijze question whose best blocks are close: the best block, the others as buttons.
        choice = retrieval.Choice("answer", choice.hits)
    if choice.action != "answer":
        return Outcome(retrieval.reply_for(kb, choice, q.text), q)
    best = choice.hits[0]
    if best.unit.kind != "hoe":
        return unit_outcome(kb, q, choice)
    block = kb.hoe_block(best.unit.record_id)
    reply = _block_reply(kb, block, q.text, [h for h in choice.hits[1:] if h.unit.kind == "hoe"][:2])
    return Outcome(reply, replace(q, topic=block.id))


# "wat is het verschil tussen …", "hoe verhouden … zich tot elkaar", "vergelijk …"
COMPARES = re.compile(r"\b(verschil|verschillen|vergelijk\w*|verhouden|onderscheid)\b")


def _compared_werkwijzen(kb: KnowledgeBase, text: str) -> list:
    """The two or three werkwijzen a comparing question names by their whole names, in the order named."""
    norm = normalize(text)
    named = [w for w in kb.werkwijzen() if _names_literally(kb, "werkwijze", w.id, text)]
    named.sort(key=lambda w: norm.find(normalize(w.name).split()[0]))
    return named if 2 <= len(named) <= 3 else []


# "komt armoede vaak voor bij mensen die gewoon werken?", "armoede zit toch vooral bij mensen in de
# bijstand?", "het zijn toch vooral gezinnen in de bijstand die arm zijn?": who lives in poverty.
WHO_IS_POOR = re.compile(
    r"\b(komt|zit|zitten) (de |die )?armoede (\w+ ){0,3}(bij|in|onder)\b"
    # not "waar de armoede zit"
    r"|(?<!waar )(?<!waar de )\barmoede (vooral |meestal |vaak |het meest )?(komt|zit|zitten|voorkomt) "
    r"(\w+ ){0,3}(bij|in|onder)\b"
    r"|\b(vooral|alleen|meestal|vaak) (\w+ ){0,5}(die|dat) arm (zijn|is)\b"
    r"|\b(wie|welke (gezinnen|kinderen|mensen|ouders)) (zijn|is|leven|wonen) (er )?(vooral |het vaakst )?"
    r"(in armoede|arm)\b"
)
WHO_IS_POOR_RECORD = "achtergrond:welke-kinderen-leven-in-armoede"


def who_lives_in_poverty(kb: KnowledgeBase, q: Question) -> Outcome | None:
    """Which children and families live in poverty: the handreiking's part on that first, then the facts
    the question matches best (working parents, the self-employed), as the background asks it. None when
    the background matches nothing of the question."""
    hits = retrieval.best_per_record(kb.retriever.search(q.text, only=("achtergrond", "feit"), limit=12))
    if not hits:
        return None
    hits = sorted(hits, key=lambda h: h.unit.record != WHO_IS_POOR_RECORD)
    return unit_outcome(kb, replace(q, kind="wat_is"), retrieval.Choice("answer", hits))


def _sections_named_in_full(kb: KnowledgeBase, candidates: list[retrieval.Hit], text: str) -> list[retrieval.Hit]:
    """The werkwijze sections among the candidates whose werkwijze the text names by its whole name."""
    return [
        h
        for h in candidates
        if h.unit.kind == "werkwijze" and _names_literally(kb, "werkwijze", h.unit.record_id.split("/")[0], text)
    ][:3]


def _named_section(kb: KnowledgeBase, candidates: list[retrieval.Hit], text: str) -> retrieval.Hit | None:
    """Among close werkwijze sections, the one whose werkwijze the question names by a word of its
    name that no other werkwijze's name has ("waarom is vertrouwen zo belangrijk …": Vertrouwen
    opbouwen); None when not exactly one."""
    sections = [h for h in candidates if h.unit.kind == "werkwijze"]
    if len(sections) < 2:
        return None
    names = {w.id: set(content_words(w.name)) for w in kb.werkwijzen()}
    in_names = Counter(word for name in names.values() for word in name)
    asked = {w for w in content_words(text) if in_names[w] == 1}
    named = [h for h in sections if names.get(h.unit.record_id.split("/")[0], set()) & asked]
    return named[0] if len(named) == 1 else None


def _offer_blocks(reply: Reply, others: list) -> None:
    """Close Hoe-blocks as buttons under the answer (and among the records it shows)."""
    reply.buttons = [(h.unit.title, f'/ask_werkwijze{{"onderwerp": "{h.unit.record_id}"}}') for h in others]
    reply.records = list(reply.records) + [h.unit.key for h in others]


MENTION_OFFERS = 1
MENTION_COVERAGE = 0.5  # most of the question's weight in the programme's own words


def _block_reply(kb: KnowledgeBase, block, text: str, others: list) -> Reply:
    """A Hoe-block's answer. Under it, first the programme the block itself names that the question
    is about ("bestaan er steungezinnen?" → Buurtgezinnen), then close blocks."""
    reply = answers.block_answer(block, kb.retriever.point_order(block.points, text))
    mentioned = _mentioned_programmes(kb, block, text)[:MENTION_OFFERS]
    _offer_blocks(reply, others[: max(0, 2 - len(mentioned))])
    reply.buttons = [(retrieval.title(h.unit), answers.topic_payload(h.unit.key)) for h in mentioned] + reply.buttons
    records = list(reply.records)
    reply.records = records[:1] + [h.unit.key for h in mentioned] + records[1:]
    return reply


def named_by_block(kb: KnowledgeBase, block) -> set[str]:
    """The records ("kind:id") a Hoe-block names in its `noemt` list."""
    return {f"{kind}:{rid}" for mention in block.mentions for kind, rid in kb.find_named(mention)}


def _mentioned_programmes(kb: KnowledgeBase, block, text: str) -> list[retrieval.Hit]:
    """The interventions a Hoe-block names, as far as the question's own words find them."""
    named = {key.split(":", 1)[1] for key in named_by_block(kb, block) if key.startswith("interventie:")}
    if not named or not text:
        return []
    hits = kb.retriever.search(text, only=("interventie",), limit=40)
    return [h for h in hits if h.unit.record_id in named and h.coverage >= MENTION_COVERAGE]


# "er zijn toch tien werkwijzen?": how many there are (a number near eleven), the overview.
OVERVIEW = re.compile(
    r"\b((welke|alle|hoeveel|overzicht (van )?de|wat zijn de)( (11|elf))?|de (11|elf)) werkwijzen\b"
    r"|\b(8|9|10|11|12|acht|negen|tien|elf|twaalf) werkwijzen\b"
)
# "Ik ben net begonnen in het wijkteam. Kinderarmoede, waar begin ik?": where to start, about poverty
# itself and nothing more particular.
STARTING_OUT = re.compile(
    r"\bwaar (begin|start) (ik|je|we|jij)\b|\bwaar (moet|kan) (ik|je|we) (mee )?(beginnen|starten)\b"
)
START_WORDS = {"begin", "beginnen", "begonnen", "start", "starten", "gestart", "nieuw", "nieuwe", "net", "armoede",
               "kinderarmoede", "onderwerp", "thema", "jgz", "stagiair", "stagiaire", "collega", "team"}  # fmt: skip


def asks_where_to_start(text: str) -> bool:
    if not STARTING_OUT.search(normalize(text)):
        return False
    rest = set(content_words(text)) - START_WORDS - VAGUE_WORDS
    return all(parse_applicant(w) in ("hulpverlener", "school") for w in rest)


def overview(kb: KnowledgeBase) -> Reply:
    """The eleven werkwijzen; the handreiking's own record on them is what this answer shows."""
    reply = answers.werkwijzen_overview(kb.werkwijzen())
    if kb.entry("achtergrond", "werkwijzen-overzicht"):
        reply.records = ["achtergrond:werkwijzen-overzicht"]
    return reply


def _retrieve(kb: KnowledgeBase, q: Question, kind: str | None):
    """The retrieval's choice for this question, with the intent's kind, the age group, the need and
    the section the question asks for ("waarom …" → a werkwijze's Waarom) as hints."""
    text = " ".join(filter(None, [q.name, q.text]))
    fase = parse_fase(q.age) or parse_fase(q.text)
    needs = tuple(kb.resolve_needs(q.need or q.text))
    hits = retrieval.search(
        kb, text, kind, age_group=fase, needs=needs, gemeente=q.gemeente, section=retrieval.asked_section(text)
    )
    hits = [h for h in hits if h.unit.record not in q.left_out]
    return retrieval.choose(hits), hits


def unit_outcome(kb: KnowledgeBase, q: Question, choice: retrieval.Choice) -> Outcome:
    """Answer (or clarify) from the retrieval; an answered unit becomes the topic, for "meer"."""
    reply = retrieval.reply_for(kb, choice, q.text)
    if choice.action == "answer" and choice.hits[0].unit.kind != "signaal":
        key = choice.hits[0].unit.key
        fund_ids = [choice.hits[0].unit.record_id] if choice.hits[0].unit.kind == "fonds" else []
        return Outcome(reply, replace(q, topic=key), fund_ids)
    return Outcome(reply, q)


def unit_topic(kb: KnowledgeBase, q: Question) -> Outcome:
    """A button (or "meer") asking for exactly one record: "hoe:…", "werkwijze:…/waarom", "fonds:…"."""
    reply = retrieval.unit_answer(kb, q.topic, q.text, q.offset)
    if reply is None:
        return Outcome(answers.nothing_found_answer(), replace(q, topic=None))
    kind, _, rid = q.topic.partition(":")
    return Outcome(reply, q, [rid] if kind == "fonds" else [])


def werkwijze_for_age(kb: KnowledgeBase, previous: Question, age: str) -> Outcome | None:
    """ "en bij jongeren?" after a hoe-block: that werkwijze's block for the age group. Where that
    werkwijze has no blocks per age at all, the same block, saying it holds for every age.
    None when the werkwijze has blocks for other ages only: then the general search answers."""
    block = kb.hoe_block(previous.topic) if previous.topic else None
    if block is None and previous.topic and previous.topic.startswith("werkwijze:"):
        # After a section (Wat, Waarom …): that werkwijze's first block stands for it.
        werkwijze_record = kb.record("werkwijze", previous.topic.split(":", 1)[1].split("/")[0])
        block = werkwijze_record.blocks[0] if werkwijze_record and werkwijze_record.blocks else None
    fase = parse_fase(age)
    if block is None or fase is None:
        return None
    # With an unborn or young child the conversation is with the (aanstaande) ouders.
    wanted = [fase, "ouders"] if fase in ("ongeboren-pasgeboren", "jonge-kinderen") else [fase]
    q = replace(previous, age=age, offset=0)
    # A block about a subject that holds for that age too (roken en alcohol, also for ouders) stays.
    ranked = [block] if fase in block.age_groups else []
    ranked += kb.hoe_blocks(werkwijze=block.werkwijze_id, age_group=fase, topic=previous.text, limit=50)
    ranked += kb.hoe_blocks(werkwijze=block.werkwijze_id, age_group=fase, limit=50)
    for group in wanted:
        for_age = [b for b in ranked if group in b.age_groups]
        if for_age:
            return Outcome(answers.block_answer(for_age[0]), replace(q, topic=for_age[0].id))
    if any(b.age_groups for b in ranked):
        return None
    reply = answers.block_answer(block)
    reply.text = (
        f"Bij {block.werkwijze_name} maakt de handreiking geen onderscheid naar leeftijd: "
        f"dit geldt ook voor {LEEFTIJDSFASEN[fase]}.\n"
    ) + reply.text
    return Outcome(reply, q)


# Words that ask for an instrument, not for signals: "welke vragenlijst bij het consult van 2 jaar?"
INSTRUMENT_WORDS = retrieval.INSTRUMENT_WORDS


RISK_WORDS = {"risicogroep", "risicogroepen", "risicofactoren", "risico", "risicosituaties"}
# Words of a question for the signals in general ("welke signalen zie je bij pubers?").
GENERAL_SIGNAL_WORDS = {
    "signaal",
    "signalen",
    "armoedesignaal",
    "armoedesignalen",
    "kinderarmoede",
    "armoede",
    "herken",
    "herkennen",
    "herkent",
    "kenmerken",
    "signaleringslijst",
    "lijst",
    "kind",
    "kinderen",
    "ouder",
    "ouders",
    "jongere",
    "jongeren",
    "gezin",
    "gezinnen",
    "wijzen",
    "wijst",
    "zie",
    "zien",
    "opvallen",
    "valt",
    "op",
    "geldzorgen",
    "geldproblemen",
    "financiele",
    "problemen",
    "moeder",
    "vader",
    "zwangere",
    "zwangeren",
    "baby",
    "peuter",
    "puber",
    "pubers",
    "school",
    # who sees it and where, not what: "aan welke dingen kan ik als juf in de klas zien dat een kind in
    # armoede opgroeit?"
    "dingen",
    "juf",
    "meester",
    "leerkracht",
    "klas",
    "opgroeit",
    "opgroeien",
    "merk",
    "merken",
}


def _specific(text: str) -> bool:
    """Whether a signals question is about something in particular, beyond signals for some group."""
    left = [
        w
        for w in content_words(text)
        if w not in GENERAL_SIGNAL_WORDS and w not in AGE_WORDS and not w.isdigit() and not parse_age(w)
    ]
    return len(left) >= 2


# Asking for the parents' own signals in so many words.
SIGNALS_OF_PARENTS = re.compile(
    r"\bsignalen (van armoede |die op armoede (kunnen )?wijzen )?(bij|van) (de )?(ouders?|moeders?|vaders?)\b"
    r"|\b(bij|van) de ouders zelf\b"
)


# A signals question that names nothing but signals: "signalen", "armoedesignalen?".
BARE_SIGNAL_WORDS = {"signaal", "signalen", "armoedesignaal", "armoedesignalen", "signalering"}


WHOLE_QUESTION = 0.9  # share of the question's weight a signal's own text matched


def signalen(kb: KnowledgeBase, q: Question) -> Outcome:
    tokens = set(words(q.text))
    own = content_words(q.text or "")
    if (
        own
        and not q.offset
        and not q.age
        and all(w in BARE_SIGNAL_WORDS or w in STEERING for w in own)
        and not tokens & (CHILD_WORDS | PARENT_WORDS | AGE_WORDS | RISK_WORDS)
    ):
        # Only the word: for whom is the question (the list for children, for parents, or the risk groups).
        return Outcome(answers.signals_for_whom_question(), q)
    # "het eigen risico" is what the insurance does not pay, not a risk group.
    risk = bool(set(words(re.sub(r"\beigen risico\b", " ", normalize(q.text or "")))) & RISK_WORDS)
    if tokens & INSTRUMENT_WORDS and not q.offset:
        return instrumenten(kb, replace(q, kind="instrumenten"))
    matched: list[str] = []
    # The same ranking on every page: "meer" continues the list the first page began.
    if q.text:
        # Asked for signals in so many words ("is dat een signaal?"): signals, whatever else matches.
        cue = "signaal" in asked_kinds(q.text)
        choice, hits = _retrieve(kb, q, "signalen")
        top = choice.hits[0] if choice.hits else None
        if choice.action == "answer" and top.unit.kind != "signaal" and not cue and not q.offset:
            return unit_outcome(kb, q, choice)
        # The signals the question describes lead the list (ranked among the signals only).
        signal_hits = kb.retriever.search(
            q.text, age_group=parse_fase(q.age) or parse_fase(q.text), only=("signaal",), limit=20
        )
        # Only when the question describes something specific (not "welke signalen bij ouders?").
        best = signal_hits[0] if signal_hits else None
        least = 3.0 if cue else retrieval.MIN_EVIDENCE
        # How much a signal's own text shares with the question: a general question ("welke signalen
        # bij ouders?") matches the zoekvragen of many signals, and is still not about one of them.
        # A signal whose own words are all the question asks ("kind 4 nog nooit bij de tandarts geweest":
        # niet naar de tandarts) is that signal, however short the question.
        sure = best is not None and (best.own >= least or (best.coverage >= WHOLE_QUESTION and best.own >= least / 2))
        close = [h for h in signal_hits if sure and h.score >= 0.5 * best.score and h.own >= least / 2]
        if cue and not close and _specific(q.text) and not risk:
            # "is dat een signaal?" about something the list words differently: the nearest signals.
            close = [h for h in signal_hits[:3] if h.score >= 0.5 * best.score]
        # Only those that share a word or concept with the question lead (not one found through its
        # zoekvragen only).
        close = [h for h in close if retrieval.literal(h, kb, q.text)]
        matched = [h.unit.record_id for h in close]
        if not matched and _specific(q.text) and not risk and not q.offset:
            # Something specific that no signal matches: not the whole list, but what does match (or nothing).
            return Outcome(retrieval.reply_for(kb, choice, q.text), q)
    fase = parse_fase(q.age) or parse_fase(q.text)
    target = None
    if risk:
        found = kb.risk_groups()
        ids = {sig.id for sig in found}
        matched = [m for m in matched if m in ids]
        if q.text and not matched:
            # The risk groups the question describes first ("spreken nauwelijks Nederlands").
            own = [
                h
                for h in kb.retriever.search(q.text, only=("signaal",), limit=30)
                if h.unit.record_id in ids and h.evidence >= retrieval.MIN_EVIDENCE / 2
            ]
            rank = {h.unit.record_id: i for i, h in enumerate(own)}
            found = sorted(found, key=lambda sig: rank.get(sig.id, len(rank)))
        heading = "Risicogroepen en situaties"
    else:
        target = "ouder" if fase == "ouders" or tokens & {"ouder", "ouders", "moeder", "vader"} else None
        if target is None and tokens & {"kind", "kinderen", "jongere", "jongeren"}:
            target = "kind"
        found = kb.signals(target=target, age_group=fase)
        who = {"ouder": "bij ouders", "kind": "bij kinderen en jongeren"}.get(target, "bij kinderen en ouders")
        heading = " ".join(filter(None, ["Signalen", who, "die op armoede kunnen wijzen"]))
        if fase and fase != "ouders" and any(fase in s.age_groups for s in found):
            heading += f" (eerst die voor {LEEFTIJDSFASEN[fase]})"
    if (
        matched
        and target
        and ((target == "ouder" and SIGNALS_OF_PARENTS.search(normalize(q.text))) or not _specific(q.text))
    ):
        # "welke signalen bij de ouders zelf …": a child's signal does not lead a list of the parents'; nor
        # does a parent's signal that mentions a child ("taken doorschuiven naar hun kind") lead "signalen
        # bij een kind?"
        matched = [m for m in matched if m in {sig.id for sig in found}]
    if matched:
        # The matched signals first (risk groups included: they are what the question describes).
        lead = [sig for sig in (kb.record("signaal", sid) for sid in matched) if sig]
        found = lead + [sig for sig in found if sig.id not in set(matched)]
    return Outcome(answers.signals_answer(found, q.offset, heading), q)


def instrumenten(kb: KnowledgeBase, q: Question) -> Outcome:
    named = [rid for kind, rid in kb.find_named(" ".join(filter(None, [q.text, q.name]))) if kind == "instrument"]
    if named and not q.offset:
        record = kb.record("instrument", named[0])
        return Outcome(answers.instrument_detail_answer(record), q)
    age, label = _age_label(q)
    fase = age.fase if age else parse_fase(q.text)
    if not fase and not q.offset and _asks_one_instrument(q.text):
        # "welk instrument moet ik gebruiken?": which one depends on the moment; ask it
        return Outcome(answers.instrument_moment_question(), q)
    found = kb.instruments(age_group=fase if fase != "ouders" else None)
    label = label or (LEEFTIJDSFASEN.get(fase) if fase else None)
    if q.text:
        choice, hits = _retrieve(kb, q, "instrumenten")
        # Asked for an instrument in so many words: the instruments, whatever else matches. Asked for
        # an instrument, a "methodiek" is one too (GIZ-methodiek, SamenStarten).
        asked = bool(set(words(q.text)) & (INSTRUMENT_WORDS | METHOD_WORDS))
        if (
            choice.action == "answer"
            and choice.hits[0].unit.kind not in ("instrument", "signaal")
            and not asked
            and not q.offset
        ):
            return unit_outcome(kb, q, choice)
        # The instruments that match what the question is about lead the list, on every page ("meer").
        own = kb.retriever.search(q.text, age_group=fase, only=("instrument",), limit=30)
        rank = {h.unit.record_id: i for i, h in enumerate(own) if h.evidence >= retrieval.MIN_EVIDENCE}
        found = sorted(found, key=lambda i: rank.get(i.id, len(rank)))
    return Outcome(answers.instruments_answer(found, label, q.offset), q)


METHOD_WORDS = {"methodiek", "methodieken", "methode", "methodes"}
# Words of "welk instrument moet ik gebruiken?" that say nothing about what it is for.
USING_WORDS = {
    "gebruiken",
    "gebruik",
    "inzetten",
    "nemen",
    "kiezen",
    "afnemen",
    "toepassen",
    "adviseren",
    "beste",
    "nou",
    "nu",
    "dan",
}


def _asks_which(text: str | None, kind_words: set[str]) -> bool:
    """Asks which one (instrument, werkwijze) to use, and says nothing about when, for whom or what for."""
    norm = normalize(text or "")
    own = content_words(norm)
    rest = [w for w in own if w not in kind_words and w not in STEERING and w not in USING_WORDS]
    asks = bool(re.search(r"\bwelke?\b|\b(moet|kan|zal|zou) ik\b", norm))
    return asks and not rest and any(w in kind_words for w in own)


def _asks_one_instrument(text: str | None) -> bool:
    """Asks for an instrument and says nothing about when, for whom or what for: "welk instrument moet ik
    gebruiken?", "is daar een instrument voor?", "instrument?" (not "welke instrumenten zijn er?")."""
    norm = normalize(text or "")
    own = content_words(norm)
    kind_words = [w for w in own if w in INSTRUMENT_WORDS]
    # "welke instrumenten zijn er?" asks for the list; "welke vragenlijst?" for the one to use
    plural = any(w.endswith(("en", "s")) for w in kind_words)
    return (
        not (re.search(r"\bwelke\b", norm) and plural)
        and bool(kind_words)
        and all(w in INSTRUMENT_WORDS or w in STEERING or w in USING_WORDS for w in own)
    )


# "welke interventies …", "zijn er trainingen …": a question for a list.
LIST_STARTS = ("welke", "wat voor", "zijn er", "is er", "bestaan er")
INTERVENTION_WORDS = {
    "interventie",
    "interventies",
    "programma",
    "programmas",
    "methodiek",
    "methodieken",
    "training",
    "trainingen",
    "cursus",
    "cursussen",
    "aanpak",
    "aanpakken",
}


def wat_is(kb: KnowledgeBase, q: Question) -> Outcome:
    if not words(" ".join(filter(None, [q.name, q.text]))):
        return Outcome(
            Reply(
                "Over welke interventie, organisatie, aanpak of welk fonds wil je iets weten? "
                "Bijvoorbeeld: wat is VoorZorg?"
            ),
            q,
        )
    full = " ".join(filter(None, [q.name, q.text]))
    named = [
        (kind, rid)
        for kind, rid in kb.find_named(full)
        if not _ordinary_word_in_passing(kb, kind, rid, full)
        # "wat zei de Kinderombudsman in 2017 …": what it said, not the organisation
        and not (kind == "organisatie" and q.text and _only_the_maker(kb, rid, q.text))
    ]
    if asks_for_list(full):
        # "is er een training over het herkennen van armoede?": a werkwijze's verb is no record asked for
        named = [(kind, rid) for kind, rid in named if kind != "werkwijze"]
    if named and asks_for_list(full) and not any(names_in_full(kb, k, rid, full) for k, rid in named):
        named = []  # "welk programma helpt thuis?" names no programme, whatever word it shares with one
    if named:
        kind, rid = named[0]
        record = kb.record(kind, rid)
        if record is not None:
            fund_ids = [rid] if kind == "fonds" else []
            points = getattr(record, "points", ())
            order = kb.retriever.point_order(points, q.text) if points and q.text else None
            return Outcome(answers.record_answer(record, q.offset, order), q, fund_ids)
    text = " ".join(filter(None, [q.name, q.text]))
    # "welke interventies / programma's / trainingen …": a list of those.
    if asks_for_list(text):
        # The child's age as remembered (a follow-up's "zijn zus van 17") before any age in the text.
        age = parse_age(q.age) or parse_age(text)
        fase = parse_fase(q.age) or parse_fase(text)
        hits = kb.retriever.search(text, age_group=fase, only=("interventie", "aanpak"), limit=8)
        good = [h for h in hits if h.score >= 0.4 * hits[0].score and h.coverage >= retrieval.MIN_OFFER_COVERAGE]
        entries = [e for e in (kb.entry(h.unit.kind, h.unit.record_id) for h in good) if e]
        # A programme for 4 to 16 is not one for a girl of 17, when the list has others.
        fitting = [e for e in entries if not outside_stated_ages(e.summary, age)]
        found = (fitting or entries)[: answers.PAGE_SIZE]
        if found:
            reply = answers.entries_answer(found, "Interventies en programma's in de bronnen:")
            _lead_with_block(kb, reply, text, good[0])
            return Outcome(reply, q)
    choice, _ = _retrieve(kb, q, "wat_is")
    return unit_outcome(kb, q, choice)


def asks_for_list(text: str) -> bool:
    return bool(set(words(text)) & INTERVENTION_WORDS) and (
        normalize(text).startswith(LIST_STARTS) or bool(LIST_ASK.search(normalize(text)))
    )


LIST_ASK = re.compile(r"\b(welke?|wat voor|zijn er|is er|bestaan er|bestaat er)\b")


def _lead_with_block(kb: KnowledgeBase, reply: Reply, text: str, best) -> None:
    """The Hoe-block of the handreiking that is about what the list is for ("druk gedrag"), before the
    interventions it names: the handreiking's advice first, the programmes after."""
    # What the list is for, without the words that ask for a list: a block about parents' training is
    # not the advice for "welke trainingen zijn er voor jgz-medewerkers?"
    about = " ".join(w for w in words(text) if w not in INTERVENTION_WORDS)
    blocks = kb.retriever.search(about, age_group=parse_fase(text), only=("hoe",), limit=3)
    if not blocks or blocks[0].coverage < max(retrieval.MIN_OFFER_COVERAGE, 0.8 * best.coverage):
        return
    block = kb.hoe_block(blocks[0].unit.record_id)
    if block is None:
        return
    reply.text = f"In de handreiking: **{block.werkwijze_name} › {block.title}** (zie de knop).\n" + reply.text
    reply.buttons = [(block.title[:60], f'/ask_werkwijze{{"onderwerp": "{block.id}"}}')] + list(reply.buttons)
    reply.records = [f"hoe:{block.id}"] + list(reply.records)


def feiten(kb: KnowledgeBase, q: Question) -> Outcome:
    if not words(q.text):
        return Outcome(answers.entries_answer(kb.entries(kind="feit"), "Kerncijfers uit de bronnen:"), q)
    choice, _ = _retrieve(kb, q, "feiten")
    return unit_outcome(kb, q, choice)


def names_a_fund(kb: KnowledgeBase, text: str) -> bool:
    """ "wat is het Meedoenfonds Zwolle?" can read as a question about Zwolle or as a bare detail
    ("Zwolle"); when the text names a fund, that fund is what the question is about."""
    return any(kind == "fonds" for kind, _ in kb.find_named(text))


def voorbeelden(kb: KnowledgeBase, q: Question) -> Outcome:
    if names_a_fund(kb, q.text):
        return wat_is(kb, q)
    # A gemeente remembered from before counts for "en daar?", not for "is er ook een voorbeeld met een
    # financieel spreekuur?" after Helmond's example: that names a subject of its own.
    own = set(content_words(q.text)) - EXAMPLE_WORDS if q.text else set()
    if q.gemeente and (set(words(q.gemeente)) <= set(words(q.text)) or not (own and _new_subject(" ".join(own)))):
        found = kb.entries(kind="voorbeeld", gemeente=q.gemeente)
        if found:
            return Outcome(answers.entries_answer(found, f"Voorbeelden uit {q.gemeente}:"), q)
    if q.text:
        choice, _ = _retrieve(kb, q, "voorbeelden")
        if choice.action == "answer" and choice.hits[0].unit.kind != "voorbeeld":
            return unit_outcome(kb, q, choice)
    found = _ranked_examples(kb, q.text) if q.text else []
    if not found:
        found = kb.entries(kind="voorbeeld", limit=answers.PAGE_SIZE)
        lead = "Deze lokale voorbeelden staan in de bronnen:"
    else:
        lead = "Voorbeelden uit de praktijk:"
    return Outcome(answers.entries_answer(found, lead), q)


# Words that ask for an example without saying about what.
EXAMPLE_WORDS = {"voorbeeld", "voorbeelden", "praktijkvoorbeeld", "praktijkvoorbeelden", "lokaal", "lokale"}


def _ranked_examples(kb: KnowledgeBase, text: str) -> list:
    """The examples that share most with the question, by the same retrieval as every answer."""
    hits = kb.retriever.search(text, only=("voorbeeld",), limit=answers.PAGE_SIZE)
    good = [h for h in hits if h.evidence >= retrieval.MIN_EVIDENCE or h.coverage >= retrieval.MIN_OFFER_COVERAGE]
    return [e for e in (kb.entry("voorbeeld", h.unit.record_id) for h in good) if e]


HANDLERS = {
    "fondsen": fondsen,
    "aanvragen": aanvragen,
    "werkwijze": werkwijze,
    "signalen": signalen,
    "instrumenten": instrumenten,
    "wat_is": wat_is,
    "feiten": feiten,
    "voorbeelden": voorbeelden,
}


def answer(kb: KnowledgeBase, q: Question, checked: bool = True, kind_given: bool = False) -> Outcome:
    """The reply to a question; `checked`: a new question, whose answer the retrieval checks
    (second_opinion) — not a follow-up, which leans on the question before it. `kind_given`: the kind
    of record comes from the question before ("en voor sombere gevoelens na de bevalling?" after a
    questionnaire), so a retrieval over every kind is no judge of it."""
    if q.topic and ":" in q.topic:
        return unit_topic(kb, q)
    if q.text and not q.offset and not q.left_out:
        text, aside = left_out(kb, q.text)
        if aside:
            # "geen Leergeld in onze gemeente, wat dan?": the rest of the question, without Leergeld.
            name = None if q.name and {f"{k}:{i}" for k, i in kb.find_named(q.name)} <= set(aside) else q.name
            return answer(kb, replace(q, text=text, name=name, left_out=aside), checked, kind_given)
    if q.text and not q.offset and not any(k.startswith("fonds:") for k in q.left_out):
        if (rest := funds_turned_down(q.text)) is not None:
            # "Geen fonds deze keer, echt iets om andere ouders te leren kennen": anything but a fund.
            funds = [u.record for u in kb.retriever.units if u.kind == "fonds"]
            kind = "werkwijze" if q.kind in ("fondsen", "aanvragen") else q.kind
            turned_down = list(dict.fromkeys([*q.left_out, *funds]))
            return answer(kb, replace(q, kind=kind, text=rest, need=None, left_out=turned_down), checked, kind_given)
    if (
        q.kind not in ("fondsen", "aanvragen")
        and not q.offset
        and (OVERVIEW.search(normalize(q.text)) or _asks_which(q.text, {"werkwijze", "werkwijzen"}))
    ):
        return Outcome(overview(kb), replace(q, kind="werkwijze", text=""))
    if q.kind != "fondsen" and not q.offset and WHO_IS_POOR.search(normalize(q.text)):
        if (poor := who_lives_in_poverty(kb, q)) is not None:
            return poor
    if q.kind not in ("fondsen", "aanvragen") and not q.offset and asks_where_to_start(q.text):
        # A starter's "waar begin ik?": the ways in, the werkwijzen first, and what the question is about.
        intro = "Een goede ingang zijn de werkwijzen van de handreiking: hoe je signaleert, bespreekt en ondersteunt. "
        return Outcome(answers.topics_answer(intro), Question("geen"))
    if q.text and not q.offset and (retrieval.asks_unstated_detail(q.text) or other_gemeente(kb.gemeenten, q.text)):
        return Outcome(_unstated_detail(kb, q.text), q)
    if q.text and not q.offset and (place := figures_of_a_place(q.text)):
        national = [(h.unit.key, h.unit.title) for h in kb.retriever.search(q.text, only=("feit",), limit=2)]
        return Outcome(answers.local_figures_answer(place, national), q)
    if q.text and not q.offset and (unstated := _unstated_age(kb, q.text)):
        return Outcome(unstated, q)
    never = never_in_sources(q.text) if q.text and not q.offset else None
    if never == "gemeenten" and _local_example(kb, q.text):
        never = None  # "welke gemeenten hebben een financieel spreekuur?": the sources' own local examples
    if never == "medisch":
        # which medicine, which dose: whatever medicine it names ("Over paracetamol staat niets …" would
        # offer records about the rest of the question)
        return Outcome(answers.never_in_sources_answer(never, []), q)
    # A name the NLU tagged counts only when it names a record: "via Kinderpostzegels" names nothing we have.
    if q.text and not q.offset and not (q.name and kb.find_named(q.name)) and (unknown := _unknown_name(kb, q)):
        return unknown
    # Contact details, an opinion, a law's article: after a name the sources lack ("welk artikel van de
    # Jeugdwet …" says the Jeugdwet is unknown), before any record answers.
    if never:
        # Which gemeenten have something leaves nothing to follow up on: "en wat zegt de handreiking over
        # gezinnen onder die 130 procent grens?" is a question of its own, not this one again.
        state = Question("geen") if never == "gemeenten" else q
        return Outcome(answers.never_in_sources_answer(never, _named_records(kb, q.text)), state)
    if (
        (
            q.kind in ("werkwijze", "signalen", "wat_is", "feiten", "instrumenten", "voorbeelden")
            or (q.kind in ("fondsen", "aanvragen") and not q.need and "fonds" not in asked_kinds(q.text))
        )
        and q.text
        and not q.offset
        and set(content_words(q.text))
        and set(content_words(q.text)) <= VAGUE_WORDS
    ):
        # "ik maak me zorgen om een kind": nothing to look up yet; ask what it is about.
        return Outcome(answers.topics_answer(), Question("geen"))
    if q.text and not q.offset and q.kind not in ("werkwijze", "aanvragen") and retrieval.asks_policy(q.text):
        # "moeten wij Stevig Ouderschap als gemeente inkopen?": what the handreiking asks of gemeenten,
        # whatever record or need the question names.
        q = replace(q, kind="werkwijze")
    routed = route(kb, q) if q.text and not q.offset else None
    outcome = routed or HANDLERS[q.kind](kb, q)
    return _figure_not_given(kb, q, second_opinion(kb, q, outcome, kind_given)) if checked else outcome


def _figure_not_given(kb: KnowledgeBase, q: Question, outcome: Outcome) -> Outcome:
    """A question for a figure ("hoeveel kost een GIZ-training?", "wat verdient een ervaringsdeskundige?")
    whose answer leads with a record that gives none: the sources do not give it. Say so and offer that
    record, rather than answer as if its text held the figure."""
    reply = outcome.reply
    if not q.text or q.offset or not reply.records or reply.asks or not asks_figure(q.text):
        return outcome
    lead = reply.records[0]
    unit = unit_of(kb, lead)
    if unit is None or gives_asked_figure(kb.retriever, lead, q.text):
        return outcome
    return Outcome(answers.unstated_detail_answer([(lead, retrieval.title(unit))]), q)


def second_opinion(kb: KnowledgeBase, q: Question, outcome: Outcome, kind_given: bool = False) -> Outcome:
    """The retrieval over every record checks the answer the intent's handler chose. When the record
    the answer leads with is not among the three the retrieval ranks best, or shares little with the
    question (WEAK_COVERAGE), or when the retrieval on its own is sure of another record
    (_confident_rival) or offers none of the answer's records (_retrieval_disagrees), the two
    disagree: then ask ("Bedoel je …?") with the retrieval's best, the handler's and the retrieval's
    second, rather than answer confidently from one of them. Not for what the handler knows for
    certain: a record named by its name, a fund for a named need, the handreiking's answer to "wat
    kan de gemeente doen?", "meer", a button, or a list of the kind asked for; and not the retrieval
    on its own where the kind comes from the question before (`kind_given`)."""
    if not q.text or q.offset or q.topic:
        return outcome
    reply = outcome.reply
    if reply.asks or (reply.buttons and "Bron" not in reply.text and reply.records):
        return outcome  # already asking: "Bedoel je …?", or "voor welk consult?", which offers no record yet
    asked = asked_kinds(q.text)
    lead = [r.split("/", 1)[0] for r in reply.records[:3]]
    # "hoe vraag ik dat babypakket aan?": how to apply, answered with funds; a retrieval over every kind
    # of record ranks by "pakket" and "vraag" and has no say in whether funds are what is applied for.
    applying_for_funds = (
        q.kind == "aanvragen"
        and bool(lead)
        and all(r.startswith("fonds:") for r in lead)
        and bool(APPLYING.search(normalize(q.text)))
    )
    if applying_for_funds and set(lead) <= {f"fonds:{f}" for f in q.shown_funds}:
        return outcome  # "hoe vraag ik dat pakket aan?" after funds: how to apply for the funds just shown
    # the fund finder's own ground: a fund asked for, a need wanted, a named fund, or the need's other
    # funds ("en als hun gemeente geen witgoedregeling heeft?")
    fund_ground = q.kind in ("fondsen", "aanvragen") and (
        "fonds" in asked
        or ((q.need or kb.resolve_needs(q.text) or _thesaurus_needs(q.text)) and _wants_something(kb, q.text))
        or names_a_fund(kb, q.text)
        or (q.left_out and q.need)
    )
    # The retrieval on its own, without the intent's kind and need: searched once, for every check below.
    alone = _retrieve(kb, replace(q, need=None), None) if fund_ground else None
    rival = _confident_rival(kb, q, lead, alone) if fund_ground else None
    if fund_ground and not (rival and rival.unit.kind != "fonds"):
        # unless another kind of record is what the question is about ("klopt het dat je armoede niet
        # ziet als ouders dure kleding kopen?")
        return outcome
    named = [f"{kind}:{rid}" for kind, rid in named_in_full(kb, q.text)]
    if named and (not lead or lead[0] in named):
        return outcome  # the record the question names by its name
    if lead and asks_what_record_is(kb, q.text) and lead[0] in {f"{k}:{r}" for k, r in kb.find_named(q.text)}:
        return outcome  # "wat is Sam& en …", "waar staat GIZ voor?": the record it asks about by a short form
    if named and not named[0].startswith("werkwijze:") and asks_what(q.text):
        return wat_is(kb, replace(q, kind="wat_is"))  # "wat is <its whole name>?": nothing to ask back
    if q.kind == "werkwijze" and role_entry(kb, q.text) is not None:
        return outcome  # "wat kan de gemeente doen?": the handreiking's own answer to it (1.3)
    # "waarom is het belangrijk dat signalen van school en JGZ bij elkaar komen?": why, not which signals
    why_not_which = bool(lead) and lead[0].startswith("signaal:") and retrieval.asked_section(q.text) == "waarom"
    if (
        q.kind == "signalen"
        and lead
        and all(r.startswith("signaal:") for r in lead)
        and not _specific(q.text)
        and not why_not_which
    ):
        # "waaraan zie ik in de klas dat een kind in armoede opgroeit?": the signals for that group, a list
        # no single record can be checked against
        return outcome
    # The fund finder answered a need the question does not ask for ("is er een budgetcursus voor ouders
    # die slecht lezen?"): the retrieval checks it without the intent's boost for funds and without the
    # NLU's need entity (needs the text itself names still count).
    unwanted_funds = (
        q.kind in ("fondsen", "aanvragen")
        and lead[:1]
        and lead[0].startswith("fonds:")
        and not APPLYING.search(normalize(q.text))
    )
    alone = alone or _retrieve(kb, replace(q, need=None), None)
    # The fund finder found nothing for a question that asks for no fund ("moeder vertelt dat ze haar
    # rekeningen niet meer betaalt", taken for a fund question): the retrieval over every kind, not the
    # funds' again.
    no_fund_found = q.kind in ("fondsen", "aanvragen") and not lead
    choice, hits = alone if unwanted_funds or why_not_which or no_fund_found else _retrieve(kb, q, q.kind)
    ranked = retrieval.best_per_record(hits)
    top = [h.unit.record for h in ranked[:3]]
    if not fund_ground:
        rival = _confident_rival(kb, q, lead, alone)
    other = (
        _retrieval_disagrees(lead, alone) if lead and not named and not kind_given and not applying_for_funds else None
    )
    if not ranked or (
        not named and any(r in top for r in lead) and not _barely_shared(hits, lead, asked) and not rival and not other
    ):
        return outcome
    if lead and lead[0].split(":", 1)[0] in asked - {"hoe"} and not named and not why_not_which:
        return outcome  # "welke signalen …": a list of that kind
    if not lead and choice.action == "nothing":
        return outcome
    candidates = [_hit_for(kb, key) for key in named[:1]] + [h for h in (rival, other) if h] + [ranked[0]]
    if lead:
        own = next((h for h in hits if h.unit.key == reply.records[0] or h.unit.record == lead[0]), None)
        candidates.append(own or _hit_for(kb, reply.records[0]))
    candidates += ranked[1:3]
    seen, offered = set(), []
    for hit in candidates:
        if hit is not None and hit.unit.record not in seen:
            seen.add(hit.unit.record)
            offered.append(hit)
    offered = offered[: retrieval.MAX_CANDIDATES]
    if len(offered) == 1:
        return unit_outcome(kb, q, retrieval.Choice("answer", offered))
    return Outcome(retrieval.clarify_reply(offered), q)


# Below this share of the question's weight, the record an answer leads with shares too little with
# the question to be answered from outright, even when the retrieval ranks it near the top ("hoe
# bereken ik de beslagvrije voet …" and a block that only shares "moeder"): ask instead. Set on the
# tuning half of the question bank (three fewer wrong answers, one more right, five more questions back).
WEAK_COVERAGE = 0.3


def _barely_shared(hits: list, lead: list[str], asked: set[str]) -> bool:
    """The answer's own record matched little of the question (not a list of the kind asked for)."""
    if lead[0].split(":", 1)[0] in asked - {"hoe"}:
        return False
    # A list of funds for a need is one answer: the fund that shares most with the question counts.
    own = set(lead) if lead[0].startswith("fonds:") else {lead[0]}
    return max((h.coverage for h in hits if h.unit.record in own), default=0.0) < WEAK_COVERAGE


def _confident_rival(kb: KnowledgeBase, q: Question, lead: list[str], alone: tuple):
    """The record the retrieval would answer with on its own (`alone`: without the intent's kind and need),
    when it is none of the answer's records: it clearly beats every other record, so also the answer's, and
    its own text shares at least as much with the question as theirs (not only its zoekvragen). Then the two
    disagree and the reply asks."""
    choice, hits = alone
    if not lead or choice.action != "answer":
        return None
    best = choice.hits[0]
    theirs = max((h.own for h in hits if h.unit.record in lead), default=0.0)
    if best.unit.record in lead or not retrieval.literal(best, kb, q.text) or best.own < theirs:
        return None
    return best


def _retrieval_disagrees(lead: list[str], alone: tuple):
    """The retrieval on its own (`alone`: without the intent's kind and need) leaves out every record the answer leads
    with: it is unsure and offers none of them, or sure of another record and ranks them below the third. Then
    two readings of the question disagree and the reply asks, with the retrieval's best first. Measured end
    to end on the tuning half, each half of its writers asked of a stack that learned only the other half's
    zoekvragen (07-12-2026): 24 more questions back, 13 more turns right (13 wrong answers became options
    with the right record, none lost)."""
    choice, hits = alone
    ranked = [h.unit.record for h in retrieval.best_per_record(hits)]
    offered = {h.unit.record for h in choice.hits} if choice.action == "clarify" else set(ranked[:3])
    if choice.action in ("clarify", "answer") and not offered & set(lead):
        return choice.hits[0]
    return None


def unit_of(kb: KnowledgeBase, key: str):
    """The retrieval unit of a record key a reply lists ("hoe:…", or "werkwijze:x" for its first section)."""
    return next((u for u in kb.retriever.units if u.key == key or u.record == key), None)


def _hit_for(kb: KnowledgeBase, key: str):
    """A stand-in hit for a record the handler answered with (to offer it as a candidate)."""
    unit = unit_of(kb, key)
    return retrieval.Hit(unit, 0.0, 0.0, frozenset()) if unit else None


# Words that say something is the matter, not what: "ik maak me zorgen om een kind".
VAGUE_WORDS = {
    "zorgen",
    "zorg",
    "maak",
    "maken",
    "help",
    "helpen",
    "hulp",
    "vraag",
    "vragen",
    "vraagje",
    "vraagjes",
    "advies",
    # who it is about, without what about: "vraagje over een leerling"
    "leerling",
    "leerlingen",
    "jongen",
    "meisje",
    "baby",
    "moeder",
    "vader",
    "gezin",
    "gezinnen",
    "kind",
    "kinderen",
    "ouder",
    "ouders",
    "iemand",
    "situatie",
    "probleem",
    "problemen",
    "lastig",
    "moeilijk",
    "client",
    "clienten",
    "cliënt",
    "doen",
    "weet",
    "weten",
    "niet",
    "goed",
    # The whole knowledge base is about it: alone, it says nothing about what is asked.
    "armoede",
    "kinderarmoede",
    "informatie",
    "info",
    # a case, an approach or a list, of nothing named: "kun je me helpen met een casus", "is er een lijst?",
    # and telling about it: "kun je iets zeggen over de aanpak?"
    "casus",
    "aanpak",
    "lijst",
    "lijstje",
    "zeggen",
    "vertellen",
    "vertel",
    "uitleggen",
}


# --- the intent is a hint: what the question asks for in so many words, and the retrieval, decide -----

# The kind of record each kind of question's handler answers with (the intent is ask_<kind of question>).
WERKWIJZE_SECTIONS = ("waarom", "samenwerken", "voorwaarden")
RECORD_KIND = {
    "fondsen": "fonds",
    "aanvragen": "fonds",
    "werkwijze": "hoe",
    "signalen": "signaal",
    "instrumenten": "instrument",
    "feiten": "feit",
    "voorbeelden": "voorbeeld",
}
# What a question asks for in so many words, whatever the NLU's intent.
ASKS_FOR = {
    "fonds": re.compile(
        r"\b(\w*fonds(en)?|regeling(en)?|\w*regeling|vergoed\w*|betaalt|betalen|bekostig\w*|"
        r"aanvra\w*|subsidie|potje|tegemoetkoming|declareren)\b"
    ),
    "signaal": re.compile(
        r"\b(\w*signa(al|len)|signaleringslijst|kenmerken|risicogroep\w*|"
        r"(verhoogd|groter|extra) risico|risico op|risicofactor\w*|(daar)?achter zitten|(iets )?achter zoeken|"
        r"zegt (dat|dit) (iets|wat)|wat zegt (dat|dit)|wijst (dat|dit)|duidt|rol (in )?spelen|"
        r"op letten|let ik op|teken van|aanwijzing|(bij|met) (geld\w*|armoede|geldzorgen) "
        r"(horen|te maken)|"
        # "aan welke dingen kun je zien dat ouders geldproblemen hebben?", "waaraan merk ik dat …"
        r"waaraan (zie|merk|herken|kun|kan)|(kun|kan) (je|ik) (\w+ )?(zien|merken) (dat|of)|"
        r"aan welke (dingen|tekenen|zaken))\b"
    ),
    "instrument": re.compile(r"\b(" + "|".join(sorted(retrieval.INSTRUMENT_WORDS)) + r")\b"),
    "feit": re.compile(
        r"\b(hoeveel|cijfers?|percentage|procent|aantal|definitie|hoe vaak|hoe groot|"
        # how the sources explain what people in poverty do: "hoe verklaart de handreiking dat gedrag?"
        r"hoe verklaar\w*|verklaring (voor|van)|waarom (dat|het) zo (gaat|is|werkt|loopt)|"
        r"waarom (doen|reageren|kiezen|maken|handelen) (ouders|ze|zij|gezinnen|mensen)|"
        # what poverty does to a child: "hoe werkt armoede door op het brein?", "wat doet stress met een kind?"
        r"hoe werkt (armoede|stress|geldstress|schaarste|dat|het)( \w+){0,3} door|"
        r"wat doet (armoede|stress|geldstress|schaarste|dat|dit|het)( \w+){0,2} met (een |het |de |hun )?"
        r"(kind|kinderen|ouders|brein|hersenen|baby|ontwikkeling))\b"
    ),
    "interventie": re.compile(
        r"\b(interventies?|programma'?s?|methodieken|methodiek|trainingen|training|cursus|"
        r"cursussen|workshops?|maatje|maatjes|mentor|steungezinnen)\b"
    ),
    "voorbeeld": re.compile(
        r"\b(voorbeeld(en)?|welke gemeenten?|een gemeente die|gemeenten? die|"
        r"(heeft|hebben) (een |andere )?gemeenten? (dit|dat|zoiets|zo iets|het)( al)? (gedaan|geprobeerd))\b"
    ),
}
# The question word that asks for one kind of record: "welke interventies", "wat voor programma".
QUESTION_WORD = r"\b(welke|welk|wat voor( een)?|welke soort|wat zijn (de|goede))\s+"


def questioned_kind(norm: str) -> str | None:
    """The one kind of record named right after the question word, when exactly one is."""
    found = set()
    for kind, pattern in ASKS_FOR.items():
        for m in pattern.finditer(norm):
            if re.search(QUESTION_WORD + r"(\w+\s+)?$", norm[: m.start()]):
                found.add(kind)
    return found.pop() if len(found) == 1 else None


# "waar begin ik?": asking what to do first.
WHERE_TO_START = r"waar (begin|start) (ik|je|we)|waar (moet|kan) ik (beginnen|starten)"
# "wat kan ik doen / hoe ga ik om met / wat raad ik aan": a werkwijze's Hoe-block.
ASKS_HOW = re.compile(
    r"\b(wat (kan|moet|zou|kunnen|moeten) (ik|je|we|wij)( \w+){0,3} (doen|adviseren|aanraden|aanreiken|"
    r"zeggen|vertellen|bieden|aanbieden|voorstellen|meegeven|mee)|wat nu|wat (zeg|doe|raad) (ik|je|we)|"
    r"hoe (ga|gaan) (ik|je|we)|hoe (pak|zorg|help|"
    r"begin|krijg|zeg|maak|bouw|bespreek|benader|reageer|stimuleer|ondersteun|kan|moet)\b|"
    r"hoe \w+ (ik|we|wij|je|jij|u)\b|naar wie|waar (kan|moet) ik .* (naar|op) (verwijzen|wijzen)|mag ik|"
    + WHERE_TO_START
    + ")"
)


# Mapping a place with data: "de kinderarmoede in onze gemeente in kaart brengen met data".
MAPPING_A_PLACE = re.compile(
    r"\b(gemeente|wijk|regio|stad)\b.*\bin kaart\b|\bin kaart\b.*\b(gemeente|wijk|regio|stad)\b|\bdata(bronnen)?\b"
)
# Adding questions to a screening: "welke vragen kan ik aan ons instrument toevoegen?", "voeg ik daar iets aan toe?".
ADDS_QUESTIONS = re.compile(r"\b(toevoegen|toe te voegen|toegevoegd)\b|\bvoeg\w* (\w+ ){0,6}toe\b")
# Where to send someone: "waar kan ik haar op wijzen?", "waar kan ze terecht?".
REFERS = re.compile(r"\bwaar (kan|moet|kunnen) (ik|we|ze|hij|zij)( \w+){0,3} (naar verwijzen|op wijzen|terecht)\b")
# Asking when or how to use something: "wanneer zet ik bemoeizorg in?", "kan ik Home-Start inzetten?".
PUTS_IN = re.compile(r"\b(zet|zetten) (ik|je|we|jij|u)( \w+){1,3} in\b|\binzetten\b|\bin te zetten\b")
# "is er iets voor daarna?", "is daar iets voor?", "bestaat er zoiets?": whether some offer exists.
SOMETHING_FOR = re.compile(
    r"\b(is|zijn) er (ook |nog )?(iets|zoiets|wat)\b|\bis daar (ook |nog )?iets\b|\bbestaat er (iets|zoiets)\b"
)
# "is er een cursus …?", "bestaat er iets met een mentor?": whether a programme exists, also after a how-intent.
EXISTS = re.compile(r"\b(is|zijn) er\b|\bis daar\b|\bbestaa?t(en)? er\b")


# A list someone fills in is a questionnaire: "welke signaleringslijst vullen ouders van kleuters in?"
FILLED_IN_LIST = re.compile(r"\w*lijst\w*\b.*\b(vul\w* (\w+ ){0,4}in|invul\w*|ingevuld)\b")


# "dat ze haar rekeningen niet meer betaalt": what a family does not pay, told; no question who pays.
NOT_PAYING = re.compile(
    r"\bniet (meer )?(kan |kunnen )?(betaalt|betalen)\b|\b(betaalt|betalen) (\w+ ){0,3}niet( meer)?\b"
)


def asked_kinds(text: str) -> set[str]:
    norm = normalize(asking_part(text))
    found = {
        kind
        for kind, pattern in ASKS_FOR.items()
        if pattern.search(NOT_PAYING.sub(" ", norm) if kind == "fonds" else norm)
    }
    if FILLED_IN_LIST.search(norm):
        found = (found - {"signaal"}) | {"instrument"}
    if ASKS_HOW.search(norm):
        found.add("hoe")
    return found


# The kind of question whose handler answers a question asking for this kind of record.
QUESTION_KIND = {
    "fonds": "fondsen",
    "signaal": "signalen",
    "instrument": "instrumenten",
    "feit": "feiten",
    "voorbeeld": "voorbeelden",
    "interventie": "wat_is",
}
# The words of a parting line: "oke bedankt, tot volgende week?" asks nothing.
PARTING_WORDS = set(
    "doei ziens dag bedankt dank dankje dankjewel oke ok oké top morgen week volgende keer fijne fijn "
    "weekend avond middag prettige later klaar stoppen werk verder alles mazzel ciao bye houdoe groet "
    "groetjes gesprek chat".split()
)


def asks_something(text: str) -> bool:
    """A question with a subject of its own ("Eneco dreigt met afsluiten, mag dat?"), or a family's
    situation told ("moeder is gespannen en leeft van dag tot dag"), not a parting line ("oke bedankt,
    tot volgende week?")."""
    if not text or text.startswith("/"):
        return False
    own = [w for w in content_words(text) if w not in PARTING_WORDS]
    if not is_question(text):
        return tells_about_a_family(text) and len(own) >= 3
    return len(own) >= 2


def tells_about_a_family(text: str) -> bool:
    """The message is about a child or parent: someone named by role or by age ("15-jarige", "moeder")."""
    return bool(set(words(text)) & (CHILD_WORDS | PARENT_WORDS)) or parse_age(text) is not None


# "is dat een signaal?", "wat zegt dat?": asks whether something is a signal.
SIGNAL_ASKED = re.compile(
    r"\b(is (dat|dit|het) (een |ook een )?(\w+ )?\w*signaal|signaal van|(daar)?achter zitten|(iets )?achter zoeken|"
    r"(zijn|zouden) (dat|dit|deze|die) (\w+ )?signalen|"
    r"zegt (dat|dit) (iets|wat)|wat zegt|wijst|wijzen|duidt|rol (in )?spelen|valt (dat|dit) onder|"
    r"welke (\w+ )?signalen|wat (zijn|voor) (de )?signalen|"
    r"(hoort|horen) (dat|dit) bij|risico|(bij|met) (geld\w*|armoede|geldzorgen) (horen|te maken))"
)
# Whether what is described points to poverty ("zegt dat iets over armoede?", "wijst dit op geldzorgen?").
POINTS_TO_POVERTY = re.compile(
    r"\b(zegt|wijst|duidt) (dat|dit|het|zoiets) (iets |wat |mogelijk |misschien )?(over|op) "
    r"(armoede|geld\w*|financiele|arm)"
    # how to read what was seen: "hoe moet ik dat duiden?", "hoe moet ik dit interpreteren?"
    r"|\bhoe (moet|kan|moeten|kunnen) (ik|je|we|wij) (dat|dit|dat gedrag|zoiets) "
    r"(duiden|interpreteren|opvatten|plaatsen)\b"
)
# Paying for something: a need the thesaurus found is a fund question only with words like these.
PAYING = re.compile(r"\b(geld|betalen|betaalt|kosten|kost|fonds\w*|kopen|krijgen|aanschaffen|vergoed\w*|gratis)\b")
# Asking how to find, reach or refer to something: "hoe vind ik …", "hoe kom ik in contact met …".
REACHING = re.compile(
    r"\b(vind|vinden|zoek|zoeken|bereik|bereiken|contact|verwijs|verwijzen|doorverwijzen|aanmelden)\b"
)
APPLYING = re.compile(r"\b(vraag|vragen|vraagt)\b.*\baan\b|aanvra|aanmeld|indien")
WHAT_IS = re.compile(
    r"^(en )?wat (is|zijn|betekent|bedoelen|bedoelt|bedoel|wordt (er )?bedoeld|verstaan|verstaat|houdt)\b"
)
# "…, wat is dat?" after a name asks the same.
WHAT_IS_THAT = re.compile(r"\bwat (is|zijn|betekent|houdt) (dat|dit|het|die|deze)( in)?$")


# "wat wordt bedoeld met …", "wat bedoelt de handreiking met …", "wat verstaan ze onder …"
DEFINED = re.compile(
    r"^(en )?wat (wordt|worden) (er )?(precies )?bedoeld (met|onder) |"
    r"^(en )?wat (bedoelt|bedoelen|verstaat|verstaan) (de handreiking|de bron|ze|jullie|men|je) (precies )?(met|onder) "
)


def asks_what(text: str) -> bool:
    """The question asks what something is ("wat is X?", "X, wat is dat?")."""
    norm = normalize(text)
    return bool(WHAT_IS.search(norm) or WHAT_IS_THAT.search(norm))


# "wat kan ik doen / hoe ga ik daarmee om": a how-question even when a need is named.
STRONG_HOW = re.compile(
    r"\b(wat (kan|moet|zou|kunnen|moeten) (ik|je|we|wij)( \w+){0,3} (doen|adviseren|aanraden|"
    r"aanreiken|zeggen|vertellen|aanbieden|voorstellen)|"
    r"wat (zeg|doe|raad) (ik|je|we)|hoe (ga|gaan) (ik|je|we)|hoe (pak|zeg|bespreek|begin)\b|" + WHERE_TO_START + "|"
    # getting a child or parent somewhere: "hoe krijg ik hem in beweging", "hoe maak ik haar weerbaarder"
    r"hoe (krijg|motiveer|stimuleer|maak|leer) (ik|je|we) (hem|haar|ze|hen|het kind|de ouders)\b)"
)
# A need asked for in the fewest words: "<need> voor <child>".
REQUEST = re.compile(r"^\w+ voor (een|mijn|m'n|haar|zijn|z'n|de|het|ons|onze) ")
# A need that is missing or cannot be paid for ("komt zonder jas", "schoolreisje is te duur").
LACKING = re.compile(r"\b(zonder|geen|niks|niets|weinig|duur|kapot|versleten|nodig|tekort|ontbreekt|ontbreken)\b")


# Whether something is allowed ("mag de apotheek weigeren …?", "is dat als leerkracht toegestaan?"): a
# question about a rule, which the sources rarely settle, not a request for what it names.
# Not "mag een kind van 8 gratis zwemles krijgen?": whether a child or parent may have something asks for it.
PERMISSION = re.compile(
    r"(^|[.?!] )(mag|mogen) (?!((een|het|mijn|m'n|haar|zijn|die|dat|deze|dit|zo'n|onze) )?(kind\w*|meisje|jongen|"
    r"leerlingen?|gezin\w*|moeder|vader|ouders?|baby|zwangere|client\w*|jongeren?|puber|tiener|peuter|kleuter|"
    r"broer|zus)\b)\w+|\b(toegestaan|verboden|wettelijk|wat zegt de wet)\b"
)


# Handling money is a skill to learn, not something to pay for ("helpen beter met geld om te gaan").
MONEY_SKILLS = re.compile(r"\b(met geld (om te gaan|omgaan|omgaat)|(omgaan|omgaat) met geld)\b")


def asks_permission(text: str) -> bool:
    """Asks whether something is allowed, and not for a fund or how to apply ("mag ik leergeld aanvragen?")."""
    norm = normalize(text)
    return bool(PERMISSION.search(norm)) and not (STRICT_FUND.search(norm) or APPLYING.search(norm))


def _wants_something(kb: KnowledgeBase, text: str) -> bool:
    """Whether a message that names a need asks for the need itself (paying, lacking it, or a fund
    the best match) — not about something else that mentions it ("koffieochtend in de bieb"), nor
    whether something about it is allowed."""
    norm = MONEY_SKILLS.sub(" ", normalize(text))
    if asks_permission(text):
        return False
    if PAYING.search(norm) or LACKING.search(norm):
        return True
    if REQUEST.match(norm) and (
        kb.need_matcher.exact(norm.split()[0]) or norm.split()[0] in thesaurus().need_phrases()
    ):
        return True  # the need first, as a request: "laptop voor een leerling in havo 5", "zwangerschapsspullen voor …"
    ranked = retrieval.best_per_record(kb.retriever.search(text, limit=12))
    return bool(ranked) and ranked[0].unit.kind == "fonds"


# Asking for a fund in so many words, when another intent was recognised.
STRICT_FUND = re.compile(r"\b(\w*fonds(en)?|vergoed\w*|betaalt|bekostig\w*)\b")
# Seen again and again, in so many words.
_RECURRING_WORDS = r"nooit|altijd|steeds|telkens|elke (dag|week|maand)|al (weken|maanden|jaren)"
RECURRING = re.compile(rf"\b({_RECURRING_WORDS})\b")
# Something seen again and again, or told: a description of signals, not a need.
OBSERVED = re.compile(rf"\b({_RECURRING_WORDS}|vaak|\d+ ?x|keer|zegt|vertelt|vertelde|valt op|merk)\b")


def _squeezed(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", normalize(text))


def names_in_full(kb: KnowledgeBase, kind: str, rid: str, text: str) -> bool:
    """Whether the text names the record by its whole name ("Home-Start" in "homestart, wat doen ze?"),
    not by a word its name shares with the question, nor by an ordinary word used in passing."""
    return _names_literally(kb, kind, rid, text) and not _ordinary_word_in_passing(kb, kind, rid, text)


def _names_literally(kb: KnowledgeBase, kind: str, rid: str, text: str) -> bool:
    """Whether the record's whole name stands in the text, whatever it means there."""
    record = kb.record(kind, rid)
    name = (getattr(record, "name", "") or "") if record is not None else ""
    # Also without the abbreviation after it: "Kwetsbare Zwangeren Overleg" names "… Overleg (KZO)".
    forms = {_squeezed(name), _squeezed(without_brackets(name))}
    # And without "Stichting": "Jarige Job" is Stichting Jarige Job; not "Leergeld", a word of its own.
    rest = re.sub(r"^stichting\s+", "", without_brackets(name), flags=re.IGNORECASE)
    if rest != name and (len(words(rest)) >= 2 or not is_dutch_word(normalize(rest))):
        forms.add(_squeezed(rest))
    squeezed = _squeezed(text)
    # A short name ("R4U") only as a word of its own: as a piece of text it is in too many words.
    tokens = set(normalize(text).split())
    if len(words(name)) == 1:
        # A one-word name in the plural, asked about in the singular: "een kledingbank" names Kledingbanken.
        forms |= {form for form in keys(normalize(name)) - {normalize(name)} if len(form) >= 6 and form in tokens}
    return any(form in squeezed if len(form) >= 4 else form in tokens for form in forms if form)


def named_in_full(kb: KnowledgeBase, text: str) -> list[tuple[str, str]]:
    """The records the question is about by their whole name (kind, id); none when it asks what a
    gemeente arranges ("moeten wij Stevig Ouderschap als gemeente inkopen?" is not about the programme),
    and no fund that is only where the family already is (where_they_are)."""
    if retrieval.asks_policy(text):
        return []
    return [
        (kind, rid)
        for kind, rid in kb.find_named(text)
        if names_in_full(kb, kind, rid, text)
        and not (kind == "fonds" and where_they_are(kb, rid, text))
        and not (kind == "organisatie" and _only_the_maker(kb, rid, text))
    ]


def _ordinary_word_in_passing(kb: KnowledgeBase, kind: str, rid: str, text: str) -> bool:
    """A one-word name that is an ordinary Dutch word, written without its capital in a longer question
    that is about something else: "zoekt houvast … een mentor voor hem?" is no question about the
    programme Houvast ("houvast, wat is dat?" and "een kledingbank bij mij in de buurt" still are)."""
    name = without_brackets(kb.record(kind, rid).name)
    if len(words(name)) != 1 or not is_dutch_word(normalize(name)):
        return False
    if re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(name[:1].upper() + name[1:].lower())}", text.strip()):
        return False  # written as a name
    own = keys(normalize(name))
    others = [w for w in content_words(text) if not keys(w) & own]
    if len(others) < 4:
        return False
    top = retrieval.best_per_record(kb.retriever.search(text, limit=12))[:3]
    return f"{kind}:{rid}" not in {h.unit.record for h in top}


# "een stappenplan …, van Divosa meen ik": an organisation after "van" or "door" may be who made the thing asked about.
_MADE_BY = re.compile(r"\b(van|door)\s+(de\s+|het\s+)?$")
# "wat zei de Kinderombudsman in 2017 …", "volgens het Nibud …": what the organisation found or said.
_SAID_BY = re.compile(
    r"\b(zei|zegt|zeggen|schreef|schrijft|stelt|stelde|concludeerde|concludeert|meldt|meldde|vond|vindt|"
    r"rapporteerde|onderzocht|volgens)\s+(de\s+|het\s+)?$"
)


def _only_the_maker(kb: KnowledgeBase, rid: str, text: str) -> bool:
    """The organisation is named as the maker of what the question is about ("een stappenplan van Divosa"),
    or as who said it ("wat zei de Kinderombudsman in 2017"): a record that names the organisation in its
    own text matches the question far better than the organisation does."""
    name = kb.record("organisatie", rid).name
    at = normalize(text).find(normalize(name).split()[0])
    if at < 0:
        return False
    before = normalize(text)[:at]
    # What it said is a statement of its own in the sources: a smaller lead than a thing it made needs.
    if _MADE_BY.search(before):
        lead = 1.5
    elif _SAID_BY.search(before):
        lead = 1.25
    else:
        return False
    hits = retrieval.best_per_record(kb.retriever.search(text, limit=8))
    own = next((h.score for h in hits if h.unit.record == f"organisatie:{rid}"), 0.0)
    return (
        bool(hits)
        and hits[0].unit.record != f"organisatie:{rid}"
        and hits[0].score >= lead * own
        and retrieval.literal(hits[0], kb, normalize(name))
    )


def about_named_record(kb: KnowledgeBase, text: str) -> Outcome | None:
    """A message that names a record by its whole name ("Home-Start, voor wie?") or names only that
    record, by a short form ("wat is mdft?", "houvast, wat is dat"): that record's answer, whatever
    the NLU took the message for (small talk, "waar staat dat?"). None: it names no record."""
    in_full = any(names_in_full(kb, kind, rid, text) and kind != "werkwijze" for kind, rid in kb.find_named(text))
    return (
        wat_is(kb, Question("wat_is", text=text))
        if in_full or asks_what_record_is(kb, text) or named_alone(kb, text)
        else None
    )


def asks_what_record_is(kb: KnowledgeBase, text: str) -> bool:
    """The question asks what the one record it names is, by a short form: "waar staat GIZ voor?" (what
    an abbreviation means, not where something is written), or opening with it: "wat is Sam& en kan ik
    daar als school naar verwijzen?" is about Sam&, whatever else it asks."""
    named = kb.find_named(text)
    if len(named) != 1 or named[0][0] == "werkwijze":
        return False
    norm = normalize(text)
    opening = WHAT_IS_OPENING.match(norm)
    return bool(STANDS_FOR.search(norm)) or (
        opening is not None and kb.find_named(" ".join(opening.group("rest").split()[:3]))[:1] == named
    )


WHAT_IS_OPENING = re.compile(r"^(wat|wie) (is|zijn|doet|doen) (de |het |een )?(?P<rest>.+)")
STANDS_FOR = re.compile(r"\bwaar (staat|staan) [\w&@ -]{2,40}? voor\b")


# Words that make a name longer without naming anything: "Stichting Leergeld" is called Leergeld.
NAME_FILLERS = {"stichting", "fonds", "nationaal", "landelijk", "landelijke", "project", "de", "het", "van", "voor"}


def named_alone(kb: KnowledgeBase, text: str) -> tuple[str, str] | None:
    """The one record a message names by a short form and says nothing else about ("wat is mdft?",
    "skkin?"): every content word of it names that record (kind, id). No werkwijze: "bespreken?" is
    a word, not a question about the werkwijze Bespreken."""
    named = kb.find_named(text)
    if len(named) != 1 or named[0][0] == "werkwijze":
        return None
    own = [w for w in content_words(text) if w not in STEERING]
    if not own:
        return None  # only small words: "wat kun je allemaal?" names no Allemaal Opvoeders
    full = getattr(kb.record(*named[0]), "name", "") or ""
    name = set(words(full))
    rest = [w for w in own if w not in name and kb.find_named(w) != named]
    if rest:
        return None
    # One word of a longer name is no name ("wat kun je allemaal?" is not about Allemaal Opvoeders); its
    # abbreviation in brackets ("mdft"), a keyword of its own ("skkin") or its one real word is.
    outside = set(words(without_brackets(full))) - NAME_FILLERS
    if len(outside) > 1 and len(set(words(text)) & outside) == 1 and set(own) <= outside:
        return None
    return named[0]


def where_they_are(kb: KnowledgeBase, fund_id: str, text: str) -> bool:
    """ "Gezin gaat al naar de voedselbank, maar de kinderen hebben geen kleren": the question names a
    need that the fund it names does not pay for; the need is asked, the fund is context."""
    rest = re.sub(re.escape(kb.fund(fund_id).name), " ", text, flags=re.IGNORECASE)
    return bool(kb.resolve_needs(rest)) and fund_id not in {f.id for f in kb.find_funds(rest).funds}


def route(kb: KnowledgeBase, q: Question) -> Outcome | None:
    """What the question asks for in so many words, and the retrieval, over the NLU's intent.
    None: the intent's own handler answers."""
    native = RECORD_KIND.get(q.kind)
    if native is None:
        return None
    if section_asked := _section_of_named_werkwijze(kb, q):
        return section_asked
    if native != "fonds" and asks_what_record_is(kb, q.text):
        return wat_is(kb, replace(q, kind="wat_is"))  # "wat is Sam& en kan ik daar naar verwijzen?"
    section = retrieval.asked_section(q.text)
    if native == "signaal" and (
        section in ("samenwerken", "voorwaarden") or retrieval.asks_section(q.text, "samenwerken")
    ):
        # "waar moeten we op letten zodat gezinnen kunnen meedoen?", "waarom zouden we samenwerken rond
        # signalen?": what a werkwijze takes or why (signals have neither)
        return werkwijze(kb, replace(q, kind="werkwijze"))
    if native in ("fonds", "instrument") and retrieval.asks_policy(q.text) and not names_a_fund(kb, q.text):
        # "wat zou een gemeente moeten regelen zodat alle kinderen kunnen sporten?": what a werkwijze asks of
        # the gemeente (its Voorwaarden), not a fund that pays for sport
        return werkwijze(kb, replace(q, kind="werkwijze"))
    if (
        q.kind in ("fondsen", "aanvragen")
        and (names_a_fund(kb, q.text) or (q.name and (names_a_fund(kb, q.name) or not kb.find_named(q.name))))
        # "voor wie is Geldplan Bijna 18 (Nibud) bedoeld?": the whole name of a programme is no fund
        and not any(kind != "fonds" for kind, _ in named_in_full(kb, q.text))
    ):
        return None  # a fund by its name (a name of another record, "babythuiszorg", routes on)
    if asks_permission(q.text) and (native == "fonds" or kb.resolve_needs(q.text) or _thesaurus_needs(q.text)):
        return _rule_answer(kb, q)
    asked = asked_kinds(q.text)
    norm = normalize(q.text)
    if section == "hoe":
        asked.add("hoe")
    if q.kind == "aanvragen" and APPLYING.search(norm):
        asked.add("fonds")  # "hoe vraag ik dat aan?": applying is what it asks
    if native != "signaal" and POINTS_TO_POVERTY.search(norm):
        # "haalt zijn medicijnen niet op, zegt dat iets over armoede?": whether it is a signal, though a need is named
        return signalen(kb, replace(q, kind="signalen"))
    explicit = asked - {"hoe"}
    if len(explicit) > 1 and (object_kind := questioned_kind(norm)) in explicit:
        # "naar welke interventies kan ik verwijzen bij signalen van …": the kind after "welke" is asked,
        # the other names the situation
        explicit, asked = {object_kind}, (asked - explicit) | {object_kind}
    if "instrument" in asked and MAPPING_A_PLACE.search(norm):
        # "welke tools … om de kinderarmoede in onze gemeente in kaart te brengen": data about a place, no
        # screening instrument for a family
        explicit.discard("instrument")
        asked.discard("instrument")
    if "instrument" in asked and ADDS_QUESTIONS.search(norm):
        # "welke vragen kan ik aan ons screeningsinstrument toevoegen?": how to ask about money within a
        # screening (a Hoe-block of Herkennen), not a list of instruments
        explicit.discard("instrument")
        asked.discard("instrument")
        asked.add("hoe")
    if native == "instrument" and set(words(q.text)) & METHOD_WORDS and not EXISTS.search(norm):
        explicit.discard("interventie")  # "welke methodiek past bij het 8-wekenconsult?": an instrument
    if not explicit and SOMETHING_FOR.search(norm) and not kb.resolve_needs(q.text) and not _thesaurus_needs(q.text):
        # "kent niemand in de buurt … is er iets voor haar?": whether an offer exists, a programme
        explicit.add("interventie")
        asked.add("interventie")
    in_full = named_in_full(kb, q.text)
    if (
        native == "fonds"
        and in_full
        and all(kind not in ("fonds", "werkwijze") for kind, _ in in_full)
        and not STRICT_FUND.search(norm)
    ):
        # "wil met haar dreumes naar peutergym, maar kan het niet betalen; wat zegt de handreiking?"
        return wat_is(kb, replace(q, kind="wat_is"))
    if native in explicit:
        return None
    if PUTS_IN.search(norm) and len([n for n in kb.find_named(q.text) if n[0] != "werkwijze"]) == 1:
        # "wanneer zet ik bemoeizorg in?": when to use the programme it names
        return wat_is(kb, replace(q, kind="wat_is"))
    if native == "fonds" and kb.resolve_needs(q.text) and not STRONG_HOW.search(norm):
        # A need named, and no "wat kan ik doen": the fund finder ("waar kan ik ouders naar verwijzen?").
        asked.discard("hoe")
    if native == "hoe" and REFERS.search(norm) and kb.resolve_needs(q.text) and not STRONG_HOW.search(norm):
        # "… omdat maandverband te duur is. waar kan ik haar op wijzen?": where to get what is named, a fund.
        return fondsen(kb, replace(q, kind="fondsen"))
    if "hoe" in asked and not explicit:
        if native == "hoe":
            return None
        return how_answer(kb, q)
    named = in_full
    if any(kind == native for kind, _ in named):
        return None  # a record named by name: the intent's handler knows it ("wat houdt GIZ in?")
    if named and named[0][0] == "werkwijze" and native != "hoe":
        return werkwijze(kb, replace(q, kind="werkwijze"))
    if named and named[0][0] != "werkwijze":
        # "Nika, voor welke kinderen is dat?" recognised as a fund question: the record it names.
        return wat_is(kb, replace(q, kind="wat_is"))
    if native == "hoe" and explicit == {"signaal"} and not SIGNAL_ASKED.search(norm):
        return None  # "met wie bespreek ik signalen?": about signals, asking how
    if native == "hoe" and not EXISTS.search(norm):
        explicit.discard("interventie")  # "welke training voor professionals": how the handreiking does it
    if (
        len(explicit) == 1
        and (native != "fonds" or "fonds" not in explicit)
        and (next(iter(explicit)) != "fonds" or STRICT_FUND.search(norm))
    ):
        kind = next(iter(explicit))
        return HANDLERS[QUESTION_KIND[kind]](kb, replace(q, kind=QUESTION_KIND[kind]))
    if asked or (len(content_words(q.text)) < 3 and not WHAT_IS.search(norm)):
        return None
    fase = parse_fase(q.age) or parse_fase(q.text)
    if (
        native == "fonds"
        and not is_question(q.text)
        and RECURRING.search(norm)
        and not PAYING.search(norm)
        and _describes_signals(kb, q.text, fase)
    ):
        # "kind draagt altijd dezelfde kleren, kapot en veel te klein": what is seen again and again,
        # and no question: the signals it matches, though it names a need.
        return signalen(kb, replace(q, kind="signalen"))
    if native == "fonds" and (kb.resolve_needs(q.text) or _thesaurus_needs(q.text)):
        return None  # a need named: the fund finder, also when the question describes a situation
    if (
        not is_question(q.text)
        and native != "signaal"
        and OBSERVED.search(norm)
        and _describes_signals(kb, q.text, fase)
    ):
        # Only a situation described, something seen again and again: the signals it matches, when it
        # matches them well ("kind draagt altijd dezelfde kleren").
        return signalen(kb, replace(q, kind="signalen"))
    boosts = {k: min(b, 1.2) for k, b in retrieval.KIND_BOOSTS.get(q.kind, {}).items()}
    text = " ".join(filter(None, [q.name, q.text]))
    hits = kb.retriever.search(
        text, kinds=boosts, age_group=fase, gemeente=q.gemeente, section=retrieval.asked_section(text), limit=12
    )
    choice = retrieval.choose(hits)
    if choice.action != "answer":
        return None
    top = choice.hits[0].unit.kind
    if top == native or (native == "hoe" and top == "werkwijze") or top == "fonds":
        return None
    if top == "hoe":
        return how_answer(kb, q)
    return unit_outcome(kb, replace(q, kind="wat_is"), choice)


def _section_of_named_werkwijze(kb: KnowledgeBase, q: Question) -> Outcome | None:
    """ "wat zegt de handreiking over waarom financiële en materiële steun zinvol is?": a section of the
    werkwijze the question names in full, whatever funds or needs it mentions on the way."""
    if retrieval.asked_section(q.text) in WERKWIJZE_SECTIONS and any(
        kind == "werkwijze" for kind, _ in named_in_full(kb, q.text)
    ):
        return werkwijze(kb, replace(q, kind="werkwijze"))
    return None


def _rule_answer(kb: KnowledgeBase, q: Question) -> Outcome:
    """Whether something is allowed ("mag ik het schoolkamp uit eigen zak betalen?"): no fund for what
    it names; a record of another kind that matches it, or that the sources do not say."""
    _, hits = _retrieve(kb, replace(q, need=None), None)
    choice = retrieval.choose([h for h in hits if h.unit.kind != "fonds"])
    if choice.action == "nothing":
        return Outcome(answers.nothing_found_answer(), Question("geen"))
    return unit_outcome(kb, replace(q, kind="wat_is"), choice)


HOW_COVERAGE = 0.12


def _describes_signals(kb: KnowledgeBase, text: str, fase: str | None = None) -> bool:
    own = kb.retriever.search(text, age_group=fase, only=("signaal",), limit=5)
    return bool(own) and own[0].coverage >= 0.2 and own[0].evidence >= retrieval.MIN_EVIDENCE


def how_answer(kb: KnowledgeBase, q: Question, rivals: bool = True) -> Outcome | None:
    """ "Wat kan ik doen / hoe ga ik om met …": the best Hoe-block (or werkwijze section), the next
    ones offered; None when none shares enough with the question. `rivals`: also None when a record
    of another kind matches far better (not for "wat kan ik dan doen?" after an answer: that asks how)."""
    text = " ".join(filter(None, [q.name, q.text]))
    fase = parse_fase(q.age) or parse_fase(q.text)
    section = retrieval.asked_section(text)
    hits = kb.retriever.search(
        text,
        kinds={"hoe": 1.3},
        age_group=fase,
        section=section,
        only=("hoe",) if section in (None, "hoe") else ("hoe", "werkwijze"),
        limit=12,
    )
    hits = retrieval.literal_first(retrieval.best_per_record(hits), kb, text, within=0.8)
    # A how-question is mostly asking words and situation: a lower bar than an answer elsewhere.
    if not hits or hits[0].coverage < HOW_COVERAGE or hits[0].evidence < retrieval.MIN_EVIDENCE:
        return None
    best = hits[0]
    # A record of another kind that the question names far better ("hoe laten we medewerkers armoede ervaren").
    other = [
        h
        for h in retrieval.best_per_record(kb.retriever.search(text, age_group=fase, limit=12))
        if h.unit.kind not in ("hoe", "werkwijze")
    ]
    if (
        rivals
        and other
        and other[0].evidence >= retrieval.MIN_EVIDENCE
        and other[0].score >= 1.4 * best.score
        and other[0].coverage >= best.coverage
    ):
        return None
    q = replace(q, kind="werkwijze")
    if best.unit.kind != "hoe":
        return unit_outcome(kb, q, retrieval.Choice("answer", hits))
    block = kb.hoe_block(best.unit.record_id)
    others = [h for h in hits[1:] if h.unit.kind == "hoe" and h.score >= 0.5 * best.score][:2]
    return Outcome(_block_reply(kb, block, q.text, others), replace(q, topic=block.id))


def _local_example(kb: KnowledgeBase, text: str) -> bool:
    """Whether a local example of the sources is about what the question asks of gemeenten (the words
    after "welke gemeenten … hebben": "een financieel spreekuur")."""
    asked = re.sub(r"\bgemeenten?\b", " ", normalize(text))
    hits = kb.retriever.search(asked, only=("voorbeeld",), limit=3)
    return bool(hits) and hits[0].coverage >= 0.5 and retrieval.literal(hits[0], kb, asked)


def _named_records(kb: KnowledgeBase, text: str) -> list[tuple[str, str]]:
    """(key, name) of the first two records the text names: what the sources do say about its subject."""
    about = []
    for kind, rid in kb.find_named(text)[:2]:
        record = kb.record(kind, rid)
        if record is not None:
            about.append((answers.record_key(record), getattr(record, "name", rid)))
    return about


def _unstated_detail(kb: KnowledgeBase, text: str) -> Reply:
    """An amount or score the sources do not give, or one gemeente's own rules; offer the record the
    question names, if one."""
    about = _named_records(kb, text)
    gemeente = other_gemeente(kb.gemeenten, text)
    return answers.local_rules_answer(gemeente, about) if gemeente else answers.unstated_detail_answer(about)


ASKS_AGE = re.compile(r"\b((vanaf|tot|voor|tussen) welke leeftijd|hoe oud (moet|mag)|tot hoe oud|leeftijdsgrens)\b")


def _unstated_age(kb: KnowledgeBase, text: str) -> Reply | None:
    """ "Vanaf welke leeftijd …" about a fund the question names whose record gives no age: say the
    sources do not give one (and offer the fund), rather than answer as if its text did."""
    if not ASKS_AGE.search(normalize(text)):
        return None
    named = [rid for kind, rid in kb.find_named(text) if kind == "fonds" and names_in_full(kb, kind, rid, text)]
    fund = kb.record("fonds", named[0]) if len(named) == 1 else None
    if fund is None or fund.min_age is not None or fund.max_age is not None or fund.age_text:
        return None
    return answers.unstated_age_answer(answers.record_key(fund), fund.name)


# Most of a question's weight in words that no record has at all ("welke voorwaarden heeft de
# stadspas in Tilburg?"): the sources do not cover what it asks. Set on the tuning half of the
# question bank, where no question a record answers comes near it.
UNKNOWN_SHARE = 0.4


def _unknown_name(kb: KnowledgeBase, q: Question) -> Outcome | None:
    """A question about a law, programme or tool the sources do not name ("welk artikel van de
    Jeugdwet …"), or mostly in words no record has: say so, with what the rest of the question
    matches as buttons."""
    if kb.find_named(q.text):
        return None  # about a record it names, whatever else it names
    names = unknown_names(kb.retriever, q.text)
    words: list[str] = []
    if not names and q.kind not in ("fondsen", "aanvragen"):  # the fund finder names an unknown need itself
        words = unknown_words(kb.retriever, q.text, UNKNOWN_SHARE)
    if not names and not words:
        return None
    choice, hits = _retrieve(kb, q, None)
    if choice.action == "nothing" and not names:
        return None  # words nothing in the sources has ("blabla"): the plain "staat niet in de bronnen"
    ranked = retrieval.best_per_record(hits)[: retrieval.MAX_CANDIDATES] if choice.action != "nothing" else []
    candidates = [(h.unit.key, retrieval.title(h.unit), h.unit.kind) for h in ranked]
    # Months and weekdays date the question; they are not what the sources lack ("Eneco", not "eneco februari").
    shown = [w for w in words if w not in TIME_WORDS] or words
    subject = names[0] if names else " ".join(_as_written(q.text, w) for w in shown)
    return Outcome(answers.unknown_name_answer(subject, candidates), Question("geen"))


def _as_written(text: str, label: str) -> str:
    """A word of the question as the user wrote it ("Eneco", not the index's "eneco")."""
    return next((t for t in re.findall(r"[^\W_][\w'’-]*", text) if normalize(t) == label), label)


def fallback(kb: KnowledgeBase, text: str) -> Outcome | None:
    """A message the NLU could not place (nlu_fallback): retrieval over every kind of record answers
    when one is clearly best, else asks "Bedoel je …?"; None when nothing in the sources matches.
    A figure the record it finds does not give is not answered from that record (_figure_not_given)."""
    outcome = _fallback(kb, text)
    return _figure_not_given(kb, Question("wat_is", text=text), outcome) if outcome is not None else None


def _fallback(kb: KnowledgeBase, text: str) -> Outcome | None:
    rest, aside = left_out(kb, text)
    if aside:
        # "geen Leergeld in onze gemeente, wat dan?" names Leergeld to leave it out: the question proper
        # is the rest, asked the way the NLU would have taken it.
        kind = "fondsen" if all(key.startswith("fonds:") for key in aside) else "wat_is"
        return answer(kb, Question(kind, text=rest, left_out=aside))
    if funds_turned_down(text) is not None:
        return answer(kb, Question("werkwijze", text=text))  # "geen fonds deze keer, …": anything but a fund
    if retrieval.asks_unstated_detail(text) or other_gemeente(kb.gemeenten, text):
        return Outcome(_unstated_detail(kb, text), Question("geen"))
    if set(content_words(text)) and set(content_words(text)) <= VAGUE_WORDS:
        return Outcome(answers.topics_answer(), Question("geen"))  # "welke hulp is er?"
    never = never_in_sources(text)
    if never != "medisch" and (unknown := _unknown_name(kb, Question("wat_is", text=text))):
        return unknown
    if never:
        about = _named_records(kb, text) if never != "medisch" else []
        return Outcome(answers.never_in_sources_answer(never, about), Question("geen"))
    norm = normalize(text)
    asked = asked_kinds(text)
    if retrieval.asked_section(text) == "hoe":
        asked.add("hoe")
    if (
        "signaal" in asked
        and SIGNAL_ASKED.search(norm)
        and not any(k[0] != "werkwijze" for k in named_in_full(kb, text))
    ):
        # "is dat een signaal?", whatever the NLU made of it; "r4u bij de intake, welke risicofactoren scoor
        # je daarmee" is about the instrument it names.
        return signalen(kb, Question("signalen", text=text))
    if POINTS_TO_POVERTY.search(norm) and not named_in_full(kb, text):
        return signalen(kb, Question("signalen", text=text))  # "… Hoe moet ik dat duiden?": what it may signal
    reaching = [key for key in named_in_full(kb, text) if key[0] != "werkwijze"] if REACHING.search(norm) else []
    if reaching:
        # "hoe vind ik een kledingbank bij mij in de buurt?": how to reach a record it names, not a Hoe-block.
        return wat_is(kb, Question("wat_is", text=text))
    if "hoe" in asked and not asked - {"hoe"} and (how := how_answer(kb, Question("werkwijze", text=text))):
        return how
    explicit = asked - {"hoe", "fonds", "signaal"}
    if len(explicit) == 1 and not asked & {"fonds"}:
        kind = QUESTION_KIND[next(iter(explicit))]
        return HANDLERS[kind](kb, Question(kind, text=text))
    if section_asked := _section_of_named_werkwijze(kb, Question("werkwijze", text=text)):
        return section_asked
    if (kb.resolve_needs(text) or _thesaurus_needs(text)) and _wants_something(kb, text):
        if not is_question(text) and OBSERVED.search(norm) and _describes_signals(kb, text):
            return signalen(kb, Question("signalen", text=text))
        return fondsen(kb, Question("fondsen", text=text))
    q = Question("wat_is", text=text)
    named = named_in_full(kb, text)
    if named and named[0][0] == "werkwijze":
        return werkwijze(kb, replace(q, kind="werkwijze"))
    if named or (set(words(text)) & INTERVENTION_WORDS and normalize(text).startswith(LIST_STARTS)):
        # "wij werken met ben ik in beeld, noemt de handreiking dat?": the record it names by its name
        return wat_is(kb, q)
    choice, _ = _retrieve(kb, q, None)
    if choice.action == "nothing":
        return None
    return unit_outcome(kb, q, choice)


# Words of "meer", "andere fondsen?", "laat de rest zien": asking for more, no subject of their own.
MORE_WORDS = {
    "meer",
    "andere",
    "ander",
    "anders",
    "nog",
    "rest",
    "verder",
    "volgende",
    "laat",
    "zien",
    "toon",
    "door",
    "fonds",
    "fondsen",
    "opties",
    "mogelijkheden",
    "ideeen",
    "tips",
    "info",
    "informatie",
    "graag",
    "alles",
    "overige",
    "overig",
    "lijst",
    "resultaten",
    "antwoorden",
    "vertel",
}


# Shared weight (summed idf) a short message the NLU took for small talk needs with one record.
SHORT_OFF_TOPIC_EVIDENCE = 8.0


def vague_request(text: str) -> bool:
    """Help asked with someone or something, but nothing about what ("kun je me helpen met een casus?"):
    ask what it is about, rather than list what the assistant can do."""
    content = set(content_words(text or ""))
    return bool(content - {"help", "helpen", "hulp"}) and content <= VAGUE_WORDS


def off_topic(kb: KnowledgeBase, text: str) -> Outcome | None:
    """A message the NLU took for small talk or out of scope ("ben jij een mens?"): answered from the
    sources only when it names a record in full ("howie the harp?") or is a whole question of its own
    that the sources answer; None: the small-talk reply."""
    if not text or text.startswith("/"):
        return None
    named = about_named_record(kb, text)
    if named is not None:
        # "wat kost die opleiding bij Howie the Harp?": the record named, unless it lacks the figure asked.
        return _figure_not_given(kb, Question("wat_is", text=text), named)
    # "wat bedoelt de handreiking met een groei-mindset?": what is meant, found by what follows "met".
    defined = bool(DEFINED.search(normalize(text)))
    if defined:
        text = DEFINED.sub("wat is ", normalize(text), count=1)
    size = len(content_words(text))
    # "wat bedoelen ze met bufferen?" asks about one word
    if size < (1 if defined else 2 if is_question(text) else 3):
        return None  # "welke programma's zijn er bij overgewicht?" is a question; "ben jij een mens?" too small
    if size < 5 and not (tells_about_a_family(text) and size >= 3):
        # A short message about no child or parent: only when one record matches it strongly, not a need
        # word in small talk ("wat vind jij van voetbal kijken"). A family's situation told in a few words
        # ("15-jarige loopt steeds in te kleine kleren") is what the sources are about.
        choice, _ = _retrieve(kb, Question("wat_is", text=text), None)
        strong = choice.action == "answer" and choice.hits[0].evidence >= SHORT_OFF_TOPIC_EVIDENCE
        # Or it asks for a kind of record in so many words and a record matches all of the rest
        # ("welke programma's zijn er voor een kind met overgewicht"), or it asks what something is
        # ("wat bedoelt de handreiking met een groei-mindset?").
        asks = (
            (bool(asked_kinds(text) - {"hoe"}) or asks_what(text))
            and bool(choice.hits)
            and choice.hits[0].coverage >= 0.99
        )
        if not (strong or asks):
            return None
    found = _fallback(kb, text)
    if found is None or not found.reply.records:
        return None
    return _figure_not_given(kb, Question("wat_is", text=text), found)


def more(
    kb: KnowledgeBase,
    state: dict | None,
    shown: int,
    shown_funds: list[str],
    text: str = "",
    shown_records: list[str] | None = None,
) -> Outcome:
    """The next page of the previous answer; a message with a subject of its own is a question, and
    "vertel meer over meppel" after a list opens the one record of that list it names."""
    own = [w for w in content_words(text) if w not in MORE_WORDS] if text and not text.startswith("/") else []
    named = {f"{kind}:{rid}" for kind, rid in kb.find_named(text)} if own and shown_records else set()
    if len(named & set(shown_records or [])) == 1:
        return wat_is(kb, Question("wat_is", text=text))
    records = {key for key in named if not key.startswith("werkwijze:")}
    if len(own) == 1 and len(records) == 1 and not (set(shown_records or []) & named):
        # "vertel eens meer over meppel" after a list without it: the one record that name finds
        return wat_is(kb, Question("wat_is", text=text))
    if len(own) >= 2:
        if state and state.get("kind") in HANDLERS:
            return follow_up(kb, state, {"text": text}, shown_funds)
        return fallback(kb, text) or Outcome(answers.nothing_found_answer(), Question("geen"))
    if not state or state.get("kind") not in HANDLERS:
        # "meer", "kan dat ook voor die andere?" with nothing before it: ask what it is about.
        return Outcome(answers.topics_answer("Er is nog geen antwoord om mee verder te gaan. "), Question("geen"))
    q = Question(**{**state, "offset": shown, "shown_funds": shown_funds})
    if shown <= 0:
        # after an answer that shows all it has at once (a record, a list of examples): nothing more of it
        return Outcome(Reply("Dat was alles wat de bronnen hierover zeggen."), q)
    outcome = answer(kb, q)
    if outcome.reply.shown <= shown:
        text = "Dat was alles wat de bronnen hierover zeggen."
        if q.kind == "fondsen":
            text += " Lokale fondsen en regelingen staan op de sociale kaart van de gemeente."
        return Outcome(Reply(text), q)
    return outcome


# Words of a follow-up that only point back ("en als het om een peuter gaat?"): no new subject.
FOLLOW_UP_WORDS = {
    "ouder",
    "ouders",
    "moeder",
    "vader",
    "kind",
    "kinderen",
    "gaat",
    "geval",
    "situatie",
    "leeftijd",
    "jaar",
    "oud",
    "jong",
    "wordt",
    "zit",
    "school",
    "klas",
    "gezin",
    "dochter",
    "zoon",
    # who the age is of: "en voor een meisje van 17?", "en voor zijn zusje van 3?"
    "dochtertje",
    "zoontje",
    "meisje",
    "jongen",
    "zus",
    "zusje",
    "broer",
    "broertje",
    "kindje",
    # whose stage it is: "ik sta voor groep 7", "ik geef les in de brugklas"
    "sta",
    "staat",
    "geef",
    "les",
}


def _new_subject(text: str) -> bool:
    """Whether a follow-up brings a subject of its own, beyond an age, a stage or a group."""
    tokens = normalize(text).split()
    stage = find_stage(tokens)
    used = stage[1] if stage else set()
    content = set(content_words(text))
    return any(
        t in content
        and i not in used
        and t not in AGE_WORDS
        and t not in FOLLOW_UP_WORDS
        and not t.isdigit()
        and not parse_age(t)
        for i, t in enumerate(tokens)
    )


# A list or site of funds: "een site met een overzicht van landelijke fondsen".
OVERVIEW_OF_FUNDS = re.compile(
    r"\b(site|website|overzicht|lijst)\b.*\bfondsen\b|\bfondsen\b.*\b(site|website|overzicht|lijst)\b"
)
# "meer iets met sport?", "liever iets met muziek": the same kind of thing, with this in it.
SOMETHING_WITH = re.compile(r"\b(iets|wat|zoiets) met\b|\bliever\b")


def follow_up(kb: KnowledgeBase, state: dict | None, update: dict, shown_funds: list[str]) -> Outcome:
    """A bare detail ("en voor een peuter?", "10 jaar", "in Meppel") applied to the previous question."""
    if (update.get("text") or "").startswith("/"):
        update = {**update, "text": ""}  # a button's payload ('/inform{"leeftijd": "baby"}'): entities, no words
    previous = Question(**state) if state and state.get("kind") in HANDLERS else None
    rest, aside = left_out(kb, update.get("text") or "")
    if aside and previous is not None and previous.kind == "fondsen":
        # "en als hun gemeente geen witgoedregeling heeft?" after the funds for a washing machine: the
        # same question without that fund.
        return answer(kb, replace(previous, text=rest, offset=0, left_out=aside), checked=False)
    if OVERVIEW_OF_FUNDS.search(normalize(update.get("text") or "")) and (found := fallback(kb, update["text"])):
        # "is er ook een site met een overzicht van nog meer landelijke fondsen?" after funds: the overview
        # sites the handreiking names, not the same funds again.
        return found
    if names_a_fund(kb, update.get("text") or "") and not aside:
        return wat_is(kb, Question("wat_is", text=update["text"]))
    text = update.get("text") or ""
    if previous is not None and previous.kind == "wat_is" and previous.text and SOMETHING_WITH.search(normalize(text)):
        # "en als het om zijn broer van 14 gaat, meer iets met sport?" after programmes for overweight: the
        # programmes again, with sport in them (not the funds for sport).
        combined = f"{previous.text} {text}"
        return answer(kb, Question("wat_is", text=combined, age=update.get("age") or previous.age))
    if (
        previous is not None
        and previous.kind == "fondsen"
        and not update.get("need")
        and not update.get("gemeente")
        and not kb.resolve_needs(text)
        and "fonds" not in asked_kinds(text)  # "kan dat dan ook via dat fonds?" is about the funds
        and _new_subject(text)
        and (found := fallback(kb, text)) is not None
        and found.reply.records
        and not found.reply.records[0].startswith("fonds:")
    ):
        # "en als ze al onbedoeld zwanger is?" after the funds for contraception: no need, a subject of
        # its own that the sources answer with something else than a fund.
        return found
    if previous is not None and previous.kind != "fondsen" and _new_subject(text):
        # "en haar zoon van 16 spijbelt steeds vaker": a new question of the same kind, the age kept.
        return answer(
            kb,
            Question(
                previous.kind,
                text=text,
                age=update.get("age") or previous.age,
                gemeente=update.get("gemeente") or previous.gemeente,
            ),
        )
    if (
        previous is None
        and text
        and _new_subject(text)
        and (len(content_words(text)) >= 4 or WHAT_IS.match(normalize(text)))
    ):
        # A whole question that the NLU took for a follow-up, with nothing to follow up on ("Wat is
        # FINOK in Kampen precies?" for the gemeente Kampen, which the fund finder reads as a kamp).
        found = fallback(kb, text)
        if found is not None:
            return found
    if previous is None or previous.kind in ("wat_is", "feiten"):
        kind = "fondsen" if update.get("need") or kb.resolve_needs(update.get("text") or "") else None
        if kind is None and text and _new_subject(text):
            return fallback(kb, text) or Outcome(answers.nothing_found_answer(), Question("geen"))
        if kind is None and previous is not None and previous.text and content_words(text):
            # "en met het consultatiebureau?" after "mag ik dit delen met de verloskundige?": the
            # question before it, asked again with this detail.
            combined = f"{previous.text} {text}"
            return answer(kb, Question(previous.kind, text=combined, age=update.get("age") or previous.age))
        if kind is None:
            return Outcome(answers.topics_answer(), Question("geen"))  # "kan dat ook voor die andere?"
        previous = Question(kind)
    changes = {k: v for k, v in update.items() if v}
    # "en bij ouders?": the NLU tags ages, not ouders; for signals and werkwijzen they are a group like one.
    if (
        previous.kind in ("werkwijze", "signalen")
        and not changes.get("age")
        and parse_fase(changes.get("text")) == "ouders"
    ):
        changes["age"] = "ouders"
    if previous.kind == "werkwijze" and previous.topic and changes.get("age"):
        for_age = werkwijze_for_age(kb, previous, changes["age"])
        if for_age:
            return for_age
    # A follow-up's own text only refines: keep the topic text of the question it follows.
    text = changes.pop("text", "")
    if previous.kind in ("werkwijze", "signalen", "instrumenten") and changes.get("age"):
        previous = replace(previous, topic=None if previous.kind == "werkwijze" else previous.topic)
        previous = replace(previous, text=f"{previous.text} {text}".strip())
    q = replace(previous, offset=0, shown_funds=shown_funds, **changes)
    if previous.kind == "fondsen" and text and not changes.get("need") and kb.resolve_needs(text):
        q = replace(q, need=text)
    if previous.kind == "fondsen":
        # (no topic: "en bijles voor zijn zusje op de basisschool?" after what the sources say about a need
        # no fund covers is a fund question again, not that record again)
        # "En worden de tandartskosten van de ouders zelf ook vergoed?": for the parents, which only the
        # text says (fondsen reads it there, and then not the NLU's "ouders zelf" as who applies)
        themselves = bool(PARENT_THEMSELVES.search(normalize(text)))
        # "en kleertjes als de baby groeit?": a need of its own, read from its own words as in a question of
        # its own (with the age and gemeente remembered)
        own_need = bool(kb.resolve_needs(text))
        q = replace(q, text=text if themselves or own_need else "", topic=None)
    return answer(kb, q, checked=False)
