"""Actions that continue the conversation: "meer", "waar staat dat?", follow-ups, rephrasing."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import answers, questions
from bot.context import WHO_IS_BEHIND, asks_wording, points_back
from bot.grounding import FIELDS, ungrounded
from bot.kb.records import Citation
from bot.kb.text import content_words, normalize
from bot.kb.thesaurus import thesaurus

from .common import (
    answer_in_context,
    entity,
    knowledge_base,
    remember,
    run_safely,
    section_in_context_of,
    send,
    user_text,
)
from .knowledge_actions import ActionFondsen

# What the rephrase buttons offer, per likely intent.
TOPIC_BUTTONS = {
    "ask_fondsen": ("Fondsen en regelingen", "/ask_fondsen"),
    "ask_aanvragen": ("Wie vraagt een fonds aan?", "/ask_aanvragen"),
    "ask_werkwijze": ("Werkwijzen: hoe pak ik het aan?", "/ask_werkwijze"),
    "ask_signalen": ("Signalen van armoede", "/ask_signalen"),
    "ask_instrumenten": ("Screeningsinstrumenten", "/ask_instrumenten"),
    "ask_wat_is": ("Interventies en organisaties", "/ask_wat_is"),
    "ask_feiten": ("Cijfers en definitie", "/ask_feiten"),
    "ask_voorbeelden": ("Lokale voorbeelden", "/ask_voorbeelden"),
}
DEFAULT_TOPICS = ["ask_fondsen", "ask_werkwijze", "ask_signalen"]
# "en tweedehands spullen?", "en zo'n verwendag?": a message that continues the conversation.
CONTINUATION = re.compile(r"^(en|maar|of|ook)\b")
# Intents whose rule runs action_rephrase, with the reply they get when the sources do not answer.
SMALL_TALK = {
    "out_of_scope": "utter_out_of_scope",
    "bot_challenge": "utter_iamabot",
    "goodbye": "utter_goodbye",
    "help": "utter_help",
}
# The small talk that a continuation after an answer is not, whatever the NLU made of it. (A greeting
# keeps its own rule, utter_greet without the action server: it must answer when that server is down.)
NOT_A_CONTINUATION = {"out_of_scope", "bot_challenge"}


def continues_the_answer(tracker: Tracker, text: str) -> bool:
    """ "en tweedehands spullen?" after the funds for a cot: it starts as a continuation, there is an answer
    before it, and it has a word the knowledge base knows."""
    if not text or not CONTINUATION.match(normalize(text)) or not tracker.get_slot("laatste_vraag"):
        return False
    unknown = set(knowledge_base().retriever.unknown_words(text))
    return bool(set(content_words(text)) - questions.FOLLOW_UP_WORDS - unknown)


class ActionMore(Action):
    def name(self) -> str:
        return "action_more"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        def work():
            outcome = questions.more(
                knowledge_base(),
                tracker.get_slot("laatste_vraag"),
                int(tracker.get_slot("getoond") or 0),
                list(tracker.get_slot("laatste_fondsen") or []),
                user_text(tracker),
                list(tracker.get_slot("getoonde_records") or []),
            )
            if not outcome.reply.records and outcome.question.kind != "geen":
                # "Dat was alles": still about the records of the answer before it.
                outcome.reply.records = list(tracker.get_slot("getoonde_records") or [])
            events = send(dispatcher, tracker, outcome.reply)
            return events + (remember(outcome) if outcome.question.kind != "geen" and outcome.reply.shown else [])

        return run_safely(dispatcher, work)


class ActionSource(Action):
    def name(self) -> str:
        return "action_source"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        def work():
            # "houvast, wat is dat" looks like "waar staat dat?" but asks about a record not yet shown.
            text = user_text(tracker)
            kb = knowledge_base()
            named = questions.about_named_record(kb, text) if text else None
            shown = set(tracker.get_slot("getoonde_records") or [])
            if named is not None and named.reply.records and not set(named.reply.records[:1]) & shown:
                return send(dispatcher, tracker, named.reply) + remember(named)
            if text and kb.resolve_needs(text):
                # "moet hij een laptop hebben, kan dat ook ergens?" asks for a need, not where it says so.
                return ActionFondsen().run(dispatcher, tracker, domain)
            if text and any(c.id == "verder-lezen" for c in thesaurus().find(text)) and not points_back(text):
                # "waar kan ik verder lezen over kinderarmoede?" asks for reading on a subject, not for
                # where the previous answer came from.
                outcome = questions.fallback(kb, text)
                if outcome is not None and outcome.reply.records:
                    return send(dispatcher, tracker, outcome.reply) + remember(outcome)
            if text and not tracker.get_slot("laatste_bronnen"):
                # No answer yet to point back to: "bestaat er van deze handreiking een versie voor
                # scholen?" is a question of its own, answered when the sources answer it.
                outcome = questions.off_topic(kb, text)
                if outcome is not None:
                    return send(dispatcher, tracker, outcome.reply) + remember(outcome)
            # "en wat zegt de handreiking over samenwerking daarbij?" asks for a section, not a source.
            outcome = section_in_context_of(tracker)
            if outcome is not None:
                return send(dispatcher, tracker, outcome.reply) + remember(outcome)
            citations = [
                Citation(c["document"], tuple(c["path"]), c.get("page"), c.get("url"))
                for c in tracker.get_slot("laatste_bronnen") or []
            ]
            if not citations and tracker.get_slot("getoond") is None:
                # "wat zegt de handreiking erover?" before any answer: there is no "erover" yet.
                reply = answers.topics_answer("Ik heb in dit gesprek nog niets uit de bronnen genoemd. ")
                return send(dispatcher, tracker, reply)
            reply = answers.source_answer(citations)
            # "Waar staat dat?" is about the same records as the answer before it.
            reply.records = list(tracker.get_slot("getoonde_records") or [])
            return send(dispatcher, tracker, reply)

        return run_safely(dispatcher, work)


class ActionFollowUp(Action):
    def name(self) -> str:
        return "action_follow_up"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        def work():
            outcome = answer_in_context(tracker, None)
            if outcome is not None:
                return send(dispatcher, tracker, outcome.reply) + remember(outcome)
            update = {
                "text": user_text(tracker),
                "need": entity(tracker, "behoefte"),
                "age": entity(tracker, "leeftijd"),
                "applicant": entity(tracker, "aanvrager"),
                "gemeente": entity(tracker, "gemeente"),
            }
            for name in ungrounded(knowledge_base(), tracker.latest_message.get("entities", []), update["text"]):
                update[FIELDS[name]] = None
            if not update["age"]:
                from bot.kb.ages import parse_age

                if parse_age(update["text"]):
                    update["age"] = update["text"]
            outcome = questions.follow_up(
                knowledge_base(),
                tracker.get_slot("laatste_vraag"),
                update,
                list(tracker.get_slot("laatste_fondsen") or []),
            )
            events = send(dispatcher, tracker, outcome.reply)
            return events + (remember(outcome) if outcome.question.kind != "geen" else [])

        return run_safely(dispatcher, work)


class ActionRephrase(Action):
    """Low NLU confidence: the retrieval still answers when one record is clearly best, or asks
    "Bedoel je …?"; only when nothing matches, it says so and offers the likeliest topics."""

    def name(self) -> str:
        return "action_rephrase"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict[str, Any]]:
        def work():
            text = user_text(tracker)
            intent = (tracker.latest_message.get("intent") or {}).get("name")
            if intent in NOT_A_CONTINUATION and continues_the_answer(tracker, text):
                # "en tweedehands spullen?" after funds for a cot is no "Daar kan ik je niet mee helpen"
                return ActionFollowUp().run(dispatcher, tracker, domain)
            if intent == "help" and (in_context := answer_in_context(tracker, None)) is not None:
                # "wat kan ik haar aanraden?" after an answer asks for help with that answer's subject.
                return send(dispatcher, tracker, in_context.reply) + remember(in_context)
            if intent == "help" and questions.vague_request(text):
                return send(dispatcher, tracker, answers.topics_answer())  # "kun je me helpen met een gezin?"
            if intent in SMALL_TALK and asks_wording(text) and (worded := answer_in_context(tracker, None)):
                return send(dispatcher, tracker, worded.reply) + remember(worded)  # "heb je voorbeeldzinnen?"
            if (
                intent in SMALL_TALK
                and WHO_IS_BEHIND.search(normalize(text))
                and (behind := answer_in_context(tracker, None))
            ):
                # "wie zitten erachter?" after the stappenplan asks who made it, not whether this is a bot.
                return send(dispatcher, tracker, behind.reply) + remember(behind)
            if intent == "goodbye" and not questions.asks_something(text):
                # A parting line asks nothing ("oke bedankt, tot volgende week?"), whatever it shares with a record.
                dispatcher.utter_message(response=SMALL_TALK[intent])
                return []
            if intent in SMALL_TALK:
                # Small talk or out of scope by the NLU: the sources answer only a whole question they know.
                outcome = questions.off_topic(knowledge_base(), text)
                if outcome is not None:
                    return send(dispatcher, tracker, outcome.reply) + remember(outcome)
                if not (intent == "goodbye" and questions.asks_something(text)):
                    dispatcher.utter_message(response=SMALL_TALK[intent])
                    return []
                # "Eneco dreigt met afsluiten, mag dat?" is no goodbye, though "afsluiten" ends a chat:
                # a question the sources do not answer gets the honest reply below.
            outcome = answer_in_context(tracker, None)
            if outcome is None and text and not text.startswith("/"):
                outcome = questions.fallback(knowledge_base(), text)
            if outcome is not None:
                return send(dispatcher, tracker, outcome.reply) + remember(outcome)
            # Nothing in the sources matches: say so, what the assistant does know, and the likeliest topics.
            ranking = [i.get("name") for i in tracker.latest_message.get("intent_ranking", [])]
            likely = [name for name in ranking if name in TOPIC_BUTTONS][:3] or DEFAULT_TOPICS
            reply = answers.nothing_found_answer()
            reply.text += " Kies een onderwerp, of stel je vraag anders:"
            reply.buttons = [TOPIC_BUTTONS[name] for name in likely]
            return send(dispatcher, tracker, reply)

        return run_safely(dispatcher, work)
