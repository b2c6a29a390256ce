"""A question that leans on the answer before it, answered in that answer's context.

"ok, maar hoe doe je dat dan concreet?" after the Waarom of Vertrouwen opbouwen asks for that
werkwijze's Hoe-blocks; "en wat zegt de handreiking over samenwerking daarbij?" for its Samenwerken;
"wie bieden die aan?" or "en als de ouders dat niet durven?" mean nothing on their own and are
searched together with the question they follow. A question that brings its own subject is left
alone: this only applies when the question points back ("dat", "die", "daarbij") and is short.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import answers, retrieval
from .kb import KnowledgeBase
from .kb.ages import AGE_WORDS, parse_age, parse_fase
from .kb.text import content_words, is_dutch_word, normalize, words
from .not_in_sources import asks_figure, gives_asked_figure
from .questions import (
    FOLLOW_UP_WORDS,
    HANDLERS,
    NAME_FILLERS,
    QUESTION_KIND,
    STRONG_HOW,
    VAGUE_WORDS,
    Outcome,
    Question,
    answer,
    asked_kinds,
    follow_up,
    how_answer,
    named_by_block,
    named_in_full,
    unit_of,
    unit_outcome,
)

# Words that point back to the previous answer. "dat", "die", "dit" and "deze" only when what
# follows is no subject: "hoe doe je dat dan" points back, "hoe merk ik dat er …" does not.
POINTING_WORDS = {
    "daarbij",
    "daarvoor",
    "daarmee",
    "daarover",
    "daarin",
    "daarna",
    "daarop",
    "hiervoor",
    "hierbij",
    "hiermee",
    "hierover",
    "ervan",
    "erbij",
    "ermee",
    "ervoor",
    "erover",
    "erachter",
    "daarachter",
    "eraan",
}
DEMONSTRATIVES = {"dat", "die", "dit", "deze"}
# After a conjunction or relative "dat"/"die" comes its subject or a preposition.
SUBJECT_STARTS = {
    "er", "ze", "zij", "hij", "het", "je", "jij", "u", "ik", "we", "wij", "men", "de", "een", "hun", "haar",
    "zijn", "mijn", "onze", "ons", "jouw", "uw", "in", "op", "met", "bij", "voor", "van", "uit", "aan",
    "naar", "over", "door", "al", "nog", "ouders", "kinderen", "kind", "moeder", "vader", "gezin", "gezinnen",
}  # fmt: skip
MAX_WORDS = 14
SUCH = re.compile(r"\b(zo['’]n|zulke|zulk)\s")
# "is er ook iets voor de vader?": something besides what was just shown.
ALSO = re.compile(r"\b(ook|nog|ander|andere|anders)\b")
ASKS_HOW = re.compile(
    r"\bhoe (doe|doen|pak|werkt|gaat|zie|ziet)\b|\bconcreet\b|\bin de praktijk\b|"
    # after signals: how to raise it, what to do next, with whom to share it
    r"\bhoe (vraag|breng|benader|kaart|spreek) (ik|je|we)\b|\b(de |een )?volgende stap\b|"
    r"\bmet wie (kan|moet|mag|kun) (ik|je|we) (dat|dit|het|die|deze|dat signaal)\b"
)
CONTINUING = {"en", "ok", "oke", "oké", "okee", "maar", "dus", "dan"}
# "voor een kindje van 2 waar ik me zorgen over maak": for whom the question before is, and nothing else.
FOR_WHOM = re.compile(r"^(en |maar )?(voor|bij) (een|mijn|m'n|de|het|haar|zijn|hun|ons|onze)\b")


def for_whom(text: str) -> bool:
    """The message names only for what age the question before it is asked ("voor een puber"; not "en
    voor de vader?", a person the combined search finds)."""
    norm = normalize(text)
    if not FOR_WHOM.match(norm) or not parse_age(text) or asked_kinds(text):
        return False
    rest = {w for w in content_words(text) if not parse_age(w) and not w.isdigit()}
    return len(rest - AGE_WORDS - VAGUE_WORDS - FOLLOW_UP_WORDS - {"kindje", "kind", "kinderen"}) <= 1


# "en voor sombere gevoelens na de bevalling?" after an instrument: the same kind of record, another subject.
ELLIPTIC = re.compile(r"^(en|maar|en ook) (voor|bij|als|met|tijdens|na|over|rond|om)\b")
# "is die ook bruikbaar bij ouders die slecht kunnen lezen?" after an instrument: a yes/no question
# about the record just shown, with that record as its subject.
ABOUT_IT = re.compile(r"^(en |maar )?(is|kan|kun|werkt|past|geldt|mag|helpt) (die|dat|deze|dit|het|hij|ze)\b")
# The records such a question can be about: one thing with a text of its own, not a list or a block.
SINGLE_THINGS = ("instrument", "interventie", "aanpak", "organisatie", "voorbeeld")
# "is er ook zoiets voor na de bevalling?": something like what was just shown.
LIKE_IT = re.compile(r"\b(zoiets|zo iets|iets vergelijkbaars|iets soortgelijks|iets dergelijks|ook zo'?n)\b")


def like_the_previous(kb: KnowledgeBase, text: str, previous: Question, key: str) -> Outcome | None:
    """ "en is er ook zoiets in groepsverband voor na de bevalling?" after Centering Zwangerschap: the
    record of the same kind whose name shares a name of its own with the one shown (Centering
    Ouderschap) and that matches the rest of the question; None when there is no such sibling."""
    kind, _, rid = key.partition(":")
    record = kb.record(kind, rid) if kind in SINGLE_THINGS else None
    if record is None:
        return None
    own = {w for w in words(record.name) if len(w) >= 4 and not is_dutch_word(w) and w not in NAME_FILLERS}
    if not own:
        return None
    siblings = [
        h
        for h in retrieval.best_per_record(
            kb.retriever.search(f"{text} {' '.join(sorted(own))}", only=(kind,), limit=30)
        )
        if h.unit.record != key and own & set(words(h.unit.title)) and set(h.matched) - own
    ]
    if not siblings:
        return None
    sibling = siblings[0]
    reply = retrieval.unit_answer(kb, sibling.unit.key, text)
    return Outcome(reply, replace(previous, topic=sibling.unit.key, offset=0)) if reply is not None else None


# Asking for the words themselves after a Hoe-block: "wat zeg ik dan letterlijk?", "heb je een paar
# voorbeeldzinnen?". The block's own example sentences answer it.
WORDING = re.compile(
    r"\b(letterlijk|voorbeeldzin\w*|voorbeeldvra(ag|gen)|openingszin\w*|verwoord\w*|formuleer\w*|"
    r"welke woorden|hoe zeg ik (dat|het)|wat zeg ik (dan|daarbij|precies))\b"
)
QUOTE_MARKS = ("‘", "“", '"')  # opening marks: a straight apostrophe is as often "baby's


def asks_wording(text: str) -> bool:
    """A short question for how to put it ("wat zeg ik dan letterlijk?"), no subject of its own."""
    return 0 < len(normalize(text).split()) <= MAX_WORDS and bool(WORDING.search(normalize(text)))


def in_words(kb: KnowledgeBase, previous: Question, shown: list[str]) -> Outcome | None:
    """The Hoe-block just shown again, its points with example sentences first; None after anything else."""
    if not shown or not shown[0].startswith("hoe:"):
        return None
    record, _ = retrieval.unit_record(kb, shown[0])
    points = list(getattr(record, "points", ()) or ())
    if record is None or not points:
        return None
    order = sorted(range(len(points)), key=lambda i: not any(q in points[i] for q in QUOTE_MARKS))
    return Outcome(answers.record_answer(record, 0, order), replace(previous, topic=shown[0], offset=0))


SAME_KIND = ("instrumenten", "signalen", "feiten", "voorbeelden")
# "wie bieden die aan?", "wie heeft dat gemaakt?": who is behind what was just shown.
WHO_IS_BEHIND = re.compile(
    r"^(en |maar )?(wie|welke organisaties?|van wie|bij wie)\b.*\b(aan|gemaakt|ontwikkeld|bedacht|opgezet|uit|"
    r"geeft|geven|biedt|bieden|organiseert|organiseren|doet|doen|verzorgt|verzorgen|is|zijn|"
    # "wie zitten erachter?", "bij wie kan ik terecht met vragen erover?"
    r"erachter|daarachter|achter|terecht)\b"
)
# "bij wie kan ik terecht met vragen of ervaringen?", "waar kan ik onze ervaringen kwijt?": whom to
# contact, with no subject of its own besides these words: about what was just shown.
CONTACT = re.compile(r"\b(bij wie|waar|wie)\b.*\b(terecht|kwijt|mailen|bellen|benaderen|contact)\b")
CONTACT_WORDS = {"terecht", "kwijt", "vraag", "vragen", "ervaring", "ervaringen", "suggestie", "suggesties"}
CONTACT_WORDS |= {"opmerkingen", "feedback", "mailen", "bellen", "benaderen", "contact", "opnemen"}


def asks_contact(text: str) -> bool:
    return bool(CONTACT.search(normalize(text))) and set(content_words(text)) <= CONTACT_WORDS | FOLLOW_UP_WORDS


# "voor welke leeftijd?", "is het erkend?": what a programme or instrument is like, with no subject of
# its own besides these words: the one just shown.
THING_WORDS = {"leeftijd", "leeftijden", "doelgroep", "bedoeld", "erkend", "effectief", "bewezen", "onderbouwd"}


def asks_about_the_thing(text: str) -> bool:
    asked = set(content_words(text))
    return bool(asked & THING_WORDS) and asked <= THING_WORDS | FOLLOW_UP_WORDS and len(normalize(text).split()) <= 7


# "en als het haar tweede kindje is?", "en als het niet haar eerste kind is?": not a first child.
NOT_FIRST_CHILD = re.compile(r"\b(tweede|derde|vierde|niet (haar|het|zijn|hun) eerste|geen eerste)\b")
FIRST_CHILD = re.compile(r"\beerste (kind|kindje|baby|zwangerschap)\b")
# Who pays for a programme just shown: "wie betaalt dat eigenlijk, zit dat in het basispakket van de jgz?"
WHO_PAYS = re.compile(
    r"\bwie (betaalt|betalen|financiert|financieren|bekostigt|vergoedt)\b|\bbasispakket\b"
    r"|\b(moet|moeten|kan|kunnen) (de |onze )?gemeenten? (dat|dit|die|het|deze)? ?(inkopen|betalen|financieren)\b"
)
# A Voorwaarden section that says how programmes are paid for.
FUNDING = re.compile(r"\b(inkopen|inkoopt|basispakket|financier\w*|bekostig\w*|subsidie\w*)\b")
# Words that ask what to do without saying about what: "en wat kan ik dan doen?".
DOING_WORDS = {"doen", "doe", "aanraden", "adviseren", "zeggen", "verwijzen", "helpen", "aanpakken", "aanbieden"}
PREPOSITIONS = {"van", "voor", "mee", "over", "bij", "in", "op", "aan", "naar", "uit", "door"}


def points_back(text: str) -> bool:
    """Whether a short question refers to what was just said ("wie bieden die aan?", "is daar ook
    iets voor kinderen?", "en wat kan ik dan doen?")."""
    tokens = normalize(text).split()
    if text.startswith("/") or not 0 < len(tokens) <= MAX_WORDS:
        return False
    # "wat kan ik dan doen?": "dan" points back as "en" does.
    content = set(content_words(text))
    if content <= DOING_WORDS - {"verwijzen"} and DOING_WORDS & set(tokens) and len(tokens) <= 8:
        # "wat kan ik haar aanraden?": what to do, and nothing about what ("waar kan ik haar naar
        # verwijzen?" asks for where to refer to, which the question's own words find)
        return True
    if (tokens[0] in CONTINUING or "dan" in tokens) and content <= DOING_WORDS | FOLLOW_UP_WORDS:
        # A follow-up without a subject of its own; one with an age or group ("en bij ouders?") is
        # the follow-up that changes the age (questions.follow_up).
        return not parse_age(text) and parse_fase(text) in (None, "ouders")
    if "daar" in tokens and PREPOSITIONS & set(tokens[tokens.index("daar") + 1 :]):
        # "daar … voor", "daar … van": the split form of "daarvoor", "daarvan"; but in "ouders halen ons
        # door elkaar met jeugdzorg, zegt de handreiking daar iets over?" it is the clause before it
        return not _named_before_it(text, longest=7)
    such = SUCH.search(text.lower())
    if such and asked_kinds(text[such.end() :].split("?")[0][:40]):
        # "waar vind ik zo'n training?": such as the answer before named; not "wie vraagt zo'n
        # babystartpakket aan?", which names its own subject
        return True
    for i, token in enumerate(tokens):
        if token in POINTING_WORDS:
            return True
        # A word right after it that ends the question is a particle ("wie bieden die aan?").
        if token in DEMONSTRATIVES and (i + 2 >= len(tokens) or tokens[i + 1] not in SUBJECT_STARTS):
            return not _named_before_it(text)
    return False


def _named_before_it(text: str, longest: int = 4) -> bool:
    """ "ik las over een geldspreekuur in een gezondheidscentrum, waar was dat?": the last clause's "dat"
    is what the clause before it describes (two words of its own or more), not the answer before."""
    clause, comma, last = text.rpartition(",")
    if not comma or len(normalize(last).split()) > longest:
        return False
    own = set(content_words(clause)) - DOING_WORDS - FOLLOW_UP_WORDS - VAGUE_WORDS
    return len(own) >= 2


def elliptic(text: str) -> bool:
    """ "en voor sombere gevoelens na de bevalling?": a subject of its own, asked the way the question
    before it was (not "en voor een puber?", which changes only the age: questions.follow_up)."""
    if not ELLIPTIC.match(normalize(text)):
        return False
    subject = set(content_words(text)) - FOLLOW_UP_WORDS - AGE_WORDS
    return len(subject) >= 2 and not asked_kinds(text) and not parse_age(text)


# The words of a figure question itself: "hoeveel kost dat?" has no subject besides them.
FIGURE_WORDS = {
    "hoeveel", "kost", "kosten", "duurt", "duren", "lang", "vaak", "hoog", "groot", "duur", "verdient",
    "verdienen", "bedrag", "percentage", "krijg", "krijgt", "krijgen", "betalen", "betaal", "betaalt",
}  # fmt: skip


# "wat is dat boomdiagram?": the demonstrative names a thing, as "de" would; not "wat is dat precies?"
# nor "wat is dat voor programma?", which point back.
WHAT_IS_THAT_THING = re.compile(
    r"^(en |maar |ok |oke )?(wat|wie) (is|zijn|betekent|betekenen) (dat|die|deze|dit) "
    r"(?!voor\b)(?P<rest>[^?.!]+)[?.!]*$"
)
ONLY_POINTING = {"dan", "precies", "eigenlijk", "nou", "nu", "nog", "ook", "allemaal", "zo"}
# "hoe werkt die giz dan?", "wat houdt die SamenStarten in?": how a thing the answer mentioned works.
HOW_THAT_THING_WORKS = re.compile(
    r"^(en |maar |ok |oke )?(hoe (werkt|werken)|wat (doet|doen|houdt|houden)) (dat|die|deze|dit) "
    r"(?P<rest>[^?.!]+)[?.!]*$"
)


def what_that_thing_is(kb: KnowledgeBase, text: str) -> Outcome | None:
    """ "wat is dat boomdiagram?" after an answer that mentioned it: asked as "wat is de boomdiagram?";
    "hoe werkt die giz dan?": the record it names."""
    norm = normalize(text)
    if (how := HOW_THAT_THING_WORKS.match(norm)) is not None:
        rest = " ".join(w for w in how["rest"].split() if w not in ONLY_POINTING | {"in"})
        if rest and [key for key in kb.find_named(rest) if key[0] != "werkwijze"]:
            return answer(kb, Question("wat_is", text=f"wat is de {rest}?"))
        return None  # "hoe werkt dat fonds?": the fund just shown
    match = WHAT_IS_THAT_THING.match(norm)
    if match is None or not content_words(match["rest"]) or set(match["rest"].split()) & ONLY_POINTING:
        return None  # "wat zijn die vijf stappen dan precies?" points back at the answer before it
    return answer(kb, Question("wat_is", text=f"wat is de {match['rest']}?"))


def figure_of_the_previous(kb: KnowledgeBase, text: str, previous: Question, shown: list[str]) -> Outcome | None:
    """ "hoeveel kosten ze daar?" after the Pamperbank: the figure of the record just shown when its text
    gives one, else that the sources do not give it (with that record); None for a figure question
    with a subject of its own or one that names a record."""
    if not shown or not asks_figure(text) or named_in_full(kb, text):
        return None
    tokens = normalize(text).split()
    if not (points_back(text) or "daar" in tokens or not set(content_words(text)) - FIGURE_WORDS):
        return None
    lead = shown[0]
    unit = unit_of(kb, lead)
    if unit is None or unit.kind not in ("fonds", *SINGLE_THINGS):
        return None  # "dat" after a Hoe-block or a list may be any of the things in it
    if gives_asked_figure(kb.retriever, lead, text):
        reply = retrieval.unit_answer(kb, lead, text)
        return Outcome(reply, previous, about_previous=True) if reply is not None else None
    return Outcome(answers.unstated_detail_answer([(lead, retrieval.title(unit))]), previous, about_previous=True)


def previous_werkwijze(kb: KnowledgeBase, shown: list[str]) -> str | None:
    """The werkwijze the previous answer led with (a section or one of its Hoe-blocks)."""
    if not shown:
        return None
    kind, _, rest = shown[0].partition(":")
    if kind == "werkwijze":
        return rest.split("/", 1)[0]
    if kind == "hoe":
        block = kb.hoe_block(rest)
        return block.werkwijze_id if block else None
    return None


# "en voor zijn zus van 17, die zit ook niet lekker in haar vel?": another child of the family with the
# same trouble as the child asked about ("ook").
SIBLING = re.compile(r"\b(broer|broertje|broers|zus|zusje|zussen|zusjes|oudste|jongste|tweelingbroer|tweelingzus)\b")
TOO = re.compile(r"\book\b")


def for_a_sibling(kb: KnowledgeBase, text: str, previous: Question, age: str | None) -> Outcome | None:
    """The previous question again for a brother or sister of another age who has the same trouble
    ("ook", or nothing but the child and its age): the programmes for a 17-year-old, not the block or
    list for the 10-year-old again. None otherwise; a fund question keeps its own follow-up (the need
    stays, the age changes)."""
    norm = normalize(text)
    if not age and (stated := parse_age(text)):
        age = stated.label
    if previous.kind == "fondsen" or not previous.text or not age or not SIBLING.search(norm):
        return None
    # "ook" says it is the same trouble; so does nothing but the child and its age ("en voor zijn broer van 12?")
    rest = {w for w in content_words(SIBLING.sub(" ", norm)) if not w.isdigit() and not parse_age(w)}
    if not TOO.search(norm) and rest - FOLLOW_UP_WORDS - AGE_WORDS:
        return None
    if kb.resolve_needs(text):
        # "en voor haar zoon van 10, die heeft ook nauwelijks kleren die passen?" after rompers for the baby:
        # what he needs, for his age
        return answer(kb, Question("fondsen", text=text, age=age, gemeente=previous.gemeente), checked=False)
    return answer(kb, replace(previous, text=f"{previous.text} {text}", age=age, topic=None, offset=0))


def in_context(
    kb: KnowledgeBase, text: str, kind: str | None, state: dict | None, shown: list[str], age: str | None = None
) -> Outcome | None:
    """The answer to a question that points back, from the previous answer's context; None for a
    question that stands on its own (or when there is nothing before it)."""
    previous = Question(**state) if state and state.get("kind") in HANDLERS else None
    if previous is None:
        return None
    if sibling := for_a_sibling(kb, text, previous, age):
        return sibling
    refers = points_back(text)
    if (
        (refers or normalize(text).split()[:1] in (["en"], ["maar"]))
        and shown
        and NOT_FIRST_CHILD.search(normalize(text))
    ):
        if other := not_for_a_first_child(kb, previous, shown):
            return other  # "en als het haar tweede kindje is?" after VoorZorg
    if previous.kind != "fondsen" and for_whom(text):
        # the question before, for this age as written (the NLU may have taken it for a question of its own)
        return answer(kb, replace(previous, age=parse_age(text).label, offset=0, topic=None), checked=False)
    if figure := figure_of_the_previous(kb, text, previous, shown):
        return figure
    if thing := what_that_thing_is(kb, text):
        return thing
    if shown and (trained := training_for_professionals(kb, text, previous, shown[0])):
        return trained  # "is daar een training voor?" after a way of working: its Voorwaarden
    if asks_wording(text) and not named_in_full(kb, text) and (worded := in_words(kb, previous, shown)):
        return worded  # "heb je een paar voorbeeldzinnen?" after a Hoe-block: its example sentences
    if previous.kind in SAME_KIND and elliptic(text):
        return answer(kb, Question(previous.kind, text=text, age=age, gemeente=previous.gemeente), kind_given=True)
    if shown and LIKE_IT.search(normalize(text)) and (like := like_the_previous(kb, text, previous, shown[0])):
        return like
    if shown and shown[0].split(":", 1)[0] in SINGLE_THINGS and asks_about_the_thing(text):
        reply = retrieval.unit_answer(kb, shown[0], text)  # "voor welke leeftijd?" after a programme: its own
        if reply is not None:
            return Outcome(reply, replace(previous, topic=shown[0], offset=0))
    if shown and asks_contact(text) and shown[0].split(":", 1)[0] in SINGLE_THINGS:
        return contact_for(kb, text, previous, shown[0])
    if not refers or named_in_full(kb, text):
        return None  # "en berekenuwrecht, is dat hetzelfde?": a record by its name is a subject of its own
    if shown and WHO_IS_BEHIND.search(normalize(text)) and not shown[0].startswith("fonds:"):
        # who offers or made a programme, an approach or an instrument among those just shown
        offered = [k for k in shown if k.split(":", 1)[0] in ("interventie", "aanpak", "instrument", "voorbeeld")]
        return who_is_behind(kb, text, previous, (offered or shown)[0])
    if shown and WHO_PAYS.search(normalize(text)) and (paid := who_pays(kb, previous, shown)) is not None:
        return paid
    if shown and ABOUT_IT.match(normalize(text)) and shown[0].split(":", 1)[0] in SINGLE_THINGS:
        reply = retrieval.unit_answer(kb, shown[0], text)
        if reply is not None:
            return Outcome(reply, replace(previous, topic=shown[0], offset=0))
    if kind == "aanvragen":
        return None  # "kan moeder dat zelf aanvragen?": the aanvragen handler knows the funds just shown
    if previous.kind in ("werkwijze", "signalen") and parse_fase(text) == "ouders":
        # "en bij ouders?", "en wat kunnen de ouders zelf doen?" after a block or signals: the same
        # werkwijze or signals for parents, whichever intent the NLU gave it.
        return follow_up(kb, state, {"text": text, "age": "ouders"}, [])
    within = in_previous_werkwijze(kb, text, previous, shown)
    if within is not None:
        return within
    if previous.kind == "fondsen":
        return None  # fund follow-ups keep their own context (the funds just shown)
    if "fonds" in asked_kinds(text) and kb.resolve_needs(text):
        # "Hij wil graag op voetbal maar dat kan niet van thuis. welk fonds?": a need and a fund, a question of
        # its own; its "dat" is the football, not the answer before it
        return None
    # Anything else that points back: the question it follows and this one, searched together.
    combined = " ".join(filter(None, [previous.text, previous.need, text]))
    norm = normalize(text)
    asks_how = bool(ASKS_HOW.search(norm) or STRONG_HOW.search(norm))
    # "en is daar een training voor?" after an instrument: the kind the follow-up names itself, before
    # the intent's or the previous answer's.
    explicit = asked_kinds(text) - {"hoe"}
    own_kind = QUESTION_KIND.get(next(iter(explicit))) if len(explicit) == 1 else None
    asked = own_kind or (kind if kind in HANDLERS else ("werkwijze" if asks_how else previous.kind))
    q = Question(asked, text=combined, age=age or previous.age, gemeente=previous.gemeente, need=previous.need)
    if asks_how and (how := how_answer(kb, q, rivals=False)):
        return how  # "en wat kan ik dan doen?" after signals: the Hoe-block for that situation
    if own_kind == "wat_is" and not asks_how:
        # "wat_is" answers any kind: keep to the one it names (a Hoe-block that mentions training is no
        # training). The other kinds have handlers of their own (funds by need and age, signals).
        hits = retrieval.search(kb, combined, asked, age_group=parse_fase(q.age) or parse_fase(combined))
        of_kind = [h for h in hits if h.unit.kind == next(iter(explicit))]
        if of_kind:
            return unit_outcome(kb, q, retrieval.choose(of_kind))
    if ALSO.search(norm) and shown:
        # "is er ook iets voor de vader?": something besides what was just shown.
        before = {key.split("/", 1)[0] for key in shown}
        hits = retrieval.search(kb, combined, asked, age_group=parse_fase(q.age) or parse_fase(combined))
        return unit_outcome(kb, q, retrieval.choose([h for h in hits if h.unit.record not in before]))
    return answer(kb, q)


def who_is_behind(kb: KnowledgeBase, text: str, previous: Question, key: str) -> Outcome | None:
    """ "wie bieden die aan?" after a record: that record again (its text says who offers or made it),
    with the organisations it names as buttons."""
    reply = retrieval.unit_answer(kb, key, text)
    if reply is None:
        return None
    named = kb.find_named(reply.text)
    organisations = [rid for kind, rid in named if kind == "organisatie" and f"{kind}:{rid}" != key][:3]
    for rid in organisations:
        entry = kb.entry("organisatie", rid)
        if entry is not None:
            reply.buttons.append((entry.name[:60], answers.topic_payload(f"organisatie:{rid}")))
            reply.records = list(reply.records) + [f"organisatie:{rid}"]
    return Outcome(reply, replace(previous, topic=key, offset=0))


# How the sources say to reach an organisation: "… kun je mailen naar …".
REACH = re.compile(r"\b(mailen|mail naar|e-mail\w*|contact opnemen|contactpersoon)\b")


def contact_for(kb: KnowledgeBase, text: str, previous: Question, key: str) -> Outcome | None:
    """ "bij wie kan ik terecht met vragen of ervaringen?" after a record: the organisation it names whose
    record says how to reach it (Divosa, for the Stappenplan lokale aanpak); otherwise the record again,
    which says who offers or made it, with the organisations it names."""
    for kind, rid in kb.find_named(_record_text(kb, key)):
        if kind == "organisatie" and f"{kind}:{rid}" != key and REACH.search(_record_text(kb, f"{kind}:{rid}")):
            reply = retrieval.unit_answer(kb, f"{kind}:{rid}", text)
            if reply is not None:
                return Outcome(reply, replace(previous, topic=f"{kind}:{rid}", offset=0))
    return who_is_behind(kb, text, previous, key)


def not_for_a_first_child(kb: KnowledgeBase, previous: Question, shown: list[str]) -> Outcome | None:
    """The previous question again, for a mother who is not expecting her first child, when what was just
    shown is for a first child only (VoorZorg): the other programmes, not for a first child only. None
    otherwise."""
    first_only = {key for key in shown if FIRST_CHILD.search(normalize(_record_text(kb, key)))}
    if not first_only or not previous.text:
        return None
    asked = previous.text
    if shown[0] in {f"{kind}:{rid}" for kind, rid in kb.find_named(previous.text)}:
        # "voor wie is voorzorg bedoeld?" asked about VoorZorg by name: what it is, not its name, finds the others
        record = kb.record(*shown[0].split(":", 1))
        asked = getattr(record, "summary", "") or asked
    question = FIRST_CHILD.sub(" ", normalize(asked))
    kind = shown[0].split(":", 1)[0]
    kind = "interventie" if kind in ("hoe", "werkwijze") else kind  # a block names the programmes asked for
    hits = [
        h
        for h in retrieval.best_per_record(retrieval.search(kb, question, limit=24))
        if h.unit.kind == kind
        and h.unit.record not in shown[:2]  # what the answer led with stands; the question asks what else
        and not FIRST_CHILD.search(normalize(_record_text(kb, h.unit.record)))
    ]
    choice = retrieval.choose(hits)
    if choice.action == "nothing":
        return None
    return unit_outcome(kb, replace(previous, text=question, offset=0), choice)


# "is daar een training voor?", "ik wil er meer over leren": training for the professional who asks.
TRAINING_ASKED = re.compile(
    r"\b(training|trainingen|scholing|nascholing|cursus|opleiding|bijscholing)\b|\bmeer over leren\b"
)
TRAINING_WORDS = {
    "training", "trainingen", "scholing", "nascholing", "cursus", "opleiding", "bijscholing", "leren", "volgen",
    "zelf", "onzeker", "organisatie", "werkgever", "biedt", "bieden", "vind", "vinden", "waar", "krijgen",
}  # fmt: skip
# For whom the training is, when it is not the professional: then it is a programme, not a Voorwaarde.
FOR_CLIENTS = re.compile(
    r"\b(voor|met) (de |die |deze |hun |haar |zijn )?"
    r"(ouders?|moeders?|vaders?|kind|kinderen|jongeren?|gezinnen|zwangeren?)\b"
)


def training_for_professionals(kb: KnowledgeBase, text: str, previous: Question, key: str) -> Outcome | None:
    """ "is daar een training voor?" after a Hoe-block or section of a werkwijze, about nothing else: the
    training the handreiking asks organisations to offer professionals, in that werkwijze's Voorwaarden
    (Bespreken: "een training in motiverende gespreksvoering …"). After an instrument or programme: the
    training the sources name for it, else the Voorwaarden of the werkwijze that names it. None when those
    say nothing of training, or the training is for parents or children ("is er een training voor ouders?")."""
    norm = normalize(text)
    if not TRAINING_ASKED.search(norm) or FOR_CLIENTS.search(norm):
        return None
    if set(content_words(text)) - TRAINING_WORDS - VAGUE_WORDS:
        return None
    kind, _, rid = key.partition(":")
    if kind == "hoe":
        block = kb.hoe_block(rid)
        werkwijze_id = block.werkwijze_id if block else None
    elif kind == "werkwijze":
        werkwijze_id = rid.split("/", 1)[0]
    else:
        # an instrument or programme just shown: a training for it, if the sources name one ("Training
        # vroegsignalering in de kraamperiode" after the checklist for the kraamtijd) …
        shown = kb.record(kind, rid)
        if shown is not None and (training := _training_for(kb, getattr(shown, "name", ""), key)):
            reply = retrieval.unit_answer(kb, training, text)
            if reply is not None:
                return Outcome(reply, replace(previous, topic=training, offset=0))
        # … else the werkwijze whose Hoe-block names it (GIZ: Herkennen)
        werkwijze_id = next(iter(werkwijzen_naming(kb, key)), None)
    record = kb.record("werkwijze", werkwijze_id) if werkwijze_id else None
    if record is None or not re.search(r"training|scholing", (record.voorwaarden or "").lower()):
        return None
    section = f"werkwijze:{werkwijze_id}/voorwaarden"
    reply = retrieval.unit_answer(kb, section, text)
    return Outcome(reply, replace(previous, topic=section, offset=0)) if reply is not None else None


def _training_for(kb: KnowledgeBase, name: str, key: str) -> str | None:
    """The training the sources name for what `name` names: an intervention with "training" (or scholing,
    cursus) in its own name that shares a word of that name ("Checklist vroegsignalering in de kraamtijd" →
    "Training vroegsignalering in de kraamperiode")."""
    own = set(content_words(name)) - TRAINING_WORDS
    for hit in kb.retriever.search(f"{name} training", only=("interventie",), limit=10):
        title = getattr(kb.record("interventie", hit.unit.record_id), "name", "")
        if hit.unit.record != key and TRAINING_ASKED.search(normalize(title)) and own & set(content_words(title)):
            return hit.unit.record
    return None


def _record_text(kb: KnowledgeBase, key: str) -> str:
    record = kb.record(*key.split("/", 1)[0].split(":", 1))
    if record is None:
        return ""
    parts = [getattr(record, field, "") or "" for field in ("summary", "text", "intro")]
    return " ".join(parts + list(getattr(record, "points", ()) or ()))


def werkwijzen_naming(kb: KnowledgeBase, key: str) -> list[str]:
    """The werkwijzen whose Hoe-blocks name this programme or instrument, in the order of their blocks."""
    found = [block.werkwijze_id for block in kb.hoe_blocks(limit=1000) if key in named_by_block(kb, block)]
    return list(dict.fromkeys(found))


def who_pays(kb: KnowledgeBase, previous: Question, shown: list[str]) -> Outcome | None:
    """The Voorwaarden of the werkwijze whose Hoe-blocks name the programme just shown, when they say how
    such programmes are paid for (Steun bij ouderschap: "niet in het basispakket … als gemeenten deze
    inkopen"); None otherwise: the sources say nothing on it."""
    programme = next((key for key in shown if key.split(":", 1)[0] in ("interventie", "aanpak")), None)
    if programme is None:
        return None
    for werkwijze_id in werkwijzen_naming(kb, programme):
        record = kb.record("werkwijze", werkwijze_id)
        if record is not None and record.voorwaarden and FUNDING.search(normalize(record.voorwaarden)):
            topic = f"werkwijze:{record.id}/voorwaarden"
            return Outcome(
                answers.section_answer(record, "voorwaarden"),
                replace(previous, kind="werkwijze", topic=topic, offset=0),
            )
    return None


def section_in_context(kb: KnowledgeBase, text: str, state: dict | None, shown: list[str]) -> Outcome | None:
    """For a message the NLU took for "waar staat dat?": only a section or the Hoe-blocks of the
    werkwijze just shown ("… samenwerking daarbij?"); "waar staat dat?" itself gets the source."""
    previous = Question(**state) if state and state.get("kind") in HANDLERS else None
    if previous is None or not points_back(text):
        return None
    return in_previous_werkwijze(kb, text, previous, shown)


def in_previous_werkwijze(kb: KnowledgeBase, text: str, previous: Question, shown: list[str]) -> Outcome | None:
    """A section ("samenwerking daarbij") or the Hoe-blocks ("hoe doe je dat dan?") of the werkwijze
    the previous answer led with; None when the question asks for neither or that was no werkwijze."""
    werkwijze_id = previous_werkwijze(kb, shown)
    if werkwijze_id is None:
        return None
    named = {w.id for w in kb.werkwijzen() if kb.retriever.asks_about(w.name, text)}
    if named and werkwijze_id not in named:
        if len(named) > 1:
            return None
        werkwijze_id = next(iter(named))  # "en hoe begin ik erover?" after Herkennen: how to bring it up, Bespreken
    section = retrieval.asked_section(text)
    if section in answers.SECTION_LABELS:
        record = kb.record("werkwijze", werkwijze_id)
        if record is not None and getattr(record, section, None):
            q = replace(previous, kind="werkwijze", topic=f"werkwijze:{werkwijze_id}/{section}", offset=0)
            return Outcome(answers.section_answer(record, section), q)
    if section == "hoe" or ASKS_HOW.search(normalize(text)):
        blocks = kb.hoe_blocks(werkwijze=werkwijze_id, age_group=None, topic=previous.text, limit=3)
        if blocks:
            q = replace(previous, kind="werkwijze", topic=blocks[0].id, offset=0)
            reply = answers.block_answer(blocks[0])
            # The werkwijze's other blocks close to the question, as buttons.
            reply.buttons = [(b.title, f'/ask_werkwijze{{"onderwerp": "{b.id}"}}') for b in blocks[1:]]
            reply.records = list(reply.records) + [f"hoe:{b.id}" for b in blocks[1:]]
            return Outcome(reply, q)
    return None
