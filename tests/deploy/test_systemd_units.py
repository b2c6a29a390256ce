"""deploy/systemd: the units pass `systemd-analyze verify`, and each part's unit runs the very start script
that `make run` runs (bot/deploy/supervisor.py), so the server runs what the tests start."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.deploy.supervisor import parts_from_env

UNITS = PROJECT_ROOT / "deploy" / "systemd"
INSTALL_DIR = "/opt/armoede-assistent"  # where docs/deploy.md installs the project
ENVIRONMENT_FILE = "/etc/armoede-assistent/omgeving"
SYSTEMD_ANALYZE = shutil.which("systemd-analyze") or "/usr/bin/systemd-analyze"
PARTS = ("actions", "rasa", "web")


def read_unit(path: Path) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(strict=False, interpolation=None, delimiters=("=",))
    unit.optionxform = str  # keys are case-sensitive
    unit.read_string(path.read_text())
    return unit


def service(name: str) -> configparser.SectionProxy:
    return read_unit(UNITS / f"armoede-assistent-{name}.service")["Service"]


def test_each_part_runs_the_start_script_make_run_runs(tmp_path):
    scripts = {part.name: part.script for part in parts_from_env(tmp_path)}
    assert set(scripts) == set(PARTS)
    for name in PARTS:
        assert service(name)["ExecStart"] == f"{INSTALL_DIR}/{scripts[name]}"
        assert (PROJECT_ROOT / scripts[name]).stat().st_mode & stat.S_IXUSR
    assert service("prepare")["ExecStart"] == f"{INSTALL_DIR}/scripts/prepare.sh"
    assert "$(scripts/prepare.sh)" in (PROJECT_ROOT / "scripts" / "run.sh").read_text()


@pytest.mark.parametrize("name", ["prepare", *PARTS])
def test_unit_runs_unprivileged_with_the_environment_file(name):
    unit = service(name)
    assert unit["User"] == "armoede" and unit["Group"] == "armoede"
    assert unit["EnvironmentFile"] == ENVIRONMENT_FILE
    assert unit["WorkingDirectory"] == INSTALL_DIR
    assert unit["NoNewPrivileges"] == "yes"


@pytest.mark.parametrize("name", PARTS)
def test_part_restarts_on_failure_with_a_limit(name):
    whole = read_unit(UNITS / f"armoede-assistent-{name}.service")
    assert whole["Service"]["Restart"] == "on-failure"
    assert whole["Service"]["RestartSec"].endswith("s")
    # A part that keeps failing at start ends up failed instead of looping.
    assert int(whole["Unit"]["StartLimitBurst"]) >= 3 and int(whole["Unit"]["StartLimitIntervalSec"]) >= 60
    assert whole["Unit"]["PartOf"] == "armoede-assistent.target"
    assert "armoede-assistent-prepare.service" in whole["Unit"]["Requires"].split()


def test_target_starts_every_unit():
    target = read_unit(UNITS / "armoede-assistent.target")
    wanted = set(target["Unit"]["Wants"].split())
    assert wanted == {f"armoede-assistent-{name}.service" for name in ("prepare", *PARTS)}
    assert target["Install"]["WantedBy"] == "multi-user.target"


def verify(units: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [SYSTEMD_ANALYZE, "verify", "--man=no", *sorted(str(p) for p in units.iterdir())],
        capture_output=True,
        text=True,
        timeout=120,
    )


def installed_copy(tmp_path: Path) -> Path:
    """The units as installed from this checkout: the install folder and the environment file are substituted
    (verify checks that each ExecStart exists and is executable; the armoede user need not exist)."""
    environment = tmp_path / "omgeving"
    environment.write_text("RASA_PORT=5005\n")
    units = tmp_path / "units"
    units.mkdir()
    for path in UNITS.iterdir():
        text = path.read_text().replace(ENVIRONMENT_FILE, str(environment)).replace(INSTALL_DIR, str(PROJECT_ROOT))
        (units / path.name).write_text(text)
    return units


@pytest.mark.skipif(not os.access(SYSTEMD_ANALYZE, os.X_OK), reason="systemd-analyze ontbreekt (pakket systemd)")
def test_units_pass_systemd_analyze_verify(tmp_path):
    result = verify(installed_copy(tmp_path))
    # verify warns (unknown keys, bad values, missing commands) on stderr, sometimes still with exit code 0.
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), result.stdout + result.stderr


@pytest.mark.skipif(not os.access(SYSTEMD_ANALYZE, os.X_OK), reason="systemd-analyze ontbreekt (pakket systemd)")
def test_verify_catches_a_broken_unit(tmp_path):
    """The check above can fail: a wrong restart policy and a missing start script are reported."""
    units = installed_copy(tmp_path)
    web = units / "armoede-assistent-web.service"
    web.write_text(web.read_text().replace("Restart=on-failure", "Restart=soms").replace("start_web.sh", "weg.sh"))
    result = verify(units)
    output = result.stdout + result.stderr
    assert "soms" in output and "weg.sh" in output
