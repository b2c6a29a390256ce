"""Grouping similar questions that went wrong, and remembering which groups a maintainer handled.

Two questions are similar when they share most of their content words (stemmed). A group's id is
derived from the words of its first question, so the proposal and the handled list can refer to it.
A handled group stays away for the questions asked up to the moment it was handled; when a similar
question goes wrong again afterwards, it comes back (the fix did not work, or not for that wording).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from .problems import Problem, similar, word_keys

GROUP_SHARE = 0.5


@dataclass
class Group:
    problems: list[Problem]  # newest first
    offers: list[tuple[str, str]] = field(default_factory=list)  # (record key, title) retrieval would offer
    handled_before: str | None = None  # the date an earlier, similar group was handled

    @property
    def keys(self) -> frozenset[str]:
        return word_keys(self.problems[-1].turn.text)

    @property
    def id(self) -> str:
        return "g" + hashlib.sha256(" ".join(sorted(self.keys)).encode()).hexdigest()[:8]

    @property
    def question(self) -> str:
        return self.problems[0].turn.text

    @property
    def texts(self) -> list[str]:
        return list(dict.fromkeys(p.turn.text for p in self.problems))

    @property
    def reasons(self) -> list[str]:
        return list(dict.fromkeys(r for p in self.problems for r in p.reasons))

    @property
    def first(self) -> datetime:
        return min(p.turn.time for p in self.problems)

    @property
    def last(self) -> datetime:
        return max(p.turn.time for p in self.problems)

    @property
    def answer(self) -> str:
        """What the assistant answered the newest time."""
        return "\n".join(self.problems[0].turn.replies) or "(geen antwoord bewaard)"

    @property
    def intent(self) -> str | None:
        """The likeliest kind of question: the best ask_* intent the NLU gave, also under a fallback."""
        for problem in self.problems:
            turn = problem.turn
            for name in [turn.intent, *turn.ranking]:
                if name and name.startswith("ask_"):
                    return name
        return None


def group(found: list[Problem]) -> list[Group]:
    """Similar questions together; groups newest first (as their newest question)."""
    groups: list[Group] = []
    for problem in found:  # newest first
        keys = word_keys(problem.turn.text)
        home = next(
            (g for g in groups if any(similar(keys, word_keys(p.turn.text), GROUP_SHARE) for p in g.problems)), None
        )
        if home:
            home.problems.append(problem)
        else:
            groups.append(Group([problem]))
    return groups


# --- handled groups (var/review/afgehandeld.yml) ----------------------------------------------------


def read_handled(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return yaml.safe_load(path.read_text(encoding="utf-8")) or []


def not_handled(groups: list[Group], handled: list[dict]) -> list[Group]:
    """Drops the questions of handled groups asked before they were handled; keeps the rest."""
    kept = []
    for g in groups:
        left = []
        for problem in g.problems:
            keys = word_keys(problem.turn.text)
            match = [h for h in handled if any(similar(keys, frozenset(words), GROUP_SHARE) for words in h["woorden"])]
            if any(problem.turn.time.isoformat() <= h["op"] for h in match):
                continue
            if match:
                g.handled_before = max(h["op"] for h in match)[:10]
            left.append(problem)
        if left:
            g.problems = left
            kept.append(g)
    return kept


def write_groups(path: Path, groups: list[Group]) -> None:
    """For each proposed group, the words of its questions: what `review toepassen` marks as handled."""
    path.parent.mkdir(parents=True, exist_ok=True)
    content = {g.id: [sorted(word_keys(t)) for t in g.texts] for g in groups}
    path.write_text(
        "# Geschreven door make review: de inhoudswoorden van de vragen per groep (geen hele berichten).\n"
        + yaml.safe_dump(content, allow_unicode=True, sort_keys=True),
        encoding="utf-8",
    )


def mark_handled(path: Path, entries: list[tuple[str, list[list[str]], str]], when: datetime) -> None:
    """entries: (group id, the words of its questions, what was done)."""
    handled = read_handled(path)
    handled += [
        {"groep": gid, "op": when.isoformat(), "actie": action, "woorden": words} for gid, words, action in entries
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "# Afgehandelde groepen van make review: ze komen niet terug voor vragen van vóór 'op'.\n"
        + yaml.safe_dump(handled, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
