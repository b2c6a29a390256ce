"""Refusing a conversation store whose texts were not redacted.

How it knows: every channel puts a message through bot.privacy.redact before Rasa stores it, and a
redacted text comes out of that redaction unchanged (its placeholders, like [NAAM], are no client
data). So each stored user text is redacted once more; when anything in it is still recognised as
client data, that store was written without redaction (plain Rasa, an old version, a copied
database) and nothing of it is shown. Button presses ("/ask_fondsen") are not typed text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bot.privacy import redact

from .turns import Turn


@dataclass(frozen=True)
class Unredacted:
    messages: int  # how many stored messages still hold client data
    kinds: Counter  # which kinds, e.g. {"NAAM": 2}
    event_ids: tuple[int, ...]  # where, without the text


def unredacted(turns: list[Turn]) -> Unredacted | None:
    kinds: Counter = Counter()
    ids = []
    for turn in turns:
        if turn.payload or not turn.text:
            continue
        found = redact(turn.text).found
        if found:
            kinds.update(found)
            ids.append(turn.event_id)
    return Unredacted(len(ids), kinds, tuple(ids)) if ids else None


def refusal(found: Unredacted, store: str) -> str:
    kinds = ", ".join(f"{kind} ({n}×)" for kind, n in found.kinds.most_common())
    shown = ", ".join(str(i) for i in found.event_ids[:10]) + (" …" if len(found.event_ids) > 10 else "")
    return (
        f"Geweigerd: in {store} staan {found.messages} bericht(en) die niet geredigeerd zijn; er zit nog "
        f"herkenbare cliëntinformatie in ({kinds}). Zo'n opslag is niet door de kanalen van deze assistent "
        "geschreven (die vervangen namen en andere gegevens door bijvoorbeeld [NAAM] vóór het bewaren). "
        f"Er wordt niets getoond. Het gaat om de events met id {shown} in de tabel events; verwijder ze of "
        "wijs TRACKER_STORE_URL naar de opslag van de assistent."
    )
