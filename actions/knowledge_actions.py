"""One action per kind of knowledge question; each maps to a handler in bot.questions."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import questions

from .common import knowledge_base, question_from, remember, run_safely, send


class _QuestionAction(Action):
    """Answers the latest message as a question of kind `question_kind`."""

    action_name = ""
    question_kind = ""

    def name(self) -> str:
        return self.action_name

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        def work():
            outcome = questions.answer(knowledge_base(), question_from(tracker, self.question_kind))
            return send(dispatcher, tracker, outcome.reply) + remember(outcome)
        return run_safely(dispatcher, work)


class ActionFindFunds(_QuestionAction):
    action_name, question_kind = "action_find_funds", "fondsen"


class ActionFundApplication(_QuestionAction):
    action_name, question_kind = "action_fund_application", "aanvragen"


class ActionWerkwijze(_QuestionAction):
    action_name, question_kind = "action_werkwijze", "werkwijze"


class ActionSignals(_QuestionAction):
    action_name, question_kind = "action_signals", "signalen"


class ActionInstruments(_QuestionAction):
    action_name, question_kind = "action_instruments", "instrumenten"


class ActionWhatIs(_QuestionAction):
    action_name, question_kind = "action_what_is", "wat_is"


class ActionFacts(_QuestionAction):
    action_name, question_kind = "action_facts", "feiten"


class ActionExamples(_QuestionAction):
    action_name, question_kind = "action_examples", "voorbeelden"
