"""The peer baseline: BM25 over passages of the source texts, as a careful Ctrl-F would do.

Each source document is cut into passages of six non-empty lines (overlapping by three); a
question's top three passages count as right when one of them contains an expected record:
its name (for named records), or most of the content words of one of its sentences.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from rank_bm25 import BM25Okapi

from bot.beheer.vragenbank import matches
from bot.config import PROJECT_ROOT
from bot.kb.text import content_words, keys, normalize

PASSAGE_LINES, STRIDE, TOP = 6, 3, 3
SOURCES_SETTING = "BRONNEN_DIR"


def sources_dir() -> Path:
    """BRONNEN_DIR, else ../shared/sources next to the project (where the sources live on our machines)."""
    return Path(os.environ.get(SOURCES_SETTING) or PROJECT_ROOT.parent / "shared" / "sources")


def _tokens(text: str) -> list[str]:
    return [min(keys(w)) for w in content_words(text)]


def passages(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for start in range(0, max(len(lines) - PASSAGE_LINES, 0) + 1, STRIDE):
            found.append("\n".join(lines[start : start + PASSAGE_LINES]))
    return found


class Bm25Baseline:
    def __init__(self, folder: Path, texts: dict[str, str], names: dict[str, str]):
        self.passages = passages(folder)
        if not self.passages:
            raise FileNotFoundError(f"geen brontekst (*.txt) in {folder}; zet {SOURCES_SETTING}")
        self.normalised = [normalize(p) for p in self.passages]
        self.index = BM25Okapi([_tokens(p) for p in self.passages])
        self.texts, self.names = texts, names

    def top(self, question: str) -> list[int]:
        scores = self.index.get_scores(_tokens(question))
        return sorted(range(len(scores)), key=lambda i: -scores[i])[:TOP]

    def contains(self, passage: int, record_id: str) -> bool:
        text = self.normalised[passage]
        name = self.names.get(record_id)
        if name and len(normalize(name)) >= 4 and f" {normalize(name)} " in f" {text} ":
            return True
        words = set(text.split())
        for sentence in re.split(r"(?<=[.;:!?])\s+", self.texts.get(record_id, "")):
            wanted = set(content_words(sentence))
            if len(wanted) >= 4 and len(wanted & words) >= 0.7 * len(wanted):
                return True
        return False

    def right(self, question: str, expected: tuple[str, ...]) -> bool:
        candidates = [key for key in self.texts if any(matches(e, key) for e in expected)]
        return any(self.contains(p, key) for p in self.top(question) for key in candidates)
