"""The action server refuses to start without a usable knowledge base, and readies it.

rasa-sdk imports every module of this package when it starts, so this check runs then — instead
of every answer failing later. The message names KB_DATABASE_URL; run.sh shows where to read it.
The knowledge base's term matchers are built here too, so the first question does not wait.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import make_url

from actions.common import knowledge_base
from bot.config import KB_URL_SETTING, database_url
from bot.kb import KnowledgeBaseMissing

logger = logging.getLogger(__name__)


def check_knowledge_base() -> None:
    try:
        kb = knowledge_base()
    except KnowledgeBaseMissing as exc:
        shown = make_url(database_url()).render_as_string(hide_password=True)
        message = f"Action server niet gestart: {exc} ({KB_URL_SETTING}={shown})"
        logger.error(message)
        raise SystemExit(1) from exc
    kb.warm_up()


check_knowledge_base()
