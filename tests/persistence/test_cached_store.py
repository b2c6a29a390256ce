"""stores/cached_sql.py hands Rasa the same trackers and writes the same rows as Rasa's own SQL store."""

from __future__ import annotations

import json
import os
import subprocess

from sqlalchemy.engine import make_url

from bot.config import PROJECT_ROOT
from tests.databases import create_database, drop_database

from .conftest import RASA_PYTHON

CHECK = str(PROJECT_ROOT / "tests" / "persistence" / "cached_store_check.py")


def run_check(first: dict, second: dict) -> dict:
    result = subprocess.run(
        [RASA_PYTHON, CHECK, json.dumps(first), json.dumps(second)],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def rasa_fields(url: str) -> dict:
    """Rasa's SQLTrackerStore arguments for a PostgreSQL URL (Rasa's environment has psycopg2)."""
    parts = make_url(url)
    return {
        "dialect": "postgresql",
        "host": parts.host,
        "port": parts.port,
        "db": parts.database,
        "username": parts.username,
        "password": parts.password,
    }


def assert_same_as_rasa(report: dict) -> None:
    assert report["handed_out_equals_rasas_reading"], "een bewaard gesprek wijkt af van wat Rasa zelf inleest"
    assert report["same_rows_as_rasa"], "de database kreeg andere rijen dan bij Rasa's eigen opslag"
    # Turn 1 is new, turn 2 follows the first session start, turn 8 a new session: the rest from memory.
    assert report["served_from_memory"] == 9
    assert report["kept"] == ["gesprek", "opgeruimd", "ander", "afgebroken"]
    assert report["after_clean_up"] is None, "een opgeruimd gesprek kwam terug uit het geheugen"
    assert report["sees_other_writer"] == "Utrecht"
    assert report["unsaved_change_dropped"] and report["unsaved_equals_rasas_reading"]


def test_sqlite(tmp_path):
    assert_same_as_rasa(
        run_check(
            {"dialect": "sqlite", "db": str(tmp_path / "bewaard.sqlite")},
            {"dialect": "sqlite", "db": str(tmp_path / "rasa.sqlite")},
        )
    )


def test_postgresql(postgres_server):
    first, second = create_database(postgres_server), create_database(postgres_server)
    try:
        assert_same_as_rasa(run_check(rasa_fields(first), rasa_fields(second)))
    finally:
        drop_database(postgres_server, first)
        drop_database(postgres_server, second)
