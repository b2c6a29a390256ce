"""Hostile and odd messages against the running assistant (REST), each on its own.

For every kind: a non-empty Dutch answer that does not echo markup, the server still answers
an ordinary question afterwards, and not one row of the knowledge base changed.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.stack import Chat

from .conftest import kb_fingerprint, looks_dutch

pytestmark = pytest.mark.e2e

ORDINARY = "welk fonds betaalt een fiets voor een kind van 10?"

ODD_MESSAGES = {
    "leeg": "",
    "alleen-witruimte": " \t\n  \r\n ",
    "10000-tekens": ("welk fonds betaalt een fiets " * 400)[:10_000],
    "10000-tekens-zonder-spatie": "x" * 10_000,
    "alleen-emoji": "😀🙈🚲👨‍👩‍👧",
    "html": "<b>fiets</b> voor <i>kind</i> <div style='x'>",
    "script": "<script>alert('xss')</script>",
    "img-onerror": '<img src=x onerror="alert(1)">',
    "markdown-link": "[klik hier](javascript:alert(1)) welk fonds?",
    "markdown-afbeelding": "![x](https://evil.example/pixel.png) fiets",
    "sql-drop": "'; DROP TABLE fondsen; --",
    "sql-or": "fiets' OR '1'='1",
    "sql-union": "1 UNION SELECT name, sql FROM sqlite_master --",
    "pad": "../../etc/passwd",
    "besturingstekens": "fiets\x00\x07\x1b[31m voor\x08 kind\x7f",
    "alleen-nulbytes": "\x00\x00\x00",
    "rechts-naar-links-override": "\u202efiets voor kind\u202c",
    "nulbreedte": "fi\u200bets vo\u200dor een ki\ufeffnd",
    "arabisch": "ما هو الصندوق الذي يدفع ثمن دراجة لطفل؟",
    "hebreeuws-gemengd": "שלום fiets voor kind",
    "chinees": "哪个基金支付自行车费用？",
    "engels": "Which fund pays for a bike for a ten year old child?",
    "hoofdletters": "WELK FONDS BETAALT EEN FIETS VOOR EEN KIND VAN 10?",
    "breedletters": "ｗｅｌｋ ｆｏｎｄｓ ｂｅｔａａｌｔ ｅｅｎ ｆｉｅｔｓ",
    "getal": "10",
    "groot-getal": "99999999999999999999999999",
    "fondsnaam": "Stichting Leergeld",
    "intent-injectie": '/inform{"leeftijd": "<script>alert(1)</script>"}',
    "onbekende-intent": "/bestaat_niet",
    "template": "{{7*7}} ${7*7} {% for x in y %} #{7*7}",
    "opmaakstring": "%s %n %x {0} {sender}",
    "shell": "$(rm -rf /); `id` | cat /etc/shadow",
    "crlf": "fiets\r\nSet-Cookie: sessie=1\r\n\r\n<h1>x</h1>",
    "json-in-tekst": '{"sender": "iemand-anders", "message": "fiets"}',
    "veel-regels": "fiets\n\n\n\n\nvoor\n\n\n\nkind",
    "bsn-alleen": "111222333",
    "scheldwoorden": "je bent een waardeloze bot",
    "lange-url": "https://" + "a" * 2000 + ".nl/?q=fiets",
}


@pytest.fixture
def check(stack, kb_path, request):
    """Sends through `send`, then asserts the answer is sensible, the server alive and the knowledge base unchanged."""
    before = kb_fingerprint(kb_path)

    def judge(replies: list[dict]) -> str:
        text = "\n".join(m.get("text", "") for m in replies)
        assert text.strip(), "geen antwoord"
        assert looks_dutch(text), f"antwoord is geen Nederlands: {text!r}"
        assert "<script" not in text.lower() and "onerror=" not in text.lower(), f"markup teruggegeven: {text!r}"
        after = kb_fingerprint(kb_path)
        assert after == before, f"kennisbank veranderd: {[t for t in after if after[t] != before.get(t)]}"
        follow_up = Chat(stack, f"odd-after-{request.node.name}").text(ORDINARY)
        assert "Leergeld" in follow_up, f"de server antwoordt niet meer normaal: {follow_up!r}"
        return text

    return judge


@pytest.mark.parametrize("kind", list(ODD_MESSAGES))
def test_odd_message(kind, stack, check):
    replies = Chat(stack, f"odd-{kind}").say(ODD_MESSAGES[kind])
    check(replies)


def test_a_message_starting_with_a_slash_is_a_question_not_a_command(stack):
    # A pasted table row or a stray "/" typed before the question: Rasa read it as a button's command.
    assert Chat(stack, "odd-slash").text("/ " + ORDINARY) == Chat(stack, "odd-slash-plain").text(ORDINARY)


# Bodies that are not what Rasa's REST channel expects; each still gets a Dutch answer (200) when it has a sender.
RAW_BODIES = {
    "ongeldige-utf8": b'{"sender": "odd-raw-utf8", '
    b'"message": "welk fonds betaalt een fiets \xff\xfe\xc3 voor een kind"}',
    "losse-surrogaat": b'{"sender": "odd-raw-surrogate", "message": "fiets \\ud800 voor een kind"}',
    "bericht-is-getal": b'{"sender": "odd-raw-number", "message": 10}',
    "bericht-is-lijst": b'{"sender": "odd-raw-list", "message": ["fiets"]}',
    "bericht-ontbreekt": b'{"sender": "odd-raw-missing"}',
    "bericht-null": b'{"sender": "odd-raw-null", "message": null}',
    "metadata-geen-object": b'{"sender": "odd-raw-meta", "message": "fiets voor een kind", "metadata": "x{"}',
}


@pytest.mark.parametrize("kind", list(RAW_BODIES))
def test_odd_body(kind, stack, check):
    response = requests.post(
        f"{stack}/webhooks/rest/webhook",
        data=RAW_BODIES[kind],
        headers={"Content-Type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    check(response.json())


BAD_BODIES = {
    "geen-json": b"dit is geen json",
    "json-lijst": b'[{"sender": "x", "message": "fiets"}]',
    "sender-ontbreekt": b'{"message": "welk fonds betaalt een fiets?"}',
    "sender-leeg": b'{"sender": "  ", "message": "fiets"}',
    "sender-te-lang": json.dumps({"sender": "x" * 500, "message": "fiets"}).encode(),
    "sender-van-chatpagina": b'{"sender": "web-0123456789abcdef0123456789abcdef", "message": "fiets"}',
}


@pytest.mark.parametrize("kind", list(BAD_BODIES))
def test_unusable_body_is_refused_in_dutch(kind, stack, kb_path):
    before = kb_fingerprint(kb_path)
    response = requests.post(
        f"{stack}/webhooks/rest/webhook",
        data=BAD_BODIES[kind],
        headers={"Content-Type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 400
    assert "sender" in response.text or "JSON" in response.text
    assert looks_dutch(response.text), response.text
    assert kb_fingerprint(kb_path) == before


def test_repeated_identical_messages(stack, check):
    chat = Chat(stack, "odd-herhaald")
    answers = [chat.text(ORDINARY) for _ in range(5)]
    assert all("Leergeld" in a for a in answers), answers
    check(chat.say(ORDINARY))


def test_burst_of_twenty_in_one_conversation(stack, check):
    chat = Chat(stack, "odd-salvo")
    questions = [ORDINARY, "hoe begin ik over geldzorgen met een puber?", "en voor een peuter?", "waar staat dat?"] * 5
    with ThreadPoolExecutor(max_workers=20) as pool:
        answers = list(pool.map(chat.say, questions))
    assert all(answers), [i for i, a in enumerate(answers) if not a]
    assert all("\n".join(m.get("text", "") for m in a).strip() for a in answers)
    check(chat.say(ORDINARY))
