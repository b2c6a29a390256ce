"""TRACKER_STORE_URL: where Rasa keeps the conversations (its tracker store).

One setting, three forms:
  (not set)                         a SQLite file $STATE_DIR/gesprekken.sqlite
  sqlite:///pad/bestand.sqlite      that SQLite file
  postgresql://user:pw@host:5432/db PostgreSQL (also postgres://, postgresql+psycopg://, postgresql+psycopg2://)
  geen                              nothing stored: Rasa keeps conversations in memory only
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from bot.config import PROJECT_ROOT

SETTING = "TRACKER_STORE_URL"
NONE_VALUE = "geen"
DEFAULT_FILE_NAME = "gesprekken.sqlite"
POSTGRES_SCHEMES = {"postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2"}
EXAMPLES = f"postgresql://gebruiker:wachtwoord@host:5432/database, sqlite:///pad/naar/gesprekken.sqlite of {NONE_VALUE}"


class TrackerStoreSettingError(ValueError):
    """TRACKER_STORE_URL cannot be used; the message is Dutch and names the setting."""


@dataclass(frozen=True)
class TrackerStore:
    kind: str  # "sqlite", "postgresql" or "none"
    path: Path | None = None  # SQLite file
    host: str | None = None
    port: int | None = None
    database: str | None = None
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    query: dict[str, str] = field(default_factory=dict)

    def describe(self) -> str:
        """For messages: where conversations go, without the password."""
        if self.kind == "none":
            return f"{SETTING}={NONE_VALUE} (gesprekken alleen in het geheugen)"
        if self.kind == "sqlite":
            return f"SQLite-bestand {self.path}"
        user = f"{self.username}@" if self.username else ""
        return f"PostgreSQL {user}{self.host}:{self.port}/{self.database}"

    def sqlalchemy_url(self):
        """URL for SQLAlchemy 2 with psycopg 3 (the bot's environment), for checks and clean-up."""
        from sqlalchemy.engine import URL

        if self.kind == "sqlite":
            return URL.create("sqlite", database=str(self.path))
        if self.kind == "postgresql":
            return URL.create(
                "postgresql+psycopg",
                username=self.username,
                password=self.password,
                host=self.host,
                port=self.port,
                database=self.database,
                query=self.query,
            )
        raise TrackerStoreSettingError(f"{SETTING}={NONE_VALUE}: er is geen database met gesprekken.")


def state_dir() -> Path:
    """$STATE_DIR (default var/), relative to the project like scripts/run.sh uses it."""
    return PROJECT_ROOT / os.environ.get("STATE_DIR", "var")


def tracker_store_from_env() -> TrackerStore:
    return parse(os.environ.get(SETTING, ""))


def parse(value: str) -> TrackerStore:
    value = value.strip()
    if not value:
        return TrackerStore("sqlite", path=(state_dir() / DEFAULT_FILE_NAME).resolve())
    if value.lower() == NONE_VALUE:
        return TrackerStore("none")
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        return _sqlite(value)
    if scheme in POSTGRES_SCHEMES:
        return _postgresql(value, parts)
    raise TrackerStoreSettingError(f"{SETTING}={masked(value)} wordt niet herkend. Gebruik {EXAMPLES}.")


def _sqlite(value: str) -> TrackerStore:
    if not value.lower().startswith("sqlite:///") or len(value) <= len("sqlite:///"):
        raise TrackerStoreSettingError(
            f"{SETTING}={value}: een SQLite-adres heeft de vorm sqlite:///pad/naar/gesprekken.sqlite "
            "(drie schuine strepen, dan het pad)."
        )
    path = Path(value[len("sqlite:///") :])
    return TrackerStore("sqlite", path=(path if path.is_absolute() else PROJECT_ROOT / path).resolve())


def _postgresql(value: str, parts) -> TrackerStore:
    try:
        port = parts.port or 5432
    except ValueError:
        raise TrackerStoreSettingError(f"{SETTING}={masked(value)}: de poort is geen getal.") from None
    database = unquote(parts.path.lstrip("/"))
    if not parts.hostname or not database or "/" in database:
        raise TrackerStoreSettingError(
            f"{SETTING}={masked(value)}: een PostgreSQL-adres noemt host en database, zoals "
            "postgresql://gebruiker:wachtwoord@host:5432/database."
        )
    return TrackerStore(
        "postgresql",
        host=parts.hostname,
        port=port,
        database=database,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        query=dict(parse_qsl(parts.query)),
    )


def masked(value: str) -> str:
    """The URL with its password replaced, fit for error messages and logs."""
    parts = urlsplit(value)
    if parts.password is None:
        return value
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()
