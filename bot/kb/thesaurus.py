"""The concept thesaurus (knowledge/thesaurus.yml): the words professionals use → the words of the sources.

Retrieval searches a question also on the source words of every concept it names ("zzp'er" →
"zelfstandig ondernemer"); the NLU lookups get the words of concepts that stand for a need.
`check_files` validates this file and knowledge/schoolfasen.yml, in the style of validate.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .text import TermMatcher, content_words, keys, stem, words

THESAURUS_FILE = "thesaurus.yml"
SCHOOLFASEN_FILE = "schoolfasen.yml"


@dataclass(frozen=True)
class Concept:
    id: str
    words: tuple[str, ...]  # as professionals write them
    source_words: tuple[str, ...]  # as the knowledge base writes them
    need: str | None = None  # a behoefte id these words also mean
    parent: bool = False  # about the parent's own need, not a child of some age


class Thesaurus:
    def __init__(self, concepts: list[Concept]):
        self.concepts = {c.id: c for c in concepts}
        # Exact forms only: a thesaurus word that is matched by a typo would add a whole concept.
        # Only the professionals' words name a concept: a source word matches the sources by itself, and
        # a common one ("werk") would drag its whole concept ("werkloos") into every question.
        self._matcher = TermMatcher({phrase: c.id for c in concepts for phrase in c.words}, fuzzy=False)

    def find(self, text: str | None) -> list[Concept]:
        """The concepts named in the text, in order."""
        return [self.concepts[cid] for cid in self._matcher.match(text or "")]

    def other_words(self) -> frozenset[str]:
        """Single words of concepts that are no need ("consultatiebureau"): to a need matcher they
        mean themselves, not the need their last part might name."""
        return frozenset(
            words(phrase)[0]
            for c in self.concepts.values()
            if not c.need
            for phrase in c.words
            if len(words(phrase)) == 1
        )

    def need_phrases(self) -> dict[str, str]:
        """Words that stand for a need → the need id (for the fund finder and the NLU lookups)."""
        return {phrase: c.need for c in self.concepts.values() if c.need for phrase in c.words}


def read_concepts(directory: Path) -> list[Concept]:
    path = directory / THESAURUS_FILE
    if not path.exists():
        return []
    return [
        Concept(e["id"], tuple(e["woorden"]), tuple(e["bronwoorden"]), e.get("behoefte"), bool(e.get("ouder")))
        for e in yaml.safe_load(path.read_text(encoding="utf-8")) or []
    ]


@lru_cache(maxsize=4)
def thesaurus(directory: str | None = None) -> Thesaurus:
    """The thesaurus of the knowledge directory (KB_KNOWLEDGE_DIR or knowledge/), read once."""
    from ..config import knowledge_dir

    return Thesaurus(read_concepts(Path(directory) if directory else knowledge_dir()))


# --- validation ------------------------------------------------------------------------------------

THESAURUS_FIELDS = {"id": True, "woorden": True, "bronwoorden": True, "behoefte": False, "ouder": False}
SCHOOLFASE_FIELDS = {
    "id": True,
    "woorden": True,
    "leeftijd_min": True,
    "leeftijd_max": True,
    "nummers": False,
    "leeftijdsfase": False,
}


def _is_text_list(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v.strip() for v in value)


def _record_problems(file: str, records, fields: dict[str, bool], problem) -> list[dict]:
    """The shared checks (a list of records, known fields, required ones, unique ids); returns the
    records that are well-formed enough for the file's own checks."""
    if records is None:
        return []
    if not isinstance(records, list):
        problem(None, None, "het bestand moet een lijst van records zijn")
        return []
    seen, good = set(), []
    for i, record in enumerate(records):
        if not isinstance(record, dict):
            problem(f"record {i + 1}", None, "moet een record zijn (sleutel: waarde)")
            continue
        rid = record.get("id") if isinstance(record.get("id"), str) else f"record {i + 1}"
        ok = True
        for name in record:
            if name not in fields:
                problem(rid, name, "onbekend veld")
                ok = False
        for name, required in fields.items():
            if required and record.get(name) is None:
                problem(rid, name, "verplicht veld ontbreekt")
                ok = False
        if rid in seen:
            problem(rid, "id", f"dubbel id {rid!r}")
        seen.add(rid)
        if ok and not _is_text_list(record["woorden"]):
            problem(rid, "woorden", "moet een lijst van teksten zijn")
            ok = False
        if ok:
            good.append(record)
    return good


def _knowledge_vocabulary(directory: Path) -> set[str]:
    """Every word of the knowledge files, and its stem (a fast, spaCy-free read of the raw text)."""
    found: set[str] = set()
    for path in sorted(directory.glob("*.yml")):
        if path.name not in (THESAURUS_FILE, SCHOOLFASEN_FILE):
            found.update(words(path.read_text(encoding="utf-8")))
    return found | {stem(w) for w in found}


def check_files(directory: Path) -> list:
    """Problems in thesaurus.yml and schoolfasen.yml, each naming file, entry and field (Dutch)."""
    from .validate import Problem
    from .vocabulary import LEEFTIJDSFASEN

    problems: list[Problem] = []

    def reader(file: str):
        path = directory / file
        if not path.exists():
            return None
        try:
            return yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            problems.append(Problem(file, None, None, None, f"geen geldige YAML: {exc}"))
            return None

    def problem_in(file: str):
        return lambda rid, field, message: problems.append(Problem(file, None, rid, field, message))

    needs = set()
    if (directory / "behoeften.yml").exists():
        needs = {
            r.get("id")
            for r in yaml.safe_load((directory / "behoeften.yml").read_text(encoding="utf-8")) or []
            if isinstance(r, dict)
        }
    concepts = _record_problems(
        THESAURUS_FILE, reader(THESAURUS_FILE), THESAURUS_FIELDS, add := problem_in(THESAURUS_FILE)
    )
    vocabulary = _knowledge_vocabulary(directory) if concepts else set()
    for record in concepts:
        rid = record["id"]
        if not _is_text_list(record["bronwoorden"]):
            add(rid, "bronwoorden", "moet een lijst van teksten zijn")
            continue
        for phrase in record["bronwoorden"]:
            missing = [w for w in content_words(phrase) if not (keys(w) | {stem(w)}) & vocabulary]
            if missing:
                add(
                    rid,
                    "bronwoorden",
                    f"{phrase!r} staat nergens in de kennisbank ({', '.join(missing)}): "
                    "gebruik de woorden van de bronnen",
                )
        if record.get("behoefte") is not None and record["behoefte"] not in needs:
            add(rid, "behoefte", f"onbekende behoefte {record['behoefte']!r}; zie behoeften.yml")
        if record.get("ouder") is not None and not isinstance(record["ouder"], bool):
            add(rid, "ouder", "moet true of false zijn")

    add = problem_in(SCHOOLFASEN_FILE)
    for record in _record_problems(SCHOOLFASEN_FILE, reader(SCHOOLFASEN_FILE), SCHOOLFASE_FIELDS, add):
        rid = record["id"]
        low, high = record["leeftijd_min"], record["leeftijd_max"]
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (low, high)):
            add(rid, "leeftijd_min", "leeftijd_min en leeftijd_max moeten getallen zijn")
        elif low > high:
            add(rid, "leeftijd_max", "moet minstens leeftijd_min zijn")
        numbers = record.get("nummers")
        if numbers is not None and not (
            isinstance(numbers, list)
            and len(numbers) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) for n in numbers)
            and numbers[0] <= numbers[1]
        ):
            add(rid, "nummers", "moet [eerste, laatste] zijn, twee gehele getallen")
        fase = record.get("leeftijdsfase")
        if fase is not None and (fase not in LEEFTIJDSFASEN or fase == "ouders"):
            add(rid, "leeftijdsfase", f"onbekende leeftijdsfase {fase!r}")
    return problems
