"""Which user turns went wrong, and why (in the maintainer's words).

A turn went wrong when the assistant asked back ("Bedoel je …?"), fell back (nlu_fallback or
action_rephrase), said the sources have nothing on it, when the NLU was unsure, or when the
professional's next message rephrased the question or said "nee / klopt niet / dat bedoel ik niet".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answers import NOTHING_FOUND
from bot.kb.text import content_words, stem, words

from .turns import Turn

LOW_CONFIDENCE = 0.6  # the FallbackClassifier falls back below 0.45 (config.yml); between is doubtful
REPHRASE_SHARE = 0.4  # share of content words the next message repeats for it to be the same question again
REPHRASE_SECONDS = 300

DENIAL = re.compile(
    r"^\W*(nee+|neen|nope|klopt niet|dat klopt niet|niet goed|fout|verkeerd|"
    r"dat bedoel ik niet|(dat is )?niet wat ik bedoel|nee,? dat bedoel ik niet|ik bedoel iets anders|"
    r"dat is het niet|helemaal niet)\b",
    re.IGNORECASE,
)

# Their rule runs action_rephrase too (actions/conversation_actions.py), without anything going wrong.
SMALL_TALK = {"out_of_scope", "bot_challenge"}

REASONS = {
    "terugvraag": "de assistent vroeg terug (Bedoel je …?)",
    "fallback": "de assistent begreep de vraag niet (fallback)",
    "niet gevonden": "niets gevonden in de bronnen",
    "onzeker": "lage zekerheid van de herkenning",
    "herformuleerd": "de gebruiker stelde de vraag daarna anders",
    "ontkend": "de gebruiker zei daarna dat het niet klopte",
}


@dataclass
class Problem:
    turn: Turn
    reasons: list[str]


def word_keys(text: str) -> frozenset[str]:
    """The stemmed content words; for a question of common words only, all its words."""
    found = frozenset(stem(w) for w in content_words(text) if not w.isdigit())
    return found or frozenset(words(text))


def similar(a: frozenset[str], b: frozenset[str], share: float) -> bool:
    return bool(a and b) and len(a & b) / len(a | b) >= share


def reasons_for(turn: Turn, following: Turn | None) -> list[str]:
    reasons = []
    replies = "\n".join(turn.replies)
    if replies.lstrip().startswith("Bedoel je") or "\nBedoel je" in replies:
        reasons.append("terugvraag")
    if turn.intent == "nlu_fallback" or ("action_rephrase" in turn.actions and turn.intent not in SMALL_TALK):
        reasons.append("fallback")
    if NOTHING_FOUND[:40] in replies or "Ik vind geen fonds" in replies:
        reasons.append("niet gevonden")
    if turn.intent and turn.intent != "nlu_fallback" and turn.confidence < LOW_CONFIDENCE:
        reasons.append("onzeker")
    if following is not None and not following.payload:
        close = (following.time - turn.time).total_seconds() <= REPHRASE_SECONDS
        if DENIAL.search(following.text):
            reasons.append("ontkend")
        elif (
            close
            and following.text != turn.text
            and similar(word_keys(turn.text), word_keys(following.text), REPHRASE_SHARE)
        ):
            reasons.append("herformuleerd")
    return reasons


def problems(turns: list[Turn]) -> list[Problem]:
    """The turns that went wrong, newest first. Button presses and denials themselves are not questions."""
    by_sender: dict[str, list[Turn]] = {}
    for turn in turns:
        by_sender.setdefault(turn.sender, []).append(turn)
    found = []
    for conversation in by_sender.values():
        for n, turn in enumerate(conversation):
            if turn.payload or not word_keys(turn.text) or DENIAL.search(turn.text):
                continue
            following = conversation[n + 1] if n + 1 < len(conversation) else None
            reasons = reasons_for(turn, following)
            if reasons:
                found.append(Problem(turn, reasons))
    return sorted(found, key=lambda p: p.turn.time, reverse=True)
