"""Shared plumbing of the actions: the knowledge base, reading the tracker, sending a reply."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.answers import Reply, for_channel
from bot.config import KB_URL_SETTING, database_url
from bot.context import in_context, section_in_context
from bot.kb import KnowledgeBase, KnowledgeBaseMissing
from bot.kb.live import LiveKnowledgeBase
from bot.privacy import without_placeholders
from bot.questions import Outcome, Question

logger = logging.getLogger(__name__)

FAILURE_TEXT = "Er ging iets mis bij het opzoeken van het antwoord. Probeer het over een moment opnieuw."


@lru_cache(maxsize=1)
def _live() -> LiveKnowledgeBase:
    try:
        return LiveKnowledgeBase(database_url())
    except KnowledgeBaseMissing as exc:
        raise KnowledgeBaseMissing(
            f"Kennisbank niet bruikbaar ({exc}). Controleer de instelling {KB_URL_SETTING} "
            "en laad de kennisbank met: python -m bot kb load"
        ) from exc


def knowledge_base() -> KnowledgeBase:
    """The knowledge base as loaded now: after `make kb` the next question answers from the new one."""
    return _live().current()


def forget_knowledge_base() -> None:
    """Open the knowledge base afresh at the next question (tests point KB_DATABASE_URL elsewhere)."""
    _live.cache_clear()


# What redaction left in place of client data ("[NAAM]", "[ADRES]"): never a need, age, gemeente or name.
_PLACEHOLDER = re.compile(r"^\[?[A-Z-]{3,}\]?$")


def entity(tracker: Tracker, name: str) -> str | None:
    """The entity's value in the latest message (the first one, when several)."""
    values = [
        e.get("value")
        for e in tracker.latest_message.get("entities", [])
        if e.get("entity") == name and e.get("value") is not None and not _PLACEHOLDER.match(str(e["value"]))
    ]
    return str(values[0]) if values else None


def user_text(tracker: Tracker) -> str:
    """What the user wrote, as redacted, without the placeholders of client data ("[NAAM] (12)" → "(12)"):
    a search on "naam" would find what is about names, and an answer would quote "[NAAM]" back."""
    return without_placeholders(tracker.latest_message.get("text") or "")


def question_from(tracker: Tracker, kind: str, *, fresh: bool = True) -> Question:
    """A Question from the latest message, filled up with remembered slots."""

    def value(name: str) -> str | None:
        return entity(tracker, name) or tracker.get_slot(name)

    text = user_text(tracker)
    return Question(
        kind=kind,
        # A button payload ("/ask_fondsen") carries no words to search for.
        text="" if text.startswith("/") else text,
        need=value("behoefte"),
        age=value("leeftijd"),
        applicant=value("aanvrager"),
        gemeente=value("gemeente"),
        # A name or topic only counts for the message that names it.
        name=entity(tracker, "naam"),
        topic=entity(tracker, "onderwerp"),
        shown_funds=list(tracker.get_slot("laatste_fondsen") or []),
    )


def answer_in_context(tracker: Tracker, kind: str | None) -> Outcome | None:
    """The answer to a question that points back at the previous answer ("wie bieden die aan?"),
    from that answer's context; None when the question stands on its own."""
    return in_context(
        knowledge_base(),
        user_text(tracker),
        kind,
        tracker.get_slot("laatste_vraag"),
        list(tracker.get_slot("getoonde_records") or []),
        entity(tracker, "leeftijd"),
    )


def section_in_context_of(tracker: Tracker) -> Outcome | None:
    """A section or the Hoe-blocks of the werkwijze just shown, asked as "… daarbij?"; else None."""
    return section_in_context(
        knowledge_base(),
        user_text(tracker),
        tracker.get_slot("laatste_vraag"),
        list(tracker.get_slot("getoonde_records") or []),
    )


def send(dispatcher: CollectingDispatcher, tracker: Tracker, reply: Reply) -> list[dict[str, Any]]:
    """Send the reply for the user's channel; remember which records it led with."""
    channel = tracker.get_latest_input_channel()
    buttons = [{"title": title, "payload": payload} for title, payload in reply.buttons]
    dispatcher.utter_message(text=for_channel(reply.text, channel), buttons=buttons or None)
    # The reminder to ask anonymously comes from the channel (channels/redacting.py), for every reply.
    return [SlotSet("getoonde_records", list(reply.records))]


def remember(outcome: Outcome) -> list[dict[str, Any]]:
    """Slots that let "meer", "waar staat dat?" and follow-ups continue from this answer."""
    events = [
        SlotSet(
            "laatste_bronnen",
            [
                {"document": c.document, "path": list(c.path), "page": c.page, "url": c.url}
                for c in outcome.reply.citations
            ]
            or None,
        ),
    ]
    if not outcome.about_previous:
        events += [
            SlotSet("laatste_vraag", outcome.question.state() if outcome.question.kind != "geen" else None),
            SlotSet("getoond", float(outcome.reply.shown)),
        ]
    if outcome.fund_ids:
        events.append(SlotSet("laatste_fondsen", outcome.fund_ids))
    return events


def run_safely(dispatcher: CollectingDispatcher, work) -> list[dict[str, Any]]:
    """Run an action's work; on any failure the user gets a Dutch message, never silence."""
    try:
        return work()
    except Exception:  # noqa: BLE001 — every failure must reach the user as a message
        logger.exception("Actie mislukt")
        dispatcher.utter_message(text=FAILURE_TEXT)
        return []
