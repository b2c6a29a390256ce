"""A restart keeps the conversation: the stack started like `make run`, with its default tracker store
(the SQLite file $STATE_DIR/gesprekken.sqlite), stopped in the middle of a conversation and started again."""

from __future__ import annotations

import sqlite3

import pytest

from tests.stack import Chat, Stack

from .conftest import RESTART_RASA_PORT

pytestmark = pytest.mark.e2e


def test_conversation_survives_a_restart(model, tmp_path):
    stack = Stack(tmp_path, RESTART_RASA_PORT, env={"TRACKER_STORE_URL": ""})
    chat = Chat(stack.url, "herstart-1")
    stack.start()
    try:
        assert "Hoe oud is het kind?" in chat.text("welk fonds betaalt een fiets?")
        first = chat.text("10 jaar")
        assert "Stichting Leergeld" in first and "Bron:" in first
    finally:
        stack.stop()

    store = tmp_path / "gesprekken.sqlite"
    with sqlite3.connect(store) as conn:
        kinds = [row[0] for row in conn.execute("SELECT type_name FROM events WHERE sender_id = 'herstart-1'")]
    assert kinds.count("user") == 2 and "bot" in kinds, kinds

    stack.start()
    try:
        # Need (fiets), age (10) and the funds shown come from the stored conversation. Without it,
        # "andere fondsen?" gets "Er is nog geen antwoord om mee verder te gaan" and "wie kan dat aanvragen?" no funds.
        others = chat.text("andere fondsen?")
        assert "fiets (10 jaar)" in others or "Dat was alles" in others, others
        who = chat.text("wie kan dat aanvragen?")
        assert "Stichting Leergeld" in who and "ouders zelf" in who and "Bron:" in who, who
    finally:
        stack.stop()
