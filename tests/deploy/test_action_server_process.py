"""The action server that make run and systemd start (scripts/start_actions.sh) is one process.

rasa-sdk 3.21 on its own (`python -m rasa_sdk`) serves from a second, spawned worker process that loads all
actions again; bot/deploy/action_server.py serves the same app in the started process. This test starts the
real script with the real knowledge base, and checks what the supervisor and systemd rely on: the process
they started answers, has no children, and leaves no process behind on the port when it is killed.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time

import requests

from bot.config import PROJECT_ROOT
from tests.stack import RASA_PORT

ACTIONS_PORT = RASA_PORT + 61


def children(pid: int) -> list[str]:
    listing = subprocess.run(["ps", "-o", "pid=,args=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [line.strip() for line in listing.splitlines() if line.strip()]


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def rss_mb(pid: int) -> int:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return 0


def test_start_script_serves_from_the_started_process_alone(sqlite_url, tmp_path):
    assert not port_open(ACTIONS_PORT), f"poort {ACTIONS_PORT} is al bezet: een achtergebleven proces?"
    env = {**os.environ, "KB_DATABASE_URL": sqlite_url, "ACTIONS_PORT": str(ACTIONS_PORT)}
    log = open(tmp_path / "actions.log", "w")
    proc = subprocess.Popen(
        [str(PROJECT_ROOT / "scripts" / "start_actions.sh")], cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log
    )
    try:
        deadline = time.time() + 120
        while not port_open(ACTIONS_PORT):
            assert proc.poll() is None, (tmp_path / "actions.log").read_text()[-3000:]
            assert time.time() < deadline, "de action server antwoordde niet binnen 120 s"
            time.sleep(0.5)
        assert requests.get(f"http://127.0.0.1:{ACTIONS_PORT}/health", timeout=5).json() == {"status": "ok"}
        actions = {a["name"] for a in requests.get(f"http://127.0.0.1:{ACTIONS_PORT}/actions", timeout=5).json()}
        assert "action_fondsen" in actions
        # A request shaped as Rasa 3.6 sends it (rasa_patches/action_call.py): version 3.6.21, with a domain.
        call = {
            "next_action": "action_source",
            "sender_id": "proces-test",
            "tracker": {"sender_id": "proces-test", "slots": {}, "latest_message": {"text": "waar staat dat?"}},
            "domain": {"slots": {"laatste_bronnen": {"type": "any"}}},
            "version": "3.6.21",
        }
        reply = requests.post(f"http://127.0.0.1:{ACTIONS_PORT}/webhook", json=call, timeout=30)
        assert reply.status_code == 200, reply.text
        assert reply.json()["responses"][0]["text"], reply.json()
        assert children(proc.pid) == [], "de action server start eigen werkprocessen"
        print(f"action server: één proces, {rss_mb(proc.pid)} MB")  # shown with pytest -s

        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        time.sleep(1)
        assert not port_open(ACTIONS_PORT), f"na kill -9 luistert er nog iets op poort {ACTIONS_PORT}"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
    assert "might not be compatible" not in (tmp_path / "actions.log").read_text()
