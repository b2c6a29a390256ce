"""Helpers for the tracker store tests: the generator, Rasa's own tracker store, fresh databases."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from tests.databases import create_database, drop_database
from tests.stack import RASA_PORT

BOT_PYTHON = str(PROJECT_ROOT / ".venv" / "bot" / "bin" / "python")
RASA_PYTHON = str(PROJECT_ROOT / ".venv" / "rasa" / "bin" / "python")
RASA_STORE = str(Path(__file__).parent / "rasa_store.py")

# Stacks of their own, next to the shared one: ports relative to E2E_RASA_PORT, so that two test runs on
# one machine do not collide (a stack on port P also takes P+10 and P+50).
RESTART_RASA_PORT = RASA_PORT + 71
FAILURE_RASA_PORT = RASA_PORT + 72
FAILURE_ACTIONS_PORT = RASA_PORT + 73
STARTUP_ACTIONS_PORT = RASA_PORT + 74
MUST_STOP_PORTS = {"RASA_PORT": RASA_PORT + 75, "ACTIONS_PORT": RASA_PORT + 76, "WEB_PORT": RASA_PORT + 77}


def run_sh_that_must_stop(tmp_path: Path, **settings: str) -> subprocess.CompletedProcess:
    """scripts/run.sh with its own state folder and ports and these settings, expected to stop."""
    env = {"STATE_DIR": str(tmp_path), **{k: str(v) for k, v in MUST_STOP_PORTS.items()}, **settings}
    return subprocess.run(
        [str(PROJECT_ROOT / "scripts" / "run.sh")],
        cwd=PROJECT_ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def run_bot(*args: str, env: dict[str, str] | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [BOT_PYTHON, *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def generate_endpoints(path: Path, tracker_store_url: str | None, **env: str) -> subprocess.CompletedProcess:
    """`python -m bot.deploy.endpoints`, as scripts/run.sh calls it."""
    settings = {"STATE_DIR": str(path.parent), "ACTIONS_PORT": "5055", **env}
    if tracker_store_url is not None:
        settings["TRACKER_STORE_URL"] = tracker_store_url
    environment = {k: v for k, v in os.environ.items() if k != "TRACKER_STORE_URL"}
    return subprocess.run(
        [BOT_PYTHON, "-m", "bot.deploy.endpoints", str(path)],
        cwd=PROJECT_ROOT,
        env={**environment, **settings},
        capture_output=True,
        text=True,
        timeout=60,
    )


def rasa_store(endpoints: Path, command: str, plan: dict | None = None) -> dict | None:
    """Rasa's tracker store, built by Rasa from the generated file, in Rasa's environment."""
    args = [RASA_PYTHON, RASA_STORE, str(endpoints), command] + ([json.dumps(plan)] if plan else [])
    result = subprocess.run(
        args,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
    )  # as scripts/run.sh
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout) if command == "read" else None


@pytest.fixture
def fresh_postgres(postgres_server) -> str:
    """An empty PostgreSQL database on the test server, dropped afterwards (SQLAlchemy URL)."""
    url = create_database(postgres_server)
    yield url
    drop_database(postgres_server, url)
