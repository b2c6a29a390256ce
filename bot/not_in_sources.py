"""What a question asks that the sources do not cover, found before any record is chosen.

- Names the knowledge base does not know: "welk artikel van de Jeugdwet …", "hoe pas ik Signs of
  Safety toe …". The sources say nothing about such a law, programme or tool, so the honest answer
  says so, instead of answering from whatever record shares the question's other words.
- Words no record has, when they carry most of the question ("schaal 8 van de cao").
- The rules of one gemeente the sources have no local record for ("welke voorwaarden heeft de
  stadspas in Tilburg?"): the sources describe the scheme in general, not each gemeente's rules.

A name here is a capitalised word that does not start a sentence, a word of a letter followed by
digits ("DSM-5"), or an abbreviation in capitals, that reads as a thing (after an article, with
digits, in capitals, or joined by an English word); it is unknown when neither the knowledge base
(its records, zoekvragen and thesaurus), nor Dutch (spaCy's lemma table), nor the lists of people
and places know it. A long Dutch compound written with a capital in mid-sentence ("via
Kinderpostzegels") is a name as well, when the knowledge base does not have it. A person's name or
a town is never the subject the sources lack: a client's name is the redactor's business (and is
never echoed back), and a gemeente picks local funds.
"""

from __future__ import annotations

import re

from .asking import asking_part
from .kb.text import is_dutch_word, keys, normalize, strip_accents
from .kb.thesaurus import thesaurus
from .privacy_lexicon import WordListsMissing, dutch_places, people_and_places
from .privacy_names import PERSON_WORDS

_TOKEN = re.compile(r"[^\W_][\w'’-]*")
_SENTENCE_START = re.compile(r"(^|[.?!:;]\s+|\n)\W*$")
# Short connecting words inside a name ("Signs of Safety", "Huis van het Kind").
_INSIDE = {"of", "and", "the", "van", "het", "de", "der", "voor", "en", "in", "op", "for", "to"}
_ENGLISH_INSIDE = {"and", "the", "for", "to"}  # not "of": Dutch "or" ("Keven of Wawoe")
_ARTICLES = {"de", "het", "een", "'t"}
_LONG_COMPOUND = 10  # letters: "Kinderpostzegels"; surnames that are such words ("Schoenmaker") are in the lists


def _people() -> frozenset[str]:
    try:
        return people_and_places()
    except WordListsMissing:
        return frozenset()


def unknown_words(index, text: str, share: float) -> list[str]:
    """The words of text that no record has, when they carry at least `share` of the question's
    weight ("wat verdient een jeugdverpleegkundige in schaal 8 van de cao"); else none. People and
    places do not count either way."""
    people = _people() | PERSON_WORDS  # "Mevrouw [NAAM] wil met haar zus …" is about people
    slots = [s for s in index.query(text).slots if not s.steering and s.label not in people]
    missing = [s for s in slots if not s.alternatives]
    total = sum(s.idf for s in slots)
    return [s.label for s in missing] if total and sum(s.idf for s in missing) / total >= share else []


def unknown_names(index, text: str) -> list[str]:
    """The names in text (as written) that nothing the assistant knows contains."""
    people = _people()
    concept_words = {
        w for concept in thesaurus().find(text) for phrase in concept.words for w in phrase.lower().split()
    }
    found, run = [], []

    def known(word: str) -> bool:
        """The knowledge base, a person or place, or a concept of the thesaurus has it."""
        plain = strip_accents(word.lower().strip("-'’"))
        if len(plain) < 3 or plain in people or plain in concept_words:
            return True
        return plain in index.words or any(k in index.postings or k in index.asked for k in keys(plain))

    def unknown(word: str) -> bool:
        plain = strip_accents(word.lower().strip("-'’"))
        return not known(word) and not (plain.isalpha() and is_dutch_word(plain))

    def capital_compound(word: str) -> bool:
        """A long ordinary Dutch word written as a name in mid-sentence ("via Kinderpostzegels"): the
        name of something the knowledge base does not have. Long, because a short one may be a
        client's first name the redactor missed ("Keven"), which must never be echoed back."""
        return len(word) >= _LONG_COMPOUND and word[:1].isupper() and not word.isupper() and not known(word)

    def thing(words: list[str], before: str) -> bool:
        """A law, programme or tool rather than a person: after an article ("de Jeugdwet", "het
        Van Wiechenonderzoek"), with digits ("DSM-5"), in capitals ("SDQ") or joined by an English
        word ("Signs of Safety"). A client's name the redactor missed is none of these, and is
        never echoed back as a subject."""
        return (
            before in _ARTICLES
            or any(any(c.isdigit() for c in w) or (len(w) >= 2 and w.isupper()) for w in words)
            or any(w in _ENGLISH_INSIDE for w in words)
        )

    def close() -> None:
        while run and run[-1].lower() in _INSIDE:
            run.pop()
        flags = [w.lower() not in _INSIDE and unknown(w) for w in run]
        if not any(flags) and len(run) == 1 and capital_compound(run[0]):
            found.append(run[0])
        elif any(flags) and thing(run, before[0]):
            # Only the unknown part: "Utrecht voor de U-pas" → "U-pas".
            first, last = flags.index(True), len(flags) - 1 - flags[::-1].index(True)
            found.append(" ".join(run[first : last + 1]))
        run.clear()

    before = [""]  # the word before the current run
    previous = ""
    for match in _TOKEN.finditer(text):
        word = match.group()
        named = (
            (word[0].isupper() and not _SENTENCE_START.search(text[: match.start()]))
            or (word[0].isalpha() and any(c.isdigit() for c in word))  # "DSM-5", not "15-jarige"
            or (len(word) >= 2 and word.isupper())
        )
        if named:
            if not run:
                before[0] = previous
            run.append(word)
        elif run and word.lower() in _INSIDE:
            run.append(word)
        else:
            close()
        previous = word.lower()
    close()
    return found


# What no source gives, whichever record the question names: an organisation's contact details, the
# assistant's own opinion, the article of a law. Kinds as answers.never_in_sources_answer words them.
_NEVER_IN_SOURCES = {
    "contact": re.compile(
        r"\b(wie is (de|het|hun|haar|zijn) contactpersoon|contactpersoon (van|voor|bij) (de|het)|openingstijden|"
        r"(hoe laat|wanneer) (is|zijn|gaat|gaan) (de|het) \w+( (in|van|aan|bij) [\w-]+( [\w-]+)?)? open\b|"
        # asked for, not shared: "mag ik het telefoonnummer van de moeder doorgeven?" asks about privacy
        r"(wat is|wat zijn|heb je|hebben jullie|ken je|weet je|waar vind ik|waar staat) (het |de |een |hun )?"
        r"(telefoonnummer|e-?mailadres|contactgegevens|bezoekadres|postadres|adres)\b(?! van (de |het |een )?"
        r"(moeder|vader|ouders?|gezin|kind|cliënt|client)\b)|"
        # typed in a hurry: "adres stichting leergeld rotterdam?", "openingstijden cjg?"
        r"^(adres|telefoonnummer|tel\.?nr|e-?mailadres|contactgegevens|bezoekadres)( van)? (de |het )?"
        r"(?!moeder|vader|ouders?|gezin|kind|cliënt|client)\w)"
    ),
    "mening": re.compile(
        r"\b((jouw|je|uw) (eigen |persoonlijke )?mening|"
        r"wat vind (jij|je|u) (er |daar )?(zelf|persoonlijk|eigenlijk) van|vind (jij|je|u) (zelf|persoonlijk)|"
        r"ben (jij|je|u) het (er |daar )?(mee )?eens|"
        r"(vind|vindt) (jij|je|u) (dat|het) [^?.!]*\b(omhoog|omlaag|verhoogd|verlaagd|afgeschaft|eerlijk|oneerlijk|"
        r"terecht))\b"
    ),
    # which gemeenten have or do something: the sources name gemeenten only in their local examples
    "gemeenten": re.compile(
        r"\bwelke gemeenten?( in [\w-]+( [\w-]+)?)? (hebben|heeft|hanteren|hanteert|bieden|biedt|kennen|kent|"
        r"geven|geeft|vergoeden|vergoedt|doen|doet)\b"
    ),
    "wetsartikel": re.compile(r"\b((in )?welk (wets)?artikel|wetsartikel\w*|artikel \d+\w*|art\. ?\d+)\b"),
    # which medicine, which dose, whether it is safe: not whether the family can pay for it
    "medisch": re.compile(
        r"\b(welke?|hoeveel) (antidepressiva|antidepressivum|medicijn\w*|medicatie|geneesmiddel\w*|pijnstiller\w*|"
        r"paracetamol|ibuprofen|antibiotica)\b(?![^?.!]*\b(vergoed\w*|betaal\w*|kost\w*|fonds\w*)\b)"
        r"|\b(antidepressiva|medicijn\w*|medicatie|geneesmiddel\w*|paracetamol|ibuprofen)\b[^?.!]*"
        r"\b(veilig|dosis|dosering|bijwerking\w*)\b"
    ),
}


def never_in_sources(text: str) -> str | None:
    """Which of the things no source gives the question asks for ("contact", "mening", "gemeenten",
    "wetsartikel", "medisch"), in the sentences that ask (a description may mention "ons telefoonnummer")."""
    asked = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.rstrip().endswith("?")]
    norm = normalize(" ".join(asked) if asked else asking_part(text))
    return next((kind for kind, pattern in _NEVER_IN_SOURCES.items() if pattern.search(norm)), None)


# A question about one gemeente's own rules: its conditions, income limit, contribution.
_LOCAL_RULES = re.compile(
    r"\b(voorwaarden?|inkomensgrens|inkomensgrenzen|eigen bijdrage|regels|criteria|hanteert|hanteren)\b"
    # what one gemeente does: "wat doet de gemeente Almere voor kinderen in armoede?"
    r"|\b(doet|biedt|regelt|organiseert) (de )?gemeente\b"
)


def other_gemeente(known: dict[str, str], text: str) -> str | None:
    """The gemeente (as written) whose own rules the question asks, when the sources have no local
    record for it; known: the gemeenten with local records (normalised → as written)."""
    return _place_without_record(known, text) if _LOCAL_RULES.search(normalize(text)) else None


# Figures of poverty asked for a place: "hoeveel kinderen in Almere groeien op in armoede?"
_FIGURES = re.compile(r"\b(hoeveel|aantal|percentage|cijfers?)\b")
_POVERTY = re.compile(r"\b(armoede|arm|arme|minima|minimuminkomen|laag inkomen|lage inkomens|schulden)\b")


# "in onze gemeente", "bij ons in de wijk": the asker's own place, unnamed.
_OWN_PLACE = re.compile(
    r"\b(?:in|bij|voor|van) (?:ons in )?(?:onze|mijn|jullie|de eigen) (gemeente|wijk|stad|regio|buurt|dorp)\b"
)


def figures_of_a_place(text: str) -> str | None:
    """The place (as written, or "jullie gemeente" for "onze gemeente") whose own figures the question
    asks: the sources give national ones only (no local record holds figures)."""
    norm = normalize(text)
    if not (_FIGURES.search(norm) and _POVERTY.search(norm)):
        return None
    own = _OWN_PLACE.search(norm)
    return _place_without_record({}, text) or (f"jullie {own.group(1)}" if own else None)


def _place_without_record(known: dict[str, str], text: str) -> str | None:
    """A Dutch place the text names (capitalised, not starting a sentence) that has no local record."""
    try:
        places = dutch_places()
    except WordListsMissing:
        return None
    tokens = [m for m in _TOKEN.finditer(text)]
    for i, match in enumerate(tokens):
        # Capitalised and not starting a sentence: "Best" the town, not "best" the word.
        if not match.group()[0].isupper() or _SENTENCE_START.search(text[: match.start()]):
            continue
        for size in (3, 2, 1):
            name = " ".join(t.group() for t in tokens[i : i + size])
            # "Rotterdam-Zuid": a part of a place is that place's
            base = name.split("-")[0] if size == 1 and "-" in name else name
            if len(tokens[i : i + size]) == size and base.lower() in places and base.lower() != "nederland":
                return None if normalize(base) in known else name
    return None


# A figure asked for: "hoeveel kost …", "hoe lang duurt …", "wat verdient …", "welk percentage …".
_ASKS_FIGURE = re.compile(
    r"\b(hoeveel|hoe veel|hoe (hoog|lang|vaak|groot|duur)|wat (kost|kosten|verdient|verdienen)|"
    r"welk (bedrag|percentage)|welke bedragen)\b"
)
# … unless the figure is what the professional wants to find out with the family: "hoe meet ik hoeveel
# een kind beweegt?" asks for a way to measure, which a record gives without a figure.
_FINDING_OUT = re.compile(
    r"\b(meet|meten|nagaan|na te gaan|check|checken|in kaart|in beeld|bijhouden|bepalen|inschatten|"
    r"bespreken|bespreekbaar)\b[^.?!]*$"
)


def asks_figure(text: str) -> bool:
    """Whether the question asks for an amount, number, duration or share (not how to find one out)."""
    norm = normalize(text)
    return any(not _FINDING_OUT.search(norm[: m.start()]) for m in _ASKS_FIGURE.finditer(norm))


# What something costs: "wat kost …", "hoeveel moeten ze betalen", "is het gratis?".
# An amount of money is a price too: "hoeveel is dat eenmalige bedrag?" is not answered by an age limit.
_ASKS_PRICE = re.compile(
    r"\b(kost|kosten|betalen|betaal|betaalt|prijs|tarief|gratis|eigen bijdrage|\w*bedrag(en)?|euros?|hoeveel geld|"
    # pay is money too: "wat verdient een ervaringswerker?" is not answered by a share of the social minimum
    r"verdient|verdienen|salaris|loon|cao)\b"
)


def gives_asked_figure(retriever, key: str, text: str) -> bool:
    """Whether the unit or record `key` gives the kind of figure the question asks: a price for "wat kost
    een GIZ-training?" (its ages and six dimensions are no price), any figure otherwise."""
    asks_price = bool(_ASKS_PRICE.search(normalize(text)))
    return key in (retriever.prices if asks_price else retriever.figures)
