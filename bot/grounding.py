"""Entities from the NLU count only when the user's own words carry them.

The NLU's letter n-grams sometimes tag a need, age, gemeente or name that the message does not
contain ("rijles" tagged as bijles, a gemeente from a similar-looking word). An entity is kept when,
after normalisation, word forms, one typo in a word that is no Dutch word itself, and the thesaurus,
it is found in what the user wrote; otherwise it is dropped.
"""

from __future__ import annotations

import re

from .kb import KnowledgeBase
from .kb.ages import find_stage, parse_age
from .kb.text import TermMatcher, keys, normalize, without_non_needs, words
from .kb.thesaurus import thesaurus

# Entity name → the Question field it fills.
FIELDS = {"behoefte": "need", "leeftijd": "age", "gemeente": "gemeente", "naam": "name"}


def _word_keys(text: str) -> set[str]:
    return {k for w in words(text) for k in keys(w)}


# Things counted by a number before them: "de 11 werkwijzen", "3 kinderen", "5 stappen".
COUNTED = {
    "werkwijzen", "stappen", "kinderen", "punten", "fondsen", "signalen", "instrumenten", "gezinnen",
    "vragen", "euro", "procent", "keer", "uur", "minuten", "sessies", "bijeenkomsten", "onderdelen",
}  # fmt: skip


# "tienermoeder van 17", "moeder is 19", "moeder van 3": a parent's age or how many children, no child's age.
_OF_A_PARENT = re.compile(r"\b(?:\w*moeder|\w*vader|ouders?|mama|papa|zwangere)\s+(?:van|is)\s+(\d{1,2})\b")


def _counts(number: str, text: str) -> bool:
    """The number stands before a thing it counts, wherever it occurs in the text."""
    after = re.findall(rf"(?<![\d,.]){number}(?![\d,.])\s*(\w*)", normalize(text))
    return bool(after) and all(word in COUNTED for word in after)


def grounded(kb: KnowledgeBase, entity: str, value: str, text: str) -> bool:
    """Whether the entity value is in the text (a button payload's text is empty: trusted)."""
    if not text or text.startswith("/") or not value:
        return True
    if entity == "leeftijd":
        # "7" tagged in "groep 7" is part of a school stage, not an age of 7.
        tokens = normalize(text).split()
        stage = find_stage(tokens)
        if stage and normalize(value) in {tokens[i] for i in stage[1]}:
            return False
        if value.isdigit() and _counts(value, text):
            return False  # "wat zijn de 11 werkwijzen?": a number of things, no age
        if value.isdigit() and value in _OF_A_PARENT.findall(normalize(text)):
            return False  # "tienermoeder van 17 voelt zich alleen": the mother's age
        age = parse_age(text)
        numbers = re.findall(r"\d+", value)
        if numbers and age is not None and not set(numbers) & set(re.findall(r"\d+", age.label)):
            # "Dag 3 van de kraamweek", "zwangere van 22 weken": the number is no age; the text's own age counts
            return False
        return normalize(value) in normalize(text) or age is not None
    if entity == "behoefte":
        # "de kraamweek is bijna om", "de sociale kaart": no need
        text = without_non_needs(text)
    if normalize(value) in normalize(text):
        return True
    if entity == "behoefte":
        wanted = set(kb.resolve_needs(value)) | {c.need for c in thesaurus().find(value) if c.need}
        found = set(kb.resolve_needs(text)) | {c.need for c in thesaurus().find(text) if c.need}
        return bool(wanted & found)
    if entity == "naam":
        named = set(kb.find_named(value))
        if named & set(kb.find_named(text)):
            return True
        return bool(_word_keys(value)) and _word_keys(value) <= _word_keys(text)
    if entity == "gemeente":
        # One typo in the name of a gemeente: matched like any known term, never a Dutch word.
        matcher = TermMatcher({value: "gemeente"})
        return bool(matcher.match(text))
    return _word_keys(value) <= _word_keys(text)


def ungrounded(kb: KnowledgeBase, entities: list[dict], text: str) -> set[str]:
    """The names of the message's entities that its text does not carry."""
    return {
        e.get("entity")
        for e in entities
        if e.get("entity") in FIELDS and not grounded(kb, e["entity"], str(e.get("value") or ""), text)
    }
