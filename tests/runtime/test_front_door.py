"""Every Rasa process starts through rasa_runtime: the right Rasa, the patches, only redacting channels."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest
import yaml

from bot.config import PROJECT_ROOT
from bot.deploy.credentials import SLACK_CLASS, TEAMS_CLASS
from rasa_runtime.checks import (
    RASA_VERSION,
    REDACTING_CHANNELS,
    RefusedStart,
    check_channels,
    check_rasa_version,
    refused_channels,
)
from tests.stack import RASA_PORT

RASA_PYTHON = str(PROJECT_ROOT / ".venv" / "rasa" / "bin" / "python")
RASA_BUILTIN = {"rest": "rasa.core.channels.rest.RestInput", "socketio": "rasa.core.channels.socketio.SocketIOInput"}
# The shell test's own ports, next to the shared stack's (tests/stack.py: +10 web, +50 actions).
SHELL_PORT, SHELL_ACTIONS_PORT = RASA_PORT + 3, RASA_PORT + 53


def in_rasa(code: str, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [RASA_PYTHON, "-c", code],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
    )


# --- the Rasa release ---------------------------------------------------------------------------


def test_the_front_door_checks_the_pinned_rasa():
    pins = (PROJECT_ROOT / "requirements" / "rasa.txt").read_text()
    assert f"rasa=={RASA_VERSION}\n" in pins
    check_rasa_version(RASA_VERSION)
    with pytest.raises(RefusedStart, match="Rasa 3.7.0 gevonden.*alleen op Rasa 3.6.21.*rasa_patches"):
        check_rasa_version("3.7.0")


def test_another_rasa_is_refused_at_start():
    """The real start (rasa_runtime.main) in Rasa's environment, with Rasa claiming another release."""
    result = in_rasa(
        "import sys, rasa; rasa.__version__ = '3.6.20'\n"
        "from rasa_runtime import main\n"
        "code = main(['run', '--port', '1'])\n"
        "from rasa.core.actions.action import RemoteAction\n"
        "print(code, RemoteAction._action_call_format.__module__)"
    )
    assert result.returncode == 0, result.stderr[-3000:]
    # Refused before anything was patched or started.
    assert result.stdout.split() == ["2", "rasa.core.actions.action"]
    assert "!! Rasa 3.6.20 gevonden, maar dit project draait alleen op Rasa 3.6.21" in result.stderr
    assert "rasa_patches/" in result.stderr


# --- channels -------------------------------------------------------------------------------------


def test_the_projects_channels_pass():
    base = yaml.safe_load((PROJECT_ROOT / "credentials.yml").read_text(encoding="utf-8"))
    names = [*base, TEAMS_CLASS, SLACK_CLASS]  # what bot.deploy.credentials can write
    check_channels(names, RASA_BUILTIN, "credentials.yml")


def test_a_stock_channel_is_refused_naming_file_and_channel():
    assert refused_channels(
        ["rest", "channels.redacting.RedactingRestInput", "channels.lenient_rest.LenientRestInput"], RASA_BUILTIN
    ) == [("rest", "rasa.core.channels.rest.RestInput"), ("channels.lenient_rest.LenientRestInput",) * 2]
    with pytest.raises(RefusedStart) as refusal:
        check_channels(["socketio"], RASA_BUILTIN, "var/credentials.yml")
    message = str(refusal.value)
    assert "'socketio' (rasa.core.channels.socketio.SocketIOInput) in var/credentials.yml" in message
    assert "normaliseren → redigeren → altijd antwoord" in message
    with pytest.raises(RefusedStart, match="'rest'.*gekozen met --connector rest"):
        check_channels(["rest"], RASA_BUILTIN, "credentials.yml", connector="rest")


def test_every_listed_channel_is_an_input_channel_that_redacts():
    """No typo in the list: each is a Rasa input channel of this project, built on channels.redacting."""
    code = (
        "import importlib, inspect, json\n"
        "from rasa.core.channels.channel import InputChannel\n"
        "from rasa_runtime.checks import REDACTING_CHANNELS\n"
        "out = {}\n"
        "for path in REDACTING_CHANNELS:\n"
        "    module, name = path.rsplit('.', 1)\n"
        "    mod = importlib.import_module(module)\n"
        "    cls = getattr(mod, name)\n"
        "    out[path] = [issubclass(cls, InputChannel), 'redacting' in inspect.getsource(mod)]\n"
        "print(json.dumps(out))"
    )
    result = in_rasa(code)
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(found) == set(REDACTING_CHANNELS)
    assert all(ok == [True, True] for ok in found.values()), found


def test_rasa_with_a_stock_channel_does_not_start(tmp_path):
    """The real start: a credentials file with Rasa's own REST and socketio channels. Refused when Rasa
    creates its channels, after the patches are in and before any model is loaded."""
    credentials = tmp_path / "credentials.yml"
    credentials.write_text(
        "channels.redacting.RedactingRestInput:\nrest:\nsocketio:\n  user_message_evt: user_uttered\n"
    )
    model = tmp_path / "geen-model.tar.gz"
    model.write_bytes(b"")
    code = (
        "import sys\n"
        "from rasa_runtime import main\n"
        f"code = main(['run', '--credentials', {str(credentials)!r}, '--model', {str(model)!r},\n"
        "              '--endpoints', 'endpoints.yml', '--port', '1'])\n"
        "from rasa.core.actions.action import RemoteAction\n"
        "print(code, RemoteAction._action_call_format.__module__)"
    )
    result = in_rasa(code)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.split()[-2:] == ["2", "rasa_patches.action_call"]
    refusal = result.stderr[result.stderr.index("!! Rasa start niet") :]
    assert f"in {credentials}" in refusal
    assert "'rest' (rasa.core.channels.rest.RestInput)" in refusal
    assert "'socketio' (rasa.core.channels.socketio.SocketIOInput)" in refusal
    assert "Rasa server" not in result.stderr + result.stdout


def test_training_through_the_front_door_passes_rasas_graph_validation(tmp_path):
    """With the patches installed, Rasa's own check of the model graph (run before every training)
    still accepts the patched components."""
    result = subprocess.run(
        [RASA_PYTHON, "-m", "rasa_runtime", "train", "--dry-run", "--out", str(tmp_path)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = result.stdout + result.stderr
    assert "GraphSchemaValidationException" not in output, output[-3000:]
    # Rasa decided what to train: everything (a cold cache, as in CI) or nothing (every component
    # already in its training cache, .rasa/cache, after an earlier training of the same data).
    assert "The model needs to be retrained" in output or "No training of components required" in output, output[-3000:]


# --- nothing goes around the front door ---------------------------------------------------------

# `.venv/rasa/bin/rasa …` in a script, or the same path built in Python.
_RASA_BINARY = re.compile(r"""bin/rasa(?![\w/.-])|["']bin["']\s*/\s*["']rasa["']""")


def test_nothing_starts_rasa_around_the_front_door():
    files = [
        PROJECT_ROOT / "Makefile",
        *sorted((PROJECT_ROOT / "scripts").glob("*.sh")),
        *sorted((PROJECT_ROOT / "bench").glob("*.py")),
        *sorted((PROJECT_ROOT / "tests").rglob("*.py")),
    ]
    found = [
        f"{path.relative_to(PROJECT_ROOT)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _RASA_BINARY.search(line) and path != Path(__file__)
    ]
    assert found == [], "Start Rasa met `.venv/rasa/bin/python -m rasa_runtime …`:\n" + "\n".join(found)


# --- make shell -----------------------------------------------------------------------------------


@pytest.mark.rasa
def test_make_shell_stores_a_typed_bsn_redacted(model, tmp_path):
    """scripts/shell.sh (make shell) with what is typed piped in: the conversation store holds [BSN]."""
    env = {key: value for key, value in os.environ.items() if key != "TRACKER_STORE_URL"}
    env.update(
        STATE_DIR=str(tmp_path),
        KB_DATABASE_URL=f"sqlite:///{tmp_path / 'kb.sqlite'}",
        ACTIONS_PORT=str(SHELL_ACTIONS_PORT),
        SHELL_PORT=str(SHELL_PORT),
    )
    typed = "welk fonds betaalt een fiets voor mijn zoon van 10, bsn 111222333?\n/stop\n"
    result = subprocess.run(
        [str(PROJECT_ROOT / "scripts" / "shell.sh")],
        cwd=PROJECT_ROOT,
        env=env,
        input=typed,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    store = tmp_path / "gesprekken.sqlite"  # the shell's tracker store: $STATE_DIR/gesprekken.sqlite
    with sqlite3.connect(store) as db:
        events = [json.loads(data) for (data,) in db.execute("SELECT data FROM events ORDER BY id")]
    said = [event["text"] for event in events if event["event"] == "user"]
    assert said == ["welk fonds betaalt een fiets voor mijn zoon van 10, bsn [BSN]?"], said
    assert all(event.get("input_channel") == "cmdline" for event in events if event["event"] == "user")
    assert "111222333" not in json.dumps(events)
    assert any(event["event"] == "bot" and event.get("text") for event in events)


# --- rasa interactive -----------------------------------------------------------------------------

INTERACTIVE_CHECK = """
import asyncio, json
from rasa.core.training import interactive
from rasa_runtime import install

install("interactive")
typed = iter(["welk fonds betaalt een fiets? bsn 111222333", "\\u200b", "/restart"])
sent = []

async def ask(question, conversation_id, endpoint, is_abort=lambda x: False):
    return next(typed)

async def send_message(endpoint, conversation_id, message, parse_data=None):
    sent.append(message)

interactive._ask_questions, interactive.send_message = ask, send_message
asyncio.run(interactive._enter_user_message("gesprek", None))
try:
    asyncio.run(interactive._enter_user_message("gesprek", None))
except interactive.RestartConversation:
    sent.append("herstart")
print(json.dumps(sent))
"""


def test_rasa_interactive_sends_what_is_typed_redacted():
    """Interactive learning posts typed messages to Rasa's HTTP API, not through a channel: the front
    door redacts them before they are sent (and so before the tracker store and the training data)."""
    result = in_rasa(INTERACTIVE_CHECK)
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == ["welk fonds betaalt een fiets? bsn [BSN]", "herstart"]
