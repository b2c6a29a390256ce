"""TRACKER_STORE_URL → $STATE_DIR/endpoints.yml, checked by building Rasa's own tracker store from it."""

from __future__ import annotations

import stat

import pytest
import yaml

from bot.deploy.tracker_store import TrackerStoreSettingError, masked, parse

from .conftest import generate_endpoints, rasa_store, run_sh_that_must_stop


def test_default_is_a_sqlite_file_in_the_state_dir(tmp_path):
    endpoints = tmp_path / "endpoints.yml"
    result = generate_endpoints(endpoints, None, ACTIONS_PORT="6299")
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load(endpoints.read_text())
    assert config["action_endpoint"]["url"] == "http://127.0.0.1:6299/webhook"
    assert config["tracker_store"] == {
        "type": "stores.cached_sql.CachedSQLTrackerStore",
        "dialect": "sqlite",
        "db": str(tmp_path / "gesprekken.sqlite"),
    }

    rasa_store(endpoints, "write", {"gesprek-1": [0]})
    stored = rasa_store(endpoints, "read")
    assert stored["store"] == "CachedSQLTrackerStore" and stored["dialect"] == "sqlite"
    assert stored["database"] == str(tmp_path / "gesprekken.sqlite")
    assert list(stored["senders"]) == ["gesprek-1"]


def test_postgresql_url_becomes_a_sql_tracker_store(tmp_path, fresh_postgres):
    endpoints = tmp_path / "endpoints.yml"
    plain = fresh_postgres.replace("postgresql+psycopg://", "postgresql://")  # the form people write
    result = generate_endpoints(endpoints, plain)
    assert result.returncode == 0, result.stderr
    store = yaml.safe_load(endpoints.read_text())["tracker_store"]
    assert store["dialect"] == "postgresql" and store["db"] == fresh_postgres.rsplit("/", 1)[1]
    assert stat.S_IMODE(endpoints.stat().st_mode) == 0o600, "endpoints.yml kan een wachtwoord bevatten"

    rasa_store(endpoints, "write", {"gesprek-pg": [0]})
    stored = rasa_store(endpoints, "read")
    assert stored["store"] == "CachedSQLTrackerStore" and stored["dialect"] == "postgresql"
    assert list(stored["senders"]) == ["gesprek-pg"]


def test_geen_means_nothing_is_stored(tmp_path):
    endpoints = tmp_path / "endpoints.yml"
    result = generate_endpoints(endpoints, "geen")
    assert result.returncode == 0, result.stderr
    assert "tracker_store" not in yaml.safe_load(endpoints.read_text())
    rasa_store(endpoints, "write", {"gesprek-1": [0]})
    assert rasa_store(endpoints, "read")["store"] == "InMemoryTrackerStore"
    assert not list(tmp_path.glob("*.sqlite"))


def test_password_and_special_characters_reach_rasa_unchanged():
    store = parse("postgresql://assistent:p%40ss%3Aw0rd@db.example.nl:6543/gesprekken?sslmode=require")
    assert (store.username, store.password, store.host, store.port, store.database, store.query) == (
        "assistent",
        "p@ss:w0rd",
        "db.example.nl",
        6543,
        "gesprekken",
        {"sslmode": "require"},
    )
    assert masked("postgresql://assistent:p%40ss@db/x") == "postgresql://assistent:***@db/x"


@pytest.mark.parametrize(
    "value",
    [
        "redis://localhost:6379",
        "gesprekken.sqlite",
        "postgresql://host-zonder-db",
        "postgresql://u:pw@host:poort/db",
        "sqlite://relatief.sqlite",
    ],
)
def test_bad_url_is_refused_naming_the_setting(tmp_path, value):
    endpoints = tmp_path / "endpoints.yml"
    result = generate_endpoints(endpoints, value)
    assert result.returncode == 1
    assert "TRACKER_STORE_URL" in result.stderr and ":pw@" not in result.stderr
    assert not endpoints.exists()
    with pytest.raises(TrackerStoreSettingError):
        parse(value)


def test_unreachable_postgresql_is_reported_before_rasa_starts(tmp_path):
    endpoints = tmp_path / "endpoints.yml"
    result = generate_endpoints(endpoints, "postgresql://assistent:geheim@127.0.0.1:1/gesprekken")
    assert result.returncode == 1
    assert "TRACKER_STORE_URL" in result.stderr and "niet bereikbaar" in result.stderr
    assert "geheim" not in result.stderr and not endpoints.exists()


def test_missing_postgresql_database_is_reported(tmp_path, postgres_server):
    missing = postgres_server.rsplit("/", 1)[0] + "/bestaat_niet"
    result = generate_endpoints(tmp_path / "endpoints.yml", missing)
    assert result.returncode == 1 and "bestaat_niet" in result.stderr and "TRACKER_STORE_URL" in result.stderr


def test_unusable_sqlite_file_is_reported(tmp_path):
    broken = tmp_path / "kapot.sqlite"
    broken.write_bytes(b"dit is geen database" * 100)
    result = generate_endpoints(tmp_path / "endpoints.yml", f"sqlite:///{broken}")
    assert result.returncode == 1 and "TRACKER_STORE_URL" in result.stderr and str(broken) in result.stderr


@pytest.mark.parametrize(
    "url,message",
    [
        ("mongodb://localhost/gesprekken", "wordt niet herkend"),
        ("postgresql://assistent:geheim@127.0.0.1:1/gesprekken", "niet bereikbaar"),
    ],
)
def test_run_sh_stops_before_starting_anything(tmp_path, url, message):
    result = run_sh_that_must_stop(
        tmp_path, TRACKER_STORE_URL=url, KB_DATABASE_URL=f"sqlite:///{tmp_path / 'kb.sqlite'}"
    )
    assert result.returncode != 0
    assert "TRACKER_STORE_URL" in result.stderr and message in result.stderr and "geheim" not in result.stderr
    assert "READY" not in result.stdout and not (tmp_path / "log" / "rasa.log").exists()
