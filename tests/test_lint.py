"""Lint and formatting: `ruff check` and `ruff format --check` over the whole tree (pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT

RUFF = Path(sys.executable).parent / "ruff"


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_ruff(command):
    result = subprocess.run([str(RUFF), *command, "."], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, f"ruff {' '.join(command)} vond iets:\n{result.stdout[-4000:]}{result.stderr}"
