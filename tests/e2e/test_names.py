"""Every record with a name is found by its name, however the NLU reads the question.

"wat is mdft?" looked like "wat kun je?" to the NLU and "houvast, wat is dat" like "waar staat
dat?": the help menu and "mijn vorige antwoord kwam niet uit een bron" were the answers (03-12-2026,
30 of 458 such questions). Each national fund, instrument, intervention, organisation, example and
aanpak (local examples too) is asked for twice over REST, in a conversation of its own: by its name as written, and in
lower case without the abbreviation in brackets. The answer (as the conversation store keeps it)
must lead with a record of that name, without asking back.
"""

from __future__ import annotations

import re
import uuid

import pytest

from bot.config import KNOWLEDGE_DIR
from bot.conversations import ConversationStore, last_turn, slot_value
from bot.deploy.tracker_store import parse
from bot.kb.text import without_brackets
from bot.kb.validate import read_knowledge
from tests.stack import Chat

pytestmark = pytest.mark.e2e

NAMED_KINDS = ("fonds", "instrument", "interventie", "organisatie", "voorbeeld", "aanpak")


def _squeezed(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _named_records() -> dict[str, str]:
    """Record key → its name, for every named record but a local fund (that one answers with its
    gemeente named; a local example answers to its name)."""
    knowledge = read_knowledge(KNOWLEDGE_DIR)
    return {
        f"{kind}:{record['id']}": record["naam"]
        for kind in NAMED_KINDS
        for record in knowledge.records.get(kind, [])
        if not (kind == "fonds" and record.get("gemeente"))
    }


def test_every_named_record_is_found_by_its_name(stack, tracker_env):
    names = _named_records()
    assert len(names) > 150, "de kennisbank heeft minder namen dan verwacht"
    questions = [(key, f"wat is {name}?") for key, name in names.items()]
    questions += [(key, f"{without_brackets(name).lower()}, wat is dat") for key, name in names.items()]
    store = ConversationStore(parse(tracker_env["TRACKER_STORE_URL"]).sqlalchemy_url())
    missed = []
    try:
        for key, question in questions:
            chat = Chat(stack, f"e2e-naam-{uuid.uuid4().hex[:8]}")
            answer = chat.text(question)
            shown = list(slot_value(last_turn(store.events(chat.sender)), "getoonde_records") or [])
            # A record of the same name counts (Zwangerwijzer is an instrument and an intervention).
            lead = _squeezed(without_brackets(names.get(shown[0], ""))) if shown else ""
            if lead != _squeezed(without_brackets(names[key])) or "Bedoel je" in answer:
                missed.append(f"{key}: {question!r} → {shown[:2]} {answer[:80]!r}")
    finally:
        store.close()
    assert not missed, f"{len(missed)} van {len(questions)} vragen naar een naam:\n" + "\n".join(missed)
