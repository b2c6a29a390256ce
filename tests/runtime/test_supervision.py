"""`make run` keeps its parts running: each part killed with kill -9 in the middle of a conversation comes
back by itself, the others keep running, and the conversation goes on (bot/deploy/supervisor.py).

One stack started by scripts/run.sh for the whole module, conversations in its default SQLite tracker
store; the tests run in file order and the last one breaks the knowledge base, so the stack stops.
"""

from __future__ import annotations

import os
import signal
import time

import pytest
import requests

from bot.failure import NO_ANSWER_TEXT
from tests.stack import RASA_PORT, Chat, Stack
from tests.web.browser import ChatPage, ensure_chromium, start_chromium

pytestmark = pytest.mark.e2e

# This module's own stack, next to the shared one (tests/stack.py: +10 web, +50 actions).
SUPERVISED_RASA_PORT = RASA_PORT + 4
# How each part's process shows in `ps` (scripts/start_<part>.sh exec these).
BACK_WITHIN_SECONDS = {"actions": 15, "web": 15, "rasa": 300}


@pytest.fixture(scope="module")
def supervised(model, tmp_path_factory):
    stack = Stack(tmp_path_factory.mktemp("supervised"), SUPERVISED_RASA_PORT, env={"TRACKER_STORE_URL": ""})
    stack.start()
    yield stack
    stack.stop()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    ensure_chromium()
    driver = start_chromium(tmp_path_factory.mktemp("chromium-supervised"))
    yield driver
    driver.quit()


class WidgetPage(ChatPage):
    def status(self) -> str:
        return self.driver.execute_script("return document.querySelector('.ac-status').textContent")


def health_url(stack: Stack, part: str) -> str:
    return {
        "actions": f"http://127.0.0.1:{stack.actions_port}/health",
        "rasa": f"{stack.url}/",
        "web": f"http://127.0.0.1:{stack.web_port}/",
    }[part]


def answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).ok
    except requests.RequestException:
        return False


def kill_part(stack: Stack, part: str) -> tuple[dict[str, int], float]:
    before = stack.part_pids()
    os.kill(before[part], signal.SIGKILL)
    return before, time.monotonic()


def wait_until_back(stack: Stack, part: str, before: dict[str, int], killed_at: float) -> float:
    """Seconds from the kill until the part answers again as a new process; the others were never touched."""
    limit = BACK_WITHIN_SECONDS[part]
    while time.monotonic() - killed_at < limit:
        assert stack.proc.poll() is None, "make run stopte:\n" + (stack.state / "run.log").read_text()[-3000:]
        if answers(health_url(stack, part)):
            break
        time.sleep(0.2)
    took = time.monotonic() - killed_at
    assert answers(health_url(stack, part)), f"{part} niet terug binnen {limit} s"
    after = stack.part_pids()
    assert after[part] != before[part]
    assert {k: v for k, v in after.items() if k != part} == {k: v for k, v in before.items() if k != part}
    log = (stack.state / "run.log").read_text()
    assert f"{part} stopte onverwacht (gedood met signaal 9 (SIGKILL))" in log, log[-2000:]
    print(f"{part} terug na {took:.1f} s")
    return took


def test_killed_action_server_comes_back_and_the_conversation_goes_on(supervised):
    chat = Chat(supervised.url, "bewaakt-actions")
    first = chat.text("welk fonds betaalt een fiets voor een kind van 10?")
    assert "Stichting Leergeld" in first and "Bron:" in first
    before, killed_at = kill_part(supervised, "actions")

    # Right away: the Dutch failure message, or (if it is back already) the right answer.
    who = chat.text("wie kan dat aanvragen?")
    assert who == NO_ANSWER_TEXT or ("Stichting Leergeld" in who and "ouders zelf" in who), who
    wait_until_back(supervised, "actions", before, killed_at)
    if who == NO_ANSWER_TEXT:
        who = chat.text("wie kan dat aanvragen?")
        assert "Stichting Leergeld" in who and "ouders zelf" in who, who
    # The follow-up still knows the need (fiets) and the age (10).
    others = chat.text("andere fondsen?")
    assert "fiets (10 jaar)" in others or "Dat was alles" in others, others


def test_killed_chat_page_comes_back_and_the_widget_goes_on(supervised, browser):
    page = ChatPage(browser)
    web = f"http://127.0.0.1:{supervised.web_port}"
    page.open(web)
    page.ask("welk fonds betaalt een fiets?", expect="Hoe oud is het kind?")
    session = page.session_id()
    before, killed_at = kill_part(supervised, "web")

    # The open widget talks to Rasa, not to the chat page: it answers while the page is down.
    page.ask("10 jaar", expect="Stichting Leergeld")
    wait_until_back(supervised, "web", before, killed_at)
    # A reload gets the page again, and the widget reconnects to the same conversation.
    page.open(web, fresh=False)
    assert page.session_id() == session
    assert any("Stichting Leergeld" in text for text in page.texts("bot"))
    page.ask("wie kan dat aanvragen?", expect="ouders zelf")


def test_killed_rasa_comes_back_and_continues_from_the_tracker_store(supervised, browser):
    rest = Chat(supervised.url, "bewaakt-rasa")
    assert "Hoe oud is het kind?" in rest.text("welk fonds betaalt een fiets?")
    assert "Stichting Leergeld" in rest.text("10 jaar")
    page = WidgetPage(browser)
    page.open(f"http://127.0.0.1:{supervised.web_port}")
    page.ask("welk fonds betaalt een laptop voor een kind van 14?", expect="Bron:")
    before, killed_at = kill_part(supervised, "rasa")
    page.wait(lambda _: "Geen verbinding" in page.status(), "de widget merkte niet dat Rasa weg was")

    wait_until_back(supervised, "rasa", before, killed_at)
    # Rasa's memory is gone: need (fiets) and age (10) come from the tracker store.
    who = rest.text("wie kan dat aanvragen?")
    assert "Stichting Leergeld" in who and "ouders zelf" in who, who
    others = rest.text("andere fondsen?")
    assert "fiets (10 jaar)" in others or "Dat was alles" in others, others
    # The open widget reconnected by itself (no reload) and its conversation goes on.
    page.ask("waar staat dat?", expect="Dat staat in")
    assert page.status() == ""


def test_action_server_that_keeps_failing_to_start_stops_everything_with_its_message(supervised):
    """A broken knowledge base: the restarted action server refuses to start; after three tries make run
    stops everything, with the action server's own message naming KB_DATABASE_URL, instead of looping."""
    before = supervised.part_pids()
    (supervised.state / "kb.sqlite").write_bytes(b"geen database" * 200)
    os.kill(before["actions"], signal.SIGKILL)
    began = time.monotonic()
    returncode = supervised.proc.wait(timeout=120)
    took = time.monotonic() - began
    log = (supervised.state / "run.log").read_text()
    assert returncode == 1, log[-3000:]
    assert "actions is gestopt (3 keer op rij bij het starten" in log, log[-3000:]
    assert "Action server niet gestart" in log and "KB_DATABASE_URL" in log, log[-3000:]
    assert log.count("opnieuw starten over") >= 3
    for part, pid in before.items():
        if part != "actions":
            with pytest.raises(ProcessLookupError):
                os.kill(pid, 0)  # stopped with the rest (and reaped by the supervisor)
    print(f"make run gestopt {took:.1f} s na de kill")
