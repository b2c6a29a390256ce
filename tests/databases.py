"""Throw-away databases on the test PostgreSQL server (scripts/postgres.sh), one per fixture that needs its own."""

from __future__ import annotations

import uuid

from sqlalchemy import create_engine, text


def create_database(server_url: str, prefix: str = "gesprekken") -> str:
    """A new, empty database on the test PostgreSQL server; its SQLAlchemy URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def drop_database(server_url: str, url: str) -> None:
    """Drops it even while Rasa is still connected."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    admin.dispose()
