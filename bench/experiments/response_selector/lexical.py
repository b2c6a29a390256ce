"""The lexical search's ranking for the bank turns, as the assistant's handler calls it
(bot/questions.py _retrieve: bot.retrieval.search with the section the question asks for and,
when the project's NLU intents are given, the kind of the intent as a boost).

    .venv/bot/bin/python bench/experiments/response_selector/lexical.py afstemmen

Needs /tmp/rs/turns_<half>.json (prepare.py); reads /tmp/rs/project_<half>.json when present
(parse.py with the project's model: the intent per turn). Writes /tmp/rs/lexical_<half>.json:
per turn the best unit per record, top 10, with score, coverage and the handler's choice
(answer / clarify / nothing).
"""

from __future__ import annotations

import sys
import tempfile

from common import OUT, read_json, turns_path, write_json

LIMIT = 10


def main(half: str) -> None:
    from bot import retrieval
    from bot.config import KNOWLEDGE_DIR
    from bot.kb import KnowledgeBase
    from bot.kb.load import load
    from bot.kb.queries import make_engine
    from bot.kb.validate import read_knowledge

    url = f"sqlite:///{tempfile.mkdtemp(dir=OUT)}/kb.sqlite"
    load(make_engine(url), read_knowledge(KNOWLEDGE_DIR))
    kb = KnowledgeBase.from_url(url)
    intents_file = OUT / f"project_{half}.json"
    intents = {t["id"]: t["ranking"][0][0] for t in read_json(intents_file)} if intents_file.exists() else {}
    out = []
    for turn in read_json(turns_path(half)):
        row = {"id": turn["id"]}
        for variant, kind in (("plain", None), ("kind", _kind(intents.get(turn["id"])))):
            if variant == "kind" and not intents:
                continue
            text = turn["question"]
            hits = retrieval.search(kb, text, kind, section=retrieval.asked_section(text), limit=30)
            ranked = retrieval.best_per_record(hits)[:LIMIT]
            row[variant] = {
                "ranking": [[h.unit.key, round(h.score, 3), round(h.coverage, 3)] for h in ranked],
                "choice": retrieval.choose(hits).action,
            }
        out.append(row)
    write_json(OUT / f"lexical_{half}.json", out)
    print(f"{len(out)} beurten ({half}); {'met' if intents else 'zonder'} intent van het projectmodel")


def _kind(intent: str | None) -> str | None:
    return intent.removeprefix("ask_") if intent and intent.startswith("ask_") else None


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "afstemmen")
