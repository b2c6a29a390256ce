"""A change to knowledge/ only is live in a running assistant after `make kb`: no restart, no training.

The shared stack (started like `make run`) answers a question about the maintainers' guide's example
fund; the fund is added to a copy of knowledge/ and loaded into the stack's database the way `make kb`
does; within a few seconds the same running assistant answers with it. Afterwards the original
knowledge is loaded back, and the assistant forgets the fund again (also without a restart).
"""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from bot.config import KNOWLEDGE_DIR, PROJECT_ROOT
from tests.maintainer.test_new_fund import knowledge_with, readme_fund_example
from tests.stack import Chat

pytestmark = pytest.mark.e2e

QUESTION = "wat is het Meedoenfonds Zwolle?"


def make_kb(stack, knowledge) -> None:
    """`make kb`, as docs/beheer.md writes it, for the stack's database, from the given knowledge directory."""
    # Not the settings of a surrounding `make test` either: its MAKELEVEL adds "Entering directory" lines.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    env.update(KB_DATABASE_URL=stack.env["KB_DATABASE_URL"], KB_KNOWLEDGE_DIR=str(knowledge))
    result = subprocess.run(
        ["make", "kb"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def seconds_until(stack, wanted, limit: float = 20.0) -> float:
    """Ask until the answer satisfies `wanted` (a new conversation each time); seconds it took."""
    start = time.monotonic()
    while True:
        answer = Chat(stack.url, f"live-{time.monotonic_ns()}").text(QUESTION)
        if wanted(answer):
            return time.monotonic() - start
        assert time.monotonic() - start < limit, f"na {limit} s nog steeds:\n{answer}"
        time.sleep(0.5)


def test_a_new_fund_is_live_after_make_kb_without_restart(running_stack, tmp_path):
    before = Chat(running_stack.url, "live-voor").text(QUESTION)
    assert "Meedoenfonds Zwolle" not in before
    pids = running_stack.part_pids()
    try:
        make_kb(running_stack, knowledge_with(tmp_path, readme_fund_example()))
        took = seconds_until(running_stack, lambda answer: "Meedoenfonds Zwolle" in answer and "Bron:" in answer)
        print(f"kennisbank live na make kb: {took:.1f} s")
    finally:
        make_kb(running_stack, KNOWLEDGE_DIR)
    seconds_until(running_stack, lambda answer: "Meedoenfonds Zwolle" not in answer)
    assert running_stack.part_pids() == pids, "een onderdeel is herstart"
