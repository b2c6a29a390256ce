"""The maintainers' guide's worked example: a new local fund, added as docs/beheer.md says,
is validated, loaded and then found by name and by need in its gemeente."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
import yaml

from actions import common
from actions.conversation_actions import ActionFollowUp, ActionRephrase
from actions.knowledge_actions import (
    ActionAanvragen,
    ActionFeiten,
    ActionFondsen,
    ActionInstrumenten,
    ActionSignalen,
    ActionVoorbeelden,
    ActionWatIs,
    ActionWerkwijze,
)
from bot.config import KNOWLEDGE_DIR, PROJECT_ROOT
from bot.kb.load import load
from bot.kb.queries import make_engine
from bot.kb.validate import ValidationError, read_knowledge
from tests.actions.test_actions import Conversation

GUIDE = PROJECT_ROOT / "docs" / "beheer.md"
ALL_ACTIONS = [
    ActionVoorbeelden(),
    ActionFeiten(),
    ActionFondsen(),
    ActionAanvragen(),
    ActionInstrumenten(),
    ActionSignalen(),
    ActionWerkwijze(),
    ActionWatIs(),
    ActionFollowUp(),
    ActionRephrase(),  # nlu_fallback: the retrieval over every record finds it by name too
]


def readme_fund_example() -> str:
    """The YAML block of the section "Een lokaal fonds toevoegen", de-indented."""
    section = GUIDE.read_text(encoding="utf-8").split("## Een lokaal fonds toevoegen", 1)[1]
    block = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    indent = min(len(line) - len(line.lstrip()) for line in block.splitlines() if line.strip())
    return "\n".join(line[indent:] for line in block.splitlines()) + "\n"


def knowledge_with(tmp_path, addition: str):
    directory = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, directory)
    with open(directory / "fondsen.yml", "a", encoding="utf-8") as funds:
        funds.write("\n" + addition)
    return directory


@pytest.fixture
def extended_kb(tmp_path, monkeypatch):
    knowledge = read_knowledge(knowledge_with(tmp_path, readme_fund_example()))
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    load(make_engine(url), knowledge)
    monkeypatch.setenv("KB_DATABASE_URL", url)
    common.forget_knowledge_base()
    yield knowledge
    common.forget_knowledge_base()


def test_readme_example_is_a_valid_fund(extended_kb):
    assert "meedoen-fonds-zwolle" in {fund["id"] for fund in extended_kb.records["fonds"]}


def test_new_fund_is_found_by_name(extended_kb):
    text = Conversation().run(ActionWatIs(), "wat is het Meedoenfonds Zwolle?", "ask_wat_is")
    assert "Meedoenfonds Zwolle" in text
    assert "sport en cultuur" in text and "Bron:" in text


def test_new_fund_is_found_by_need_in_its_gemeente(extended_kb):
    text = Conversation().run(
        ActionFondsen(),
        "contributie voetbal in Zwolle voor een kind van 9",
        "ask_fondsen",
        [("behoefte", "contributie"), ("leeftijd", "9"), ("gemeente", "Zwolle")],
    )
    assert "Meedoenfonds Zwolle" in text
    elsewhere = Conversation().run(
        ActionFondsen(),
        "contributie voetbal in Meppel voor een kind van 9",
        "ask_fondsen",
        [("behoefte", "contributie"), ("leeftijd", "9"), ("gemeente", "Meppel")],
    )
    assert "Meedoenfonds Zwolle" not in elsewhere


def test_mistake_in_the_example_is_named_plainly(tmp_path):
    broken = readme_fund_example().replace("aanvragers: [ouders]", "aanvragers: [oma]")
    with pytest.raises(ValidationError) as error:
        read_knowledge(knowledge_with(tmp_path, broken))
    documented = re.search(r"staat er bijvoorbeeld:\s*`([^`]+)`", GUIDE.read_text(encoding="utf-8")).group(1)
    pattern = re.escape(documented).replace("804", r"\d+")
    assert re.search(pattern, str(error.value)), (
        f"docs/beheer.md belooft:\n{documented}\nmaar de melding is:\n{error.value}"
    )


def rule_actions() -> dict[str, str]:
    """intent → action of the one-step rules in data/rules/."""
    mapping = {}
    for path in (PROJECT_ROOT / "data" / "rules").glob("*.yml"):
        for rule in yaml.safe_load(path.read_text(encoding="utf-8")).get("rules", []):
            steps = rule.get("steps", [])
            if len(steps) == 2 and "intent" in steps[0] and "action" in steps[1]:
                mapping[steps[0]["intent"]] = steps[1]["action"]
    return mapping


QUESTIONS = ["wat is het Meedoenfonds Zwolle?", "wat doet het Meedoenfonds Zwolle precies?"]


def test_the_trained_model_and_its_action_find_the_new_fund(model, extended_kb):
    """Before any retraining: the model's intent leads to an action that finds the fund by its name."""
    result = subprocess.run(
        [str(PROJECT_ROOT / ".venv/rasa/bin/python"), str(PROJECT_ROOT / "tests/rasa/parse.py"), model, *QUESTIONS],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=PROJECT_ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    parsed = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    actions = {action.name(): action for action in ALL_ACTIONS}
    for turn in parsed:
        action = actions.get(rule_actions().get(turn["intent"]))
        assert action is not None, f"{turn['text']!r} wordt {turn['intent']}, zonder actie die kan antwoorden"
        text = Conversation().run(action, turn["text"], turn["intent"], list(turn["entities"].items()))
        assert "Meedoenfonds Zwolle" in text and "Bron:" in text, (turn, text)
