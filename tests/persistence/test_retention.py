"""`python -m bot gesprekken opruimen` / `make opruimen` on conversations Rasa itself stored."""

from __future__ import annotations

import os
import subprocess

import pytest

from bot.config import PROJECT_ROOT

from .conftest import generate_endpoints, rasa_store, run_bot

# Per conversation: the age in days of each of its messages. Latest message decides.
PLAN = {
    "oud-45": [45],
    "oud-31": [33, 31],
    "lang-geleden-begonnen": [60, 40, 2],  # old start, recent latest message: kept whole
    "recent": [1, 0],
}


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    """TRACKER_STORE_URL and the generated endpoints.yml of a store holding PLAN, written by Rasa."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'gesprekken.sqlite'}"
    else:
        url = request.getfixturevalue("fresh_postgres")
    endpoints = tmp_path / "endpoints.yml"
    assert generate_endpoints(endpoints, url).returncode == 0
    rasa_store(endpoints, "write", PLAN)
    return url, endpoints


def test_deletes_conversations_older_than_the_period_and_keeps_the_rest(store):
    url, endpoints = store
    before = rasa_store(endpoints, "read")["senders"]
    result = run_bot("-m", "bot", "gesprekken", "opruimen", "--dagen", "30", env={"TRACKER_STORE_URL": url})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2 gesprek(ken) verwijderd") and "2 bewaard" in result.stdout

    after = rasa_store(endpoints, "read")["senders"]
    assert sorted(after) == ["lang-geleden-begonnen", "recent"]
    assert after["lang-geleden-begonnen"] == before["lang-geleden-begonnen"], "een bewaard gesprek blijft heel"


def test_period_comes_from_bewaartermijn_dagen(store):
    url, endpoints = store
    result = run_bot("-m", "bot", "gesprekken", "opruimen", env={"TRACKER_STORE_URL": url, "BEWAARTERMIJN_DAGEN": "40"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("1 gesprek(ken) verwijderd") and "40 dagen" in result.stdout
    assert sorted(rasa_store(endpoints, "read")["senders"]) == ["lang-geleden-begonnen", "oud-31", "recent"]


def test_make_opruimen_with_default_store_and_period(tmp_path):
    """`make opruimen` without settings: $STATE_DIR/gesprekken.sqlite, 30 days."""
    endpoints = tmp_path / "endpoints.yml"
    assert generate_endpoints(endpoints, None).returncode == 0
    rasa_store(endpoints, "write", PLAN)
    env = {k: v for k, v in os.environ.items() if k not in ("TRACKER_STORE_URL", "BEWAARTERMIJN_DAGEN")}
    result = subprocess.run(
        ["make", "--no-print-directory", "opruimen"],
        cwd=PROJECT_ROOT,
        env={**env, "STATE_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "2 gesprek(ken) verwijderd" in result.stdout and "30 dagen" in result.stdout
    assert sorted(rasa_store(endpoints, "read")["senders"]) == ["lang-geleden-begonnen", "recent"]


def test_nothing_stored_yet_or_geen():
    empty = run_bot("-m", "bot", "gesprekken", "opruimen", env={"STATE_DIR": "/tmp/bestaat-niet-6200"})
    assert empty.returncode == 0 and "Nog geen gesprekken" in empty.stdout
    none = run_bot("-m", "bot", "gesprekken", "opruimen", env={"TRACKER_STORE_URL": "geen"})
    assert none.returncode == 0 and "niets op te ruimen" in none.stdout


@pytest.mark.parametrize(
    "args,env,named",
    [
        (["--dagen", "nul"], {}, "--dagen"),
        (["--dagen", "0"], {}, "--dagen"),
        ([], {"BEWAARTERMIJN_DAGEN": "-5"}, "BEWAARTERMIJN_DAGEN"),
        ([], {"TRACKER_STORE_URL": "ftp://x"}, "TRACKER_STORE_URL"),
    ],
)
def test_bad_settings_are_refused_and_nothing_is_deleted(args, env, named):
    result = run_bot("-m", "bot", "gesprekken", "opruimen", *args, env=env)
    assert result.returncode == 1 and named in result.stderr and "Niet opgeruimd" in result.stderr


def test_unreachable_database_is_reported():
    result = run_bot(
        "-m",
        "bot",
        "gesprekken",
        "opruimen",
        env={"TRACKER_STORE_URL": "postgresql://assistent:geheim@127.0.0.1:1/gesprekken"},
    )
    assert result.returncode == 2 and "TRACKER_STORE_URL" in result.stderr and "geheim" not in result.stderr
