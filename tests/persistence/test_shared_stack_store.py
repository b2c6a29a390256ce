"""The shared stack keeps its conversations in PostgreSQL (tracker_env in tests/conftest.py), and
neither that store nor any log file holds client data: only the redacted placeholders."""

from __future__ import annotations

import json

import pytest
import yaml
from sqlalchemy import create_engine, text

from tests.stack import Chat

pytestmark = pytest.mark.e2e

# (message, the client data in it, the placeholder that must replace it)
CLIENT_MESSAGES = [
    ("Mevrouw Yilmaz vraagt of er een fonds is voor een fiets voor haar zoon van 10", "Yilmaz", "[NAAM]"),
    ("BSN 603440575 van de moeder, welk fonds betaalt een laptop?", "603440575", "[BSN]"),
    ("bel de moeder even op 06 63512340 over zwemles", "63512340", "[TELEFOON]"),
    ("mail naar levi.devries@gmail.com voor de aanvraag van een fiets", "levi.devries", "[E-MAIL]"),
    ("het gezin woont op Kerkstraat 12 in Zwolle, welk fonds helpt met een koelkast?", "Kerkstraat", "[ADRES]"),
]


def stored_events(database_url: str, sender: str) -> list[dict]:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text("SELECT type_name, data FROM events WHERE sender_id = :sender ORDER BY id"), {"sender": sender}
            ).all()
    finally:
        engine.dispose()
    return [{"type": kind, **json.loads(data)} for kind, data in rows]


def test_conversations_of_the_shared_stack_are_in_postgresql(running_stack, tracker_database):
    config = yaml.safe_load((running_stack.state / "endpoints.yml").read_text())
    assert config["tracker_store"]["dialect"] == "postgresql"
    assert not (running_stack.state / "gesprekken.sqlite").exists()

    chat = Chat(running_stack.url, "opslag-postgresql")
    answer = chat.text("welk fonds betaalt een fiets voor een kind van 10?")
    assert "Stichting Leergeld" in answer
    events = stored_events(tracker_database, "opslag-postgresql")
    user = [e for e in events if e["type"] == "user"]
    bot = [e for e in events if e["type"] == "bot"]
    assert [e["text"] for e in user] == ["welk fonds betaalt een fiets voor een kind van 10?"]
    assert any("Stichting Leergeld" in (e.get("text") or "") for e in bot)


def test_client_data_is_neither_stored_nor_logged(running_stack, tracker_database):
    chat = Chat(running_stack.url, "opslag-privacy")
    for message, _, _ in CLIENT_MESSAGES:
        assert chat.text(message), f"geen antwoord op {message!r}"

    stored = json.dumps(stored_events(tracker_database, "opslag-privacy"), ensure_ascii=False)
    files = sorted(p for p in [*running_stack.logs.rglob("*"), running_stack.state / "run.log"] if p.is_file())
    assert any(p.name == "rasa.log" for p in files) and any(p.name == "actions.log" for p in files)
    logs = {p.name: p.read_text(errors="replace") for p in files}
    for _, secret, placeholder in CLIENT_MESSAGES:
        assert secret not in stored, f"{secret!r} staat in de tracker store"
        assert placeholder in stored, f"{placeholder} ontbreekt in de tracker store"
        for name, content in logs.items():
            assert secret not in content, f"{secret!r} staat in {name}"
