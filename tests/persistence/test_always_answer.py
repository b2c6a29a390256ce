"""channels/always_answer.py turn by turn, in Rasa's environment with Rasa's own output channel
(the end-to-end cases against a real Rasa are in test_action_failure.py)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.failure import NO_ANSWER_TEXT

from .conftest import RASA_PYTHON


@pytest.fixture(scope="module")
def turns() -> dict:
    result = subprocess.run(
        [RASA_PYTHON, str(Path(__file__).parent / "rasa_always_answer.py")],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_an_answered_turn_is_left_alone(turns):
    assert turns["answers"]["texts"] == ["antwoord"]
    assert turns["answers_directly"]["texts"] == ["direct antwoord"]


@pytest.mark.parametrize("case", ["silent", "raises", "slow"])
def test_silence_an_error_or_a_timeout_gets_the_dutch_message(turns, case):
    assert turns[case]["texts"] == [NO_ANSWER_TEXT]


def test_a_slow_turn_is_given_up_after_the_timeout(turns):
    assert 0.4 < turns["slow"]["seconds"] < 2


def test_rasas_own_silent_commands_stay_silent(turns):
    assert turns["restart"]["texts"] == []
