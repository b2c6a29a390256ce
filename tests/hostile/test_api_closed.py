"""Rasa's HTTP API is closed on the running stack (and behind a token with RASA_API_TOKEN); CORS only for our page."""

from __future__ import annotations

import secrets
import socket

import pytest
import requests

from tests.stack import Stack

pytestmark = pytest.mark.e2e

API_CALLS = [
    ("GET", "/conversations/e2e-iemand/tracker", None),
    ("POST", "/conversations/e2e-iemand/messages", {"text": "hallo", "sender": "user"}),
    ("POST", "/conversations/e2e-iemand/tracker/events", {"event": "slot", "name": "x", "value": 1}),
    ("POST", "/conversations/e2e-iemand/trigger_intent", {"name": "greet"}),
    ("POST", "/model/parse", {"text": "welk fonds betaalt een fiets?"}),
    ("GET", "/status", None),
    ("PUT", "/model", {"model_file": "/etc/passwd"}),
    ("GET", "/domain", None),
]
EVIL = "https://kwaadwillend.example"


@pytest.mark.parametrize("method,path,body", API_CALLS, ids=[f"{m} {p}" for m, p, _ in API_CALLS])
def test_http_api_is_not_exposed(stack, method, path, body):
    response = requests.request(method, stack + path, json=body, timeout=30)
    assert response.status_code in (401, 403, 404), f"{method} {path}: {response.status_code} {response.text[:200]}"


def test_cors_only_for_the_configured_page(running_stack):
    ours = f"http://localhost:{running_stack.web_port}"  # run.sh's default CORS_ORIGINS
    webhook = f"{running_stack.url}/webhooks/rest/webhook"
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}

    evil = requests.options(webhook, headers={"Origin": EVIL, **preflight}, timeout=30)
    assert "Access-Control-Allow-Origin" not in evil.headers, evil.headers
    evil_post = requests.post(
        webhook, json={"sender": "cors-evil", "message": "hallo"}, headers={"Origin": EVIL}, timeout=60
    )
    assert "Access-Control-Allow-Origin" not in evil_post.headers
    evil_poll = requests.get(
        f"{running_stack.url}/socket.io/?EIO=4&transport=polling", headers={"Origin": EVIL}, timeout=30
    )
    assert "Access-Control-Allow-Origin" not in evil_poll.headers

    good = requests.options(webhook, headers={"Origin": ours, **preflight}, timeout=30)
    assert good.headers.get("Access-Control-Allow-Origin") == ours, good.headers
    good_poll = requests.get(
        f"{running_stack.url}/socket.io/?EIO=4&transport=polling", headers={"Origin": ours}, timeout=30
    )
    assert good_poll.headers.get("Access-Control-Allow-Origin") == ours


def _free_port_block() -> int:
    """A port p with p, p+10 and p+50 free (Rasa, chat page, action server of a Stack)."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port + 50 > 65535:
            continue
        free = True
        for other in (port, port + 10, port + 50):
            with socket.socket() as probe:
                free &= probe.connect_ex(("127.0.0.1", other)) != 0
        if free:
            return port
    raise RuntimeError("geen vrije poorten gevonden")


@pytest.fixture(scope="module")
def stack_with_api(model, tmp_path_factory):
    token = secrets.token_hex(16)
    started = Stack(tmp_path_factory.mktemp("stack-api"), _free_port_block(), env={"RASA_API_TOKEN": token})
    try:
        started.start()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield started, token
    started.stop()


def test_api_token_opens_the_api_only_with_the_token(stack_with_api):
    started, token = stack_with_api
    for path in ("/status", "/conversations/e2e-iemand/tracker"):
        assert requests.get(started.url + path, timeout=30).status_code == 401
        assert requests.get(started.url + path, params={"token": "fout"}, timeout=30).status_code == 401
        assert requests.get(started.url + path, params={"token": token}, timeout=30).status_code == 200
    parsed = requests.post(
        f"{started.url}/model/parse",
        params={"token": token},
        json={"text": "welk fonds betaalt een fiets?"},
        timeout=30,
    )
    assert parsed.status_code == 200 and parsed.json()["intent"]["name"]
