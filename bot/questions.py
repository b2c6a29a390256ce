"""One function per kind of question: parameters in, a Reply and the state to remember out.

The Rasa actions are thin wrappers around these: they gather the parameters from the
tracker (entities, slots, the message text) and send the Reply. Keeping the logic
here makes it testable against a real knowledge base without a running Rasa.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from . import answers
from .answers import Reply
from .kb import KnowledgeBase
from .kb.ages import parse_age, parse_fase
from .kb.records import Entry
from .kb.text import words
from .kb.vocabulary import LEEFTIJDSFASEN

# Words a user types for who applies, mapped to the knowledge base's aanvragers.
APPLICANT_WORDS = {
    "ouders": {"ouder", "ouders", "moeder", "vader", "gezin", "zelf", "ouders zelf"},
    "intermediair": {"intermediair", "intermediairs", "tussenpersoon"},
    "hulpverlener": {"hulpverlener", "professional", "jeugdverpleegkundige", "jeugdarts", "verloskundige",
                     "wijkteam", "maatschappelijk", "sociaal", "kraamverzorgende", "hulpverleners"},
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

    def state(self) -> dict:
        """What to remember to answer "meer" or a follow-up: everything but the offset and text."""
        data = asdict(self)
        data.pop("offset")
        data.pop("shown_funds")
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
    for applicant, vocabulary in APPLICANT_WORDS.items():
        if tokens & vocabulary:
            return applicant
    return None


def _age_label(question: Question) -> tuple[object, str | None]:
    age = parse_age(question.age) or parse_age(question.text)
    return age, (age.label if age else None)


# --- handlers -----------------------------------------------------------------------------

def find_funds(kb: KnowledgeBase, q: Question) -> Outcome:
    # A need named in this message wins over a remembered one.
    need_text = q.need
    if kb.resolve_needs(q.text):
        need_text = q.text if not q.need or not kb.resolve_needs(q.need) else q.need
    q = replace(q, need=need_text)
    age, _ = _age_label(q)
    applicant = parse_applicant(q.applicant)
    search = kb.find_funds(need_text, age=age, applicant=applicant, gemeente=q.gemeente)
    if search.unknown_need and q.text and q.text != need_text and kb.resolve_needs(q.text):
        search = kb.find_funds(q.text, age=age, applicant=applicant, gemeente=q.gemeente)
    if not need_text and not search.needs:
        return Outcome(Reply("Waarvoor zoek je een fonds? Bijvoorbeeld een fiets, laptop, zwemles, "
                             "schoolreisje, contributie of babyspullen."), q)
    if search.age_matters and age is None and q.offset == 0:
        return Outcome(answers.ask_age_reply(search), q, [f.id for f in search.funds])
    reply = answers.funds_answer(search, q.offset)
    shown = [f.id for f in search.funds[q.offset:q.offset + answers.PAGE_SIZE]]
    return Outcome(reply, q, shown)


def fund_application(kb: KnowledgeBase, q: Question) -> Outcome:
    named = [rid for kind, rid in kb.find_named(" ".join(filter(None, [q.text, q.name]))) if kind == "fonds"]
    fund_ids = named or q.shown_funds
    funds = [f for f in (kb.fund(fid) for fid in fund_ids) if f]
    return Outcome(answers.application_answer(funds), q, [f.id for f in funds],
                   about_previous=bool(funds) and not named)


# "Wat kan de gemeente / mijn organisatie doen?" The handreiking answers that in 1.3 (Professionals
# versterken en faciliteren), not in a werkwijze: these are its two records on it.
ROLE_ENTRIES = {"gemeente": "faciliteren-van-professionals", "organisatie": "investeren-in-professionals"}
ROLE_WORDS = {
    "gemeente": {"gemeente", "gemeenten", "gemeentes", "wethouder"},
    "organisatie": {"organisatie", "organisaties", "werkgever", "werkgevers", "instelling", "instellingen"},
}
ROLE_QUESTION_WORDS = {"doen", "taak", "taken", "rol", "bijdragen", "regelen", "faciliteren", "ondersteunen"}


def role_entry(kb: KnowledgeBase, text: str) -> Entry | None:
    """The record on what gemeenten or organisaties can do, when the text asks that."""
    tokens = set(words(text))
    if not tokens & ROLE_QUESTION_WORDS:
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
            if q.offset:
                return Outcome(answers.block_rest_answer(block, q.offset), q)
            return Outcome(answers.block_answer(block), q)
    if not words(q.text):
        return Outcome(answers.werkwijzen_overview(kb.werkwijzen()), q)
    fase = parse_fase(q.age) or parse_fase(q.text)
    blocks = kb.hoe_blocks(age_group=fase, topic=q.text, limit=3)
    if not blocks:
        return what_is(kb, q)
    best = blocks[0]
    reply = answers.block_answer(best)
    reply.buttons = [(b.title, f'/ask_werkwijze{{"onderwerp": "{b.id}"}}') for b in blocks[1:]]
    return Outcome(reply, replace(q, topic=best.id))


def werkwijze_for_age(kb: KnowledgeBase, previous: Question, age: str) -> Outcome | None:
    """"en bij jongeren?" after a hoe-block: that werkwijze's block for the age group. Where that
    werkwijze has no blocks per age at all, the same block, saying it holds for every age.
    None when the werkwijze has blocks for other ages only: then the general search answers."""
    block = kb.hoe_block(previous.topic)
    fase = parse_fase(age)
    if block is None or fase is None:
        return None
    # With an unborn or young child the conversation is with the (aanstaande) ouders.
    wanted = [fase, "ouders"] if fase in ("ongeboren-pasgeboren", "jonge-kinderen") else [fase]
    q = replace(previous, age=age, offset=0)
    ranked = (kb.hoe_blocks(werkwijze=block.werkwijze_id, age_group=fase, topic=previous.text, limit=50)
              + kb.hoe_blocks(werkwijze=block.werkwijze_id, age_group=fase, limit=50))
    for group in wanted:
        for_age = [b for b in ranked if group in b.age_groups]
        if for_age:
            return Outcome(answers.block_answer(for_age[0]), replace(q, topic=for_age[0].id))
    if any(b.age_groups for b in ranked):
        return None
    reply = answers.block_answer(block)
    reply.text = (f"Bij {block.werkwijze_name} maakt de handreiking geen onderscheid naar leeftijd: "
                  f"dit geldt ook voor {LEEFTIJDSFASEN[fase]}.\n") + reply.text
    return Outcome(reply, q)


def signals(kb: KnowledgeBase, q: Question) -> Outcome:
    tokens = set(words(q.text))
    fase = parse_fase(q.age) or parse_fase(q.text)
    if tokens & {"risicogroep", "risicogroepen", "risicofactoren", "risico", "risicosituaties"}:
        found = kb.risk_groups()
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
    return Outcome(answers.signals_answer(found, q.offset, heading), q)


def instruments(kb: KnowledgeBase, q: Question) -> Outcome:
    named = [rid for kind, rid in kb.find_named(" ".join(filter(None, [q.text, q.name]))) if kind == "instrument"]
    if named and not q.offset:
        record = kb.record("instrument", named[0])
        return Outcome(answers.instrument_detail_answer(record), q)
    age, label = _age_label(q)
    fase = age.fase if age else parse_fase(q.text)
    found = kb.instruments(age_group=fase if fase != "ouders" else None)
    label = label or (LEEFTIJDSFASEN.get(fase) if fase else None)
    return Outcome(answers.instruments_answer(found, label, q.offset), q)


INTERVENTION_WORDS = {"interventie", "interventies", "programma", "programmas", "methodiek", "methodieken",
                      "training", "trainingen", "cursus", "cursussen", "aanpak", "aanpakken"}


def what_is(kb: KnowledgeBase, q: Question) -> Outcome:
    if not words(" ".join(filter(None, [q.name, q.text]))):
        return Outcome(Reply("Over welke interventie, organisatie, aanpak of welk fonds wil je iets weten? "
                             "Bijvoorbeeld: wat is VoorZorg?"), q)
    named = kb.find_named(" ".join(filter(None, [q.name, q.text])))
    if named:
        kind, rid = named[0]
        record = kb.record(kind, rid)
        if record is not None:
            fund_ids = [rid] if kind == "fonds" else []
            return Outcome(answers.record_answer(record, q.offset), q, fund_ids)
    text = " ".join(filter(None, [q.name, q.text]))
    # "welke interventies / programma's / trainingen …": those, not every kind of record.
    kinds = ("interventie", "aanpak") if set(words(text)) & INTERVENTION_WORDS else None
    hits = kb.search(text, kinds=kinds, limit=5) or (kb.search(text, limit=5) if kinds else [])
    return Outcome(answers.search_answer(hits, q.offset), q)


def facts(kb: KnowledgeBase, q: Question) -> Outcome:
    if not words(q.text):
        return Outcome(answers.entries_answer(kb.entries(kind="feit"), "Kerncijfers uit de bronnen:"), q)
    found = kb.entries(topic=q.text, limit=5)
    found = [e for e in found if e.kind in ("feit", "achtergrond")] or found
    if not found:
        return what_is(kb, q)
    if len(found) == 1 or found[0].kind == "feit":
        return Outcome(answers.entry_answer(found[0], q.offset), q)
    return Outcome(answers.entries_answer(found, "Dit zeggen de bronnen erover:"), q)


def names_a_fund(kb: KnowledgeBase, text: str) -> bool:
    """"wat is het Meedoenfonds Zwolle?" can read as a question about Zwolle or as a bare detail
    ("Zwolle"); when the text names a fund, that fund is what the question is about."""
    return any(kind == "fonds" for kind, _ in kb.find_named(text))


def examples(kb: KnowledgeBase, q: Question) -> Outcome:
    if names_a_fund(kb, q.text):
        return what_is(kb, q)
    if q.gemeente:
        found = kb.entries(kind="voorbeeld", gemeente=q.gemeente)
        if found:
            return Outcome(answers.entries_answer(found, f"Voorbeelden uit {q.gemeente}:"), q)
    found = kb.entries(kind="voorbeeld", topic=q.text)
    if not found:
        found = kb.entries(kind="voorbeeld", limit=answers.PAGE_SIZE)
        lead = "Deze lokale voorbeelden staan in de bronnen:"
    else:
        lead = "Voorbeelden uit de praktijk:"
    return Outcome(answers.entries_answer(found, lead), q)


HANDLERS = {
    "fondsen": find_funds,
    "aanvragen": fund_application,
    "werkwijze": werkwijze,
    "signalen": signals,
    "instrumenten": instruments,
    "wat_is": what_is,
    "feiten": facts,
    "voorbeelden": examples,
}


def answer(kb: KnowledgeBase, q: Question) -> Outcome:
    return HANDLERS[q.kind](kb, q)


def more(kb: KnowledgeBase, state: dict | None, shown: int, shown_funds: list[str]) -> Outcome:
    """The next page of the previous answer."""
    if not state or state.get("kind") not in HANDLERS or shown <= 0:
        return Outcome(Reply("Waar wil je meer over weten? Stel gerust een nieuwe vraag."), Question("geen"))
    q = Question(**{**state, "offset": shown, "shown_funds": shown_funds})
    outcome = answer(kb, q)
    if outcome.reply.shown <= shown:
        text = "Dat was alles wat de bronnen hierover zeggen."
        if q.kind == "fondsen":
            text += " Lokale fondsen en regelingen staan op de sociale kaart van de gemeente."
        return Outcome(Reply(text), q)
    return outcome


def follow_up(kb: KnowledgeBase, state: dict | None, update: dict, shown_funds: list[str]) -> Outcome:
    """A bare detail ("en voor een peuter?", "10 jaar", "in Meppel") applied to the previous question."""
    if names_a_fund(kb, update.get("text") or ""):
        return what_is(kb, Question("wat_is", text=update["text"]))
    previous = Question(**state) if state and state.get("kind") in HANDLERS else None
    if previous is None or previous.kind in ("wat_is", "feiten"):
        kind = "fondsen" if update.get("need") or kb.resolve_needs(update.get("text") or "") else None
        if kind is None:
            return Outcome(Reply("Waar gaat je vraag over? Bijvoorbeeld: welk fonds betaalt een fiets, "
                                 "of hoe begin ik over geldzorgen?"), Question("geen"))
        previous = Question(kind)
    changes = {k: v for k, v in update.items() if v}
    # "en bij ouders?": the NLU tags ages, not ouders; for signals and werkwijzen they are a group like one.
    if previous.kind in ("werkwijze", "signalen") and not changes.get("age") \
            and parse_fase(changes.get("text")) == "ouders":
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
        q = replace(q, text="")
    return answer(kb, q)

