"""Zoekvragen: how professionals ask for a record, in their own words (knowledge/zoekvragen/*.yml).

The sources say what a record is; professionals describe the situation they are in ("een moeder
die de telefoon niet opneemt als het over geld gaat"). Zoekvragen bridge the two: for each unit
the retrieval can lead with (a Hoe-block, a werkwijze section, a fund, …) a few questions it
answers. Retrieval scores a question also against these (bot/kb/retrieval.py), so a question in
words the record never uses can still find it. They are not facts: nothing in an answer comes
from them.

    - record: hoe:bespreken-jongeren
      vragen:
        - hoe begin ik over geldzorgen met een puber?
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

FOLDER = "zoekvragen"
FIELDS = {"record", "vragen"}
# A werkwijze's sections are units of their own (bot/kb/retrieval.py: SECTIONS).
SECTIONS = ("wat", "waarom", "samenwerken", "voorwaarden")


def files(directory: Path, leave_out: tuple[str, ...] = ()) -> list[Path]:
    """The zoekvragen files of a knowledge directory, but those named in leave_out."""
    return [p for p in sorted((directory / FOLDER).glob("*.yml")) if p.name not in leave_out]


def normal_question(question: str) -> str:
    """A question as the check compares them: the same words, whatever the case or spacing."""
    return " ".join(question.lower().split())


def read_zoekvragen(directory: Path, leave_out: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    """Unit key → its zoekvragen, from the files in knowledge/zoekvragen/ (unchecked: see check)."""
    found: dict[str, list[str]] = {}
    for path in files(directory, leave_out):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if isinstance(entry, dict) and isinstance(entry.get("record"), str):
                found.setdefault(entry["record"], []).extend(
                    q.strip() for q in entry.get("vragen") or [] if isinstance(q, str) and q.strip()
                )
    return {key: tuple(dict.fromkeys(qs)) for key, qs in found.items()}


@lru_cache(maxsize=4)
def zoekvragen(directory: str | None = None) -> dict[str, tuple[str, ...]]:
    """The zoekvragen of the knowledge directory (KB_KNOWLEDGE_DIR or knowledge/), read once."""
    from ..config import knowledge_dir

    return read_zoekvragen(Path(directory) if directory else knowledge_dir())


def unit_keys(records: dict[str, list[dict]]) -> set[str]:
    """Every unit key the knowledge has, from the validated records (kind → records)."""
    found: set[str] = set()
    for kind, items in records.items():
        for record in items:
            if kind == "werkwijze":
                found.update(f"werkwijze:{record['id']}/{s}" for s in SECTIONS if record.get(s))
                found.update(f"hoe:{block['id']}" for block in record.get("hoe") or [])
            elif kind not in ("bron", "behoefte"):
                found.add(f"{kind}:{record['id']}")
    return found


def check(directory: Path, records: dict[str, list[dict]], leave_out: tuple[str, ...] = ()) -> list:
    """Problems in knowledge/zoekvragen/*.yml (but leave_out), each naming file, entry and field (Dutch)."""
    from .validate import Problem

    problems: list[Problem] = []
    known = unit_keys(records)
    seen: dict[str, str] = {}
    for path in files(directory, leave_out):
        file = f"{FOLDER}/{path.name}"
        try:
            entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            problems.append(Problem(file, None, None, None, f"geen geldige YAML: {exc}"))
            continue
        if entries is None:
            continue
        if not isinstance(entries, list):
            problems.append(Problem(file, None, None, None, "het bestand moet een lijst van records zijn"))
            continue
        for n, entry in enumerate(entries, 1):
            where = entry.get("record") if isinstance(entry, dict) and isinstance(entry.get("record"), str) else None
            where = where or f"record {n}"
            if not isinstance(entry, dict):
                problems.append(Problem(file, None, where, None, "moet een record zijn (record: …, vragen: …)"))
                continue
            for name in entry:
                if name not in FIELDS:
                    problems.append(Problem(file, None, where, name, "onbekend veld"))
            key = entry.get("record")
            if not isinstance(key, str):
                problems.append(Problem(file, None, where, "record", "verplicht veld ontbreekt"))
            elif key not in known:
                problems.append(
                    Problem(
                        file,
                        None,
                        where,
                        "record",
                        f"onbekend record {key!r}: gebruik soort:id, bijvoorbeeld hoe:bespreken-jongeren, "
                        "werkwijze:herkennen/wat of fonds:stichting-leergeld",
                    )
                )
            questions = entry.get("vragen")
            if not isinstance(questions, list) or not questions:
                problems.append(Problem(file, None, where, "vragen", "moet een lijst van minstens één vraag zijn"))
                continue
            for question in questions:
                if not isinstance(question, str) or not question.strip():
                    problems.append(Problem(file, None, where, "vragen", "elke vraag moet tekst zijn"))
                    continue
                normal = normal_question(question)
                if normal in seen and seen[normal] != key:
                    problems.append(
                        Problem(
                            file, None, where, "vragen", f"{question!r} staat ook bij {seen[normal]}: kies één record"
                        )
                    )
                seen.setdefault(normal, key)
    return problems
