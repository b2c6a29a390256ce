"""`make review-toepassen`: the kept entries of var/review/voorstel.yml into data/, tests/ and knowledge/.

All or nothing: every entry is checked first (known intent, record and thesaurus concept; no duplicate
of an existing example; no near copy of a held-out question of the question bank). With any problem
nothing is written and each problem names the entry. After writing, the changed files are read back
with the project's own checks; if those fail, every file is restored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import yaml

from bot.kb.text import content_words, words
from bot.kb.thesaurus import read_concepts
from bot.kb.validate import ValidationError, read_knowledge
from bot.kb.zoekvragen import FOLDER as ZOEKVRAGEN
from bot.kb.zoekvragen import read_zoekvragen, unit_keys
from bot.privacy import without_placeholders

from . import bank_zoekvragen
from .coverage import plain_example
from .groups import mark_handled
from .paths import Paths
from .proposal import HEADER, KINDS
from .vragenbank import held_out_words, near_copy

# Where a new zoekvragen block or bank case goes, by the kind of its record.
ZOEKVRAGEN_FILES = {
    "fonds": "fondsen_instrumenten_signalen.yml",
    "instrument": "fondsen_instrumenten_signalen.yml",
    "signaal": "fondsen_instrumenten_signalen.yml",
    "interventie": "interventies.yml",
    "hoe": "werkwijzen_1.yml",
    "werkwijze": "werkwijzen_1.yml",
}
BANK_FILES = {"fonds": "fondsen.yml", "hoe": "werkwijzen.yml", "werkwijze": "werkwijzen.yml"}


class ProposalError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Context:
    """What the entries are checked against, read from the files they would change."""

    intents: dict[str, Path]
    examples: set[str]  # normalised NLU examples
    zoekvragen: dict[str, tuple[str, ...]]
    units: set[str]
    concepts: dict[str, tuple[str, ...]]
    bank_questions: set[str]
    held_out: dict[frozenset, str]  # content words → case id

    @classmethod
    def read(cls, paths: Paths) -> Context:
        from bot.beheer.vragenbank import read_bank

        intents: dict[str, Path] = {}
        examples: set[str] = set()
        for path in sorted(paths.nlu.glob("*.yml")):
            for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
                if "intent" in item:
                    intents.setdefault(item["intent"], path)
                for line in str(item.get("examples", "")).splitlines():
                    line = line.strip().removeprefix("- ")
                    if line:
                        examples.add(same(plain_example(line)))
        knowledge = read_knowledge(paths.knowledge)
        bank = read_bank(paths.bank)
        return cls(
            intents=intents,
            examples=examples,
            zoekvragen=read_zoekvragen(paths.knowledge),
            units=unit_keys(knowledge.records),
            concepts={c.id: c.words for c in read_concepts(paths.knowledge)},
            bank_questions={same(t.question) for c in bank for t in c.turns},
            held_out=held_out_words(bank),
        )


def same(text: str) -> str:
    """The form in which two texts count as the same example: words only, lower case."""
    return " ".join(words(text))


def read_proposal(path: Path) -> list[dict]:
    if not path.exists():
        raise ProposalError([f"{path} bestaat niet; draai eerst make review."])
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise ProposalError([f"{path.name}: geen geldige YAML ({exc})"]) from exc
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ProposalError([f"{path.name}: het bestand moet een lijst van voorstellen zijn (- groep: …)"])
    return entries


def check(entries: list[dict], context: Context, groups: dict[str, list], file: str) -> list[str]:
    problems: list[str] = []
    added: dict[str, str] = {}
    for n, entry in enumerate(entries, 1):
        where = f"{file}, voorstel {n} (groep {entry.get('groep', '?')})"

        def problem(field: str, message: str, where: str = where) -> None:
            problems.append(f"{where}, veld '{field}': {message}")

        kind, record, intent = entry.get("soort"), entry.get("record"), entry.get("intent")
        text = without_placeholders(str(entry.get("vraag") or "")).strip()
        if entry.get("groep") not in groups:
            problem("groep", f"{entry.get('groep')!r} komt niet uit de laatste make review (var/review/groepen.yml)")
        if kind not in KINDS:
            problem("soort", f"{kind!r}; kies uit {', '.join(KINDS)}")
            continue
        if kind == "afwijzen":
            continue
        if kind != "thesaurus":
            if not content_words(text):
                problem("vraag", "leeg (of alleen plaatshouders)")
                continue
            if re.search(r"[\[\]{}]", text):
                problem(
                    "vraag", "haken [ ] en { } horen niet in een vraag (in de trainingsdata betekenen ze een entiteit)"
                )
        if (
            kind in ("zoekvraag", "vragenbank")
            and record
            and record not in context.units
            and not (kind == "vragenbank" and any(u.startswith(f"{record}/") for u in context.units))
        ):
            problem("record", f"{record!r} bestaat niet in knowledge/ (soort:id, zoals fonds:stichting-leergeld)")
        if kind == "zoekvraag" and not record:
            problem("record", "ontbreekt: bij welk record hoort deze zoekvraag?")
        if kind == "training":
            if intent not in context.intents:
                problem(
                    "intent", f"{intent!r} bestaat niet in data/nlu/; kies uit {', '.join(sorted(context.intents))}"
                )
            elif same(text) in context.examples:
                problem("vraag", "staat al als trainingszin in data/nlu/")
        if kind == "zoekvraag" and same(text) in {same(q) for qs in context.zoekvragen.values() for q in qs}:
            problem("vraag", "staat al als zoekvraag in knowledge/zoekvragen/")
        if kind == "vragenbank" and same(text) in context.bank_questions:
            problem("vraag", "staat al in de vragenbank")
        if kind == "thesaurus":
            concept, word = entry.get("begrip"), str(entry.get("woord") or "").strip()
            if concept not in context.concepts:
                problem("begrip", f"{concept!r} bestaat niet in knowledge/thesaurus.yml")
            if not word or re.search(r"[\[\]{},:#]", word):
                problem("woord", "ontbreekt, of bevat een teken dat niet in een lijst past ([ ] { } , : #)")
            elif any(same(word) == same(w) for ws in context.concepts.values() for w in ws):
                problem("woord", f"{word!r} staat al in de thesaurus")
            text = word
        copied = near_copy(text, context.held_out)
        if kind != "thesaurus" and copied:
            problem(
                "vraag",
                f"is (bijna) een vastgehouden vraag van de vragenbank ({copied}): "
                "dan meet dat deel niet meer hoe goed de assistent generaliseert. Verander het voorstel in afwijzen.",
            )
        if (kind, same(text)) in added:
            problem("vraag", f"dezelfde tekst staat al in voorstel {added[(kind, same(text))]}")
        added[(kind, same(text))] = str(n)
    return problems


# --- writing -----------------------------------------------------------------------------------------


def _scalar(text: str) -> str:
    """The text as one YAML list item ("- …"), quoted when YAML needs it."""
    return yaml.safe_dump([text], allow_unicode=True, width=10_000).strip()


def add_training_example(path: Path, intent: str, text: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- intent: {intent}")
    last = start
    for i in range(start + 1, len(lines)):
        if lines[i].startswith("- ") or (lines[i].strip() and not lines[i].startswith(" ")):
            break
        if lines[i].lstrip().startswith("- "):
            last = i
    indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())] if last > start else "    "
    lines.insert(last + 1, f"{indent}- {text}\n")
    path.write_text("".join(lines), encoding="utf-8")


def add_zoekvraag(folder: Path, record: str, text: str) -> Path:
    for path in sorted(folder.glob("*.yml")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        start = next((i for i, line in enumerate(lines) if line.rstrip() == f"- record: {record}"), None)
        if start is None:
            continue
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("- ")), len(lines))
        while end > start + 1 and not lines[end - 1].strip():
            end -= 1
        lines.insert(end, f"  {_scalar(text)}\n")
        path.write_text("".join(lines), encoding="utf-8")
        return path
    path = folder / ZOEKVRAGEN_FILES.get(record.split(":", 1)[0], "overig.yml")
    with path.open("a", encoding="utf-8") as out:
        out.write(f"- record: {record}\n  vragen:\n  {_scalar(text)}\n")
    return path


def add_bank_case(folder: Path, case_id: str, record: str | None, text: str) -> Path:
    path = folder / "afstemmen" / BANK_FILES.get((record or "").split(":", 1)[0], "signalen_en_meer.yml")
    case = {"id": case_id, "rol": "uit review", "soort": "antwoord" if record else "niet_in_bronnen", "vraag": text}
    if record:
        case["verwacht"] = [record]
    with path.open("a", encoding="utf-8") as out:
        out.write(yaml.safe_dump([case], allow_unicode=True, sort_keys=False, width=10_000))
    return path


def add_thesaurus_word(path: Path, concept: str, word: str) -> None:
    text = path.read_text(encoding="utf-8")
    entry = re.search(rf"^- id: {re.escape(concept)}\s*$", text, re.M)
    words_at = re.compile(r"^  woorden: \[", re.M).search(text, entry.end())
    close = text.index("]", words_at.end())
    path.write_text(text[:close] + f", {word}" + text[close:], encoding="utf-8")


def apply(paths: Paths, now: datetime | None = None) -> list[str]:
    """Checks and applies the proposal; returns what was done, in Dutch. Raises ProposalError."""
    entries = read_proposal(paths.proposal)
    groups = yaml.safe_load(paths.groups.read_text(encoding="utf-8")) if paths.groups.exists() else {}
    try:
        context = Context.read(paths)
    except ValidationError as exc:
        raise ProposalError(["knowledge/ heeft al problemen vóór het toepassen:", *map(str, exc.problems)]) from exc
    problems = check(entries, context, groups or {}, paths.proposal.name)
    if problems:
        raise ProposalError(problems)
    touched = [
        *paths.nlu.glob("*.yml"),
        *(paths.knowledge / ZOEKVRAGEN).glob("*.yml"),
        paths.knowledge / "thesaurus.yml",
        *(paths.bank / "afstemmen").glob("*.yml"),
    ]
    backup = {p: p.read_text(encoding="utf-8") for p in touched if p.exists()}
    done, handled = [], []
    try:
        for entry in entries:
            kind, record = entry["soort"], entry.get("record")
            text = without_placeholders(str(entry.get("vraag") or "")).strip()
            where = None
            if kind == "training":
                where = context.intents[entry["intent"]]
                add_training_example(where, entry["intent"], text)
            elif kind == "zoekvraag":
                where = add_zoekvraag(paths.knowledge / ZOEKVRAGEN, record, text)
            elif kind == "vragenbank":
                where = add_bank_case(paths.bank, f"rv-{entry['groep']}", record, text)
            elif kind == "thesaurus":
                where = paths.knowledge / "thesaurus.yml"
                add_thesaurus_word(where, entry["begrip"], str(entry["woord"]).strip())
            if where:
                done.append(f"{entry['groep']}: {kind} → {where.relative_to(paths.root)}")
            else:
                done.append(f"{entry['groep']}: afgewezen")
            handled.append((entry["groep"], groups[entry["groep"]], kind))
        # The afstemdeel is also what retrieval learns from: its zoekvragen follow the bank and the other files.
        bank_zoekvragen.write(paths)
        _check_written(paths)
    except Exception:
        for path, content in backup.items():
            path.write_text(content, encoding="utf-8")
        raise
    mark_handled(paths.handled, handled, now or datetime.now(timezone.utc))
    paths.proposal.write_text(
        HEADER.format(made="toegepast op " + (now or datetime.now(timezone.utc)).strftime("%d-%m-%Y %H:%M UTC"))
        + "[]\n",
        encoding="utf-8",
    )
    return done


def _check_written(paths: Paths) -> None:
    """The project's own checks over the changed files: knowledge/ (zoekvragen, thesaurus), data/nlu, the bank."""
    from bot.beheer.vragenbank import read_bank

    try:
        read_knowledge(paths.knowledge)
    except ValidationError as exc:
        raise ProposalError(
            ["Na het toepassen klopt knowledge/ niet meer; niets veranderd:", *map(str, exc.problems)]
        ) from exc
    for path in paths.nlu.glob("*.yml"):
        yaml.safe_load(path.read_text(encoding="utf-8"))
    read_bank(paths.bank)
