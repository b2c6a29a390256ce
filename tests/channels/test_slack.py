"""Slack's Events API against the running stack; replies land at the loopback fake Web API (fake_slack.py)."""

from __future__ import annotations

import json
import time
import uuid
from urllib.parse import urlencode

import pytest
import requests

from tests.channels.fake_slack import BOT_USER, message_event, signed_headers
from tests.channels.loopback import wait_until

pytestmark = pytest.mark.e2e

QUESTION = "welk fonds betaalt een fiets voor een kind van 10?"
RETRY_REASONS = ["http_timeout", "too_many_redirects", "connection_failed", "ssl_error", "http_error", "unknown_error"]


def post(stack: str, payload: dict, headers: dict | None = None, body: bytes | None = None) -> requests.Response:
    body = body if body is not None else json.dumps(payload).encode()
    return requests.post(
        f"{stack}/webhooks/slack/webhook",
        data=body,
        headers=headers if headers is not None else signed_headers(body),
        timeout=30,
    )


def channel(prefix: str = "D") -> str:
    return prefix + uuid.uuid4().hex[:9].upper()


def settled(fake, where: str, seconds: float = 30) -> list[dict]:
    """The posts in a channel once the first arrived and two quiet seconds passed."""
    wait_until(lambda: fake.posts_in(where), seconds)
    count = -1
    while count != len(fake.posts_in(where)):
        count = len(fake.posts_in(where))
        time.sleep(2)
    return fake.posts_in(where)


def test_url_verification(stack):
    payload = {"token": "x", "challenge": "uitdaging-" + uuid.uuid4().hex, "type": "url_verification"}
    response = post(stack, payload)
    assert response.status_code == 200
    assert response.json() == {"challenge": payload["challenge"]}


def test_direct_message_answered_once_in_thread_in_mrkdwn(stack, fake_slack):
    where = channel()
    payload = message_event(QUESTION, where)
    assert post(stack, payload).status_code == 200
    posts = settled(fake_slack, where)
    assert len(posts) == 1, posts
    text = posts[0]["text"]
    assert "Stichting Leergeld" in text
    assert posts[0]["thread_ts"] == payload["event"]["ts"]
    # mrkdwn: *<url|text>* links, bullets, no Markdown left over.
    assert "*<http://www.leergeld.nl/|Stichting Leergeld>*" in text and "\n• " in text
    assert "**" not in text and "](" not in text and "Bron: " in text


def test_fund_site_linked_on_its_name_in_mrkdwn(stack, fake_slack):
    where = channel()
    assert post(stack, message_event("Wat is Jarige Job?", where)).status_code == 200
    posts = settled(fake_slack, where)
    text = posts[0]["text"] if posts else ""
    # The fund's own site is the link on its name; the Bron line names the source document, not that site.
    assert "<http://www.stichtingjarigejob.nl/|Stichting Jarige Job>" in text, text
    assert "Bron: Handreiking" in text and "stichtingjarigejob" not in text.split("Bron:")[1], text


@pytest.mark.parametrize("reason", RETRY_REASONS)
def test_retries_get_no_second_answer(stack, fake_slack, reason):
    where = channel()
    payload = message_event("hallo", where)
    body = json.dumps(payload).encode()
    assert post(stack, payload, body=body).status_code == 200
    first = settled(fake_slack, where)
    assert first, "geen antwoord op het eerste bericht"
    for number in (1, 2, 3):
        headers = {**signed_headers(body), "X-Slack-Retry-Num": str(number), "X-Slack-Retry-Reason": reason}
        response = post(stack, payload, headers=headers, body=body)
        assert response.status_code < 300
    time.sleep(3)
    assert len(fake_slack.posts_in(where)) == len(first)


def test_retry_before_the_answer_and_mention_plus_message_answered_once(stack, fake_slack):
    # Slack retries while we are still answering, and sends message and app_mention for one message.
    where = channel("C")
    payload = message_event(f"<@{BOT_USER}> {QUESTION}", where, kind="app_mention")
    body = json.dumps(payload).encode()
    assert post(stack, payload, body=body).status_code == 200
    headers = {**signed_headers(body), "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_error"}
    assert post(stack, payload, headers=headers, body=body).status_code < 300
    twin = {
        **payload,
        "event_id": "Ev" + uuid.uuid4().hex[:10].upper(),
        "event": {**payload["event"], "type": "message", "channel_type": "channel"},
    }
    assert post(stack, twin).status_code < 300
    posts = settled(fake_slack, where)
    assert len(posts) == 1, posts
    assert "Stichting Leergeld" in posts[0]["text"]
    assert posts[0]["thread_ts"] == payload["event"]["ts"]


def test_bad_and_stale_signatures_refused(stack, fake_slack):
    where = channel()
    payload = message_event(QUESTION, where)
    body = json.dumps(payload).encode()
    forged = signed_headers(body, secret="niet-het-geheim")
    assert post(stack, payload, headers=forged, body=body).status_code == 400
    stale = signed_headers(body, timestamp=int(time.time()) - 6 * 60)
    assert post(stack, payload, headers=stale, body=body).status_code == 400
    unsigned = {"Content-Type": "application/json"}
    assert post(stack, payload, headers=unsigned, body=body).status_code == 400
    challenge = {"type": "url_verification", "challenge": "x"}
    assert post(stack, challenge, headers=unsigned, body=json.dumps(challenge).encode()).status_code == 400
    time.sleep(2)
    assert fake_slack.posts_in(where) == []


def test_client_data_is_redacted_before_rasa(stack, fake_slack):
    where = channel()
    text = "welk fonds betaalt een fiets voor Jan de Vries, bel 0612345678?"
    assert post(stack, message_event(text, where)).status_code == 200
    posts = settled(fake_slack, where)
    assert any("Stel je vragen liefst anoniem" in p["text"] for p in posts), posts
    assert not any("0612345678" in p["text"] for p in posts)


def test_buttons_keep_mrkdwn_text(stack, fake_slack):
    where = channel()
    assert post(stack, message_event("welk fonds betaalt een fiets?", where)).status_code == 200
    posts = settled(fake_slack, where)
    blocks = posts[0]["blocks"]
    assert blocks[0]["text"]["type"] == "mrkdwn" and "Hoe oud is het kind?" in blocks[0]["text"]["text"]
    assert [e["value"].startswith("/inform") for e in blocks[1]["elements"]] == [True] * len(blocks[1]["elements"])


def test_button_click_answered_in_thread(stack, fake_slack):
    """A click on a button comes as a signed form post (Interactivity); its value is the next message."""
    where = channel()
    question = message_event("welk fonds betaalt een fiets?", where)
    assert post(stack, question).status_code == 200
    posts = settled(fake_slack, where)
    school_age = next(b["value"] for b in posts[0]["blocks"][1]["elements"] if b["text"]["text"] == "4-12 jaar")
    click = {
        "type": "block_actions",
        "user": {"id": question["event"]["user"]},
        "channel": {"id": where},
        "message": {"ts": "1.000001", "thread_ts": question["event"]["ts"]},
        "actions": [{"type": "button", "action_id": "x", "value": school_age}],
    }
    body = urlencode({"payload": json.dumps(click)}).encode()
    headers = {**signed_headers(body), "Content-Type": "application/x-www-form-urlencoded"}
    assert post(stack, click, headers=headers, body=body).status_code == 200
    assert wait_until(lambda: len(fake_slack.posts_in(where)) > len(posts), 30)
    answer = settled(fake_slack, where)[len(posts)]
    assert "Stichting Leergeld" in answer["text"] and answer["thread_ts"] == question["event"]["ts"]
