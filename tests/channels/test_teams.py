"""Microsoft Teams against the running stack: Microsoft's side is the loopback fake (fake_microsoft.py)."""

from __future__ import annotations

import time
import uuid

import jwt
import pytest
import requests

from tests.channels.fake_microsoft import APP_ID, TENANT_ID, new_key
from tests.channels.loopback import wait_until

pytestmark = pytest.mark.e2e

QUESTION = "welk fonds betaalt een fiets voor een kind van 10?"


def post(stack: str, activity: dict, token: str | None) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.post(f"{stack}/webhooks/botframework/webhook", json=activity, headers=headers, timeout=60)


def conversation() -> str:
    return f"a:conv-{uuid.uuid4().hex[:10]}"


def ask(stack, fake, text: str, user: str | None = None) -> tuple[dict, list[dict]]:
    conv = conversation()
    activity = fake.activity(text, conv, user_id=user or f"29:user-{uuid.uuid4().hex[:8]}")
    response = post(stack, activity, fake.token())
    assert response.status_code == 200, response.text
    replies = wait_until(lambda: [r for r in fake.replies_to(conv) if r["body"].get("text")], 30)
    return activity, replies


def test_signed_activity_is_answered_in_its_conversation(stack, fake_microsoft):
    activity, replies = ask(stack, fake_microsoft, QUESTION)
    assert replies, "geen antwoord bij de nep-connector"
    reply = replies[0]
    text = reply["body"]["text"]
    assert "Stichting Leergeld" in text
    # A reply to the question's activity, in its conversation, to the user who asked.
    assert reply["reply_to"] == activity["id"] and reply["body"]["replyToId"] == activity["id"]
    assert reply["body"]["conversation"]["id"] == activity["conversation"]["id"]
    assert reply["body"]["recipient"]["id"] == activity["from"]["id"]
    # Markdown Teams renders: bold names, a clickable source, lines kept apart, no bare "- " list.
    assert reply["body"]["textFormat"] == "markdown"
    assert "**[Stichting Leergeld](http://www.leergeld.nl/)**" in text and "Bron: " in text
    assert "<br>• " in text and "\n- " not in text
    # The bot fetched its connector token for its own tenant with its own id.
    assert any(r["tenant"] == TENANT_ID and r["client_id"] == APP_ID for r in fake_microsoft.token_requests)


def test_fund_site_linked_on_its_name(stack, fake_microsoft):
    _, replies = ask(stack, fake_microsoft, "Wat is Jarige Job?")
    assert replies
    text = replies[0]["body"]["text"]
    # The fund's own site is the link on its name; the Bron line names the source document, not that site.
    assert "[Stichting Jarige Job](http://www.stichtingjarigejob.nl/)" in text, text
    assert "stichtingjarigejob" not in text.split("Bron:")[1], text


def _rejected(fake, **change):
    """A token that is wrong in one way (a name, and what to change)."""
    if change.get("key") == "other":
        return fake.token(key=new_key())
    return fake.token(**change)


REJECTED = {
    "vervalste handtekening": {"key": "other"},
    "verlopen": {"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200, "nbf": int(time.time()) - 7200},
    "verkeerde audience": {"aud": "een-andere-bot"},
    "verkeerde issuer": {"iss": "https://login.example.org"},
    "andere serviceUrl": {"serviceurl": "https://attacker.example.org/"},
}


@pytest.mark.parametrize("case", list(REJECTED), ids=list(REJECTED))
def test_bad_tokens_are_refused_without_reply(stack, fake_microsoft, case):
    conv = conversation()
    activity = fake_microsoft.activity(QUESTION, conv)
    response = post(stack, activity, _rejected(fake_microsoft, **REJECTED[case]))
    assert response.status_code in (401, 403), f"{case}: {response.status_code} {response.text}"
    time.sleep(1)
    assert fake_microsoft.replies_to(conv) == []


def test_unsigned_and_alg_none_are_refused(stack, fake_microsoft):
    conv = conversation()
    activity = fake_microsoft.activity(QUESTION, conv)
    assert post(stack, activity, None).status_code == 401
    unsigned = jwt.encode(
        {
            "iss": "https://api.botframework.com",
            "aud": APP_ID,
            "exp": int(time.time()) + 600,
            "serviceurl": fake_microsoft.service_url,
        },
        None,
        algorithm="none",
        headers={"kid": "test-key-1"},
    )
    assert post(stack, activity, unsigned).status_code == 401
    # The activity claims to come from the service URL in the token, but a channel the key is not for.
    assert post(stack, {**activity, "channelId": "slack"}, fake_microsoft.token()).status_code == 403
    time.sleep(1)
    assert fake_microsoft.replies_to(conv) == []


def test_mention_is_stripped(stack, fake_microsoft):
    _, plain = ask(stack, fake_microsoft, QUESTION)
    _, mentioned = ask(stack, fake_microsoft, "<at>Assistent</at> " + QUESTION)
    assert plain and mentioned
    assert mentioned[0]["body"]["text"] == plain[0]["body"]["text"]


def test_client_data_is_redacted_before_rasa(stack, fake_microsoft):
    # The reminder comes only when channels/redacting.py found (and removed) client data.
    _, replies = ask(stack, fake_microsoft, "welk fonds betaalt een fiets voor Jan de Vries, bel 0612345678?")
    # Teams gets its replies before the webhook returns: all of them are at the fake by now.
    texts = [r["body"].get("text", "") for r in fake_microsoft.replies_to(replies[0]["conversation"])]
    assert any("Stel je vragen liefst anoniem" in t for t in texts), texts
    assert not any("0612345678" in t for t in texts)


def test_buttons_come_as_a_card_after_the_text(stack, fake_microsoft):
    conv = conversation()
    assert post(stack, fake_microsoft.activity("welk fonds betaalt een fiets?", conv), fake_microsoft.token()).ok
    bodies = [r["body"] for r in fake_microsoft.replies_to(conv)]
    assert "Hoe oud is het kind?" in bodies[0]["text"]
    card = bodies[1]["attachments"][0]
    assert card["contentType"] == "application/vnd.microsoft.card.hero"
    actions = card["content"]["buttons"]
    assert actions and all(a["type"] == "messageBack" and a["text"].startswith("/inform") for a in actions)


def test_reply_path_carries_the_teams_conversation_id_encoded(stack, fake_microsoft):
    """A channel thread's id (19:…@thread.tacv2;messageid=…) reaches the connector percent-encoded, as
    Microsoft's SDKs send it, not decoded again on the way (yarl undoes quote() unless told otherwise)."""
    thread, message = uuid.uuid4().hex, str(int(time.time() * 1000))
    conv = f"19:{thread}@thread.tacv2;messageid={message}"
    activity = fake_microsoft.activity(QUESTION, conv)
    activity["id"] = str(int(message) + 7)
    activity["conversation"]["conversationType"] = "channel"
    response = post(stack, activity, fake_microsoft.token())
    assert response.status_code == 200, response.text
    replies = wait_until(lambda: fake_microsoft.replies_to(conv), 30)
    assert replies, "geen antwoord bij de nep-connector"
    expected = f"/v3/conversations/19%3A{thread}%40thread.tacv2%3Bmessageid%3D{message}/activities/{activity['id']}"
    assert [r["path"] for r in replies] == [expected] * len(replies)
    assert replies[0]["body"]["conversation"]["id"] == conv
