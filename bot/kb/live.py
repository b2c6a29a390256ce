"""The knowledge base as it is loaded now: a running action server picks up `make kb` by itself.

A maintainer changes knowledge/ (a fund, a synonym, a thesaurus entry, a zoekvraag) and runs
`make kb`; the load writes a new content hash into the database (bot/kb/load.py). Every few
seconds at most, the next question compares that hash with the one it answered from, and on a
change builds a new KnowledgeBase (matchers, retrieval index) from the new content and the
thesaurus and zoekvragen read again from disk. No restart, no retraining: only what the NLU
learned (intents, entity examples, lookup tables) waits for `make train`.
"""

from __future__ import annotations

import logging
import threading
import time

from .load import loaded_hash
from .queries import KnowledgeBase, KnowledgeBaseMissing
from .thesaurus import thesaurus
from .zoekvragen import zoekvragen

logger = logging.getLogger(__name__)

# How often (seconds) a question may look whether another knowledge base was loaded: one small query.
CHECK_EVERY = 2.0


class LiveKnowledgeBase:
    def __init__(self, url: str, check_every: float = CHECK_EVERY):
        self.url, self.check_every = url, check_every
        self._lock = threading.Lock()
        self._kb = self._open()
        self._hash = loaded_hash(self._kb.engine)
        self._next_check = time.monotonic() + check_every

    def _open(self) -> KnowledgeBase:
        kb = KnowledgeBase.from_url(self.url)
        kb.check()
        return kb

    def current(self) -> KnowledgeBase:
        """The knowledge base to answer from; a new one when another content was loaded since."""
        if time.monotonic() < self._next_check:
            return self._kb
        with self._lock:
            self._next_check = time.monotonic() + self.check_every
            try:
                loaded = loaded_hash(self._kb.engine)
            except Exception:  # noqa: BLE001 — a load in progress or a database hiccup: keep answering
                logger.warning(
                    "Kennisbank: kon niet nagaan of er een nieuwe versie is; de huidige blijft", exc_info=True
                )
                return self._kb
            if loaded is None or loaded == self._hash:
                return self._kb
            try:
                thesaurus.cache_clear()
                zoekvragen.cache_clear()
                fresh = self._open()
                fresh.warm_up()
            except KnowledgeBaseMissing:
                logger.warning("Kennisbank: de nieuwe versie is niet bruikbaar; de vorige blijft in gebruik")
                return self._kb
            old, self._kb, self._hash = self._kb, fresh, loaded
            old.engine.dispose()
            logger.info("Kennisbank opnieuw ingelezen (versie %s), zonder herstart", loaded[:12])
            return self._kb
