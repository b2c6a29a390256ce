"""Slack in Socket Mode against a stack of its own, started the way `make run` starts it with
SLACK_BOT_TOKEN and SLACK_APP_TOKEN: the assistant connects to a loopback fake Slack
(fake_slack_socket_mode.py), receives envelopes over the WebSocket and answers through the fake Web API.
"""

from __future__ import annotations

import sqlite3
import time

import pytest
import requests

from tests.channels.fake_slack import BOT_TOKEN, BOT_USER, message_event
from tests.channels.fake_slack_socket_mode import APP_TOKEN, FakeSlackSocketMode, envelope
from tests.channels.loopback import wait_until
from tests.channels.test_slack import QUESTION, channel, settled
from tests.stack import RASA_PORT, Chat, Stack

pytestmark = pytest.mark.e2e

# This module's ports, apart from the shared stack's and the other tests' (+1 … +77; its actions at +130).
SOCKET_MODE_RASA_PORT = RASA_PORT + 80
FAKE_PORT = RASA_PORT + 40
TURNED_OFF = ["SLACK_SIGNING_SECRET", "TEAMS_APP_ID", "TEAMS_APP_PASSWORD", "TEAMS_TENANT_ID", "TEAMS_MULTI_TENANT"]


@pytest.fixture(scope="module")
def fake():
    fake = FakeSlackSocketMode(FAKE_PORT).start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def started_stack(model, fake, tmp_path_factory):
    """The stack, started while Slack refuses the app token (the first test sees that; then it is let in)."""
    env = {
        **{var: "" for var in TURNED_OFF},
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "SLACK_API_URL": fake.api_url,
        "TRACKER_STORE_URL": "",  # the default: $STATE_DIR/gesprekken.sqlite
    }
    stack = Stack(tmp_path_factory.mktemp("socket-mode"), SOCKET_MODE_RASA_PORT, env=env)
    fake.refusing = True
    try:
        stack.start()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield stack
    stack.stop()


@pytest.fixture(scope="module")
def socket_stack(started_stack, fake):
    fake.refusing = False
    assert wait_until(lambda: fake.sockets, 40), "de assistent maakte geen Socket Mode-verbinding"
    return started_stack


def test_refused_app_token_is_logged_and_retried_while_rest_answers(started_stack, fake):
    log = started_stack.logs / "rasa.log"
    refusal = "Slack Socket Mode: apps.connections.open weigerde (invalid_auth). Controleer SLACK_APP_TOKEN"
    assert wait_until(lambda: refusal in log.read_text(), 20), log.read_text()[-3000:]
    assert not fake.sockets
    # The other channels are not kept waiting for Slack.
    assert "Hoe oud is het kind?" in Chat(started_stack.url, "socket-mode-rest").text("welk fonds betaalt een fiets?")
    fake.refusing = False
    assert wait_until(lambda: fake.sockets, 40), "geen verbinding nadat Slack het token weer accepteerde"


def ask(fake: FakeSlackSocketMode, payload: dict, **retry) -> str:
    sent = envelope(payload, **retry)
    fake.send(sent)
    return sent["envelope_id"]


def stored_events(stack: Stack, sender: str) -> list[tuple[str, str]]:
    with sqlite3.connect(stack.state / "gesprekken.sqlite") as conn:
        return list(conn.execute("SELECT type_name, data FROM events WHERE sender_id = ?", (sender,)))


def test_started_without_a_webhook_and_connected(socket_stack, fake):
    health = requests.get(f"{socket_stack.url}/webhooks/slack_socket_mode/", timeout=10).json()
    assert health == {"status": "ok", "verbonden": True}
    # Nothing listens for Slack: the organisation needs no public address for it.
    assert requests.post(f"{socket_stack.url}/webhooks/slack/webhook", json={}, timeout=10).status_code == 404
    assert fake.addresses_issued >= 1 and fake.connections >= 1


def test_client_name_redacted_and_answered_in_thread(socket_stack, fake):
    where = channel()
    text = "welk fonds betaalt een fiets voor Jan de Vries, bel 0612345678?"
    payload = message_event(text, where)
    envelope_id = ask(fake, payload)
    posts = settled(fake, where)
    assert envelope_id in fake.acks
    assert posts and all(p["thread_ts"] == payload["event"]["ts"] for p in posts), posts
    assert any("Stel je vragen liefst anoniem" in p["text"] for p in posts), posts
    for post in posts:
        assert "Vries" not in post["text"] and "0612345678" not in post["text"]
    events = stored_events(socket_stack, f"{payload['event']['user']}_{where}")
    assert [kind for kind, _ in events].count("user") == 1, events
    stored = "\n".join(data for _, data in events)
    assert "[NAAM]" in stored and "Vries" not in stored and "0612345678" not in stored


def test_retried_envelope_gets_no_second_answer(socket_stack, fake):
    # A mention in a channel; Slack sends it again (retry_attempt 1, 2) as if the first was not acknowledged.
    where = channel("C")
    payload = message_event(f"<@{BOT_USER}> {QUESTION}", where, kind="app_mention")
    sent = [ask(fake, payload), ask(fake, payload, retry_attempt=1, retry_reason="timeout")]
    posts = settled(fake, where)
    sent.append(ask(fake, payload, retry_attempt=2, retry_reason="timeout"))
    time.sleep(3)
    assert len(fake.posts_in(where)) == 1, fake.posts_in(where)
    assert "Stichting Leergeld" in posts[0]["text"] and posts[0]["thread_ts"] == payload["event"]["ts"]
    assert wait_until(lambda: set(sent) <= set(fake.acks), 5), "niet elke envelope bevestigd"


def test_every_envelope_acknowledged_even_when_not_answered(socket_stack, fake):
    where = channel()
    bot_message = message_event("een bericht van een andere bot", where)
    bot_message["event"]["bot_id"] = "B0002"
    sent = [
        ask(fake, bot_message),
        ask(fake, {"type": "view_submission"}, kind="interactive"),
        ask(fake, {"command": "/armoede", "text": "hallo"}, kind="slash_commands"),
    ]
    assert wait_until(lambda: set(sent) <= set(fake.acks), 5), "niet elke envelope bevestigd"
    time.sleep(2)
    assert fake.posts_in(where) == []


def test_button_click_over_the_socket(socket_stack, fake):
    where = channel()
    question = message_event("welk fonds betaalt een fiets?", where)
    ask(fake, question)
    posts = settled(fake, where)
    buttons = posts[0]["blocks"][1]["elements"]
    school_age = next(b["value"] for b in buttons if b["text"]["text"] == "4-12 jaar")
    click = {
        "type": "block_actions",
        "user": {"id": question["event"]["user"]},
        "channel": {"id": where},
        "message": {"ts": "1.000001", "thread_ts": question["event"]["ts"]},
        "actions": [{"type": "button", "action_id": "x", "value": school_age}],
    }
    ask(fake, click, kind="interactive")
    assert wait_until(lambda: len(fake.posts_in(where)) > len(posts), 30)
    answer = settled(fake, where)[len(posts)]
    assert "Stichting Leergeld" in answer["text"] and answer["thread_ts"] == question["event"]["ts"]


def test_acknowledged_at_once_while_answers_are_worked_out(socket_stack, fake):
    """Slack sends an envelope again when the acknowledgement takes more than 3 seconds; ten questions
    at once (ten answers being worked out) still get theirs within a second, and one answer each."""
    places = [channel() for _ in range(10)]
    sent = [ask(fake, message_event(QUESTION, where)) for where in places]
    assert wait_until(lambda: set(sent) <= set(fake.acks), 5), "niet elke envelope bevestigd"
    seconds = sorted(fake.ack_seconds[envelope_id] for envelope_id in sent)
    print(f"bevestiging na {seconds[len(seconds) // 2] * 1000:.1f} ms (mediaan), {seconds[-1] * 1000:.1f} ms (max)")
    assert seconds[-1] < 1.0, seconds
    for where in places:
        assert len(settled(fake, where, 60)) == 1


@pytest.mark.parametrize("how", ["disconnect", "drop"])
def test_reconnects_and_answers_on_the_new_connection(socket_stack, fake, how):
    before = fake.connections
    if how == "disconnect":
        fake.disconnect()
    else:
        fake.drop()
    assert wait_until(lambda: fake.connections > before and fake.sockets, 40), f"geen nieuwe verbinding na {how}"
    assert fake.addresses_issued >= fake.connections  # each connection on a fresh address
    where = channel()
    ask(fake, message_event(QUESTION, where))
    posts = settled(fake, where)
    assert len(posts) == 1 and "Stichting Leergeld" in posts[0]["text"], posts
