"""Helpers for the hostile-input tests: a fingerprint of the knowledge base, and "is this Dutch?"."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.deploy.tracker_store import DEFAULT_FILE_NAME, parse
from tests.stack import Stack

# Frequent Dutch function words; English, Arabic or an echo of the input has (almost) none of them.
DUTCH_WORDS = {
    "de",
    "het",
    "een",
    "en",
    "van",
    "voor",
    "je",
    "jij",
    "ik",
    "is",
    "niet",
    "dat",
    "die",
    "met",
    "op",
    "in",
    "te",
    "of",
    "wat",
    "welke",
    "hoe",
    "kan",
    "kun",
    "bij",
    "ook",
    "zijn",
    "er",
    "naar",
    "om",
    "geen",
    "over",
    "dit",
    "deze",
    "vraag",
    "stel",
    "bijvoorbeeld",
    "aan",
    "wie",
    "waar",
    "nog",
    "mij",
    "oud",
    "kind",
    "fonds",
    "bron",
    "sorry",
    "begrijp",
    "graag",
}


def looks_dutch(text: str) -> bool:
    words = re.findall(r"[a-zà-ÿ]+", text.lower())
    return len({w for w in words if w in DUTCH_WORDS}) >= 3


def kb_fingerprint(path: Path) -> dict[str, str]:
    """SHA-256 of every table's rows (in a fixed order), so any change to the knowledge base shows."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        fingerprint = {}
        for table in tables:
            rows = sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{table}"'))
            fingerprint[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
        fingerprint["__schema__"] = hashlib.sha256(
            repr(conn.execute("SELECT * FROM sqlite_master ORDER BY name").fetchall()).encode()
        ).hexdigest()
    return fingerprint


def user_messages(stack: Stack) -> list[tuple[str, str]]:
    """(sender_id, text) of every user event in the stack's tracker store (TRACKER_STORE_URL or its SQLite default)."""
    value = stack.env.get("TRACKER_STORE_URL", "")
    store = parse(value) if value else parse(f"sqlite:///{stack.state / DEFAULT_FILE_NAME}")
    engine = create_engine(store.sqlalchemy_url())
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT sender_id, data FROM events WHERE type_name = 'user' ORDER BY id")).all()
    finally:
        engine.dispose()
    return [(sender, json.loads(data)["text"]) for sender, data in rows]


@pytest.fixture(scope="session")
def kb_path(running_stack) -> Path:
    path = running_stack.state / "kb.sqlite"
    assert path.exists(), f"de kennisbank van de stack ontbreekt: {path}"
    return path
