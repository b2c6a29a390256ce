"""Where the tests find the five source texts, and how they read them.

The sources are not part of the project. Tests that read them take the folder from the
setting BRONNEN_DIR; without it they use `../shared/sources` next to the project root. A
relative BRONNEN_DIR counts from the project root too. When the folder is absent, those
tests skip (with a Dutch message) instead of failing; the other tests run as usual.

Use the `bronnen` fixture (tests/kb/conftest.py) or `require_bronnen()`, never a path of your own.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
import yaml

from bot.config import KNOWLEDGE_DIR, PROJECT_ROOT

SETTING = "BRONNEN_DIR"
DEFAULT = Path("..") / "shared" / "sources"


def bronnen_dir() -> Path:
    """The configured folder with the source texts (it may not exist)."""
    folder = Path(os.environ.get(SETTING) or DEFAULT).expanduser()
    return folder if folder.is_absolute() else (PROJECT_ROOT / folder).resolve()


def skip_message(folder: Path) -> str:
    return (
        f"Brondocumenten niet gevonden in {folder}: zet {SETTING} op de map met de vijf "
        f"brondocumenten (000_…txt t/m 004_…txt) om deze test te draaien."
    )


class Bronnen:
    """The source texts by document id (the ids and file names of knowledge/bronnen.yml)."""

    def __init__(self, folder: Path):
        self.folder = folder
        records = yaml.safe_load((KNOWLEDGE_DIR / "bronnen.yml").read_text(encoding="utf-8"))
        self.files = {r["id"]: r["bestand"] for r in records}
        missing = [name for name in self.files.values() if not (folder / name).is_file()]
        if missing:
            # The folder is there but incomplete: that is a broken setup, not a reason to skip.
            raise FileNotFoundError(f"{SETTING}={folder} mist de brondocumenten {', '.join(missing)}")
        self._texts: dict[str, str] = {}

    def text(self, document: str) -> str:
        """The raw text of one document, as the extraction left it."""
        if document not in self._texts:
            self._texts[document] = (self.folder / self.files[document]).read_text(encoding="utf-8")
        return self._texts[document]


@cache
def _bronnen(folder: Path) -> Bronnen:
    return Bronnen(folder)


def require_bronnen() -> Bronnen:
    """The source texts; skips the calling test when the folder is absent."""
    folder = bronnen_dir()
    if not folder.is_dir():
        pytest.skip(skip_message(folder))
    return _bronnen(folder)


@pytest.fixture(scope="session")
def bronnen() -> Bronnen:
    """The five source texts (skips the test when BRONNEN_DIR does not point at them)."""
    return require_bronnen()
