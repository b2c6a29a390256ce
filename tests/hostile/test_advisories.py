"""No internet-facing dependency in a version with a known advisory, installed or pinned.

The chat page's socket.io server (python-socketio in Rasa's environment) answers anyone on the
internet before any login, so a known hole there is reachable by every visitor.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from packaging.version import Version

from bot.config import PROJECT_ROOT

RASA_PYTHON = PROJECT_ROOT / ".venv" / "rasa" / "bin" / "python"
RASA_PINS = PROJECT_ROOT / "requirements" / "rasa.txt"

# package -> (first fixed version, advisory)
ADVISORIES = {
    "python-socketio": ("5.16.2", "CVE-2026-48804: denial of service door elke niet-aangemelde client"),
}


def installed_version(package: str) -> str:
    code = f"import importlib.metadata as m; print(m.version({package!r}))"
    result = subprocess.run([str(RASA_PYTHON), "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"{package} niet gevonden in .venv/rasa:\n{result.stderr[-2000:]}"
    return result.stdout.strip()


def pinned_version(package: str) -> str:
    match = re.search(rf"^{re.escape(package)}==(\S+)", RASA_PINS.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"{RASA_PINS.name}: {package} is niet vastgepind"
    return match.group(1)


@pytest.mark.parametrize("package", list(ADVISORIES))
def test_installed_version_has_the_fix(package):
    fixed, advisory = ADVISORIES[package]
    version = installed_version(package)
    assert Version(version) >= Version(fixed), (
        f".venv/rasa heeft {package} {version}: {advisory}; vanaf {fixed} opgelost"
    )


@pytest.mark.parametrize("package", list(ADVISORIES))
def test_pinned_version_has_the_fix(package):
    fixed, advisory = ADVISORIES[package]
    version = pinned_version(package)
    assert Version(version) >= Version(fixed), f"{RASA_PINS.name} pint {package}=={version}: {advisory}"
