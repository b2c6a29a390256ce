"""The question bank: realistic questions with the records a right answer leads with.

Written by someone who had read only knowledge/ and the source documents, never the training
data. Two halves: afstemmen/ (may be looked at when improving the assistant) and
vastgehouden/ (held out: nobody tunes to it; it measures generalisation).

A case is one question or a short conversation (`beurten`). Each turn says what a right reply
does (`soort`): `antwoord` leads with one of the `verwacht` records, `verduidelijken` asks back
(offering one of `verwacht` when given), `niet_in_bronnen` gives no record at all.
Record ids are "kind:id" ("fonds:stichting-leergeld", "hoe:bespreken-jongeren",
"werkwijze:bespreken/samenwerken"); a werkwijze id without a section stands for any section.

A second reader, blind to the writers' `verwacht` and to the assistant's answers, listed for each
`antwoord` turn every record that is a right start (tweede_lezer/<half>.yml); read into
Turn.also_right, so that make eval can report a score by either reader next to the writers' own.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT
from bot.kb.text import content_words

# The bank lives with the tests that score it; its format is read here, by them and by make review and make dekking.
HERE = PROJECT_ROOT / "tests" / "vragenbank"
HALVES = {"afstemmen": "afstemdeel", "vastgehouden": "vastgehouden deel"}
KINDS_OF_TURN = ("antwoord", "verduidelijken", "niet_in_bronnen")


class BankError(ValueError):
    """The bank cannot be read; the message names the file, the case and the field."""


@dataclass(frozen=True)
class Turn:
    question: str
    kind: str  # antwoord | verduidelijken | niet_in_bronnen
    expected: tuple[str, ...]
    also_right: tuple[str, ...] = ()  # the second reader's right starts (antwoord turns)


@dataclass(frozen=True)
class Case:
    id: str
    role: str
    half: str  # afstemmen | vastgehouden
    file: str
    turns: tuple[Turn, ...]

    @property
    def topic(self) -> str:
        """What the case is about: the kind of its first expected record, or the kind of turn."""
        for turn in self.turns:
            if turn.expected:
                return turn.expected[0].split(":", 1)[0]
        return self.turns[0].kind


def _turn(raw: dict, where: str) -> Turn:
    if not isinstance(raw, dict) or not isinstance(raw.get("vraag"), str) or not raw["vraag"].strip():
        raise BankError(f"{where}: veld 'vraag' ontbreekt of is leeg")
    kind = raw.get("soort", "antwoord")
    if kind not in KINDS_OF_TURN:
        raise BankError(f"{where}: veld 'soort' is {kind!r}; kies uit {', '.join(KINDS_OF_TURN)}")
    expected = raw.get("verwacht") or []
    if not isinstance(expected, list) or not all(isinstance(e, str) and ":" in e for e in expected):
        raise BankError(f"{where}: veld 'verwacht' moet een lijst van 'soort:id' zijn")
    if kind == "antwoord" and not expected:
        raise BankError(f"{where}: een 'antwoord' heeft minstens één record in 'verwacht' nodig")
    return Turn(raw["vraag"].strip(), kind, tuple(expected))


def read_file(path: Path, half: str) -> list[Case]:
    try:
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise BankError(f"{path}: geen geldige YAML ({exc})") from exc
    if not isinstance(items, list):
        raise BankError(f"{path}: het bestand moet een lijst van vragen zijn")
    cases = []
    for n, raw in enumerate(items, 1):
        where = f"{path.name}, vraag {raw.get('id', n) if isinstance(raw, dict) else n}"
        if not isinstance(raw, dict) or not raw.get("id"):
            raise BankError(f"{where}: veld 'id' ontbreekt")
        turns = (
            [_turn(t, f"{where}, beurt {i}") for i, t in enumerate(raw["beurten"], 1)]
            if "beurten" in raw
            else [_turn(raw, where)]
        )
        if not turns:
            raise BankError(f"{where}: veld 'beurten' is leeg")
        cases.append(Case(str(raw["id"]), str(raw.get("rol") or "onbekend"), half, path.name, tuple(turns)))
    return cases


def read_bank(folder: Path = HERE, halves: tuple[str, ...] = tuple(HALVES)) -> list[Case]:
    cases: list[Case] = []
    for half in halves:
        for path in sorted((folder / half).glob("*.yml")):
            cases.extend(read_file(path, half))
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise BankError(f"{case.file}: id {case.id} komt twee keer voor")
        seen.add(case.id)
    second = {}
    for half in halves:
        second.update(read_second_reader(folder / SECOND_READER / f"{half}.yml", cases))
    return [
        replace(c, turns=tuple(replace(t, also_right=second.get((c.id, n), ())) for n, t in enumerate(c.turns, 1)))
        for c in cases
    ]


SECOND_READER = "tweede_lezer"


def read_second_reader(path: Path, cases: list[Case]) -> dict[tuple[str, int], tuple[str, ...]]:
    """(case id, turn number from 1) → the records the second reader counts as a right start."""
    if not path.exists():
        return {}
    try:
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise BankError(f"{path}: geen geldige YAML ({exc})") from exc
    turns = {(c.id, n): t for c in cases for n, t in enumerate(c.turns, 1)}
    out: dict[tuple[str, int], tuple[str, ...]] = {}
    for n, item in enumerate(items if isinstance(items, list) else [None], 1):
        where = f"{path.name}, oordeel {n}"
        if not isinstance(item, dict):
            raise BankError(f"{where}: elk oordeel heeft de velden 'id', 'beurt' en 'goed'")
        key = (str(item.get("id")), item.get("beurt"))
        if key not in turns:
            raise BankError(f"{where}: veld 'id'/'beurt' {key[0]}/{key[1]} is geen beurt van de vragenbank")
        right = item.get("goed")
        if not isinstance(right, list) or not all(isinstance(e, str) and ":" in e for e in right):
            raise BankError(f"{where}: veld 'goed' moet een lijst van 'soort:id' zijn")
        out[key] = tuple(right)
    return out


def held_out_words(cases: list[Case]) -> dict[frozenset[str], str]:
    """The content words of every held-out turn → its case id (see near_copy)."""
    return {frozenset(content_words(t.question)): c.id for c in cases if c.half == "vastgehouden" for t in c.turns}


def near_copy(text: str, held_out: dict[frozenset[str], str]) -> str | None:
    """The held-out case that text (nearly) copies: the same content words, at least three. A training
    sentence or zoekvraag like that would let the held-out half measure what was trained on."""
    words = frozenset(content_words(text))
    return held_out.get(words) if len(words) >= 3 else None


def matches(expected: str, shown: str) -> bool:
    """A shown record satisfies an expected one: the same, or a section of the expected werkwijze."""
    return shown == expected or shown.startswith(expected + "/")
