"""The training data is consistent, the conversations work, and the NLU is good enough."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.config import PROJECT_ROOT
from tests.conftest import run_rasa

pytestmark = pytest.mark.rasa

INTENT_MACRO_F1 = 0.95
ENTITY_F1 = 0.90


def test_lookup_tables_match_knowledge():
    result = subprocess.run(
        [sys.executable, "-m", "bot", "nlu", "lookups", "--check"], cwd=PROJECT_ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_rasa_data_validate():
    result = run_rasa("data", "validate", "--fail-on-warnings")
    output = result.stdout + result.stderr
    assert result.returncode == 0, (
        "`rasa data validate` vond problemen in data/, domain.yml of config.yml:\n"
        + "\n".join(
            line for line in output.splitlines() if "WARNING" in line or "ERROR" in line or "UserWarning" in line
        )
    )


def test_conversations(model, tmp_path):
    result = run_rasa(
        "test",
        "core",
        "--model",
        model,
        "--stories",
        "tests/test_stories.yml",
        "--fail-on-prediction-errors",
        "--out",
        str(tmp_path / "core"),
    )
    failed = tmp_path / "core" / "failed_test_stories.yml"
    detail = failed.read_text(encoding="utf-8") if failed.exists() else result.stderr[-3000:]
    assert result.returncode == 0, (
        "Een of meer gesprekken uit tests/test_stories.yml lopen anders dan verwacht:\n" + detail
    )


def test_nlu_gate(model, tmp_path, artifacts):
    out = tmp_path / "nlu"
    result = run_rasa("test", "nlu", "--model", model, "--nlu", "tests/nlu/test_nlu.yml", "--out", str(out))
    assert result.returncode == 0, result.stderr[-3000:]
    intents = json.loads((out / "intent_report.json").read_text())
    entities = json.loads((out / "DIETClassifier_report.json").read_text())
    intent_f1 = intents["macro avg"]["f1-score"]
    entity_f1 = entities["micro avg"]["f1-score"]
    weak = sorted(
        (v["f1-score"], k)
        for k, v in intents.items()
        if isinstance(v, dict) and "support" in v and k not in ("macro avg", "weighted avg", "micro avg")
    )[:3]
    summary = (
        f"NLU op de testset: intent macro-F1 {intent_f1:.3f} (grens {INTENT_MACRO_F1}), "
        f"entiteit-F1 {entity_f1:.3f} (grens {ENTITY_F1}); zwakste intents: "
        + ", ".join(f"{k} {f:.2f}" for f, k in weak)
    )
    print(summary)
    (artifacts / "nlu_gate.txt").write_text(summary + "\n", encoding="utf-8")
    errors = out / "intent_errors.json"
    hint = ""
    if errors.exists():
        wrong = json.loads(errors.read_text())[:10]
        hint = "\nVoorbeelden die fout gaan:\n" + "\n".join(
            f"  '{e['text']}': verwacht {e['intent']}, herkend {e['intent_prediction']['name']}" for e in wrong
        )
    assert intent_f1 >= INTENT_MACRO_F1 and entity_f1 >= ENTITY_F1, summary + hint


def _examples(path) -> set[str]:
    import re

    import yaml

    found = set()
    for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
        if "intent" in block:
            for line in block["examples"].splitlines():
                if line.strip().startswith("- "):
                    found.add(re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", line.strip()[2:]).strip().lower())
    return found


def test_test_set_is_held_out():
    training = set().union(*(_examples(p) for p in (PROJECT_ROOT / "data" / "nlu").glob("*.yml")))
    leaked = _examples(PROJECT_ROOT / "tests" / "nlu" / "test_nlu.yml") & training
    assert not leaked, (
        f"Deze testzinnen staan ook in de trainingsdata (haal ze uit tests/nlu of data/nlu): {sorted(leaked)}"
    )
