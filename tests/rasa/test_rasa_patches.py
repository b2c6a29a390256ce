"""rasa_patches changes how fast Rasa does something, never what it does."""
from __future__ import annotations

import json
import os
import subprocess

from bot.config import PROJECT_ROOT

RASA_PYTHON = str(PROJECT_ROOT / ".venv" / "rasa" / "bin" / "python")


def test_action_result_validation_accepts_and_rejects_exactly_like_rasa():
    result = subprocess.run([RASA_PYTHON, str(PROJECT_ROOT / "tests/rasa/compare_action_validation.py")],
                            cwd=PROJECT_ROOT, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    cases = {c["case"]: c for c in map(json.loads, result.stdout.strip().splitlines())}
    timing = cases.pop("tijd")
    assert cases["geldig"]["patched"] == {"ok": True}
    assert sum("error" in c["patched"] for c in cases.values()) >= 3
    for name, case in cases.items():
        assert case["patched"] == case["rasa"], name
    print(f"validatie per actie: Rasa {timing['rasa'] * 1000:.1f} ms, gepatcht {timing['patched'] * 1000:.2f} ms")


def test_the_patch_is_installed_when_rasa_loads_our_channels():
    code = ("import channels.redacting; from rasa.core.actions.action import RemoteAction; "
            "print(RemoteAction._validate_action_result.__module__)")
    result = subprocess.run([RASA_PYTHON, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("rasa_patches.action_result_validation")
