"""A missing or unreadable knowledge base stops the start-up with a message naming KB_DATABASE_URL."""

from __future__ import annotations

import os
import subprocess
import time

import pytest
import requests

from bot.config import PROJECT_ROOT

from .conftest import BOT_PYTHON, STARTUP_ACTIONS_PORT, run_sh_that_must_stop


def start_action_server(kb_url: str) -> subprocess.CompletedProcess:
    """The action server as run.sh starts it; it must exit on its own, not serve."""
    return subprocess.run(
        [BOT_PYTHON, "-m", "bot.deploy.action_server", "--actions", "actions", "--port", str(STARTUP_ACTIONS_PORT)],
        cwd=PROJECT_ROOT,
        env={**os.environ, "KB_DATABASE_URL": kb_url},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("kind", ["empty", "not-a-database", "unreachable"])
def test_action_server_refuses_to_start_without_knowledge_base(tmp_path, kind):
    if kind == "empty":
        url = f"sqlite:///{tmp_path / 'leeg.sqlite'}"
    elif kind == "not-a-database":
        (tmp_path / "kapot.sqlite").write_bytes(b"geen database" * 200)
        url = f"sqlite:///{tmp_path / 'kapot.sqlite'}"
    else:
        url = "postgresql+psycopg://assistent:geheim@127.0.0.1:1/kennisbank"
    result = start_action_server(url)
    assert result.returncode == 1
    log = result.stdout + result.stderr
    assert "Action server niet gestart" in log and "KB_DATABASE_URL" in log and "geheim" not in log
    assert "python -m bot kb load" in log


def test_action_server_starts_with_the_knowledge_base(sqlite_url):
    """The check does not stop a good start: the server answers /health."""
    proc = subprocess.Popen(
        [BOT_PYTHON, "-m", "bot.deploy.action_server", "--actions", "actions", "--port", str(STARTUP_ACTIONS_PORT)],
        cwd=PROJECT_ROOT,
        env={**os.environ, "KB_DATABASE_URL": sqlite_url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            assert proc.poll() is None, "de action server stopte met een goede kennisbank"
            try:
                if requests.get(f"http://127.0.0.1:{STARTUP_ACTIONS_PORT}/health", timeout=2).ok:
                    return
            except requests.ConnectionError:
                time.sleep(0.5)
        pytest.fail("action server niet bereikbaar na 60 s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_run_sh_stops_when_the_knowledge_base_cannot_be_opened(tmp_path):
    result = run_sh_that_must_stop(
        tmp_path, KB_DATABASE_URL=f"sqlite:///{tmp_path / 'bestaat-niet' / 'map' / 'kb.sqlite'}"
    )
    assert result.returncode != 0 and "KB_DATABASE_URL" in result.stderr
    assert "READY" not in result.stdout and not (tmp_path / "log" / "rasa.log").exists()
