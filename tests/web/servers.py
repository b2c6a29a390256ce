"""Processes the web tests start: the web app (python -m bot.web) and the fake Rasa socketio server."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

from bot.config import PROJECT_ROOT

RASA_PYTHON = PROJECT_ROOT / ".venv" / "rasa" / "bin" / "python"
FAKE_RASA = Path(__file__).resolve().parent / "fake_rasa.py"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Process:
    """A child process in its own process group, stopped (group and all) by stop()."""

    def __init__(self, args: list[str], log: Path, env: dict | None = None):
        self.log = log
        self.proc = subprocess.Popen(
            args,
            cwd=PROJECT_ROOT,
            env={**os.environ, **(env or {})},
            stdout=open(log, "w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_for(self, url: str, seconds: float = 30) -> None:
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{url} startte niet:\n{self.log.read_text()[-3000:]}")
            try:
                if requests.get(url, timeout=2).ok:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{url} niet bereikbaar na {seconds} s:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def start_web(rasa_url: str, log_dir: Path, allowed_origins: str = "http://localhost:8000") -> tuple[Process, str]:
    port = free_port()
    proc = Process(
        [
            sys.executable,
            "-m",
            "bot.web",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--rasa-url",
            rasa_url,
            "--allowed-origins",
            allowed_origins,
        ],
        log_dir / f"web-{port}.log",
    )
    base = f"http://127.0.0.1:{port}"
    proc.wait_for(f"{base}/health")
    return proc, base


def start_fake_rasa(log_dir: Path) -> tuple[Process, str]:
    port = free_port()
    proc = Process([str(RASA_PYTHON), str(FAKE_RASA), str(port)], log_dir / f"fake-rasa-{port}.log")
    base = f"http://127.0.0.1:{port}"
    proc.wait_for(f"{base}/log")
    return proc, base
