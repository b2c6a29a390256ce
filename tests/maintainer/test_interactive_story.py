"""`make interactive`: a conversation corrected in Rasa's interactive learning becomes a story.

The interactive session itself needs a person at the terminal; what it saves goes through Rasa's own
`_write_stories_to_file` (rasa/core/training/interactive.py, 3.6.21) with the conversation's events.
Here a real conversation through the running assistant (stored redacted in its tracker store) goes
through exactly that function, and the story it writes must pass `rasa data validate` next to the
project's own training data, the way docs/beheer.md tells a maintainer to save it.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from bot.config import PROJECT_ROOT
from bot.conversations import ConversationStore
from bot.deploy.tracker_store import parse
from tests.conftest import RASA
from tests.stack import Chat

pytestmark = pytest.mark.e2e

WRITE_STORY = """
import json, sys
from rasa.core.training.interactive import _write_stories_to_file
from rasa.shared.core.domain import Domain
events = json.load(open(sys.argv[1], encoding="utf-8"))
_write_stories_to_file(sys.argv[2], events, Domain.load(sys.argv[3]))
"""


def test_an_interactive_conversation_becomes_a_valid_story(stack, tracker_env, tmp_path):
    chat = Chat(stack, "interactief-verhaal")
    assert "Bron:" in chat.text("welk fonds betaalt een fiets voor een kind van 10?")
    assert "Bron:" in chat.text("en voor een peuter?")
    assert chat.text("Mevrouw Jansen wil weten wie dat aanvraagt")
    store = ConversationStore(parse(tracker_env["TRACKER_STORE_URL"]).sqlalchemy_url())
    try:
        events = [{"event": e.type, **e.data} for e in store.events(chat.sender)]
    finally:
        store.close()
    (tmp_path / "events.json").write_text(json.dumps(events), encoding="utf-8")
    data = tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "data", data)
    story = data / "stories" / "interactief.yml"
    written = subprocess.run(
        [RASA[0], "-c", WRITE_STORY, str(tmp_path / "events.json"), str(story), str(PROJECT_ROOT / "domain.yml")],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert written.returncode == 0, written.stderr[-3000:]
    text = story.read_text(encoding="utf-8")
    assert "intent: ask_fondsen" in text and "action: action_fondsen" in text and "action: action_follow_up" in text
    assert "Jansen" not in text  # stored redacted, so saved redacted
    validated = subprocess.run(
        [*RASA, "data", "validate", "--data", str(data), "--fail-on-warnings", "--quiet"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert validated.returncode == 0, (validated.stdout + validated.stderr)[-4000:]
