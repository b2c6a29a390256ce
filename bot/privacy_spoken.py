"""Client data dictated rather than typed: numbers and letters in words, as speech-to-text writes them.

"de bsn is drie twee nul vier zes zes negen een zeven", "postcode drie nul twee een tee ka", "mathenesserweg
honderd twaalf b", "geboren negentien november tweeduizend zeventien", "n l zeventig a b n a vier twee …".
`spelled_out` writes such runs as digits and letters ("320466917", "3021tk", "mathenesserweg 112b") and
keeps where each came from, so the detectors for typed data (bot/privacy.py) can read the dictated text
and their spans be mapped back onto what the user wrote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .number_words import TEENS, TENS, UNITS

_UNITS = {**UNITS, "één": 1}
# English, for a number read out in a message that mixes the languages: "zero six one two …".
_ENGLISH_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                  "eight": 8, "nine": 9}  # fmt: skip
# "achtenvijftig", "tweeëntwintig", "eenenzeventig": a unit, "en" (or "ën"), a ten.
_COMPOUND = re.compile(rf"^({'|'.join(u for u in _UNITS if u not in ('nul', 'één'))})(?:en|ën)({'|'.join(TENS)})$")
# Letters as they are spoken: "tee ka", "ha", "ef". Not "en", "de", "el", "be": words of their own.
_LETTER_NAMES = {"tee": "t", "ka": "k", "ha": "h", "ef": "f", "em": "m", "es": "s", "pee": "p", "vee": "v",
                 "wee": "w", "iks": "x", "zet": "z", "kuu": "q", "ie": "i"}  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+|\d+")
# Hesitations that speech-to-text writes down, inside a number as well: "nul zes eh twaalf".
_FILLERS = {"eh", "ehm", "uh", "uhm", "euh"}
_GAP = re.compile(r"(?:[\s,.-]+|(?:eh|ehm|uh|uhm|euh)\b)*", re.IGNORECASE)


def _below_hundred(word: str) -> int | None:
    if word in _UNITS:
        return _UNITS[word]
    if word in _ENGLISH_UNITS:
        return _ENGLISH_UNITS[word]
    if word in TEENS:
        return TEENS[word]
    if word in TENS:
        return TENS[word]
    if m := _COMPOUND.match(word):
        return _UNITS[m[1]] + TENS[m[2]]
    return None


# Ordinals as a date says them: "de twaalfde maart", "eenentwintigste". "eerste", "derde", "achtste" are
# irregular; the rest is the number with "de" or "ste".
_ORDINALS = {"eerste": 1, "derde": 3, "achtste": 8}


def number(word: str) -> int | None:
    """The value of one number word: "zes" 6, "achtenvijftig" 58, "honderd" 100, "tweeduizend" 2000,
    "negentienhonderd" 1900, "twaalfde" 12; digits as they are ("12"); None for any other word."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in _ORDINALS:
        return _ORDINALS[word]
    for ending in ("ste", "de"):
        if word.endswith(ending) and (value := _cardinal(word[: -len(ending)])) is not None and value > 1:
            return value
    return _cardinal(word)


def _cardinal(word: str) -> int | None:
    if (value := _below_hundred(word)) is not None:
        return value
    for unit, factor in (("duizend", 1000), ("honderd", 100)):
        if word.endswith(unit):
            head = word[: -len(unit)]
            multiplier = 1 if not head else _below_hundred(head)
            if multiplier is not None:
                return multiplier * factor
    return None


@dataclass(frozen=True)
class Piece:
    """A stretch of the rewritten text and the stretch of the original it stands for."""

    start: int  # in the rewritten text
    end: int
    source_start: int  # in the original
    source_end: int


def _values(values: list[int | str]) -> list[str]:
    """Number words in a row as the digits said: "nul zes" "06", "honderd twaalf" "112", "tweeduizend
    zeventien" "2017", "veertien zesenveertig" "1446"; digits typed among them (a str) as they are."""
    out: list[str] = []
    i = 0
    while i < len(values):
        value = values[i]
        i += 1
        if isinstance(value, str):
            out.append(value)
            continue
        if value >= 1000 and i < len(values) and isinstance(values[i], int) and 100 <= values[i] < 1000:
            value += values[i]  # "tweeduizend driehonderd"
            i += 1
        if value >= 100 and i < len(values) and isinstance(values[i], int) and values[i] < 100:
            value += values[i]  # "honderd twaalf", "tweeduizend zeventien"
            i += 1
        out.append(str(value))
    return out


def _kind(word: str) -> str:
    if number(word) is not None:
        return "num"
    return "let" if len(word) == 1 or word in _LETTER_NAMES else ""


def _runs(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of number words and letters, apart only by spaces, commas, dots or hyphens."""
    runs: list[list[tuple[int, int, str]]] = []
    open_run = False  # the last token was part of a run, or a hesitation right after one
    for m in _WORD.finditer(text):
        token = (m.start(), m.end(), m.group(0).lower())
        if token[2] in _FILLERS and open_run:
            continue
        if not _kind(token[2]):
            open_run = False
            continue
        if open_run and _GAP.fullmatch(text[runs[-1][-1][1] : m.start()]):
            runs[-1].append(token)
        else:
            runs.append([token])
        open_run = True
    return runs


def _trimmed(run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The run without letters before its first number (but "n l" of an IBAN) and with at most two letters
    after its last (a postcode's), or [] when it holds no number but a lone "een" (the article)."""
    kinds = [_kind(t[2]) for t in run]
    if "num" not in kinds:
        return []
    first = kinds.index("num")
    if not (first == 2 and run[0][2] == "n" and run[1][2] == "l"):
        run, kinds = run[first:], kinds[first:]
    last = len(kinds) - 1 - kinds[::-1].index("num")
    run = run[: min(len(run), last + 3)]
    numbers = [t[2] for t in run if _kind(t[2]) == "num"]
    if all(n.isdigit() for n in numbers) or numbers in (["een"], ["één"]):
        return []  # typed digits only, which the detectors read as they are; or the article "een"
    return run


def spelled_out(text: str) -> tuple[str, list[Piece]]:
    """The text with every run of number words written as digits and the single letters and letter names
    among them closed up ("drie nul twee een tee ka" → "3021tk", "honderd twaalf b" → "112b"), and where
    each rewritten piece came from. The text itself, and no pieces, when it has no number words."""
    pieces: list[Piece] = []
    out: list[str] = []
    at = length = 0
    for run in map(_trimmed, _runs(text)):
        if not run:
            continue
        rewritten = _rewrite(run)
        before = text[at : run[0][0]]
        out += [before, rewritten]
        length += len(before)
        pieces.append(Piece(length, length + len(rewritten), run[0][0], run[-1][1]))
        length += len(rewritten)
        at = run[-1][1]
    if not pieces:
        return text, []
    out.append(text[at:])
    return "".join(out), pieces


def _rewrite(run: list[tuple[int, int, str]]) -> str:
    """Digits for the numbers and letters for the letters, each group closed up."""
    groups: list[tuple[str, list]] = []
    for _, _, low in run:
        kind = _kind(low)
        item = (low if low.isdigit() else number(low)) if kind == "num" else _LETTER_NAMES.get(low, low)
        if groups and groups[-1][0] == kind:
            groups[-1][1].append(item)
        else:
            groups.append((kind, [item]))
    return "".join("".join(_values(items)) if kind == "num" else "".join(items) for kind, items in groups)


def source_span(pieces: list[Piece], start: int, end: int) -> tuple[int, int]:
    """A span of the rewritten text as a span of the original: a position inside a piece goes to the
    piece's edge, one outside shifts by how much the pieces before it changed in length."""

    def back(position: int, closing: bool) -> int:
        shift = 0
        for piece in pieces:
            if position < piece.start or (closing and position == piece.start):
                break
            if position < piece.end or (closing and position == piece.end):
                return piece.source_end if closing else piece.source_start
            shift = piece.source_end - piece.end
        return position + shift

    return back(start, False), back(end, True)
