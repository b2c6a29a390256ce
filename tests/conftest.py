"""Shared fixtures: the real knowledge base loaded into SQLite and PostgreSQL, once per run."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from bot.config import KNOWLEDGE_DIR, PROJECT_ROOT
from bot.kb import KnowledgeBase
from bot.kb.load import load
from bot.kb.queries import make_engine
from bot.kb.validate import read_knowledge
from tests.channels.fake_microsoft import APP_ID as TEAMS_APP_ID
from tests.channels.fake_microsoft import APP_PASSWORD as TEAMS_APP_PASSWORD
from tests.channels.fake_microsoft import TENANT_ID as TEAMS_TENANT_ID
from tests.channels.fake_microsoft import FakeMicrosoft
from tests.channels.fake_slack import BOT_TOKEN as SLACK_BOT_TOKEN
from tests.channels.fake_slack import SIGNING_SECRET as SLACK_SIGNING_SECRET
from tests.channels.fake_slack import FakeSlack
from tests.databases import create_database, drop_database
from tests.stack import RASA_PORT, Chat, Stack

ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"


@pytest.fixture(scope="session")
def knowledge():
    return read_knowledge(KNOWLEDGE_DIR)


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory, knowledge) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('kb') / 'kennisbank.sqlite'}"
    load(make_engine(url), knowledge)
    return url


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """URL of the test PostgreSQL server (Debian's package, started by scripts/postgres.sh)."""
    url = os.environ.get("TEST_POSTGRES_URL")
    if not url:
        url = subprocess.run(
            [str(PROJECT_ROOT / "scripts" / "postgres.sh")], check=True, capture_output=True, text=True
        ).stdout.strip()
    return url


@pytest.fixture(scope="session")
def postgres_url(postgres_server, knowledge) -> str:
    """A fresh database on the test server, with the real knowledge loaded."""
    url = create_database(postgres_server, prefix="kb")
    load(make_engine(url), knowledge)
    yield url
    drop_database(postgres_server, url)


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def kb(request, sqlite_url) -> KnowledgeBase:
    """The real knowledge base, on each supported database."""
    if request.param == "sqlite":
        return KnowledgeBase.from_url(sqlite_url)
    return KnowledgeBase.from_url(request.getfixturevalue("postgres_url"))


@pytest.fixture(scope="session")
def kb_sqlite(sqlite_url) -> KnowledgeBase:
    return KnowledgeBase.from_url(sqlite_url)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


# Rasa's command line through the front door (rasa_runtime), as scripts/ start it.
RASA = [str(PROJECT_ROOT / ".venv" / "rasa" / "bin" / "python"), "-m", "rasa_runtime"]


def run_rasa(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([*RASA, *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def model() -> str:
    """The trained model: trained at most once per run, and not at all when data and config are unchanged."""
    subprocess.run(
        [str(PROJECT_ROOT / ".venv" / "bot" / "bin" / "python"), "-m", "bot", "nlu", "lookups"],
        cwd=PROJECT_ROOT,
        check=True,
    )
    result = subprocess.run(
        [str(PROJECT_ROOT / "scripts" / "train.sh")], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=1500
    )
    assert result.returncode == 0, "Het model kon niet getraind worden:\n" + result.stderr[-4000:]
    return result.stdout.strip()


@pytest.fixture(scope="session")
def stack_state(tmp_path_factory) -> Path:
    """The shared stack's own state directory: generated configuration, logs, tracker store."""
    return tmp_path_factory.mktemp("stack")


@pytest.fixture(scope="session")
def fake_microsoft():
    """Microsoft's side of Teams on loopback (metadata, keys, tokens, connector), next to the stack's ports."""
    fake = FakeMicrosoft(RASA_PORT + 20).start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def fake_slack():
    """Slack's Web API on loopback, recording chat.postMessage."""
    fake = FakeSlack(RASA_PORT + 30).start()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def channel_env(fake_microsoft, fake_slack) -> dict[str, str]:
    """Settings that switch on the Teams and Slack channels of the shared stack, pointing at the fakes."""
    return {
        "TEAMS_APP_ID": TEAMS_APP_ID,
        "TEAMS_APP_PASSWORD": TEAMS_APP_PASSWORD,
        "TEAMS_TENANT_ID": TEAMS_TENANT_ID,
        "TEAMS_OPENID_URL": fake_microsoft.openid_url,
        "TEAMS_TOKEN_URL": fake_microsoft.token_url,
        "SLACK_BOT_TOKEN": SLACK_BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.api_url,
    }


@pytest.fixture(scope="session")
def tracker_database(postgres_server) -> str:
    """A fresh PostgreSQL database for the shared stack's conversations (SQLAlchemy URL)."""
    url = create_database(postgres_server)
    yield url
    drop_database(postgres_server, url)


@pytest.fixture(scope="session")
def tracker_env(tracker_database) -> dict[str, str]:
    """The shared stack keeps its conversations in PostgreSQL (the SQLite default: tests/persistence)."""
    return {"TRACKER_STORE_URL": tracker_database}


@pytest.fixture(scope="session")
def stack_env(channel_env, tracker_env) -> dict[str, str]:
    return {**channel_env, **tracker_env}


@pytest.fixture(scope="session")
def running_stack(stack_state, stack_env, model) -> Stack:
    """The real stack, started the way `make run` starts it, once for all tests that need it."""
    running = Stack(stack_state, RASA_PORT, env=stack_env)
    try:
        running.start()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def stack(running_stack) -> str:
    """Base URL of the shared stack's Rasa."""
    return running_stack.url


@pytest.fixture
def chat(stack, request) -> Chat:
    return Chat(stack, f"e2e-{request.node.name}")
