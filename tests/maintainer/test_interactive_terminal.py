"""`make interactive` in a real (pseudo-)terminal, as docs/beheer.md's worked example tells a maintainer.

The command, the sentences to type and the file names to give at Export & Quit come from the guide
itself. The test types at Rasa's own questionary prompts: the message, *Yes* for the intent, *Yes* for
each predicted action, then Ctrl-C, *Export & Quit* and the file names (in a copy of data/, so the
project's training data and domain.yml are never touched). The saved story must pass
`rasa data validate` next to the project's own data and domain.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess

import pytest

from bot.config import PROJECT_ROOT
from tests.conftest import RASA
from tests.maintainer.beheer import fingerprint
from tests.maintainer.terminal import CTRL_C, CTRL_U, DOWN, ENTER, Terminal
from tests.stack import RASA_PORT

pytestmark = pytest.mark.e2e

GUIDE = PROJECT_ROOT / "docs" / "beheer.md"
# Next to the shared stack's ports (tests/stack.py: +10 web, +20/+30 fakes, +50 actions) and the review's +1.
INTERACTIVE_PORT = RASA_PORT + 2


def worked_example() -> dict:
    """What the guide's section on `make interactive` tells the maintainer to type, step by step."""
    section = GUIDE.read_text(encoding="utf-8").split("### Een story maken door te chatten", 1)[1].split("\n## ", 1)[0]
    steps = re.split(r"\n\d\. ", section)
    first, second, export = steps[1], steps[2], steps[3]
    paths = re.findall(r"`([^`]+\.yml)`", export)
    return {
        "command": re.match(r"`([^`]+)`", first).group(1),
        "first": re.search(r"typ \*([^*]+)\*", first).group(1),
        "second": re.search(r"Typ \*([^*]+)\*", second).group(1),
        "stories": next(p for p in paths if p.startswith("data/stories/")),
        "nlu": next(p for p in paths if p.startswith("data/nlu/")),
        "domain": next(p for p in paths if p.endswith("domain.yml")),
    }


def answer_yes(terminal: Terminal) -> None:
    """*Yes* at a questionary confirm; prompt_toolkit then redraws the question with the answer after it."""
    terminal.type("y")
    terminal.expect(r"correct(ly)?\? Yes", 60)


def confirm_turn(terminal: Terminal, message: str, intent: str, actions: list[str]) -> str:
    """Types a message and answers Yes to the intent and to each action until the bot listens again."""
    terminal.expect(r"Your input ->", 120)
    start = terminal.seen
    terminal.type(message + ENTER)
    recognised = terminal.expect(r"(Is the intent|Your NLU model classified) .*?'([a-z_]+)'.*?correct(ly)?\?", 120)
    shown = recognised.group(0)
    assert f"'{intent}'" in shown, f"Rasa herkende iets anders dan {intent}:\n{shown}"
    answer_yes(terminal)
    for action in [*actions, "action_listen"]:
        proposed = terminal.expect(r"The bot wants to run '([a-z_]+)', correct\?", 120).group(1)
        assert proposed == action, f"Rasa stelt {proposed} voor, het voorbeeld verwacht {action}"
        answer_yes(terminal)
    return terminal.text[start : terminal.seen]


def shown_after_action(turn: str) -> str:
    """What Rasa printed once the action ran, without the blank lines prompt_toolkit's redraws leave: any
    error line first, then the last chat history (the action's answer). Short, so that a failure report
    that keeps only its start and end still shows why."""
    table = turn.split("Chat History")[-1].splitlines()
    lines = [re.sub(r" {3,}", "   ", line.strip()) for line in table if line.strip() and not re.fullmatch(r"q+", line)]
    errors = [line for line in turn.splitlines() if re.search(r"Error|Exception|Traceback|Failed|failed", line)]
    return "\n".join(["--- fouten in de terminal ---", *errors[:20], "--- laatste chatgeschiedenis ---", *lines])[:3000]


def actions_log(state) -> str:
    log = state / "log" / "actions.log"
    return "\n--- actions.log ---\n" + (log.read_text(errors="replace")[-3000:] if log.exists() else "(geen)")


def interactive_env(tmp_path) -> dict[str, str]:
    """make's own variables out (this test is run by make test); its own state, ports and knowledge base."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS", "KB_KNOWLEDGE_DIR", "TRACKER_STORE_URL")
    }
    env.update(
        TERM="xterm",
        STATE_DIR=str(tmp_path / "state"),
        RASA_PORT=str(INTERACTIVE_PORT),
        ACTIONS_PORT=str(INTERACTIVE_PORT + 50),
        KB_DATABASE_URL=f"sqlite:///{tmp_path / 'kennisbank.sqlite'}",
    )
    return env


def test_make_interactive_refuses_a_port_in_use(tmp_path):
    """Another program on the action server's port would otherwise answer Rasa in ours' place."""
    other = socket.create_server(("127.0.0.1", INTERACTIVE_PORT + 50))
    try:
        result = subprocess.run(
            ["make", "interactive"], cwd=PROJECT_ROOT, env=interactive_env(tmp_path), capture_output=True, text=True,
            timeout=60,
        )  # fmt: skip
    finally:
        other.close()
    assert result.returncode != 0
    assert f"!! poort {INTERACTIVE_PORT + 50} is al in gebruik" in result.stderr, result.stdout + result.stderr


def test_make_interactive_in_a_terminal_saves_a_valid_story(model, tmp_path):
    example = worked_example()
    copy = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT / "data", copy / "data")
    state = tmp_path / "state"
    env = interactive_env(tmp_path)
    before = fingerprint(PROJECT_ROOT), (PROJECT_ROOT / "domain.yml").read_bytes()
    terminal = Terminal(shlex.split(example["command"]), PROJECT_ROOT, env)
    try:
        first = confirm_turn(terminal, example["first"], "ask_fondsen", ["action_fondsen"])
        assert "[fiets](behoefte)" in first and "[10](leeftijd)" in first  # the entities, as the guide says
        # The action server's answer, shown in Rasa's chat history (with its log when it is not there).
        assert "Stichting Leergeld" in first, shown_after_action(first) + actions_log(state)
        second = confirm_turn(terminal, example["second"], "inform", ["action_follow_up"])
        assert "[peuter](leeftijd)" in second

        terminal.expect(r"Your input ->", 120)
        terminal.type(CTRL_C)
        terminal.expect(r"Do you want to stop\?.*Export & Quit", 60)
        terminal.type(DOWN * 4 + ENTER)
        for question, answer in (
            ("Export stories to", example["stories"]),
            ("Export NLU data to", example["nlu"]),
            ("Export domain file to", example["domain"]),
        ):
            terminal.expect(re.escape(question), 60)
            terminal.type(CTRL_U + str(copy / answer) + ENTER)
        terminal.expect(r"Successfully wrote stories and NLU data", 60)
        assert terminal.wait(60) == 0, terminal.text[-3000:]
    finally:
        terminal.close()
        (tmp_path / "terminal.txt").write_text(terminal.text, encoding="utf-8")  # what the maintainer saw

    assert (fingerprint(PROJECT_ROOT), (PROJECT_ROOT / "domain.yml").read_bytes()) == before, "het project veranderde"
    assert (copy / example["domain"]).is_file()  # Rasa's domain went to the file the guide names, not domain.yml
    story = (copy / example["stories"]).read_text(encoding="utf-8")
    assert "intent: ask_fondsen" in story and "action: action_fondsen" in story, story
    assert "intent: inform" in story and "action: action_follow_up" in story, story
    assert (copy / example["nlu"]).is_file()
    validated = subprocess.run(
        [
            *RASA,
            "data",
            "validate",
            "--data",
            str(copy / "data"),
            "--domain",
            str(PROJECT_ROOT / "domain.yml"),
            "--fail-on-warnings",
            "--quiet",
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert validated.returncode == 0, (validated.stdout + validated.stderr)[-4000:]
