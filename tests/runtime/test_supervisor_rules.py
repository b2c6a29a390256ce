"""The supervisor's rules (bot/deploy/supervisor.py) with two small real parts (Python's http.server behind a
start script, as scripts/start_*.sh), so they take seconds: restart with back-off after a kill, the other
part untouched, a crash loop at start stops everything with the part's own last lines, Ctrl-C stops all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from bot.config import PROJECT_ROOT
from tests.stack import RASA_PORT

PORTS = {"een": RASA_PORT + 5, "twee": RASA_PORT + 6}

DRIVER = """
import sys
from pathlib import Path
from bot.deploy.supervisor import Part, Supervisor
root = Path(sys.argv[1])
parts = [Part(name, name + ".sh", f"http://127.0.0.1:{port}/", int(sys.argv[4]), f">> {name} starten")
         for name, port in (("een", int(sys.argv[2])), ("twee", int(sys.argv[3])))]
for part in parts:
    part.log = root / f"{part.name}.log"
sys.exit(Supervisor(parts, root).run("READY"))
"""


def write_part(root: Path, name: str) -> None:
    """Serves its port, unless the file `kapot` exists (then it says why and exits at once) or `hangt` (then it
    never answers)."""
    script = root / f"{name}.sh"
    script.write_text(
        "#!/bin/sh\n"
        f'if [ -e "{root}/kapot" ]; then echo "{name} kan niet starten: kapot"; exit 3; fi\n'
        f'if [ -e "{root}/hangt" ]; then echo "{name} hangt"; echo $$ >>"{root}/hangt.pids"; exec sleep 600; fi\n'
        f"exec {sys.executable} -m http.server --bind 127.0.0.1 {PORTS[name]}\n"
    )
    script.chmod(0o755)


@pytest.fixture
def parts(tmp_path) -> Path:
    for name in PORTS:
        write_part(tmp_path, name)
    return tmp_path


def start(root: Path, start_seconds: int = 20) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(root), str(PORTS["een"]), str(PORTS["twee"]), str(start_seconds)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=open(root / "stderr.log", "w"),
        text=True,
        start_new_session=True,
    )
    return proc


def wait_ready(proc: subprocess.Popen) -> list[str]:
    lines = []
    for line in proc.stdout:
        lines.append(line)
        if line.startswith("READY"):
            return lines
    pytest.fail("niet gestart:\n" + "".join(lines))


def child_pids(proc: subprocess.Popen) -> dict[str, int]:
    listing = subprocess.run(["ps", "-ww", "-o", "pid=,args=", "--ppid", str(proc.pid)], capture_output=True, text=True)
    return {
        name: int(line.split()[0]) for line in listing.stdout.splitlines() for name, port in PORTS.items()
        if line.rstrip().endswith(f" {port}")
    }  # fmt: skip


def answers(name: str) -> bool:
    try:
        return requests.get(f"http://127.0.0.1:{PORTS[name]}/", timeout=1).ok
    except requests.RequestException:
        return False


def stop(proc: subprocess.Popen) -> int:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole foreground group
    return proc.wait(timeout=30)


def test_killed_part_is_restarted_the_other_keeps_running_and_ctrl_c_stops_all(parts):
    proc = start(parts)
    try:
        output = wait_ready(proc)
        assert [line.strip() for line in output[:2]] == [">> een starten", ">> twee starten"]
        before = child_pids(proc)
        os.kill(before["een"], signal.SIGKILL)
        killed_at = time.monotonic()
        while "een draait weer" not in (parts / "stderr.log").read_text():
            assert time.monotonic() - killed_at < 10, "een niet terug binnen 10 s"
            time.sleep(0.1)
        after = child_pids(proc)
        assert after["een"] != before["een"] and answers("een")
        assert after["twee"] == before["twee"] and answers("twee")
        stderr = (parts / "stderr.log").read_text()
        assert "een stopte onverwacht (gedood met signaal 9 (SIGKILL)); opnieuw starten over 1 s (herstart 1)" in stderr
        assert (
            "opnieuw gestart na: stopte onverwacht (gedood met signaal 9 (SIGKILL))" in (parts / "een.log").read_text()
        )
    finally:
        returncode = stop(proc)
    assert returncode == 0
    for pid in after.values():
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    assert not answers("een") and not answers("twee")


def test_part_that_keeps_failing_at_start_stops_everything_with_its_last_lines(parts):
    proc = start(parts)
    try:
        wait_ready(proc)
        before = child_pids(proc)
        (parts / "kapot").touch()
        os.kill(before["een"], signal.SIGKILL)
        returncode = proc.wait(timeout=60)
    finally:
        stop(proc)
    stderr = (parts / "stderr.log").read_text()
    assert returncode == 1, stderr
    # Back-off 1, 2, 4 s; the third failed start in a row ends it, with the part's own message.
    for delay in (1, 2, 4):
        assert f"opnieuw starten over {delay} s" in stderr, stderr
    assert "opnieuw starten over 8 s" not in stderr
    assert "!! een is gestopt (3 keer op rij bij het starten: stopte onverwacht (afgesloten met code 3))" in stderr
    assert stderr.rstrip().endswith("een kan niet starten: kapot"), stderr
    with pytest.raises(ProcessLookupError):
        os.kill(before["twee"], 0)


def test_part_that_cannot_start_the_first_time_stops_everything_at_once(parts):
    (parts / "kapot").touch()
    proc = start(parts)
    returncode = proc.wait(timeout=30)
    stderr = (parts / "stderr.log").read_text()
    assert returncode == 1
    assert "!! een is gestopt; laatste regels van" in stderr and "een kan niet starten: kapot" in stderr
    assert "opnieuw starten" not in stderr and "READY" not in proc.stdout.read()
    assert not (parts / "twee.log").exists()


def test_part_that_hangs_at_start_is_killed_and_counts_as_a_failed_start(parts):
    proc = start(parts, start_seconds=2)
    try:
        wait_ready(proc)
        before = child_pids(proc)
        (parts / "hangt").touch()
        os.kill(before["een"], signal.SIGKILL)
        returncode = proc.wait(timeout=60)
    finally:
        stop(proc)
    stderr = (parts / "stderr.log").read_text()
    assert returncode == 1, stderr
    assert stderr.count("een niet bereikbaar na 2 s; opnieuw starten") == 2, stderr
    assert "!! een is gestopt (3 keer op rij bij het starten: niet bereikbaar na 2 s)" in stderr
    hung = [int(pid) for pid in (parts / "hangt.pids").read_text().split()]
    assert len(hung) == 3
    for pid in hung:  # each hanging start was killed
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_port_already_in_use_stops_before_anything_starts(parts):
    """A stack that still runs (or any other program) on a part's port: its answers must not count as ours."""
    other = subprocess.Popen(
        [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(PORTS["twee"])],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not answers("twee"):
            assert time.monotonic() < deadline, "het andere programma kwam niet op"
            time.sleep(0.1)
        proc = start(parts)
        returncode = proc.wait(timeout=30)
    finally:
        other.terminate()
        other.wait()
    stderr = (parts / "stderr.log").read_text()
    assert returncode == 1, stderr
    assert f"!! poort {PORTS['twee']} voor twee is al in gebruik" in stderr, stderr
    assert not (parts / "twee.log").exists()  # the part itself was never started
    assert not answers("een")  # and the part started before it was stopped again
