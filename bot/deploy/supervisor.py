"""Starts the assistant's three parts in order and keeps them running (`make run`, via scripts/run.sh).

    python -m bot.deploy.supervisor --log-dir var/log --ready-message "De assistent draait. …"

- Start: action server, Rasa, chat page, each through its own scripts/start_<part>.sh (the systemd
  units in deploy/ run the same scripts), each waited for until its address answers. A part that
  stops or does not answer during this first start stops everything, with the last lines of its log.
- Then: a part that exits or is killed is started again after a back-off (1, 2, 4 … at most 30 s),
  with a line on stderr and in its log saying which part and why; the others keep running.
- A port that already answers before its part started (a stack still running, another program) stops
  everything at once: otherwise the other program's answer would count as this part's.
- A part that stops MAX_FAILED_STARTS times in a row before its address answered (a broken knowledge
  base, a port in use) stops everything with the last lines of its log, instead of looping.
- Ctrl-C (SIGINT) or SIGTERM stops all parts.

Standard library only: it runs in the bot's environment and holds no state beyond its children.
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bot.config import PROJECT_ROOT

MAX_FAILED_STARTS = 3
FIRST_DELAY_SECONDS = 1.0
MAX_DELAY_SECONDS = 30.0
# A part that ran this long counts as healthy again: its next crash restarts it after FIRST_DELAY_SECONDS.
STABLE_SECONDS = 60.0
STOP_SECONDS = 20.0
POLL_SECONDS = 0.5
LOG_TAIL_LINES = 15


@dataclass
class Part:
    """One process of the assistant: how to start it, where it answers, how long it may take to answer."""

    name: str
    script: str  # relative to the project root; deploy/systemd/*.service runs the same one
    health_url: str
    start_seconds: int
    start_message: str
    log: Path = Path()
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    healthy: bool = False
    failed_starts: int = 0  # in a row, each stopped before its address answered
    quick_crashes: int = 0  # in a row, each within STABLE_SECONDS of its start: sets the back-off
    restart_at: float | None = None
    restarts: int = 0
    last_exit: str = ""  # why it stopped last; written into its log when it starts again


def parts_from_env(log_dir: Path) -> list[Part]:
    """The three parts in start order, on the ports make run was given."""
    actions, rasa, web = (
        os.environ.get(k, d) for k, d in (("ACTIONS_PORT", "5055"), ("RASA_PORT", "5005"), ("WEB_PORT", "8000"))
    )
    parts = [
        Part("actions", "scripts/start_actions.sh", f"http://127.0.0.1:{actions}/health", 60,
             f">> Action server starten op poort {actions}…"),
        Part("rasa", "scripts/start_rasa.sh", f"http://127.0.0.1:{rasa}/", 300,
             f">> Rasa starten op poort {rasa} (duurt ongeveer een minuut)…"),
        Part("web", "scripts/start_web.sh", f"http://127.0.0.1:{web}/", 60,
             f">> Chatpagina starten op poort {web}…"),
    ]  # fmt: skip
    for part in parts:
        part.log = log_dir / f"{part.name}.log"
    return parts


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status < 400
    except (urllib.error.URLError, OSError, ValueError):
        return False


def in_use(url: str) -> bool:
    """Something already accepts connections on the host and port of `url`."""
    address = urlsplit(url)
    try:
        with socket.create_connection((address.hostname, address.port), timeout=1):
            return True
    except OSError:
        return False


def exit_reason(returncode: int) -> str:
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = "?"
        return f"gedood met signaal {-returncode} ({name})"
    return f"afgesloten met code {returncode}"


def now_text() -> str:
    return time.strftime("%H:%M:%S")


class Stop(Exception):
    """Everything stops; code is the exit code of make run."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


class Supervisor:
    def __init__(self, parts: list[Part], root: Path = PROJECT_ROOT):
        self.parts, self.root = parts, root
        self.stopping = False

    # -- processes ---------------------------------------------------------------------------------

    def spawn(self, part: Part, first: bool) -> None:
        log = open(part.log, "w" if first else "a")
        if not first:
            log.write(f"\n=== {now_text()} make run: {part.name} opnieuw gestart na: {part.last_exit}\n")
            log.flush()
        # exec in the start script: this pid is the server itself, so a kill reaches it and nothing lingers.
        part.process = subprocess.Popen(
            [str(self.root / part.script)], cwd=self.root, stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        part.started_at, part.healthy, part.restart_at = time.monotonic(), False, None

    def tail(self, part: Part) -> str:
        try:
            lines = part.log.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join(lines[-LOG_TAIL_LINES:])

    def give_up(self, part: Part, why: str) -> None:
        print(f"!! {part.name} is gestopt{why}; laatste regels van {part.log}:", file=sys.stderr)
        print(self.tail(part), file=sys.stderr, flush=True)
        raise Stop(1)

    def stop_all(self) -> None:
        print(">> Stoppen…", flush=True)
        running = [p.process for p in reversed(self.parts) if p.process and p.process.poll() is None]
        for process in running:
            process.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        for process in running:
            try:
                process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    # -- first start -------------------------------------------------------------------------------

    def start_in_order(self) -> None:
        for part in self.parts:
            print(part.start_message, flush=True)
            if in_use(part.health_url):
                port = urlsplit(part.health_url).port
                print(
                    f"!! poort {port} voor {part.name} is al in gebruik (draait de assistent al, of een ander "
                    "programma?); stop dat eerst of kies een andere poort (ACTIONS_PORT, RASA_PORT, WEB_PORT).",
                    file=sys.stderr,
                    flush=True,
                )
                raise Stop(1)
            self.spawn(part, first=True)
            deadline = time.monotonic() + part.start_seconds
            while not answers(part.health_url):
                self.check_signal()
                if part.process.poll() is not None:
                    self.give_up(part, "")
                if time.monotonic() > deadline:
                    print(f"!! {part.name} niet bereikbaar na {part.start_seconds} s; zie {part.log}", file=sys.stderr)
                    raise Stop(1)
                time.sleep(POLL_SECONDS)
            part.healthy = True

    # -- keeping them running ----------------------------------------------------------------------

    def schedule_restart(self, part: Part, why: str, quick: bool) -> None:
        part.quick_crashes = part.quick_crashes + 1 if quick else 0
        delay = min(FIRST_DELAY_SECONDS * 2 ** max(part.quick_crashes - 1, 0), MAX_DELAY_SECONDS)
        part.restarts += 1
        part.last_exit = why
        part.restart_at = time.monotonic() + delay
        print(
            f"!! {now_text()} {part.name} {why}; opnieuw starten over {delay:g} s (herstart {part.restarts})",
            file=sys.stderr,
            flush=True,
        )

    def watch(self, part: Part) -> None:
        now = time.monotonic()
        if part.restart_at is not None:
            if now >= part.restart_at:
                self.spawn(part, first=False)
            return
        returncode = part.process.poll()
        if returncode is None and not part.healthy:
            if answers(part.health_url):
                part.healthy, part.failed_starts = True, 0
                print(f">> {now_text()} {part.name} draait weer", file=sys.stderr, flush=True)
                return
            if now - part.started_at <= part.start_seconds:
                return
            part.process.kill()
            part.process.wait()
            returncode = None
            why = f"niet bereikbaar na {part.start_seconds} s"
        elif returncode is None:
            return
        else:
            why = f"stopte onverwacht ({exit_reason(returncode)})"
        if not part.healthy:
            part.failed_starts += 1
            if part.failed_starts >= MAX_FAILED_STARTS:
                self.give_up(part, f" ({part.failed_starts} keer op rij bij het starten: {why})")
        self.schedule_restart(part, why, quick=now - part.started_at < STABLE_SECONDS)

    def keep_running(self) -> None:
        while True:
            self.check_signal()
            for part in self.parts:
                self.watch(part)
            time.sleep(POLL_SECONDS)

    # -- signals -----------------------------------------------------------------------------------

    def on_signal(self, signum, frame) -> None:
        self.stopping = True

    def check_signal(self) -> None:
        if self.stopping:
            raise Stop(0)

    def run(self, ready_message: str) -> int:
        signal.signal(signal.SIGINT, self.on_signal)
        signal.signal(signal.SIGTERM, self.on_signal)
        try:
            self.start_in_order()
            print(ready_message, flush=True)
            self.keep_running()
        except Stop as stop:
            return stop.code
        finally:
            self.stop_all()
        return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.deploy.supervisor",
        description="Start de action server, Rasa en de chatpagina en houd ze draaiende.",
    )
    parser.add_argument("--log-dir", type=Path, required=True, help="map voor actions.log, rasa.log en web.log")
    parser.add_argument("--ready-message", default="", help="tekst op stdout zodra alles draait")
    args = parser.parse_args(argv)
    args.log_dir.mkdir(parents=True, exist_ok=True)
    return Supervisor(parts_from_env(args.log_dir)).run(args.ready_message)


if __name__ == "__main__":
    sys.exit(main())
