"""Reading a child's age from Dutch text: "10", "tien", "10-jarige", "peuter", "groep 8", "zwangere"."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import normalize

_NUMBERS = {
    "nul": 0, "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
    "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18,
    "negentien": 19, "twintig": 20, "eenentwintig": 21,
}


@dataclass(frozen=True)
class AgeRange:
    """An age span in years (inclusive) and the leeftijdsfase it falls in, if one."""

    low: float
    high: float
    fase: str | None
    label: str

    def overlaps(self, low: float | None, high: float | None) -> bool:
        """True when a stated range [low, high] (either end may be open) admits this age."""
        if low is not None and self.high < low:
            return False
        if high is not None and self.low > high:
            return False
        return True


def fase_for(age: float) -> str | None:
    if age < 0.1:
        return "ongeboren-pasgeboren"
    if age < 4:
        return "jonge-kinderen"
    if age < 12:
        return "basisschool"
    if age < 18:
        return "voortgezet-onderwijs"
    return None


# Words for an age group, as professionals write them (normalised: no accents, lower case).
_WORDS: list[tuple[tuple[str, ...], AgeRange]] = [
    (("zwanger", "zwangere", "zwangeren", "zwangerschap", "ongeboren", "aanstaande", "prenataal"),
     AgeRange(-1, -0.01, "ongeboren-pasgeboren", "ongeboren kind")),
    (("baby", "babys", "pasgeboren", "pasgeborene", "zuigeling", "zuigelingen", "kraamtijd", "kraamweek",
      "newborn", "kraam"),
     AgeRange(0, 0.99, "ongeboren-pasgeboren", "baby")),
    (("dreumes", "dreumesen"), AgeRange(1, 1.99, "jonge-kinderen", "dreumes")),
    (("peuter", "peuters", "peutergym", "peuterspeelzaal", "vve", "kinderdagverblijf", "consultatiebureau"),
     AgeRange(2, 3.99, "jonge-kinderen", "peuter")),
    (("kleuter", "kleuters", "kleuterklas"), AgeRange(4, 5.99, "basisschool", "kleuter")),
    (("basisschool", "basisschoolkind", "basisonderwijs", "schoolkind", "schoolkinderen", "bso"),
     AgeRange(4, 11.99, "basisschool", "basisschoolkind")),
    (("puber", "pubers", "tiener", "tieners", "middelbare", "brugklas", "brugklasser", "voortgezet",
      "vo", "jongere", "jongeren", "adolescent", "adolescenten", "scholier"),
     AgeRange(12, 17.99, "voortgezet-onderwijs", "jongere")),
]

AGE_WORDS = frozenset(word for words, _ in _WORDS for word in words)

_AGE_NUMBER = re.compile(
    r"\b(\d{1,2})\s*(?:jaar|jr|jarige|jarig|jaar oud|jaartje)\b|\b(\d{1,2})\s*-?\s*jarige?\b"
)
# Several children: "6 en 9", "4, 7 en 12 jaar" (not "groep 6 en 7", not months or weeks).
_SEVERAL = re.compile(r"(?<!groep )\b(\d{1,2})((?:\s*,\s*\d{1,2})*)\s*(en|of|&)\s*(\d{1,2})\b"
                      r"(?!\s*(?:maanden|maand|mnd|weken))")
_GROUP = re.compile(r"\bgroep\s*(\d)\b")
_MONTHS = re.compile(r"\b(\d{1,2})\s*(?:maanden|maand|mnd)\b")
_WEEKS = re.compile(r"\b(\d{1,2})\s*weken\b")
_NUMBER_WORD = re.compile(r"\b(" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")\s*-?\s*(?:jaar|jarige|jarig)\b")
_BARE_NUMBER = re.compile(r"^\s*(\d{1,2})\s*$")


def _years(age: float) -> AgeRange:
    return AgeRange(age, age, fase_for(age), f"{age:g} jaar")


def parse_age(text: str | None) -> AgeRange | None:
    """The child's age named in the text, or None. A bare number ("10") counts as years."""
    if not text:
        return None
    raw = str(text).lower()
    if m := _MONTHS.search(raw):
        months = int(m.group(1))
        return AgeRange(months / 12, months / 12, fase_for(months / 12), f"{months} maanden")
    if m := _WEEKS.search(raw):
        return AgeRange(0, 0.2, "ongeboren-pasgeboren", f"{m.group(1)} weken")
    if m := _SEVERAL.search(raw):
        ages = [int(m.group(1)), *map(int, re.findall(r"\d{1,2}", m.group(2))), int(m.group(4))]
        low, high = min(ages), max(ages)
        fase = fase_for(low) if fase_for(low) == fase_for(high) else None
        joined = "of" if m.group(3) == "of" else "en"
        label = ", ".join(map(str, ages[:-1])) + f" {joined} {ages[-1]} jaar"
        return AgeRange(low, high, fase, label)
    if m := _AGE_NUMBER.search(raw):
        return _years(int(m.group(1) or m.group(2)))
    if m := _GROUP.search(raw):
        group = int(m.group(1))
        # Groep 1 starts at four; a child in groep N is about N+3 years old.
        return AgeRange(group + 2, group + 4, "basisschool", f"groep {group}")
    norm = normalize(raw)
    if m := _NUMBER_WORD.search(norm):
        return _years(_NUMBERS[m.group(1)])
    if m := _BARE_NUMBER.match(raw):
        return _years(int(m.group(1)))
    tokens = norm.split()
    for token in tokens:
        if token.isdigit() and len(tokens) <= 3:
            return _years(int(token))
        if token in _NUMBERS and len(tokens) <= 3 and token != "een":
            return _years(_NUMBERS[token])
    for vocabulary, age in _WORDS:
        if any(t in vocabulary for t in tokens):
            return age
    return None


def parse_fase(text: str | None) -> str | None:
    """The leeftijdsfase named in the text ("ouders" included), or None."""
    if not text:
        return None
    tokens = normalize(text).split()
    if any(t in ("ouder", "ouders", "moeder", "vader", "moeders", "vaders") for t in tokens):
        if not any(t in v for v, _ in _WORDS for t in tokens):
            return "ouders"
    age = parse_age(text)
    return age.fase if age else None
