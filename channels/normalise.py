"""Making any incoming message text safe and ordinary before redaction and the NLU see it.

Channels hand us whatever a client sent: not text at all, lone surrogates from broken UTF-8,
control and invisible formatting characters (right-to-left overrides, zero-width joiners),
or pages of text. Rasa answers some of these with silence or an error, and a huge message
costs the NLU seconds. Here every message becomes NFC text of printable characters with
single spaces, at most MAX_CHARS long; an empty result is answered in Dutch by `redacting`.
The redaction gets the same text with its line breaks (`lines`): in a pasted e-mail or handover a
line break ends a name ("Van: Saskia Meijer" above "Aan: team Utrecht").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# The widget's input field allows 1000 characters; no real question is longer.
MAX_CHARS = 1000

# Unicode categories dropped: control (Cc), format (Cf: bidi overrides, zero-width), surrogates (Cs),
# private use (Co) and unassigned (Cn). Letters of every script, emoji and punctuation stay.
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}
# Emoji sequences need ZWJ (U+200D) and variation selectors (Mn, kept anyway); keep ZWJ between symbols.
_KEPT_FORMAT = {"\u200d"}
_LINE_BREAKS = "\n\r\v\f\x85\u2028\u2029"
_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[^\S\n]+")
_BREAK = re.compile(r" ?\n[\s]*")
# Rasa reads a message that starts with "/" as a button's command ("/greet", '/inform{"leeftijd": "10"}').
# A pasted table row ("/ (zoon) / groep 7 …") or a typed "/ welk fonds …" is none: Rasa would write it whole
# into its log as a command it could not parse. Such a message loses its leading slashes; a command stays.
_COMMAND = re.compile(r"/\w+(?:@[\d.]+)?(?:\{.*\})?", re.DOTALL)

EMPTY_MESSAGE_REPLY = (
    "Ik kreeg een leeg bericht. Stel je vraag in een zin, bijvoorbeeld: "
    '"Welk fonds betaalt een fiets voor een kind van 10?"'
)


@dataclass(frozen=True)
class Normalised:
    text: str  # one line
    truncated: bool
    lines: str = ""  # the same text with its line breaks, one "\n" each


def one_line(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def normalise(raw: object) -> Normalised:
    """Text fit for the NLU: '' for no text, control characters gone, whitespace collapsed, length capped."""
    if raw is None:
        return Normalised("", False)
    text = raw if isinstance(raw, str) else str(raw) if isinstance(raw, (int, float)) else ""
    text = "".join(
        "\n" if ch in _LINE_BREAKS else " " if ch == "\t" else ch
        for ch in text
        if ch in _LINE_BREAKS or ch == "\t" or ch in _KEPT_FORMAT or unicodedata.category(ch) not in _DROPPED_CATEGORIES
    )
    text = unicodedata.normalize("NFC", text)
    lines = _BREAK.sub("\n", _SPACES.sub(" ", text)).strip()
    if lines.startswith("/") and not _COMMAND.fullmatch(lines):
        lines = lines.lstrip("/ \n")
    if len(lines) <= MAX_CHARS:
        return Normalised(lines.replace("\n", " "), False, lines)
    cut = lines[:MAX_CHARS]
    # Cut at the last word boundary so no half word (or half placeholder) reaches the NLU.
    space = max(cut.rfind(" "), cut.rfind("\n"))
    cut = (cut[:space] if space > MAX_CHARS // 2 else cut).rstrip()
    return Normalised(cut.replace("\n", " "), True, cut)
