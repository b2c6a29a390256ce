"""Which ranking finds the right record: the question bank's single-turn questions, offline.

For every single-turn question of tests/vragenbank/ that a record answers, each ranker's top three
are checked against the expected records (as `make eval` does with the assistant's reply):
  - the old free-text search (tf-idf over names, wat/waarom and record bodies; KnowledgeBase.search),
  - BM25 over every field of every unit (bot/kb/retrieval.py) without the thesaurus,
  - the same with the thesaurus,
  - the same with the hand-written zoekvragen (knowledge/zoekvragen/ without the afstemdeel's),
  - the same with the afstemdeel's questions as zoekvragen too (what the assistant uses, before intent
    hints; bot/beheer/bank_zoekvragen.py),
  - the same, each writer's questions ranked with the other writers' afstemdeel only (leave one writer
    out: does learning from the tuning half help questions of someone it never saw?),
  - BM25 over passages of the source texts (the peer baseline of `make eval`; needs BRONNEN_DIR).
Prints the share right per ranker and half, and the time per search. The afstemdeel column of the
row with the afstemdeel's questions is trained on; the leave-one-writer-out row measures both halves.
No Rasa, no NLU: this measures retrieval alone; `make eval` measures the whole assistant.

    .venv/bot/bin/python bench/retrieval_bench.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.beheer.bank_zoekvragen import FILE as LEARNED  # noqa: E402
from bot.beheer.bank_zoekvragen import bank_zoekvragen  # noqa: E402
from bot.beheer.vragenbank import HALVES, matches, read_bank  # noqa: E402
from bot.config import KNOWLEDGE_DIR  # noqa: E402
from bot.kb import KnowledgeBase  # noqa: E402
from bot.kb.load import load  # noqa: E402
from bot.kb.queries import make_engine  # noqa: E402
from bot.kb.retrieval import Index, documents  # noqa: E402
from bot.kb.thesaurus import Thesaurus, thesaurus  # noqa: E402
from bot.kb.validate import read_knowledge  # noqa: E402
from bot.kb.zoekvragen import normal_question, read_zoekvragen, unit_keys  # noqa: E402
from tests.vragenbank.records import record_names, record_texts  # noqa: E402

TOP = 3


def main() -> None:
    knowledge = read_knowledge(KNOWLEDGE_DIR)
    url = f"sqlite:///{tempfile.mkdtemp()}/kb.sqlite"
    load(make_engine(url), knowledge)
    kb = KnowledgeBase.from_url(url)
    docs = documents(kb)
    with_thesaurus = Index(docs, thesaurus())
    without = Index(docs, Thesaurus([]))
    hand_written = read_zoekvragen(KNOWLEDGE_DIR, leave_out=(LEARNED,))
    with_hand_written = Index(docs, thesaurus(), hand_written)
    with_zoekvragen = Index(docs, thesaurus(), read_zoekvragen(KNOWLEDGE_DIR))
    bank = read_bank()
    per_writer = _leave_one_writer_out(bank, docs, hand_written, unit_keys(knowledge.records))

    def keys_of(hits) -> list[str]:
        return list(dict.fromkeys(h.unit.key for h in hits))[:TOP]

    rankers = {
        "oude zoekfunctie (tf-idf)": lambda q: [f"{h.kind}:{h.id}" for h in kb.search(q, limit=TOP)],
        "BM25 alle velden": lambda q: keys_of(without.search(q, limit=10)),
        "BM25 alle velden + thesaurus": lambda q: keys_of(with_thesaurus.search(q, limit=10)),
        "+ zoekvragen met de hand": lambda q: keys_of(with_hand_written.search(q, limit=10)),
        "+ afstemdeel als zoekvragen": lambda q: keys_of(with_zoekvragen.search(q, limit=10)),
        "  zonder de eigen schrijver": lambda q: keys_of(per_writer[q].search(q, limit=10)),
    }
    try:
        from tests.vragenbank.baseline import Bm25Baseline, sources_dir

        baseline = Bm25Baseline(sources_dir(), record_texts(knowledge), record_names(knowledge))
    except (FileNotFoundError, ImportError) as exc:
        baseline = None
        print(f"(geen brontekst-BM25: {exc})")

    questions = [
        (case.half, case.turns[0]) for case in bank if len(case.turns) == 1 and case.turns[0].kind == "antwoord"
    ]
    print(f"{len(questions)} enkele kennisvragen uit de vragenbank; goed = een verwacht record in de top {TOP}\n")
    print(f"{'rangschikking':<32}" + "".join(f"{HALVES[h]:>20}" for h in HALVES) + f"{'ms per zoekvraag':>18}")
    for name, rank in rankers.items():
        right = {h: 0 for h in HALVES}
        start = time.perf_counter()
        for half, turn in questions:
            shown = rank(turn.question)
            right[half] += any(matches(e, s) for e in turn.expected for s in shown)
        ms = (time.perf_counter() - start) * 1000 / len(questions)
        print(f"{name:<32}" + "".join(_share(right[h], questions, h) for h in HALVES) + f"{ms:>18.2f}")
    if baseline:
        right = {h: 0 for h in HALVES}
        start = time.perf_counter()
        for half, turn in questions:
            right[half] += baseline.right(turn.question, turn.expected)
        ms = (time.perf_counter() - start) * 1000 / len(questions)
        print(
            f"{'BM25 over de brontekst':<32}" + "".join(_share(right[h], questions, h) for h in HALVES) + f"{ms:>18.2f}"
        )


def _leave_one_writer_out(bank, docs, hand_written, units) -> dict[str, Index]:
    """Question → an index with the hand-written zoekvragen and the afstemdeel of every other writer."""
    indexes: dict[str, Index] = {}
    for writer in sorted({case.file for case in bank}):
        others = [case for case in bank if case.file != writer]
        elsewhere = {normal_question(q) for qs in hand_written.values() for q in qs}
        learned = bank_zoekvragen(others, units, elsewhere)
        merged = {key: (*hand_written.get(key, ()), *learned.get(key, ())) for key in {*hand_written, *learned}}
        index = Index(docs, thesaurus(), merged)
        indexes.update({case.turns[0].question: index for case in bank if case.file == writer})
    return indexes


def _share(right: int, questions, half: str) -> str:
    total = sum(1 for h, _ in questions if h == half)
    return f"{right}/{total} ({100 * right / total:.0f} %)".rjust(20)


if __name__ == "__main__":
    main()
