"""Starting the real stack the way `make run` does (scripts/run.sh), and talking to it over REST."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import requests

from bot.config import PROJECT_ROOT

# Overridable so that two test runs (or a test run and a benchmark) on one machine do not collide.
RASA_PORT = int(os.environ.get("E2E_RASA_PORT", 5906))


# How each part of a stack shows in `ps`, below the supervisor.
PART_MODULES = {"actions": "-m bot.deploy.action_server", "rasa": "-m rasa_runtime run", "web": "-m bot.web"}


def launch(script: str, env: dict[str, str], state: Path, timeout: float, failure: str) -> tuple[subprocess.Popen, str]:
    """Start scripts/<script> in its own process group and wait for its READY line; its output up to then.
    Stderr goes to <state>/run.log, which is shown (with the last output) when it does not come up."""
    log = open(state / "run.log", "a")
    proc = subprocess.Popen(
        [str(PROJECT_ROOT / "scripts" / script)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        start_new_session=True,
    )
    deadline = time.time() + timeout
    output: list[str] = []
    for line in proc.stdout:
        output.append(line)
        if line.startswith("READY") or time.time() > deadline:
            break
    if proc.poll() is not None or not output or not output[-1].startswith("READY"):
        terminate(proc, grace=30)
        raise RuntimeError(f"{failure}:\n" + "".join(output[-30:]) + (state / "run.log").read_text()[-3000:])
    return proc, "".join(output)


def terminate(proc: subprocess.Popen | None, grace: float) -> None:
    """Stop a started process group as Ctrl-C would; kill it when it has not stopped after `grace` seconds."""
    if proc is None:
        return
    try:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=grace)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


class Stack:
    """One `scripts/run.sh` process group: action server, Rasa and the chat page."""

    def __init__(self, state: Path, rasa_port: int, env: dict[str, str] | None = None):
        self.state, self.rasa_port = state, rasa_port
        self.actions_port, self.web_port = rasa_port + 50, rasa_port + 10
        self.url = f"http://127.0.0.1:{rasa_port}"
        self.env = {
            **os.environ,
            "RASA_PORT": str(rasa_port),
            "ACTIONS_PORT": str(self.actions_port),
            "WEB_PORT": str(self.web_port),
            "STATE_DIR": str(state),
            "KB_DATABASE_URL": f"sqlite:///{state / 'kb.sqlite'}",
            **(env or {}),
        }
        self.proc: subprocess.Popen | None = None

    def part_pids(self) -> dict[str, int]:
        """The supervisor's children (bot/deploy/supervisor.py), by part: exactly one process each."""
        listing = subprocess.run(
            ["ps", "-ww", "-o", "pid=,args=", "--ppid", str(self.proc.pid)], capture_output=True, text=True
        ).stdout
        found = {}
        for part, module in PART_MODULES.items():
            matches = [int(line.split()[0]) for line in listing.splitlines() if module in line]
            assert len(matches) == 1, f"{part}: {matches}\n{listing}"
            found[part] = matches[0]
        return found

    @property
    def logs(self) -> Path:
        return self.state / "log"

    def start(self, timeout: float = 600) -> None:
        self.proc, _ = launch("run.sh", self.env, self.state, timeout, "De assistent startte niet zoals bij `make run`")

    def stop(self) -> None:
        terminate(self.proc, grace=30)
        self.proc = None


class Chat:
    """One conversation over Rasa's REST channel."""

    def __init__(self, base: str, sender: str):
        self.base, self.sender = base, sender

    def say(self, message: str) -> list[dict]:
        response = requests.post(
            f"{self.base}/webhooks/rest/webhook", json={"sender": self.sender, "message": message}, timeout=60
        )
        response.raise_for_status()
        return response.json()

    def text(self, message: str) -> str:
        return "\n".join(m.get("text", "") for m in self.say(message))
