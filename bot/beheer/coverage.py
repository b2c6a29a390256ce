"""`make dekking`: what the assistant covers, per knowledge record.

For every record: how many NLU training examples lead to it (the record retrieval puts first for the
example, with its intent's hint, as the assistant's actions do), how many zoekvragen it has, how many
question-bank questions expect it, and how many of its held-out questions retrieval answers right
(an expected record among the first three, as `make eval` counts). That last figure is computed here,
function-level, without Rasa: it takes seconds and is always current, where `make eval` takes minutes
and measures the NLU too; the page also shows the summary line of the last `make test` (its date, and
whether data/ or knowledge/ changed since).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from html import escape

import yaml

from bot import retrieval
from bot.kb.thesaurus import Thesaurus, read_concepts
from bot.kb.validate import read_knowledge
from bot.kb.zoekvragen import read_zoekvragen, unit_keys

from .page import page, table
from .paths import Paths

FEW_EXAMPLES = 10  # an intent with fewer training examples than this is listed
LEADS = 3
_ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}")


def plain_example(line: str) -> str:
    """A training example without its entity annotations: "fiets voor een [peuter](leeftijd)" → "… peuter"."""
    return _ANNOTATION.sub(lambda m: m.group(1) or m.group(2), line)


KIND_LABELS = {
    "werkwijze": "werkwijzen",
    "hoe": "Hoe-blokken",
    "fonds": "fondsen",
    "signaal": "signalen",
    "instrument": "instrumenten",
    "interventie": "interventies",
    "organisatie": "organisaties",
    "aanpak": "aanpakken",
    "feit": "feiten",
    "achtergrond": "achtergrond",
    "voorbeeld": "voorbeelden",
}


@dataclass
class RecordCoverage:
    key: str
    title: str
    training: int = 0
    zoekvragen: int = 0
    bank: int = 0
    held_out: int = 0
    held_out_right: int = 0

    @property
    def kind(self) -> str:
        return self.key.split(":", 1)[0]

    @property
    def reached(self) -> bool:
        return bool(self.training or self.zoekvragen or self.bank)

    @property
    def state(self) -> str:
        """covered | weak (reached, but a held-out question of it goes wrong) | missing"""
        if not self.reached:
            return "missing"
        return "weak" if self.held_out_right < self.held_out else "covered"


@dataclass
class Coverage:
    records: list[RecordCoverage]
    intents: dict[str, int]
    unused_concepts: list[str]
    eval_line: str | None
    eval_note: str
    held_out: tuple[int, int] = (0, 0)  # held-out questions right by retrieval alone, of how many
    made: datetime = field(default_factory=datetime.now)

    @property
    def few_examples(self) -> dict[str, int]:
        return {i: n for i, n in sorted(self.intents.items(), key=lambda x: x[1]) if n < FEW_EXAMPLES}

    @property
    def unreached(self) -> list[RecordCoverage]:
        return [r for r in self.records if not r.reached]


def record_of(key: str) -> str:
    """The record a unit or an expected id belongs to: a werkwijze's sections are one record."""
    return key.split("/", 1)[0]


def training_examples(paths: Paths) -> list[tuple[str, str]]:
    """(intent, example text without annotations) of data/nlu/."""
    found = []
    for path in sorted(paths.nlu.glob("*.yml")):
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            for line in str(item.get("examples", "")).splitlines():
                line = line.strip().removeprefix("- ")
                if line and "intent" in item:
                    found.append((item["intent"], plain_example(line)))
    return found


def measure(paths: Paths, kb) -> Coverage:
    from bot.beheer.vragenbank import matches, read_bank

    knowledge = read_knowledge(paths.knowledge)
    titles: dict[str, str] = {}
    for unit in kb.retriever.units:
        titles.setdefault(unit.record, retrieval.title(unit))
    records = {
        record_of(k): RecordCoverage(record_of(k), titles.get(record_of(k), k)) for k in unit_keys(knowledge.records)
    }

    examples = training_examples(paths)
    intents = Counter(intent for intent, _ in examples)
    for intent, text in examples:
        if not intent.startswith("ask_"):
            continue
        hits = retrieval.best_per_record(retrieval.search(kb, text, kind=intent.removeprefix("ask_")))
        if hits and record_of(hits[0].unit.key) in records:
            records[record_of(hits[0].unit.key)].training += 1

    zoekvragen = read_zoekvragen(paths.knowledge)
    for key, questions in zoekvragen.items():
        if record_of(key) in records:
            records[record_of(key)].zoekvragen += len(questions)

    bank = read_bank(paths.bank)
    held_out = [0, 0]
    for case in bank:
        for index, turn in enumerate(case.turns):
            expected = {record_of(e) for e in turn.expected}
            for key in expected & records.keys():
                records[key].bank += 1
            if case.half != "vastgehouden" or index or turn.kind != "antwoord":
                continue
            shown = [h.unit.key for h in retrieval.best_per_record(retrieval.search(kb, turn.question))][:LEADS]
            right = any(matches(e, s) for e in turn.expected for s in shown)
            held_out[0] += right
            held_out[1] += 1
            for key in expected & records.keys():
                records[key].held_out += 1
                records[key].held_out_right += right

    concepts = read_concepts(paths.knowledge)
    used: set[str] = set()
    thesaurus = Thesaurus(concepts)
    texts = [t for _, t in examples] + [q for qs in zoekvragen.values() for q in qs]
    texts += [t.question for c in bank for t in c.turns]
    for text in texts:
        used.update(c.id for c in thesaurus.find(text))
    line, note = last_eval(paths)
    ordered = sorted(
        records.values(), key=lambda r: (list(KIND_LABELS).index(r.kind) if r.kind in KIND_LABELS else 99, r.key)
    )
    return Coverage(ordered, dict(intents), [c.id for c in concepts if c.id not in used], line, note, tuple(held_out))


def last_eval(paths: Paths) -> tuple[str | None, str]:
    """The summary line of the last `make test` run of the question bank, and how current it is."""
    result = paths.eval_result
    if not result.exists():
        return None, (
            "Er is nog geen uitslag van de hele vragenbank (tests/artifacts/vragenbank.txt ontbreekt): "
            "draai make eval of make test."
        )
    line = next(
        (ln for ln in reversed(result.read_text(encoding="utf-8").splitlines()) if ln.startswith("vragenbank:")), None
    )
    when = datetime.fromtimestamp(result.stat().st_mtime)
    changed = [
        p
        for folder in (paths.nlu, paths.knowledge)
        for p in folder.rglob("*.yml")
        if p.stat().st_mtime > result.stat().st_mtime
    ]
    note = f"Laatste uitslag van de hele vragenbank (make test), {when:%d-%m-%Y %H:%M}"
    if changed:
        note += f"; verouderd: daarna zijn {len(changed)} bestand(en) in data/nlu/ of knowledge/ veranderd"
    return line, note + "."


def terminal(c: Coverage) -> str:
    lines = ["Dekking per soort (bereikt door minstens één trainingszin, zoekvraag of vraag uit de vragenbank):"]
    for kind, label in KIND_LABELS.items():
        group = [r for r in c.records if r.kind == kind]
        if group:
            covered = sum(r.reached for r in group)
            weak = sum(r.state == "weak" for r in group)
            lines.append(f"  {label:<14} {covered:>4}/{len(group):<4} bereikt ({weak} met een vastgehouden vraag fout)")
    lines.append(f"\nRecords die geen vraag bereikt ({len(c.unreached)}):")
    lines += [f"  {r.key}  {r.title}" for r in c.unreached] or ["  geen"]
    lines.append(f"\nIntents met minder dan {FEW_EXAMPLES} trainingszinnen:")
    lines += [f"  {i}: {n}" for i, n in c.few_examples.items()] or ["  geen"]
    lines.append(f"\nThesaurus-begrippen die in geen enkele vraag voorkomen ({len(c.unused_concepts)}):")
    lines.append("  " + (", ".join(c.unused_concepts) or "geen"))
    right, total = c.held_out
    lines.append(f"\nVastgehouden deel, het zoeken alleen: {right}/{total} vragen goed.")
    lines.append(c.eval_note + (f"\n  {c.eval_line}" if c.eval_line else ""))
    return "\n".join(lines)


def html(c: Coverage) -> str:
    bars = []
    for kind, label in KIND_LABELS.items():
        group = [r for r in c.records if r.kind == kind]
        if not group:
            continue
        counts = Counter(r.state for r in group)
        parts = "".join(
            f'<div class="{state}" style="width:{100 * counts[state] / len(group):.1f}%"></div>'
            for state in ("covered", "weak", "missing")
        )
        bars.append(
            f'<div class="barrow"><span>{escape(label)}</span><div class="bar">{parts}</div>'
            f"<span>{counts['covered'] + counts['weak']}/{len(group)} bereikt, {counts['missing']} niet"
            + (f" ({counts['weak']} oranje)" if counts["weak"] else "")
            + "</span></div>"
        )
    unreached = table(["record", "naam"], [[r.key, r.title] for r in c.unreached]) if c.unreached else "<p>Geen.</p>"
    few = (
        table(["intent", "trainingszinnen"], [[i, n] for i, n in c.few_examples.items()])
        if c.few_examples
        else "<p>Geen.</p>"
    )
    unused = f"<p>{escape(', '.join(c.unused_concepts))}</p>" if c.unused_concepts else "<p>Geen.</p>"
    eval_part = (
        f'<p class="note">{escape(c.eval_note)}'
        + (f"<br><code>{escape(c.eval_line)}</code>" if c.eval_line else "")
        + "</p>"
    )

    def held(r: RecordCoverage) -> str:
        if not r.held_out:
            return "–"
        mark = "" if r.held_out_right == r.held_out else ' class="bad"'
        return f"<span{mark}>{r.held_out_right}/{r.held_out}</span>"

    rows = [
        [
            escape(r.key),
            escape(r.title),
            str(r.training),
            str(r.zoekvragen),
            str(r.bank),
            held(r),
            "ja" if r.reached else '<span class="bad">nee</span>',
        ]
        for r in c.records
    ]
    body = (
        '<p class="note">Groen: records die minstens één trainingszin, zoekvraag of vraag uit de vragenbank '
        "bereikt. Oranje: bereikt, maar een vraag uit het vastgehouden deel van de vragenbank die dit record "
        "verwacht, vindt het niet. Rood: records die geen enkele vraag bereikt. "
        f"Vastgehouden deel, het zoeken alleen: {c.held_out[0]}/{c.held_out[1]} vragen goed. "
        f"Gemaakt op {c.made:%d-%m-%Y %H:%M}.</p>\n"
        + "\n".join(bars)
        + f"\n<h2>Records die geen vraag bereikt ({len(c.unreached)})</h2>\n{unreached}"
        + f"\n<h2>Intents met minder dan {FEW_EXAMPLES} trainingszinnen</h2>\n{few}"
        + f"\n<h2>Thesaurus-begrippen die in geen enkele vraag voorkomen ({len(c.unused_concepts)})</h2>\n{unused}"
        + "\n<h2>Alle records</h2>\n"
        '<p class="note">Trainingszinnen: zinnen uit data/nlu/ waarbij het zoeken dit record als eerste geeft. '
        "Vastgehouden: vragen uit het vastgehouden deel van de vragenbank die dit record verwachten, en hoeveel "
        "daarvan het zoeken alleen (zonder de herkenning van Rasa) goed beantwoordt: een verwacht record bij de "
        "eerste drie. De vragen zelf worden niet getoond: daarop wordt niet afgestemd.</p>\n"
        + eval_part
        + table(
            ["record", "naam", "trainingszinnen", "zoekvragen", "vragenbank", "vastgehouden goed", "bereikt"],
            rows,
            raw=True,
        )
    )
    return page("Dekking: wat de assistent afdekt", body)


def write(c: Coverage, paths: Paths):
    paths.reports.mkdir(parents=True, exist_ok=True)
    out = paths.reports / "dekking.html"
    out.write_text(html(c), encoding="utf-8")
    return out
