"""Action server down, erroring or slow: a real Rasa answers in Dutch, never with silence, and the
conversation goes on once the action server is back (channels/always_answer.py)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
import requests

from bot.config import PROJECT_ROOT
from bot.failure import NO_ANSWER_TEXT as FAILURE_TEXT
from bot.privacy import REMINDER
from tests.stack import Chat

from .action_stub import ActionStub
from .conftest import (
    BOT_PYTHON,
    FAILURE_ACTIONS_PORT,
    FAILURE_RASA_PORT,
    RASA_PYTHON,
    create_database,
    drop_database,
    generate_endpoints,
)

pytestmark = pytest.mark.e2e

REPLY_TIMEOUT = 5
FUND_QUESTION = "welk fonds betaalt een fiets voor een kind van 10?"
PHONE = "06-12345678"


def wait_for(url: str, proc: subprocess.Popen, seconds: int, log: Path) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"gestopt tijdens het starten:\n{log.read_text()[-3000:]}")
        try:
            requests.get(url, timeout=2)
            return
        except requests.ConnectionError:
            time.sleep(1)
    pytest.fail(f"{url} niet bereikbaar na {seconds} s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def tracker_url(postgres_server):
    """This Rasa's conversations, in a PostgreSQL database of its own."""
    url = create_database(postgres_server)
    yield url
    drop_database(postgres_server, url)


@pytest.fixture(scope="module")
def rasa(model, tmp_path_factory, tracker_url):
    """`rasa run` with the REST channel, its action endpoint on a port where nothing runs yet."""
    state = tmp_path_factory.mktemp("failure")
    endpoints = state / "endpoints.yml"
    assert generate_endpoints(endpoints, tracker_url, ACTIONS_PORT=str(FAILURE_ACTIONS_PORT)).returncode == 0
    credentials = state / "credentials.yml"
    credentials.write_text("channels.redacting.RedactingRestInput:\n")
    log = state / "rasa.log"
    proc = subprocess.Popen(
        [
            RASA_PYTHON,
            "-m",
            "rasa_runtime",
            "run",
            "--model",
            model,
            "--port",
            str(FAILURE_RASA_PORT),
            "--credentials",
            str(credentials),
            "--endpoints",
            str(endpoints),
        ],
        cwd=PROJECT_ROOT,
        env={**os.environ, "REPLY_TIMEOUT_SECONDS": str(REPLY_TIMEOUT)},
        stdout=open(log, "w"),
        stderr=subprocess.STDOUT,
    )
    wait_for(f"http://127.0.0.1:{FAILURE_RASA_PORT}/", proc, 300, log)
    yield f"http://127.0.0.1:{FAILURE_RASA_PORT}", log
    stop(proc)


@pytest.fixture
def action_server(sqlite_url, tmp_path):
    """Starts the real action server on the Rasa's action port when called."""
    started: list[subprocess.Popen] = []

    def start() -> subprocess.Popen:
        log = tmp_path / "actions.log"
        proc = subprocess.Popen(
            [BOT_PYTHON, "-m", "bot.deploy.action_server", "--actions", "actions", "--port", str(FAILURE_ACTIONS_PORT)],
            cwd=PROJECT_ROOT,
            env={**os.environ, "KB_DATABASE_URL": sqlite_url},
            stdout=open(log, "w"),
            stderr=subprocess.STDOUT,
        )
        started.append(proc)
        wait_for(f"http://127.0.0.1:{FAILURE_ACTIONS_PORT}/health", proc, 60, log)
        return proc

    yield start
    for proc in started:
        stop(proc)


def timed(chat: Chat, message: str) -> tuple[str, float]:
    began = time.time()
    text = chat.text(message)
    return text, time.time() - began


def test_action_server_down(rasa):
    base, log = rasa
    chat = Chat(base, "storing-weg")
    answer, seconds = timed(chat, f"{FUND_QUESTION} bel me op {PHONE}")
    # The failure message first; the phone number was redacted, so the reminder to ask anonymously follows.
    assert answer == f"{FAILURE_TEXT}\n{REMINDER}" and seconds < REPLY_TIMEOUT
    # What needs no action server still works.
    assert "anoniem" in chat.text("hallo")
    assert "Encountered an exception while running action" in log.read_text(), "Rasa zag de storing niet"
    assert PHONE not in log.read_text() and "12345678" not in log.read_text()


def test_action_server_answers_with_an_error(rasa):
    base, _ = rasa
    with ActionStub(FAILURE_ACTIONS_PORT, "error") as stub:
        answer, seconds = timed(Chat(base, "storing-fout"), FUND_QUESTION)
    assert stub.calls >= 1
    assert answer == FAILURE_TEXT and seconds < REPLY_TIMEOUT


def test_slow_action_server_gets_a_reply_within_the_timeout_and_frees_the_conversation(rasa):
    base, _ = rasa
    chat = Chat(base, "storing-traag")
    with ActionStub(FAILURE_ACTIONS_PORT, "slow", delay=60) as stub:
        answer, seconds = timed(chat, FUND_QUESTION)
        assert stub.calls == 1
        assert answer == FAILURE_TEXT and REPLY_TIMEOUT - 0.5 < seconds < REPLY_TIMEOUT + 5
        # The abandoned turn does not hold the conversation: the next message is answered at once.
        greeting, seconds = timed(chat, "hallo")
        assert "anoniem" in greeting and seconds < REPLY_TIMEOUT


def test_conversation_goes_on_after_the_action_server_comes_back(rasa, action_server):
    base, _ = rasa
    chat = Chat(base, "storing-herstel")
    server = action_server()
    assert "Hoe oud is het kind?" in chat.text("welk fonds betaalt een fiets?")
    stop(server)
    assert chat.text("10 jaar") == FAILURE_TEXT
    action_server()
    answer = chat.text("10 jaar")
    assert "Stichting Leergeld" in answer and "Bron:" in answer
    assert "ouders zelf" in chat.text("wie kan dat aanvragen?")


def test_client_that_gives_up_leaves_no_message_text_in_the_log(rasa):
    """Rasa's REST channel logs the raw (unredacted) text when a request is cancelled; ours never is."""
    base, log = rasa
    with ActionStub(FAILURE_ACTIONS_PORT, "slow", delay=60):
        with pytest.raises(requests.Timeout):
            requests.post(
                f"{base}/webhooks/rest/webhook",
                timeout=1.5,
                json={"sender": "storing-opgehangen", "message": f"{FUND_QUESTION} bel 06-87654321"},
            )
        time.sleep(REPLY_TIMEOUT + 1)
    assert "anoniem" in Chat(base, "storing-opgehangen").text("hallo")
    assert "87654321" not in log.read_text()


def test_losing_the_tracker_store_while_running_does_not_stop_the_answers(
    rasa, tracker_url, postgres_server, action_server
):
    """Rasa falls back to memory (its FailSafeTrackerStore): answers go on, earlier context is lost. Runs last."""
    base, log = rasa
    action_server()
    chat = Chat(base, "storing-database")
    assert "Hoe oud is het kind?" in chat.text("welk fonds betaalt een fiets?")
    drop_database(postgres_server, tracker_url)
    assert "anoniem" in chat.text("hallo")
    answer = chat.text("welk fonds betaalt een fiets voor een kind van 10?")
    assert "Stichting Leergeld" in answer and "Bron:" in answer
    assert "Falling back to use the 'InMemoryTrackerStore'" in log.read_text()
