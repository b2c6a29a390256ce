"""The action server's environment (.venv/bot) runs on a supported Python whenever this machine has one.

Rasa 3.6 stays on Python 3.10 (scripts/find_python.sh); the bot's environment takes the newest of 3.13, 3.12
and 3.11 (scripts/find_python_bot.sh), falls back to 3.10 with a Dutch notice, and is rebuilt by
scripts/setup_env.sh when that choice changes. These tests look for the interpreters themselves (PATH and
pyenv, the places the finder searches) rather than trusting the finder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT

SCRIPTS = PROJECT_ROOT / "scripts"
BOT_PYTHON = PROJECT_ROOT / ".venv" / "bot" / "bin" / "python"
SUPPORTED = ("3.13", "3.12", "3.11")  # newest first; 3.10 gets no security fixes since October 2026


def version_of(python: str | Path) -> str | None:
    """'3.12' for an interpreter that runs and can create a venv (as the finder requires), else None."""
    probe = "import sys, venv, ensurepip; print('%d.%d' % sys.version_info[:2])"
    try:
        result = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, timeout=30)
    except OSError:
        return None
    return result.stdout.strip() if result.returncode == 0 else None


def supported_pythons_on_this_machine() -> dict[str, list[str]]:
    """minor version -> usable interpreters, on PATH (python3.X) and in pyenv."""
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    found: dict[str, list[str]] = {}
    for minor in SUPPORTED:
        candidates = [shutil.which(f"python{minor}")] + sorted(
            str(p) for p in pyenv_root.glob(f"versions/{minor}.*/bin/python")
        )
        usable = [c for c in candidates if c and version_of(c) == minor]
        if usable:
            found[minor] = usable
    return found


def run_script(
    name: str, *args: str, env: dict[str, str] | None = None, root: Path = PROJECT_ROOT
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(root / "scripts" / name), *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


def test_bot_environment_runs_on_the_newest_supported_python_of_this_machine():
    available = supported_pythons_on_this_machine()
    bot_version = version_of(BOT_PYTHON)
    checked = (
        f"gezocht naar Python {', '.join(SUPPORTED)} op PATH en in pyenv; gevonden: "
        + (", ".join(f"{minor} ({paths[0]})" for minor, paths in available.items()) or "geen")
        + f"; .venv/bot draait op Python {bot_version}"
    )
    print(checked)  # shown with pytest -s: what this machine has and what the environment uses
    if not available:
        pytest.skip(f"Deze machine heeft geen ondersteunde Python: {checked}")
    newest = next(iter(available))
    assert bot_version == newest, (
        f".venv/bot hoort op de nieuwste ondersteunde Python te draaien ({newest}), niet op {bot_version}: {checked}. "
        "Voer `make setup` uit: scripts/setup_env.sh bouwt de omgeving dan opnieuw."
    )
    finder = run_script("find_python_bot.sh")
    assert finder.returncode == 0, finder.stderr
    assert version_of(finder.stdout.strip()) == newest, f"scripts/find_python_bot.sh koos {finder.stdout.strip()}"
    assert finder.stderr == "", f"onnodige melding bij een ondersteunde Python:\n{finder.stderr}"


def python310() -> str:
    found = run_script("find_python.sh")
    assert found.returncode == 0, found.stderr
    return found.stdout.strip()


def only_python310_path(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH has the shell tools the finders use and python3.10, nothing else, and no pyenv."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "cat", "dirname", "grep", "ls", "sort"):
        (bin_dir / tool).symlink_to(shutil.which(tool))
    (bin_dir / "python3.10").symlink_to(python310())
    return {"PATH": str(bin_dir), "HOME": str(tmp_path), "PYENV_ROOT": str(tmp_path / "geen-pyenv")}


def test_a_machine_with_only_python_310_falls_back_to_it_and_says_so(tmp_path):
    finder = run_script("find_python_bot.sh", env=only_python310_path(tmp_path))
    assert finder.returncode == 0, finder.stderr
    assert version_of(finder.stdout.strip()) == "3.10"
    assert "Geen Python 3.13, 3.12 of 3.11 gevonden" in finder.stderr
    assert "gebruikt Python 3.10" in finder.stderr
    assert "geen beveiligingsupdates" in finder.stderr
    assert "PYTHON_BOT" in finder.stderr  # how to point at a newer Python


def test_an_unusable_python_bot_setting_is_named_in_the_error(tmp_path):
    not_python = tmp_path / "python3.13"
    not_python.write_text("#!/bin/sh\nexit 0\n")
    not_python.chmod(0o755)
    finder = run_script("find_python_bot.sh", env={"PYTHON_BOT": str(not_python)})
    assert finder.returncode == 1
    assert f"PYTHON_BOT={not_python} is geen bruikbare Python" in finder.stderr


def test_setup_rebuilds_the_bot_environment_when_its_python_changes(tmp_path):
    """scripts/setup_env.sh in a copy of the project with an empty bot.txt: the real venv and pip steps."""
    newest = next(iter(supported_pythons_on_this_machine().values()), None)
    if newest is None:
        pytest.skip("Deze machine heeft geen Python 3.11 of nieuwer naast 3.10: niets om naar te wisselen")
    (tmp_path / "scripts").mkdir()
    for script in ("setup_env.sh", "find_python.sh", "find_python_bot.sh"):
        shutil.copy2(SCRIPTS / script, tmp_path / "scripts" / script)
    (tmp_path / "requirements").mkdir()
    (tmp_path / "requirements" / "bot.txt").write_text(
        "# leeg: deze test gaat over de Python, niet over de pakketten\n"
    )
    venv_python = tmp_path / ".venv" / "bot" / "bin" / "python"

    first = run_script("setup_env.sh", "bot", env={"PYTHON_BOT": python310()}, root=tmp_path)
    assert first.returncode == 0, first.stderr
    assert version_of(venv_python) == "3.10"
    again = run_script("setup_env.sh", "bot", env={"PYTHON_BOT": python310()}, root=tmp_path)
    assert again.returncode == 0 and again.stdout == "", "zelfde pins en Python: niets te doen"

    switched = run_script("setup_env.sh", "bot", env={"PYTHON_BOT": newest[0]}, root=tmp_path)
    assert switched.returncode == 0, switched.stderr
    assert f"gebruikt Python 3.10, nu {version_of(newest[0])}: omgeving opnieuw opbouwen" in switched.stdout
    assert version_of(venv_python) == version_of(newest[0])
