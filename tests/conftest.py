"""Shared fixtures: the real knowledge base loaded into SQLite and PostgreSQL, once per run."""
from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.config import KNOWLEDGE_DIR, PROJECT_ROOT
from bot.kb import KnowledgeBase
from bot.kb.load import load
from bot.kb.queries import make_engine
from bot.kb.validate import read_knowledge

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
        url = subprocess.run([str(PROJECT_ROOT / "scripts" / "postgres.sh")], check=True,
                             capture_output=True, text=True).stdout.strip()
    return url


@pytest.fixture(scope="session")
def postgres_url(postgres_server, knowledge) -> str:
    """A fresh database on the test server, with the real knowledge loaded."""
    name = f"kb_{uuid.uuid4().hex[:10]}"
    admin = create_engine(postgres_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = postgres_server.rsplit("/", 1)[0] + f"/{name}"
    load(make_engine(url), knowledge)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


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


RASA = str(PROJECT_ROOT / ".venv" / "rasa" / "bin" / "rasa")


def run_rasa(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([RASA, *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def model() -> str:
    """The trained model: trained at most once per run, and not at all when data and config are unchanged."""
    subprocess.run([str(PROJECT_ROOT / ".venv" / "bot" / "bin" / "python"), "-m", "bot", "nlu", "lookups"],
                   cwd=PROJECT_ROOT, check=True)
    result = subprocess.run([str(PROJECT_ROOT / "scripts" / "train.sh")], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=1500)
    assert result.returncode == 0, "Het model kon niet getraind worden:\n" + result.stderr[-4000:]
    return result.stdout.strip()
