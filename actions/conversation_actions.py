"""Actions that continue the conversation: "meer", "waar staat dat?", follow-ups, rephrasing."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import answers, questions
from bot.answers import Reply
from bot.kb.records import Citation

from .common import entity, knowledge_base, remember, run_safely, send

# What the rephrase buttons offer, per likely intent.
TOPIC_BUTTONS = {
    "ask_fund": ("Fondsen en regelingen", "/ask_fund"),
    "ask_fund_application": ("Wie vraagt een fonds aan?", "/ask_fund_application"),
    "ask_werkwijze": ("Werkwijzen: hoe pak ik het aan?", "/ask_werkwijze"),
    "ask_signals": ("Signalen van armoede", "/ask_signals"),
    "ask_instrument": ("Screeningsinstrumenten", "/ask_instrument"),
    "ask_what_is": ("Interventies en organisaties", "/ask_what_is"),
    "ask_facts": ("Cijfers en definitie", "/ask_facts"),
    "ask_examples": ("Lokale voorbeelden", "/ask_examples"),
}
DEFAULT_TOPICS = ["ask_fund", "ask_werkwijze", "ask_signals"]


class ActionMore(Action):
    def name(self) -> str:
        return "action_more"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        def work():
            outcome = questions.more(knowledge_base(), tracker.get_slot("laatste_vraag"),
                                     int(tracker.get_slot("getoond") or 0),
                                     list(tracker.get_slot("laatste_fondsen") or []))
            events = send(dispatcher, tracker, outcome.reply)
            return events + (remember(outcome) if outcome.question.kind != "geen" and outcome.reply.shown else [])
        return run_safely(dispatcher, work)


class ActionSource(Action):
    def name(self) -> str:
        return "action_source"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        def work():
            citations = [Citation(c["document"], tuple(c["path"]), c.get("page"), c.get("url"))
                         for c in tracker.get_slot("laatste_bronnen") or []]
            return send(dispatcher, tracker, answers.source_answer(citations))
        return run_safely(dispatcher, work)


class ActionFollowUp(Action):
    def name(self) -> str:
        return "action_follow_up"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        def work():
            update = {
                "text": tracker.latest_message.get("text") or "",
                "need": entity(tracker, "behoefte"),
                "age": entity(tracker, "leeftijd"),
                "applicant": entity(tracker, "aanvrager"),
                "gemeente": entity(tracker, "gemeente"),
            }
            if not update["age"]:
                from bot.kb.ages import parse_age
                if parse_age(update["text"]):
                    update["age"] = update["text"]
            outcome = questions.follow_up(knowledge_base(), tracker.get_slot("laatste_vraag"), update,
                                          list(tracker.get_slot("laatste_fondsen") or []))
            events = send(dispatcher, tracker, outcome.reply)
            return events + (remember(outcome) if outcome.question.kind != "geen" else [])
        return run_safely(dispatcher, work)


class ActionRephrase(Action):
    """Low NLU confidence: ask to rephrase and offer the two or three likeliest topics."""

    def name(self) -> str:
        return "action_rephrase"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        ranking = [i.get("name") for i in tracker.latest_message.get("intent_ranking", [])]
        likely = [name for name in ranking if name in TOPIC_BUTTONS][:3] or DEFAULT_TOPICS
        reply = Reply("Ik weet niet zeker wat je bedoelt. Kun je je vraag anders formuleren? "
                      "Of kies een onderwerp:", buttons=[TOPIC_BUTTONS[name] for name in likely])
        return send(dispatcher, tracker, reply)
