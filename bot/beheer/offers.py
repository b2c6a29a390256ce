"""Which records retrieval would offer for a question: what the maintainer can pick from.

The knowledge base is the one `make run` uses (KB_DATABASE_URL, default var/kennisbank.sqlite),
loaded first when knowledge/ changed since, as `python -m bot kb load --if-changed` does.
"""

from __future__ import annotations

from bot import retrieval
from bot.config import database_url, knowledge_dir
from bot.kb import KnowledgeBase
from bot.kb.load import load, loaded_hash
from bot.kb.queries import make_engine
from bot.kb.validate import read_knowledge
from bot.privacy import without_placeholders

OFFERS = 3


def knowledge_base() -> KnowledgeBase:
    url = database_url()
    engine = make_engine(url)
    knowledge = read_knowledge(knowledge_dir())
    if loaded_hash(engine) != knowledge.content_hash:
        load(engine, knowledge)
    return KnowledgeBase.from_url(url)


def offers(kb: KnowledgeBase, text: str, intent: str | None = None) -> list[tuple[str, str]]:
    """(record key, title) of the two or three best records, best first."""
    kind = intent.removeprefix("ask_") if intent else None
    hits = retrieval.best_per_record(retrieval.search(kb, without_placeholders(text), kind=kind))
    top = hits[0].score if hits else 0
    return [(h.unit.key, retrieval.title(h.unit)) for h in hits[:OFFERS] if h.score >= 0.5 * top]
