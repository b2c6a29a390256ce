"""One action per kind of knowledge question; each maps to a handler in bot.questions."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import replace
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import questions
from bot.grounding import FIELDS, ungrounded

from .common import answer_in_context, knowledge_base, question_from, remember, run_safely, send, user_text


def grounded_question(tracker: Tracker, kind: str) -> tuple[questions.Question, list[dict[str, Any]]]:
    """The question with the entities its text does not carry dropped (their slots cleared too)."""
    q = question_from(tracker, kind)
    dropped = ungrounded(knowledge_base(), tracker.latest_message.get("entities", []), user_text(tracker))
    q = replace(q, **{FIELDS[name]: None for name in dropped})
    return q, [SlotSet(name, None) for name in sorted(dropped) if name != "naam"]


class _QuestionAction(Action, ABC):
    """Answers the latest message as a question of kind `question_kind` (abstract: not registered itself)."""

    question_kind = ""

    @abstractmethod
    def name(self) -> str: ...

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        def work():
            outcome = answer_in_context(tracker, self.question_kind)
            if outcome is not None:
                return send(dispatcher, tracker, outcome.reply) + remember(outcome)
            question, cleared = grounded_question(tracker, self.question_kind)
            outcome = questions.answer(knowledge_base(), question)
            return cleared + send(dispatcher, tracker, outcome.reply) + remember(outcome)

        return run_safely(dispatcher, work)


class ActionFondsen(_QuestionAction):
    question_kind = "fondsen"

    def name(self) -> str:
        return "action_fondsen"


class ActionAanvragen(_QuestionAction):
    question_kind = "aanvragen"

    def name(self) -> str:
        return "action_aanvragen"


class ActionWerkwijze(_QuestionAction):
    question_kind = "werkwijze"

    def name(self) -> str:
        return "action_werkwijze"


class ActionSignalen(_QuestionAction):
    question_kind = "signalen"

    def name(self) -> str:
        return "action_signalen"


class ActionInstrumenten(_QuestionAction):
    question_kind = "instrumenten"

    def name(self) -> str:
        return "action_instrumenten"


class ActionWatIs(_QuestionAction):
    question_kind = "wat_is"

    def name(self) -> str:
        return "action_wat_is"


class ActionFeiten(_QuestionAction):
    question_kind = "feiten"

    def name(self) -> str:
        return "action_feiten"


class ActionVoorbeelden(_QuestionAction):
    question_kind = "voorbeelden"

    def name(self) -> str:
        return "action_voorbeelden"
