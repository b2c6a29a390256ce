"""The afstemdeel of the question bank as zoekvragen: what the assistant learns from the tuning half.

Every first question of an afstemdeel case that a record answers becomes a zoekvraag of the record
its writer expected first (knowledge/zoekvragen/vragenbank_afstemdeel.yml). Retrieval then knows
these words for that record, just as it knows the hand-written zoekvragen. Measured on 06-12-2026:
the held-out half went from 2165 to 2210 of 2663 turns end to end, and adding another writer's
tuning turns helped a writer's held-out questions as much as adding all of them (so it is not one
writer's own phrasing that is learned). Hand-written rules had stopped doing that.

Left out, so that the held-out half keeps measuring questions nobody trained on and the file stays
valid knowledge:
  - follow-up turns (they mean something only after the turns before them) and turns that ask
    back or are not in the sources;
  - a question with the same content words as a held-out question (the near-copy rule of
    tests/vragenbank/test_vragenbank.py);
  - a question that already is a zoekvraag elsewhere, and expected records that are no unit (a
    whole werkwijze without its section).

    python -m bot zoekvragen            # write the file (make zoekvragen)
    python -m bot zoekvragen --check    # only say whether it is up to date
"""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.kb.validate import read_knowledge
from bot.kb.zoekvragen import FOLDER, normal_question, read_zoekvragen, unit_keys

from .paths import Paths
from .vragenbank import Case, held_out_words, near_copy, read_bank

FILE = "vragenbank_afstemdeel.yml"
HEADER = (
    "# Gegenereerd uit tests/vragenbank/afstemmen/ door `make zoekvragen` (python -m bot zoekvragen);\n"
    "# niet met de hand wijzigen: zet een vraag in de vragenbank of in een ander zoekvragenbestand.\n"
    "# Elke eerste vraag van het afstemdeel met het record dat de schrijver als eerste verwachtte;\n"
    "# zonder vervolgvragen en zonder vragen die (bijna) een vastgehouden vraag zijn.\n"
)


def bank_zoekvragen(cases: list[Case], units: set[str], elsewhere: set[str]) -> dict[str, list[str]]:
    """Unit key → the afstemdeel's questions for it (see the module's docstring for what is left out)."""
    held_out = held_out_words(cases)
    taken = set(elsewhere)
    found: dict[str, list[str]] = {}
    for case in cases:
        first = case.turns[0]
        if case.half != "afstemmen" or first.kind != "antwoord":
            continue
        normal = normal_question(first.question)
        if near_copy(first.question, held_out) or normal in taken:
            continue
        unit = next((e for e in first.expected if e in units), None)
        if unit:
            found.setdefault(unit, []).append(first.question)
            taken.add(normal)
    return dict(sorted(found.items()))


def render(found: dict[str, list[str]]) -> str:
    entries = [{"record": key, "vragen": questions} for key, questions in found.items()]
    return HEADER + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=120)


def expected_text(paths: Paths) -> str:
    """What the file should hold for the bank and knowledge under paths."""
    # This file itself is neither checked nor counted: a stale one must not stop its own renewal.
    elsewhere = {normal_question(q) for qs in read_zoekvragen(paths.knowledge, leave_out=(FILE,)).values() for q in qs}
    units = unit_keys(read_knowledge(paths.knowledge, leave_out_zoekvragen=(FILE,)).records)
    return render(bank_zoekvragen(read_bank(paths.bank), units, elsewhere))


def path_of(paths: Paths) -> Path:
    return paths.knowledge / FOLDER / FILE


def write(paths: Paths) -> tuple[Path, int]:
    """Write the file (only when it changes); the path and the number of questions in it."""
    text = expected_text(paths)
    target = path_of(paths)
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        tmp = target.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)  # never a half-written file that retrieval reads
    return target, text.count("\n  - ")


def up_to_date(paths: Paths) -> bool:
    target = path_of(paths)
    return target.exists() and target.read_text(encoding="utf-8") == expected_text(paths)
