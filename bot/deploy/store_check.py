"""Can the tracker store be used? Checked before Rasa starts, because Rasa itself retries a
database it cannot open every 5 seconds, forever, without saying why."""

from __future__ import annotations

import sqlite3

from .tracker_store import SETTING, TrackerStore, TrackerStoreSettingError

CONNECT_TIMEOUT_SECONDS = 5


def check_usable(store: TrackerStore) -> None:
    """Raise TrackerStoreSettingError (Dutch, naming TRACKER_STORE_URL) when Rasa could not use the store."""
    if store.kind == "sqlite":
        _check_sqlite(store)
    elif store.kind == "postgresql":
        _check_postgresql(store)


def _check_sqlite(store: TrackerStore) -> None:
    try:
        store.path.parent.mkdir(parents=True, exist_ok=True)
        with sqlite3.connect(store.path) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()
    except (OSError, sqlite3.Error) as exc:
        raise TrackerStoreSettingError(
            f"{SETTING}: het SQLite-bestand {store.path} voor de gesprekken is niet bruikbaar ({exc}). "
            f"Kies een ander pad met {SETTING}=sqlite:///pad/naar/gesprekken.sqlite."
        ) from exc


def _check_postgresql(store: TrackerStore) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import SQLAlchemyError

    engine = create_engine(store.sqlalchemy_url(), connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).strip()
        reason = detail.splitlines()[0] if detail else type(exc).__name__
        raise TrackerStoreSettingError(
            f"{SETTING}: de database voor de gesprekken ({store.describe()}) is niet bereikbaar: {reason}. "
            f"Controleer {SETTING} en of PostgreSQL draait."
        ) from exc
    finally:
        engine.dispose()
