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
            "from rasa.shared.core.events import Event; "
            "print(RemoteAction._validate_action_result.__module__, Event.resolve_by_type.__module__)")
    result = subprocess.run([RASA_PYTHON, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1] == "rasa_patches.action_result_validation rasa_patches.event_types"


EVENT_TYPES_CHECK = """
import json
import rasa.shared.utils.common
from rasa.shared.core.events import Event, UserUttered
from rasa_patches import event_types

def outcome(resolve, name, default=None):
    try:
        found = resolve(name, default)
        return found.__name__ if found else None
    except ValueError as error:
        return str(error)

names = sorted({cls.type_name for cls in rasa.shared.utils.common.all_subclasses(Event)})
cases = [(n, None) for n in names] + [("topic", None), ("bestaat-niet", None), ("bestaat-niet", UserUttered)]
original = event_types._original_resolve_by_type
print(json.dumps({"names": len(names), "differ": [
    [n, outcome(original, n, d), outcome(event_types.resolve_by_type, n, d)]
    for n, d in cases if outcome(original, n, d) != outcome(event_types.resolve_by_type, n, d)]}))
"""


def test_event_types_resolve_exactly_like_rasa():
    result = subprocess.run([RASA_PYTHON, "-c", EVENT_TYPES_CHECK], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            timeout=300, env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)})
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["names"] >= 20 and outcome["differ"] == []
