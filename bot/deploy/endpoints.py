"""Writes $STATE_DIR/endpoints.yml for `rasa run`: the action server and the tracker store.

    python -m bot.deploy.endpoints var/endpoints.yml

Reads ACTIONS_PORT, TRACKER_STORE_URL and REDIS_URL (the lock store of more than one Rasa instance,
bot/deploy/lock_store.py), checks that the stores can be used and exits with a Dutch message naming
the setting when one cannot (scripts/run.sh then stops).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml

from .lock_store import LockStoreSettingError, Redis, redis_from_env
from .lock_store import check_usable as check_redis
from .store_check import check_usable
from .tracker_store import TrackerStore, TrackerStoreSettingError, tracker_store_from_env

HEADER = (
    "# Gemaakt door scripts/run.sh (bot/deploy/endpoints.py) uit ACTIONS_PORT, TRACKER_STORE_URL en REDIS_URL;\n"
    "# wijzigingen hier gaan verloren bij de volgende start.\n"
)


class SettingError(ValueError):
    """A setting cannot be used; the message is Dutch and names it."""


def actions_port() -> int:
    value = os.environ.get("ACTIONS_PORT", "5055")
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise SettingError(f"ACTIONS_PORT={value} is geen poortnummer (1–65535).")
    return int(value)


# Rasa's SQLTrackerStore, keeping active conversations in memory between turns (stores/cached_sql.py).
TRACKER_STORE_TYPE = "stores.cached_sql.CachedSQLTrackerStore"


def endpoints(port: int, store: TrackerStore, redis: Redis | None = None) -> dict:
    config: dict = {"action_endpoint": {"url": f"http://127.0.0.1:{port}/webhook"}}
    if store.kind == "sqlite":
        config["tracker_store"] = {"type": TRACKER_STORE_TYPE, "dialect": "sqlite", "db": str(store.path)}
    elif store.kind == "postgresql":
        # Rasa's SQLTrackerStore builds the URL from these fields (SQLAlchemy 1.4 with psycopg2).
        sql = {
            "type": TRACKER_STORE_TYPE,
            "dialect": "postgresql",
            "url": store.host,
            "port": store.port,
            "db": store.database,
            "username": store.username,
            "password": store.password,
            "query": store.query or None,
        }
        config["tracker_store"] = {key: value for key, value in sql.items() if value is not None}
    # kind "none": no tracker_store section, so Rasa keeps conversations in memory only.
    if redis is not None:
        config["lock_store"] = redis.endpoint()
    return config


def write(path: Path, config: dict) -> None:
    """Owner-only: the file may hold the database password."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(HEADER + yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    os.chmod(tmp, 0o600)
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print("Gebruik: python -m bot.deploy.endpoints PAD/endpoints.yml", file=sys.stderr)
        return 2
    try:
        port = actions_port()
        store = tracker_store_from_env()
        check_usable(store)
        redis = redis_from_env()
        if redis is not None:
            check_redis(redis)
    except (SettingError, TrackerStoreSettingError, LockStoreSettingError) as exc:
        print(f"!! {exc}", file=sys.stderr)
        return 1
    write(Path(argv[0]), endpoints(port, store, redis))
    print(f">> Gesprekken: {store.describe()}")
    if redis is not None:
        print(f">> Vergrendeling per gesprek en Slack-herhalingen: {redis.describe()} (REDIS_URL)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
