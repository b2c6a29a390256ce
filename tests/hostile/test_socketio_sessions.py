"""Socketio sessions are server-issued and signed: a forged id cannot reach another conversation.

The python-socketio client lives in Rasa's environment, so the probe (socketio_probe.py) runs
there against the running stack and reports what each party saw; the judging happens here.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT

from .conftest import looks_dutch, user_messages

pytestmark = pytest.mark.e2e

RASA_PYTHON = PROJECT_ROOT / ".venv" / "rasa" / "bin" / "python"
PROBE = Path(__file__).resolve().parent / "socketio_probe.py"
SIGNED = re.compile(r"^[0-9a-f]{32}-[0-9a-f]{32}$")


@pytest.fixture(scope="module")
def probe(running_stack) -> dict:
    ours = f"http://localhost:{running_stack.web_port}"  # run.sh's default CORS_ORIGINS
    result = subprocess.run(
        [str(RASA_PYTHON), str(PROBE), running_stack.url, ours],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=PROJECT_ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def test_new_visitor_gets_a_signed_id_and_an_answer(probe):
    assert SIGNED.match(probe["alice_session"]), probe["alice_session"]
    assert "Leergeld" in probe["alice_first_answer"]
    assert probe["alice_confirmed_text"] == ["welk fonds betaalt een fiets voor een kind van 10?"]


def test_forged_ids_are_replaced_by_fresh_ones(probe):
    victim = probe["alice_session"]
    issued = list(probe["forged"].values())
    assert victim not in issued
    assert all(SIGNED.match(s) for s in issued), issued
    assert len(set(issued)) == len(issued), "elk vervalst id hoort vervangen te worden door een nieuw id"


def test_naming_another_session_in_a_message_does_not_reach_it(probe):
    assert "Bespreken" in probe["mallory_answer"], "het bericht hoort in de eigen sessie beantwoord te worden"
    assert "Ververs de pagina" in probe["stranger_answer"], probe["stranger_answer"]
    assert probe["alice_saw_meanwhile"] == "", "Alice kreeg antwoorden op berichten van een ander"


def test_tracker_store_holds_only_alices_messages_in_her_conversation(probe, running_stack):
    nonce = probe["alice_session"].split("-")[0]
    rows = user_messages(running_stack)
    alice = [message for sender, message in rows if sender == f"web-{nonce}"]
    assert alice == ["welk fonds betaalt een fiets voor een kind van 10?", "waar staat dat?"]
    assert not any(probe["alice_session"] in sender for sender, _ in rows), (
        "het ondertekende id hoort niet in de opslag"
    )


def test_reload_with_the_signed_id_keeps_the_conversation(probe):
    assert probe["reload_session"] == probe["alice_session"]
    # "waar staat dat?" gives the source of Alice's last answer: the funds overview, not Mallory's question.
    assert "Overzicht fondsen" in probe["reload_answer"], probe["reload_answer"]


def test_odd_socketio_events_get_a_dutch_answer(probe):
    answers = probe["odd"]
    for kind, answer in answers.items():
        assert looks_dutch(answer), f"{kind}: {answer!r}"
        assert "<script" not in answer
    assert "leeg bericht" in answers["leeg"] and "leeg bericht" in answers["nulbytes"]
    assert "Leergeld" in answers["daarna"], "de verbinding hoort na vreemde berichten gewoon te werken"


def test_websocket_only_from_sites_in_cors_origins(probe):
    allowed = [origin for origin, opened in probe["websocket_from"].items() if opened]
    assert allowed == [next(iter(probe["websocket_from"]))], probe["websocket_from"]
