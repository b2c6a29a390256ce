"""Reading a child's age from Dutch text: "10", "tien", "10-jarige", "peuter", "groep 8", "havo 5", "zwangere"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from ..number_words import TEENS, TENS, UNITS
from .text import normalize

# The number words an age is written in: "tien", "eenentwintig".
_NUMBERS = {**UNITS, **TEENS, "twintig": TENS["twintig"], "eenentwintig": 21}


@dataclass(frozen=True)
class AgeRange:
    """An age span in years (inclusive) and the leeftijdsfase it falls in, if one."""

    low: float
    high: float
    fase: str | None
    label: str
    school: bool = False  # named as a school stage ("brugklas", "groep 7"): the child is in that school

    def other_school(self, stated: str | None) -> bool:
        """True when this age is a school stage and a stated age ("kinderen in het basisonderwijs")
        names a stage of another school: a brugklasser is not in the basisonderwijs, though 11 or 12."""
        if not self.school or not stated:
            return False
        found = find_stage(normalize(stated).split())
        return found is not None and found[0].fase is not None and found[0].fase != self.fase

    def outside_stage(self, stated: str | None) -> bool:
        """True when this age, given in years, is far from the school stage a stated age names
        ("kinderen in het basisonderwijs" for 15 jaar); a year either side still counts, since not
        every child is in the usual class for its age."""
        if self.school or not stated:
            return False
        found = find_stage(normalize(stated).split())
        return found is not None and not self.overlaps(found[0].low - 1, found[0].high + 1)

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


UNBORN = AgeRange(-1, -0.01, "ongeboren-pasgeboren", "ongeboren kind")
# Words for an age group, as professionals write them (normalised: no accents, lower case).
_WORDS: list[tuple[tuple[str, ...], AgeRange]] = [
    (
        ("zwanger", "zwangere", "zwangeren", "zwangerschap", "ongeboren", "aanstaande", "prenataal"),
        UNBORN,
    ),
    (
        (
            "baby",
            "babys",
            "pasgeboren",
            "pasgeborene",
            "zuigeling",
            "zuigelingen",
            "kraamtijd",
            "kraamweek",
            "newborn",
            "kraam",
        ),
        AgeRange(0, 0.99, "ongeboren-pasgeboren", "baby"),
    ),
    (("dreumes", "dreumesen"), AgeRange(1, 1.99, "jonge-kinderen", "dreumes")),
    (
        ("peuter", "peuters", "peutergym", "peuterspeelzaal", "vve", "kinderdagverblijf", "consultatiebureau"),
        AgeRange(2, 3.99, "jonge-kinderen", "peuter"),
    ),
    (("kleuter", "kleuters", "kleuterklas"), AgeRange(4, 5.99, "basisschool", "kleuter", school=True)),
    (
        ("basisschool", "basisschoolkind", "basisonderwijs", "schoolkind", "schoolkinderen", "bso"),
        AgeRange(4, 11.99, "basisschool", "basisschoolkind", school=True),
    ),
    (
        (
            "puber",
            "pubers",
            "tiener",
            "tieners",
            "middelbare",
            "brugklas",
            "brugklasser",
            "voortgezet",
            "vo",
            "jongere",
            "jongeren",
            "adolescent",
            "adolescenten",
            "scholier",
        ),
        AgeRange(12, 17.99, "voortgezet-onderwijs", "jongere"),
    ),
]


# --- school stages (knowledge/schoolfasen.yml) ------------------------------------------------

SCHOOLFASEN_FILE = "schoolfasen.yml"
_ORDINAL = re.compile(r"^(\d{1,2})(?:e|de|ste)?$")
_ORDINAL_WORDS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6}
_JOINERS = {"en", "of", "tot", "tm", "t", "m", "met"}


@dataclass(frozen=True)
class Stage:
    id: str
    phrase: tuple[str, ...]
    low: float
    high: float
    fase: str | None
    numbers: tuple[int, int] | None


@lru_cache(maxsize=1)
def stages() -> dict[tuple[str, ...], list[Stage]]:
    """Every way a school stage is written (normalised tokens) → its stages (a word like "havo" is a
    stage alone and, with a number, a year in it); read once."""
    from ..config import knowledge_dir

    path = knowledge_dir() / SCHOOLFASEN_FILE
    if not path.exists():
        return {}
    found: dict[tuple[str, ...], list[Stage]] = {}
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        numbers = tuple(entry["nummers"]) if entry.get("nummers") else None
        for phrase in entry["woorden"]:
            tokens = tuple(normalize(phrase).split())
            if tokens:
                found.setdefault(tokens, []).append(
                    Stage(
                        entry["id"],
                        tokens,
                        float(entry["leeftijd_min"]),
                        float(entry["leeftijd_max"]),
                        entry.get("leeftijdsfase"),
                        numbers,
                    )
                )
    return found


def _number(token: str | None) -> int | None:
    if token is None:
        return None
    if token in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[token]
    m = _ORDINAL.match(token)
    return int(m.group(1)) if m else None


def _numbered(tokens: list[str], i: int, size: int, stage: Stage) -> tuple[AgeRange, set[int]] | None:
    """ "groep 7", "havo 5", "5 havo", "3e klas", "groep 6 en 7": that year, with the positions used."""
    first, last = stage.numbers
    after, before = i + size, i - 1
    used = set(range(i, after))
    number = _number(tokens[after]) if after < len(tokens) else None
    if number is not None and first <= number <= last:
        used.add(after)
        after += 1
    elif (
        stage.id != "groep"
        and before >= 0
        and (number := _number(tokens[before])) is not None
        and first <= number <= last
    ):
        used.add(before)
    else:
        return None
    top, j = number, after
    while j < len(tokens) and tokens[j] in _JOINERS:
        j += 1
        more = _number(tokens[j]) if j < len(tokens) else None
        if more is not None and first <= more <= last:
            used.update(range(after, j + 1))
            top = max(top, more)
            break
    label = " ".join(stage.phrase) + f" {number}" + (f" en {top}" if top != number else "")
    return AgeRange(stage.low + number - first, stage.high + top - first, stage.fase, label, school=True), used


def find_stage(tokens: list[str]) -> tuple[AgeRange, set[int]] | None:
    """The first school stage in the tokens, as an age range, and the token positions it used
    (its number included: "havo 5" is a stage, never an age of 5)."""
    table = stages()
    longest = max((len(k) for k in table), default=0)
    for i in range(len(tokens)):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            candidates = table.get(tuple(tokens[i : i + size]))
            if not candidates:
                continue
            for stage in (c for c in candidates if c.numbers):
                if found := _numbered(tokens, i, size, stage):
                    return found
            plain = next((c for c in candidates if not c.numbers), None)
            if plain is None:
                continue
            used, after = set(range(i, i + size)), i + size
            # "mbo 2", "mbo niveau 2": a level, not an age.
            if after < len(tokens) and tokens[after] == "niveau":
                used.add(after)
                after += 1
            if after < len(tokens) and _number(tokens[after]) is not None:
                used.add(after)
            # Years as a whole ("4 t/m 11"): up to the end of the last year.
            return AgeRange(plain.low, plain.high + 0.99, plain.fase, " ".join(plain.phrase), school=True), used
    return None


AGE_WORDS = frozenset(word for words, _ in _WORDS for word in words)

_AGE_NUMBER = re.compile(r"\b(\d{1,2})\s*(?:jaar|jr|jarige|jarig|jaar oud|jaartje)\b|\b(\d{1,2})\s*-?\s*jarige?\b")
# An age span: "0-4 jaar", "4 tot 12 jaar", "12 t/m 18 jaar" (not "2-3 keer", not "groep 3-4").
_SPAN = re.compile(r"(?<!groep )\b(\d{1,2})\s*(?:-|–|t/m|tot en met|tot)\s*(\d{1,2})\s*(?:jaar|jr|jarigen)\b")
# Several children: "6 en 9", "4, 7 en 12 jaar" (not "groep 6 en 7", not months or weeks).
_BRACKETED = re.compile(r"\((\d{1,2})\)")
# "een kind van 10", "jongen van 14 heeft …": a child word, "van" and a number is the child's age
# (not "moeder van 3", not "kind van 2 weken": those are handled elsewhere or are no age).
_CHILD_OF = re.compile(
    r"\b(?:kind|kindje|jongen|jongetje|meisje|meid|dochter|dochtertje|zoon|zoontje|leerling|puber|tiener|"
    r"jongere|peuter|kleuter|broer|broertje|zus|zusje|kleinkind)\s+van\s+(\d{1,2})\b"
    r"(?!\s*(?:weken|week|maanden|maand|mnd|dagen|%|procent|euro|uur|minuten|kilo|kg|cm))"
)
_SEVERAL = re.compile(
    r"(?<!groep )\b(\d{1,2})((?:\s*,\s*\d{1,2})*)\s*(en|of|&)\s*(\d{1,2})\b"
    r"(?!\s*(?:maanden|maand|mnd|weken))"
)
# A span of time is no age: "over 2 maanden", "al 3 maanden", "sinds 6 weken", "3 maanden geleden".
_SPAN_BEFORE = r"(?<!\bover )(?<!\bal )(?<!\bsinds )(?<!\bbinnen )(?<!\bna )(?<!\bruim )(?<!\bpaar )(?<!\bvoor )"
_SPAN_AFTER = r"(?!\s*(?:geleden|lang\b|later|achterstand|huurachterstand|niet|niks|geen))"
_MONTHS = re.compile(_SPAN_BEFORE + r"\b(\d{1,2})\s*(?:maanden|maand|mnd)\b" + _SPAN_AFTER)
_WEEKS = re.compile(_SPAN_BEFORE + r"\b(\d{1,2})\s*(?:weken|wkn)\b" + _SPAN_AFTER)
# "een zwangere van 22 weken", "28 weken zwanger": how far the pregnancy is, an unborn child.
_PREGNANCY_WEEKS = re.compile(
    r"\bzwanger\w*\s+(?:van|bij|met)\s+(?:ruim\s+|bijna\s+)?\d{1,2}\s*(?:weken|wkn|wk)\b|"
    r"\b\d{1,2}\s*(?:weken|wkn|wk)\s+zwanger"
)
# "jongen wordt over 2 maanden 18": the age he turns. Only words of time may stand between: "wordt" is
# also the passive ("de aanvraag wordt behandeld, ze heeft 3 kinderen" names no age).
_TURNS = re.compile(
    r"\bwordt(?:\s+(?:over|binnenkort|straks|bijna|volgende|volgend|deze|dit|in|de|het|week|maand|jaar|zomer|"
    r"\d{1,2}\s+(?:maanden|maand|mnd|weken|wkn|dagen)))*\s+(\d{1,2})\b(?!\s*(?:%|euro|keer|maanden|maand|mnd|weken|week|dagen|kinderen))"
)
_NUMBER_WORD = re.compile(
    r"\b(" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")\s*-?\s*(?:jaar|jarige|jarig)\b"
)
_BARE_NUMBER = re.compile(r"^\s*(\d{1,2})\s*$")
# "een jaar of 15", "een maand of 3": about that many (not one year, not one month).
_ROUGHLY = re.compile(
    r"\been\s+(jaar|maand|week)\s+of\s+(\d{1,2}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")\b"
)
_ROUGHLY_UNITS = {"jaar": "jaar", "maand": "maanden", "week": "weken"}


def _years(age: float) -> AgeRange:
    return AgeRange(age, age, fase_for(age), f"{age:g} jaar")


def parse_age(text: str | None) -> AgeRange | None:
    """The child's age named in the text, or None. A bare number ("10") counts as years."""
    if not text:
        return None
    raw = str(text).lower()
    tokens = normalize(raw).split()
    stage = find_stage(tokens)
    if stage:
        # An explicit age beside the stage ("10 jaar, groep 7") is the more precise one.
        age_range, used = stage
        rest = " ".join(t for i, t in enumerate(tokens) if i not in used)
        explicit = _parse_plain(rest) if rest else None
        return explicit if explicit and re.search(r"\d", explicit.label) else age_range
    return _parse_plain(raw)


def _parse_plain(raw: str) -> AgeRange | None:
    if m := _ROUGHLY.search(raw):
        unit, number = m.group(1), _NUMBERS.get(m.group(2), m.group(2))
        raw = raw[: m.start()] + f" {number} {_ROUGHLY_UNITS[unit]} " + raw[m.end() :]
    if _PREGNANCY_WEEKS.search(raw):
        return UNBORN
    if m := _MONTHS.search(raw):
        months = int(m.group(1))
        return AgeRange(months / 12, months / 12, fase_for(months / 12), f"{months} maanden")
    if m := _WEEKS.search(raw):
        return AgeRange(0, 0.2, "ongeboren-pasgeboren", f"{m.group(1)} weken")
    if (m := _SPAN.search(raw)) and int(m.group(1)) < int(m.group(2)):
        low, high = int(m.group(1)), int(m.group(2))
        # A span up to a fase's bound is that fase: "0-4 jaar" is jonge kinderen, "4-12 jaar" the basisschool.
        first, last = fase_for(max(low, 0.1)), fase_for(high - 0.01 if high in (4, 12, 18) else high)
        return AgeRange(low, high, first if first == last else None, f"{low}–{high} jaar")
    if m := _SEVERAL.search(raw):
        ages = [int(m.group(1)), *map(int, re.findall(r"\d{1,2}", m.group(2))), int(m.group(4))]
        low, high = min(ages), max(ages)
        fase = fase_for(low) if fase_for(low) == fase_for(high) else None
        joined = "of" if m.group(3) == "of" else "en"
        label = ", ".join(map(str, ages[:-1])) + f" {joined} {ages[-1]} jaar"
        return AgeRange(low, high, fase, label)
    if m := _AGE_NUMBER.search(raw):
        return _years(int(m.group(1) or m.group(2)))
    if m := _CHILD_OF.search(raw):
        return _years(int(m.group(1)))
    if m := _TURNS.search(raw):
        return _years(int(m.group(1)))
    # "haar zoon (12)", "Sara (7) en Adam (4)": the age in brackets after a child (or after where
    # redaction took out the child's name).
    if bracketed := sorted({int(n) for n in _BRACKETED.findall(raw)}):
        if len(bracketed) == 1:
            return _years(bracketed[0])
        low, high = bracketed[0], bracketed[-1]
        fase = fase_for(low) if fase_for(low) == fase_for(high) else None
        label = ", ".join(map(str, bracketed[:-1])) + f" en {bracketed[-1]} jaar"
        return AgeRange(low, high, fase, label)
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
    age = parse_age(text)
    if any(t in ("ouder", "ouders", "moeder", "vader", "moeders", "vaders") for t in tokens):
        # "ouders … de kinderen van 1 en 3": the children's phase; without a child's age, the parents'.
        if not any(t in v for v, _ in _WORDS for t in tokens) and not (age and age.fase and age.high < 18):
            return "ouders"
    return age.fase if age else None


# The ages a programme states for itself in its summary: "(4-16 jaar)", "(12+)".
_STATED_SPAN = re.compile(r"\((\d{1,2})\s*[-–]\s*(\d{1,2})(?: jaar)?\)")
_STATED_FROM = re.compile(r"\((\d{1,2})\+\)")


def outside_stated_ages(summary: str, age: AgeRange | None) -> bool:
    """Whether one exact age (17) lies outside the ages a summary states ("VRIENDEN (4-16 jaar)");
    False when the age is a span or the summary states none."""
    if age is None or age.low != age.high:
        return False
    if m := _STATED_SPAN.search(summary):
        return not int(m.group(1)) <= age.low <= int(m.group(2))
    if m := _STATED_FROM.search(summary):
        return age.low < int(m.group(1))
    return False
