"""One action per kind of knowledge question; each maps to a handler in bot.questions."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import questions

from .common import knowledge_base, question_from, remember, run_safely, send


class _QuestionAction(Action, ABC):
    """Answers the latest message as a question of kind `question_kind` (abstract: not registered itself)."""

    question_kind = ""

    @abstractmethod
    def name(self) -> str:
        ...

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        def work():
            outcome = questions.answer(knowledge_base(), question_from(tracker, self.question_kind))
            return send(dispatcher, tracker, outcome.reply) + remember(outcome)
        return run_safely(dispatcher, work)


class ActionFindFunds(_QuestionAction):
    question_kind = "fondsen"

    def name(self) -> str:
        return "action_find_funds"


class ActionFundApplication(_QuestionAction):
    question_kind = "aanvragen"

    def name(self) -> str:
        return "action_fund_application"


class ActionWerkwijze(_QuestionAction):
    question_kind = "werkwijze"

    def name(self) -> str:
        return "action_werkwijze"


class ActionSignals(_QuestionAction):
    question_kind = "signalen"

    def name(self) -> str:
        return "action_signals"


class ActionInstruments(_QuestionAction):
    question_kind = "instrumenten"

    def name(self) -> str:
        return "action_instruments"


class ActionWhatIs(_QuestionAction):
    question_kind = "wat_is"

    def name(self) -> str:
        return "action_what_is"


class ActionFacts(_QuestionAction):
    question_kind = "feiten"

    def name(self) -> str:
        return "action_facts"


class ActionExamples(_QuestionAction):
    question_kind = "voorbeelden"

    def name(self) -> str:
        return "action_examples"
