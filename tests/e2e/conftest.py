"""The real stack, started the way `make run` starts it, once for all end-to-end tests."""
from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest
import requests

from bot.config import PROJECT_ROOT

RASA_PORT = 5906
ACTIONS_PORT = 5956


@pytest.fixture(scope="session")
def stack(tmp_path_factory, model):
    env = {**os.environ, "RASA_PORT": str(RASA_PORT), "ACTIONS_PORT": str(ACTIONS_PORT), "WEB_PORT": "5916",
           "KB_DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'kb.sqlite'}"}
    log = open(PROJECT_ROOT / "var" / "log" / "e2e-run.log", "w") if (PROJECT_ROOT / "var" / "log").exists() \
        else open(tmp_path_factory.mktemp("log") / "run.log", "w")
    proc = subprocess.Popen([str(PROJECT_ROOT / "scripts" / "run.sh")], cwd=PROJECT_ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=log, text=True, start_new_session=True)
    deadline = time.time() + 600
    output = []
    for line in proc.stdout:
        output.append(line)
        if line.startswith("READY"):
            break
        if time.time() > deadline:
            break
    if proc.poll() is not None or not output or not output[-1].startswith("READY"):
        _stop(proc)
        pytest.fail("De assistent startte niet zoals bij `make run`:\n" + "".join(output[-30:]))
    yield f"http://127.0.0.1:{RASA_PORT}"
    _stop(proc)


def _stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGINT)
    except ProcessLookupError:
        return
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


class Chat:
    """One conversation over Rasa's REST channel."""

    def __init__(self, base: str, sender: str):
        self.base, self.sender = base, sender

    def say(self, message: str) -> list[dict]:
        response = requests.post(f"{self.base}/webhooks/rest/webhook",
                                 json={"sender": self.sender, "message": message}, timeout=60)
        response.raise_for_status()
        return response.json()

    def text(self, message: str) -> str:
        return "\n".join(m.get("text", "") for m in self.say(message))


@pytest.fixture
def chat(stack, request):
    return Chat(stack, f"e2e-{request.node.name}")
