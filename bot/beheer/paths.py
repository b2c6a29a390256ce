"""Where the maintainer tools read and write, relative to one root (the project, or a copy in tests)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.config import PROJECT_ROOT


@dataclass(frozen=True)
class Paths:
    root: Path = PROJECT_ROOT

    @property
    def nlu(self) -> Path:
        return self.root / "data" / "nlu"

    @property
    def knowledge(self) -> Path:
        return self.root / "knowledge"

    @property
    def bank(self) -> Path:
        return self.root / "tests" / "vragenbank"

    @property
    def review(self) -> Path:
        return self.root / "var" / "review"

    @property
    def proposal(self) -> Path:
        return self.review / "voorstel.yml"

    @property
    def groups(self) -> Path:
        """The questions of each proposed group, as content words (for marking a group as handled)."""
        return self.review / "groepen.yml"

    @property
    def handled(self) -> Path:
        return self.review / "afgehandeld.yml"

    @property
    def reports(self) -> Path:
        return self.root / "var" / "rapport"

    @property
    def eval_result(self) -> Path:
        """What the last `make test` wrote about the question bank."""
        return self.root / "tests" / "artifacts" / "vragenbank.txt"
