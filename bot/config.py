"""Settings read from the environment, with defaults that work on a fresh checkout."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = PROJECT_ROOT / "knowledge"
DEFAULT_DB_PATH = PROJECT_ROOT / "var" / "kennisbank.sqlite"

# One setting chooses the store: any SQLAlchemy URL (sqlite:///…, postgresql+psycopg://…).
KB_URL_SETTING = "KB_DATABASE_URL"


def knowledge_dir() -> Path:
    return Path(os.environ.get("KB_KNOWLEDGE_DIR", KNOWLEDGE_DIR))


def database_url() -> str:
    url = os.environ.get(KB_URL_SETTING)
    if url:
        return url
    DEFAULT_DB_PATH.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{DEFAULT_DB_PATH}"
