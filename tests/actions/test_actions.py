"""The custom actions, run with real rasa-sdk trackers against the real knowledge base."""

from __future__ import annotations

import re

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import common, knowledge_actions
from actions.conversation_actions import ActionFollowUp, ActionMore, ActionRephrase, ActionSource
from actions.knowledge_actions import (
    ActionAanvragen,
    ActionFeiten,
    ActionFondsen,
    ActionInstrumenten,
    ActionSignalen,
    ActionVoorbeelden,
    ActionWatIs,
    ActionWerkwijze,
)
from bot import answers
from bot.config import PROJECT_ROOT
from bot.questions import HANDLERS


@pytest.fixture(autouse=True)
def knowledge_base_env(sqlite_url, monkeypatch):
    monkeypatch.setenv("KB_DATABASE_URL", sqlite_url)
    common.forget_knowledge_base()
    yield
    common.forget_knowledge_base()


class Conversation:
    """Runs actions turn by turn, applying the slots they set, like Rasa does."""

    def __init__(self, channel: str = "rest"):
        self.slots: dict = {}
        self.channel = channel

    def run(
        self, action, text: str, intent: str, entities: list[tuple[str, str]] = (), metadata: dict | None = None
    ) -> str:
        ents = [{"entity": e, "value": v} for e, v in entities]
        for e, v in entities:
            self.slots[
                {"behoefte": "behoefte", "leeftijd": "leeftijd", "aanvrager": "aanvrager", "gemeente": "gemeente"}.get(
                    e, e
                )
            ] = v
        tracker = Tracker(
            sender_id="test",
            slots=dict(self.slots),
            latest_message={
                "text": text,
                "intent": {"name": intent, "confidence": 0.9},
                "entities": ents,
                "intent_ranking": [{"name": intent, "confidence": 0.9}],
                "metadata": metadata or {},
            },
            events=[
                {
                    "event": "user",
                    "text": text,
                    "input_channel": self.channel,
                    "parse_data": {"intent": {"name": intent}},
                }
            ],
            paused=False,
            followup_action=None,
            active_loop={},
            latest_action_name="action_listen",
        )
        dispatcher = CollectingDispatcher()
        events = action.run(dispatcher, tracker, {})
        for event in events:
            if event["event"] == "slot":
                self.slots[event["name"]] = event["value"]
        self.messages = dispatcher.messages
        return "\n".join(m.get("text") or "" for m in dispatcher.messages)


def test_fund_question_names_funds_and_source():
    text = Conversation().run(
        ActionFondsen(),
        "welk fonds betaalt een fiets voor een kind van 10?",
        "ask_fondsen",
        [("behoefte", "fiets"), ("leeftijd", "10")],
    )
    assert "Stichting Leergeld" in text and "Nationaal Fonds Kinderhulp" in text
    assert "Bron: " in text and "Overzicht fondsen (p. 69)" in text
    assert "sociale kaart" in text


def test_missing_age_shows_funds_then_narrows():
    """Funds first: without an age the funds come at once (each with its ages), age buttons narrow them."""
    chat = Conversation()
    first = chat.run(ActionFondsen(), "wie betaalt een fiets?", "ask_fondsen", [("behoefte", "fiets")])
    assert (
        first.startswith("Voor fiets kun je kijken naar:")
        and "Stichting Leergeld" in first
        and "4 tot 18 jaar" in first
    )
    assert [b["title"] for b in chat.messages[0]["buttons"]] == ["Baby", "Peuter", "4-12 jaar", "12-18 jaar"]
    assert chat.slots["getoonde_records"][0].startswith("fonds:")
    answer = chat.run(ActionFollowUp(), "2 jaar", "inform", [("leeftijd", "2 jaar")])
    assert "(2 jaar)" in answer
    assert "- **[Stichting Leergeld]" not in answer  # 4 tot 18 jaar
    assert "Bron:" in answer


def test_follow_up_changes_age_keeps_need():
    chat = Conversation()
    chat.run(
        ActionFondsen(),
        "fondsen voor zwemles voor een kind van 6",
        "ask_fondsen",
        [("behoefte", "zwemles"), ("leeftijd", "6")],
    )
    answer = chat.run(ActionFollowUp(), "en voor een puber?", "inform", [("leeftijd", "puber")])
    assert "zwemles" in answer and "jongere" in answer


def test_follow_up_with_an_age_word_that_occurs_in_a_fund_name():
    """ "en voor een baby?" refines the fund search; it does not ask about "Toeslagen … van een baby"."""
    chat = Conversation()
    chat.run(
        ActionFondsen(), "kleding voor een kind van 8", "ask_fondsen", [("behoefte", "kleding"), ("leeftijd", "8")]
    )
    answer = chat.run(ActionFollowUp(), "en voor een baby?", "inform", [("leeftijd", "baby")])
    # For a baby, clothes are also what a baby start package holds (questions.BABY_THINGS).
    assert answer.startswith("Voor kleding en babyspullen (baby) kun je kijken naar:") and "Bron" in answer


@pytest.mark.parametrize(
    "first, follow_up, age, expected",
    [
        # Bespreken has a block per group: the one for that age.
        (
            "hoe begin ik over geldzorgen met een puber?",
            "en bij een zwangere?",
            "zwangere",
            "**Bespreken › Bespreken met (aanstaande) ouders**",
        ),
        (
            "hoe ondersteun ik de mentale gezondheid van kinderen in armoede?",
            "en bij een baby?",
            "baby",
            "**Mentale gezondheid › Ongeboren, pasgeboren en jonge kinderen**",
        ),
        # Vertrouwen opbouwen has no blocks per age: the same block, and that it holds for every age.
        (
            "hoe bouw ik vertrouwen op met een gezin dat wantrouwig is?",
            "en bij jongeren?",
            "jongeren",
            "Bij Vertrouwen opbouwen maakt de handreiking geen onderscheid naar leeftijd: dit geldt ook voor jongeren",
        ),
    ],
)
def test_werkwijze_follow_up_with_an_age(first, follow_up, age, expected):
    chat = Conversation()
    chat.run(ActionWerkwijze(), first, "ask_werkwijze")
    answer = chat.run(ActionFollowUp(), follow_up, "inform", [("leeftijd", age)])
    assert answer.startswith(expected) and "\nBron: " in answer


def test_funds_for_several_children():
    """A family with children of 6 and 9: the funds for either, labelled with both ages."""
    chat = Conversation()
    assert "Voor vakantie kun je kijken naar:" in chat.run(
        ActionFondsen(), "vakantie", "ask_fondsen", [("behoefte", "vakantie")]
    )
    answer = chat.run(ActionFollowUp(), "gezin met kinderen van 6 en 9", "inform", [("leeftijd", "6 en 9")])
    assert answer.startswith("Voor vakantie (6 en 9 jaar) kun je kijken naar:") and "Bron" in answer


def test_follow_up_about_ouders():
    """ "en bij ouders?" carries no age entity, yet names the group the answer is for."""
    chat = Conversation()
    chat.run(ActionSignalen(), "welke signalen zie je bij een puber?", "ask_signalen", [("leeftijd", "puber")])
    answer = chat.run(ActionFollowUp(), "en bij ouders?", "inform")
    assert answer.startswith("Signalen bij ouders die op armoede kunnen wijzen:") and "nota’s niet betalen" in answer
    chat = Conversation()
    chat.run(ActionWerkwijze(), "hoe ondersteun ik de mentale gezondheid van kinderen in armoede?", "ask_werkwijze")
    assert chat.run(ActionFollowUp(), "en bij ouders?", "inform").startswith("**Mentale gezondheid › Ouders**")


def test_which_interventions_lists_interventions():
    answer = Conversation().run(ActionWatIs(), "welke interventies zijn er voor ouders met geldzorgen?", "ask_wat_is")
    assert "Helpdesk Geldzaken Den Haag" in answer and "Interventiepakket" in answer
    assert "130%" not in answer and "De elf werkwijzen" not in answer  # a fact and an overview, no interventions


def test_who_applies_for_the_funds_just_shown():
    chat = Conversation()
    chat.run(
        ActionFondsen(),
        "contributie voetbal voor een kind van 9",
        "ask_fondsen",
        [("behoefte", "contributie"), ("leeftijd", "9")],
    )
    answer = chat.run(ActionAanvragen(), "wie kan dat aanvragen?", "ask_aanvragen")
    assert "Jeugdfonds Sport & Cultuur" in answer and "intermediair" in answer
    assert "\nBron:" in answer or "\nBronnen:" in answer


def test_named_fund_application():
    answer = Conversation().run(
        ActionAanvragen(),
        "kan een ouder zelf bij Kinderhulp aanvragen?",
        "ask_aanvragen",
        [("naam", "Kinderhulp")],
    )
    assert "Nationaal Fonds Kinderhulp" in answer and "intermediair" in answer


def test_more_then_source():
    chat = Conversation()
    first = chat.run(ActionSignalen(), "welke signalen van armoede zie je bij kinderen?", "ask_signalen")
    assert "typ *meer*" in first
    more = chat.run(ActionMore(), "meer", "ask_more")
    assert more and more != first and "Bron" in more
    source = chat.run(ActionSource(), "waar staat dat?", "ask_source")
    assert "Signaleringslijst kinderarmoede" in source and "(p. 67)" in source


def test_a_question_taken_for_waar_staat_dat_is_answered():
    """The NLU read "waar staat dat?" in these; the first names a record not shown yet, the second
    comes before any answer it could point back to."""
    chat = Conversation()
    chat.run(ActionSignalen(), "welke signalen van armoede zie je bij kinderen?", "ask_signalen")
    answer = chat.run(ActionSource(), "houvast, wat is dat", "ask_source")
    assert chat.slots["getoonde_records"][0] == "interventie:houvast", answer
    first = Conversation()
    answer = first.run(ActionSource(), "bestaat er van deze handreiking ook een versie voor scholen?", "ask_source")
    assert "Omgaan met armoede op scholen" in answer and "Bron" in answer
    # Without a question of its own, it says there is nothing to point back to, and asks what it is about.
    first = Conversation()
    answer = first.run(ActionSource(), "wat zegt de handreiking erover?", "ask_source")
    assert "nog niets uit de bronnen" in answer and "Waar gaat je vraag over?" in answer
    assert [b["title"] for b in first.messages[0]["buttons"]] == [t for t, _ in answers.TOPIC_BUTTONS]
    # After an answer without a source, "waar staat dat?" says that answer had none.
    chat = Conversation()
    chat.run(ActionFondsen(), "welk fonds betaalt een vliegticket naar Marokko?", "ask_fondsen")
    assert "kwam niet uit een bron" in chat.run(ActionSource(), "waar staat dat?", "ask_source")


def test_where_to_read_more_about_a_subject_is_a_question_of_its_own():
    """ "waar kan ik verder lezen over kinderarmoede?" (taken for "waar staat dat?"), before or after an
    answer: the websites the handreiking names, not the source of the answer before it; "waar kan ik daar
    meer over lezen?" points back to that answer."""
    after_an_answer = Conversation()
    after_an_answer.run(ActionSignalen(), "welke signalen van armoede zie je bij kinderen?", "ask_signalen")
    for chat in (Conversation(), after_an_answer):
        chat.run(ActionSource(), "waar kan ik verder lezen over kinderarmoede, welke websites noemen ze?", "ask_source")
        assert chat.slots["getoonde_records"][0] == "achtergrond:actuele-en-relevante-websites", chat.slots
    chat = Conversation()
    chat.run(ActionSignalen(), "welke signalen van armoede zie je bij kinderen?", "ask_signalen")
    source = chat.run(ActionSource(), "waar kan ik daar meer over lezen?", "ask_source")
    assert "Signaleringslijst kinderarmoede" in source


def test_the_greeting_offers_the_topics_a_vague_question_gets():
    """ "ik heb een vraag over een gezin" is read as a greeting: it asks what about, like a vague question."""
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    greeting = domain["responses"]["utter_greet"][0]
    assert greeting["text"].endswith("Waar gaat je vraag over?")
    assert [(b["title"], b["payload"]) for b in greeting["buttons"]] == answers.TOPIC_BUTTONS
    # "kan dat ook ergens?" with a need asks for that need's funds, not where the signals stand.
    chat = Conversation()
    chat.run(ActionSignalen(), "leerling uit groep 8 heeft thuis geen computer of internet", "ask_signalen")
    answer = chat.run(
        ActionSource(),
        "en volgend jaar in de brugklas moet hij een laptop hebben. kan dat ook ergens?",
        "ask_source",
        [("behoefte", "laptop")],
    )
    assert chat.slots["getoonde_records"][0].startswith("fonds:") and "Bron" in answer, answer
    assert "fonds:jeugdeducatiefonds" not in chat.slots["getoonde_records"]  # a fund for the basisschool


def test_werkwijze_for_teenager():
    answer = Conversation().run(
        ActionWerkwijze(), "hoe begin ik over geldzorgen met een puber?", "ask_werkwijze", [("leeftijd", "puber")]
    )
    assert "Bespreken" in answer
    assert "Bron: Handreiking Omgaan met armoede in de jeugdgezondheid › Bespreken" in answer


def test_instruments_for_toddlers_and_what_is():
    answer = Conversation().run(
        ActionInstrumenten(),
        "welke vragenlijst gebruik je bij kleuters?",
        "ask_instrumenten",
        [("leeftijd", "kleuters")],
    )
    assert "LSPPK" in answer and "(p. 63)" in answer
    voorzorg = Conversation().run(ActionWatIs(), "wat is VoorZorg?", "ask_wat_is", [("naam", "VoorZorg")])
    assert "VoorZorg" in voorzorg and "Bron:" in voorzorg


def test_facts_and_examples():
    facts = Conversation().run(ActionFeiten(), "hoeveel kinderen groeien op in armoede?", "ask_feiten")
    assert "13" in facts or "dertien" in facts
    examples = Conversation().run(
        ActionVoorbeelden(), "welke gemeenten hebben een financieel spreekuur?", "ask_voorbeelden"
    )
    assert "Lelystad" in examples and "Bron" in examples


def test_unknown_need_says_so_and_points_to_local_sources():
    answer = Conversation().run(
        ActionFondsen(), "welk fonds betaalt een ruimtereis?", "ask_fondsen", [("behoefte", "ruimtereis")]
    )
    assert "ken ik geen fonds" in answer and "sociale kaart" in answer
    assert "Bron:" not in answer


def test_slack_gets_mrkdwn_links():
    answer = Conversation(channel="slack").run(
        ActionFondsen(), "fiets voor kind van 10", "ask_fondsen", [("behoefte", "fiets"), ("leeftijd", "10")]
    )
    assert "<http" in answer and "](http" not in answer and "**" not in answer


def test_rephrase_offers_likely_topics():
    chat = Conversation()
    chat.run(ActionRephrase(), "blabla", "nlu_fallback")
    buttons = chat.messages[0]["buttons"]
    assert 2 <= len(buttons) <= 3


def test_database_failure_gives_dutch_message(monkeypatch):
    monkeypatch.setenv("KB_DATABASE_URL", "sqlite:////nonexistent/dir/kb.sqlite")
    common.forget_knowledge_base()
    answer = Conversation().run(ActionFondsen(), "fiets voor kind van 10", "ask_fondsen", [("behoefte", "fiets")])
    assert answer == common.FAILURE_TEXT


def test_privacy_reminder_once_when_client_data_was_redacted():
    """The reminder to ask anonymously is the channel's (channels/redacting.py, tests/channels):
    the actions answer the redacted question and never add it themselves."""
    chat = Conversation()
    first = chat.run(
        ActionFondsen(),
        "mevrouw [NAAM] zoekt een fiets voor haar zoon van 10",
        "ask_fondsen",
        [("behoefte", "fiets"), ("leeftijd", "10")],
        metadata={"client_data": ["NAAM"]},
    )
    assert "Stichting Leergeld" in first and "anoniem" not in first
    second = chat.run(
        ActionAanvragen(),
        "wie vraagt aan bij [NAAM]?",
        "ask_aanvragen",
        metadata={"client_data": ["NAAM"]},
    )
    assert "anoniem" not in second


def test_start_up_builds_the_term_matchers_before_the_first_question():
    """rasa-sdk imports actions.startup_check when the action server starts; the first fund
    question must then not have to load spaCy's lemmas and build the matchers (1.2 s, 01-12)."""
    from actions import startup_check

    common.forget_knowledge_base()
    assert not {"need_matcher", "name_matcher"} & common.knowledge_base().__dict__.keys()
    common.forget_knowledge_base()
    startup_check.check_knowledge_base()
    assert {"need_matcher", "need_names", "gemeenten", "name_matcher"} <= common.knowledge_base().__dict__.keys()


def fund_names(text: str) -> set[str]:
    return set(re.findall(r"^- \*\*\[?([^\]*]+)", text, flags=re.M))


def test_other_funds_after_asking_who_applies():
    """ "andere fondsen?" after "wie kan dat aanvragen?" goes on with the fund list itself."""
    chat = Conversation()
    first = chat.run(
        ActionFondsen(),
        "welk fonds helpt met kleding voor een kind van 8?",
        "ask_fondsen",
        [("behoefte", "kleding"), ("leeftijd", "8")],
    )
    assert len(fund_names(first)) == 5 and "Er zijn er nog 5: typ *meer*." in first
    who = chat.run(ActionAanvragen(), "wie kan dat aanvragen?", "ask_aanvragen")
    assert "Zo vraag je het aan:" in who and fund_names(who) == fund_names(first)
    others = chat.run(ActionMore(), "andere fondsen?", "ask_more")
    assert len(fund_names(others)) == 5 and not fund_names(others) & fund_names(first)
    assert "kleding (8 jaar)" in others and others.splitlines()[-1].startswith(("Bron: ", "Bronnen: "))
    last = chat.run(ActionMore(), "nog meer?", "ask_more")
    assert "Dat was alles" in last and "sociale kaart" in last


def test_what_gemeenten_and_organisaties_can_do():
    """The handreiking answers "wat kan de gemeente doen?" in 1.3, not in a werkwijze; "meer" pages on."""
    chat = Conversation()
    gemeente = chat.run(ActionWerkwijze(), "wat kan de gemeente doen?", "ask_werkwijze")
    assert "Faciliteren van professionals" in gemeente and "sociale kaart" in gemeente
    assert "1.3 Professionals versterken en faciliteren" in gemeente and "Er zijn er nog 3: typ *meer*." in gemeente
    rest = chat.run(ActionMore(), "meer", "ask_more")
    assert rest.startswith("Verder bij **Faciliteren van professionals") and "kraamzorg" in rest and "Bron: " in rest
    organisatie = Conversation().run(ActionWerkwijze(), "wat kan mijn organisatie doen?", "ask_werkwijze")
    assert "Investeren in professionals" in organisatie and "ervaringswerkers" in organisatie
    # Working with the gemeente is a werkwijze question still.
    samen = Conversation().run(ActionWerkwijze(), "hoe werk ik samen met de gemeente bij signalen?", "ask_werkwijze")
    assert "Signalen verbinden" in samen


def test_more_pages_through_a_long_record():
    """A record with more than five points promises "typ meer"; "meer" then shows the rest."""
    chat = Conversation()
    first = chat.run(ActionFeiten(), "wat is integraal werken?", "ask_feiten")
    assert first.startswith("**Integraal werken**") and "Er zijn er nog 1: typ *meer*." in first
    rest = chat.run(ActionMore(), "meer", "ask_more")
    assert rest.startswith("Verder bij **Integraal werken**:") and "vertrouwensband" in rest and "Bron: " in rest
    assert "Dat was alles" in chat.run(ActionMore(), "meer", "ask_more")


# --- records, grounding, fallback, buttons -------------------------------------------------------------------


def test_every_reply_stores_the_records_it_leads_with():
    chat = Conversation()
    chat.run(ActionWerkwijze(), "hoe begin ik over geldzorgen met een puber?", "ask_werkwijze")
    # The answer's block first; the close blocks it offers as buttons after it.
    shown = chat.slots["getoonde_records"]
    assert shown[0] == "hoe:bespreken-jongeren" and all(r.startswith("hoe:") for r in shown)
    chat.run(ActionSource(), "waar staat dat?", "ask_source")
    assert chat.slots["getoonde_records"] == shown


def test_an_entity_the_text_does_not_carry_is_dropped():
    """The NLU tagged "bijles" in "rijles": not in what was written, so no bijles funds."""
    chat = Conversation()
    chat.slots["behoefte"] = "fiets"  # remembered from an earlier question
    answer = chat.run(ActionFondsen(), "is er een fonds voor rijles?", "ask_fondsen", [("behoefte", "bijles")])
    assert "Voor 'rijles' ken ik geen fonds" in answer and "sociale kaart" in answer
    assert chat.slots["behoefte"] is None and chat.slots["getoonde_records"] == []


def test_an_entity_in_the_text_is_kept():
    answer = Conversation().run(
        ActionFondsen(), "fietsen voor een kind van 10", "ask_fondsen", [("behoefte", "fiets"), ("leeftijd", "10")]
    )
    assert answer.startswith("Voor fiets (10 jaar)")


def test_rephrase_answers_when_the_sources_know_it():
    chat = Conversation()
    answer = chat.run(
        ActionRephrase(), "veel van mijn gezinnen zijn zzp'er, wat zegt de handreiking daarover?", "nlu_fallback"
    )
    assert "Verborgen armoede bij zelfstandig ondernemers" in answer and "Bron:" in answer
    assert chat.slots["getoonde_records"] == ["feit:verborgen-armoede-zelfstandigen"]


def test_rephrase_says_when_nothing_matches():
    chat = Conversation()
    answer = chat.run(ActionRephrase(), "xyzzy kwartelkoning plorp", "nlu_fallback")
    assert answer.startswith("Daarover staat niets in de bronnen") and chat.messages[0]["buttons"]


def test_a_clarification_button_answers_with_that_record():
    chat = Conversation()
    chat.run(
        ActionWatIs(),
        '/ask_wat_is{"onderwerp": "werkwijze:bespreken/samenwerken"}',
        "ask_wat_is",
        [("onderwerp", "werkwijze:bespreken/samenwerken")],
    )
    assert chat.slots["getoonde_records"] == ["werkwijze:bespreken/samenwerken"]
    assert "**Bespreken › Samenwerken**" in chat.messages[0]["text"]


def test_one_name_per_kind_of_question():
    """Each kind of knowledge question has one word everywhere: intent ask_<kind>, action action_<kind>,
    the action's question_kind, the key in HANDLERS and the name of the handler in bot.questions."""
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
    actions = [
        cls()
        for cls in vars(knowledge_actions).values()
        if isinstance(cls, type) and issubclass(cls, knowledge_actions._QuestionAction) and cls.question_kind
    ]
    assert sorted(a.question_kind for a in actions) == sorted(HANDLERS)
    for action in actions:
        kind = action.question_kind
        assert action.name() == f"action_{kind}" and action.name() in domain["actions"], kind
        assert f"ask_{kind}" in domain["intents"], kind
        assert HANDLERS[kind].__name__ == kind, kind


def test_an_age_the_fund_record_does_not_give_is_not_made_up():
    """ "Vanaf welke leeftijd …" about a fund whose record gives no age: the sources do not say, the fund
    is offered; a fund whose record gives its ages still answers with them."""
    chat = Conversation()
    unstated = chat.run(
        ActionFondsen(), "Vanaf welke leeftijd kan een kind mee met Steunpunt Kindervakanties?", "ask_fondsen"
    )
    assert "staat niet in de bronnen" in unstated and "Bron:" not in unstated
    assert [b["payload"] for b in chat.messages[0]["buttons"]] == [
        '/ask_wat_is{"onderwerp": "fonds:steunpunt-kindervakanties"}'
    ]
    stated = Conversation().run(ActionFondsen(), "Tot welke leeftijd helpt Jeugdfonds Sport & Cultuur?", "ask_fondsen")
    assert "Jeugdfonds Sport & Cultuur" in stated and "18 jaar" in stated and "Bron:" in stated


def test_applying_yourself_puts_the_funds_parents_can_apply_to_first():
    chat = Conversation()
    chat.run(ActionFondsen(), "jongen van 11 wil voetballen bij een club", "ask_fondsen")
    shown = list(chat.slots["laatste_fondsen"])
    kb = common.knowledge_base()
    assert any("ouders" not in kb.fund(f).applicants for f in shown[:1]), "the list must not start with one already"
    chat.run(
        ActionAanvragen(),
        "moeder wil het liefst zelf aanvragen, waar kan dat?",
        "ask_aanvragen",
        [("aanvrager", "zelf")],
    )
    first = chat.slots["getoonde_records"][0].split(":", 1)[1]
    assert "ouders" in kb.fund(first).applicants and set(chat.slots["getoonde_records"]) <= {
        f"fonds:{f}" for f in shown
    }


def test_a_parents_own_need_gets_no_childrens_fund():
    """ "Moeder zoekt sollicitatiekleding": no fund that is only for children; her son's coat still is."""
    kb = common.knowledge_base()
    own = Conversation()
    text = own.run(ActionFondsen(), "moeder heeft een sollicitatiegesprek en geen nette kleding", "ask_fondsen")
    assert "Dress for success" in text and own.slots["laatste_fondsen"]
    assert all(kb.fund(f).max_age is None or kb.fund(f).max_age >= 18 for f in own.slots["laatste_fondsen"])
    assert "(ouder zelf)" in text
    child = Conversation().run(
        ActionFondsen(), "moeder zoekt een winterjas voor haar zoon van 8", "ask_fondsen", [("leeftijd", "8")]
    )
    assert "(8 jaar)" in child and "ouder zelf" not in child
    # A school trip is the child's, though only the mother is named: children's funds, no "ouder zelf".
    trip = Conversation()
    text = trip.run(
        ActionFondsen(), "moeder kan de schoolreis niet betalen", "ask_fondsen", [("behoefte", "schoolreis")]
    )
    assert "ouder zelf" not in text and "Jeugdeducatiefonds" in text
    # "voor haar" is someone else than the mother (herself would be "voor zichzelf"): the child talked about.
    for_her = Conversation()
    text = for_her.run(
        ActionFondsen(), "waar kan moeder kleding voor haar halen?", "ask_fondsen", [("behoefte", "kleding")]
    )
    assert "ouder zelf" not in text and "Kinderen van de voedselbank" in text


def test_a_question_the_nlu_took_for_small_talk_is_answered_from_the_sources():
    chat = Conversation()
    answer = chat.run(ActionRephrase(), "moeder wil weer aan het werk maar weet niet hoe", "out_of_scope")
    assert "Bron:" in answer and chat.slots["getoonde_records"]
    chat = Conversation()
    chat.run(ActionRephrase(), "wat vind jij van voetbal kijken", "out_of_scope")
    assert [m.get("response") for m in chat.messages] == ["utter_out_of_scope"]
    # Small talk around a record named in full (without "Stichting", or written apart): that record.
    for text, intent, record in [
        ("wie ben jij en wat weet je over jarige job?", "help", "fonds:stichting-jarige-job"),
        ("ben jij een robot of weet je iets over home-start?", "bot_challenge", "interventie:homestart"),
    ]:
        chat = Conversation()
        answer = chat.run(ActionRephrase(), text, intent)
        assert chat.slots["getoonde_records"][:1] == [record] and "Bron:" in answer


def test_goodbye_and_help_answer_a_real_question_and_still_say_goodbye():
    """The rules send goodbye and help through action_rephrase: a question the NLU took for them is answered."""
    chat = Conversation()
    answer = chat.run(ActionRephrase(), "hoe help ik een zwangere die wil stoppen met roken", "goodbye")
    assert "Roken, alcohol en middelengebruik" in answer and "Bron:" in answer
    for text, intent, response in [
        ("doei", "goodbye", "utter_goodbye"),
        ("oke bedankt, tot volgende week?", "goodbye", "utter_goodbye"),
        ("ik sluit het gesprek af", "goodbye", "utter_goodbye"),
        ("wat kun je allemaal?", "help", "utter_help"),
    ]:
        chat = Conversation()
        chat.run(ActionRephrase(), text, intent)
        assert [m.get("response") for m in chat.messages] == [response]


def test_a_question_with_a_parting_word_gets_no_goodbye():
    """ "afsluiten" ends a chat for the NLU, but "Eneco dreigt met afsluiten, mag dat?" asks something:
    an honest answer (here: what the sources do and do not say), never "Tot ziens"."""
    chat = Conversation()
    answer = chat.run(ActionRephrase(), "Eneco dreigt met afsluiten in februari, mag dat?", "goodbye")
    assert "utter_goodbye" not in [m.get("response") for m in chat.messages]
    assert "Tot ziens" not in answer
    # What the sources lack, as the user wrote it, without the month that only dates the question.
    assert answer.startswith("Over Eneco staat niets in de bronnen")


def test_a_familys_situation_told_is_no_goodbye_or_small_talk():
    """ "moeder is gespannen en leeft van dag tot dag", taken for a goodbye, and "15-jarige loopt steeds in
    te kleine kleren", taken for small talk, tell a family's situation: what the sources say about it."""
    for text, intent, record in [
        ("moeder is erg gespannen en leeft van dag tot dag", "goodbye", "signaal:ouder-stress"),
        ("15-jarige loopt steeds in dezelfde, te kleine kleren", "out_of_scope", "fonds:kinderen-van-de-voedselbank"),
    ]:
        chat = Conversation()
        answer = chat.run(ActionRephrase(), text, intent)
        assert record in chat.slots["getoonde_records"][:3] and "Tot ziens" not in answer, (text, answer)


def test_a_vague_question_asks_what_it_is_about():
    """ "Welke hulp is er?" or "armoede": nothing to look up yet; the topics, the werkwijzen overview among them."""
    for text, action, intent in [
        ("welke hulp is er", ActionRephrase(), "nlu_fallback"),
        ("armoede", ActionFeiten(), "ask_feiten"),
        # help with someone or something, but nothing about what: a question back, not the list of skills
        ("kun je me helpen met een casus", ActionRephrase(), "help"),
    ]:
        chat = Conversation()
        answer = chat.run(action, text, intent)
        assert answer.startswith("Waar gaat je vraag over?") and "Bron" not in answer
        assert ("Werkwijzen: hoe pak ik het aan?", "/ask_werkwijze") in [
            (b["title"], b["payload"]) for b in chat.messages[0]["buttons"]
        ]
        assert chat.slots["getoonde_records"] == ["achtergrond:werkwijzen-overzicht"]


@pytest.mark.parametrize(
    "first, first_action, follow_up, action, intent, expected",
    [
        # "hoe doe je dat" after a werkwijze's Waarom: that werkwijze's Hoe-blocks, whatever the NLU made of it.
        (
            "waarom moet ik eerst een band opbouwen met een gezin voor ik over geld begin?",
            ActionWerkwijze(),
            "ja maar hoe doe je dat dan in de praktijk",
            ActionRephrase(),
            "nlu_fallback",
            "**Vertrouwen opbouwen › ",
        ),
        # A section asked "daarbij": that section of the werkwijze just shown, not where the answer stood.
        (
            "waarom moet ik eerst een band opbouwen met een gezin voor ik over geld begin?",
            ActionWerkwijze(),
            "met wie werk je daarbij samen?",
            ActionSource(),
            "ask_source",
            "**Vertrouwen opbouwen › Samenwerken**",
        ),
    ],
)
def test_a_question_that_points_back_is_answered_in_the_previous_answers_context(
    first, first_action, follow_up, action, intent, expected
):
    chat = Conversation()
    assert "Vertrouwen opbouwen" in chat.run(first_action, first, "ask_werkwijze")
    answer = chat.run(action, follow_up, intent)
    assert answer.startswith(expected) and "Bron: " in answer


def test_a_question_that_points_back_is_searched_with_the_question_before_it():
    """ "wie organiseert die?" alone means nothing; with the question before it, it is about those trainings."""
    chat = Conversation()
    chat.run(ActionWatIs(), "zijn er cursussen over armoede voor medewerkers van het consultatiebureau?", "ask_wat_is")
    shown = set(chat.slots["getoonde_records"])
    alone = Conversation()
    alone.run(ActionWatIs(), "wie organiseert die?", "ask_wat_is")
    chat.run(ActionWatIs(), "wie organiseert die?", "ask_wat_is")
    assert set(chat.slots["getoonde_records"]) & shown
    assert not set(alone.slots["getoonde_records"] or []) & shown


def test_who_offers_what_was_just_shown_gets_that_record_and_the_organisations_it_names():
    """ "wie bieden die aan?" after trainings, whatever the NLU made of it (here a question about applying):
    the training again, whose text says who offers it, with the organisations it names as buttons."""
    chat = Conversation()
    chat.run(ActionWatIs(), "welke trainingen over armoede zijn er voor jgz-medewerkers?", "ask_wat_is")
    shown = chat.slots["getoonde_records"]
    training = next(k for k in shown if k.startswith("interventie:"))
    answer = chat.run(ActionAanvragen(), "wie bieden die aan?", "ask_aanvragen")
    after = chat.slots["getoonde_records"]
    assert after[0] == training and "Bron: " in answer
    assert any(k.startswith("organisatie:") for k in after)


def test_a_record_named_in_a_question_that_points_back_is_that_record():
    """ "en berekenuwrecht, is dat hetzelfde?" after the VoorzieningenWijzer: BerekenUwRecht, not more of the same."""
    chat = Conversation()
    chat.run(ActionWatIs(), "wat is de voorzieningenwijzer?", "ask_wat_is")
    assert chat.slots["getoonde_records"][0] == "interventie:voorzieningenwijzer"
    chat.run(ActionWatIs(), "en berekenuwrecht, is dat hetzelfde?", "ask_wat_is")
    assert chat.slots["getoonde_records"][0] == "interventie:bereken-uw-recht"


def test_an_elliptic_question_is_asked_the_way_the_question_before_it_was():
    """ "en voor sombere gevoelens na de bevalling?" after a questionnaire: a questionnaire for that."""
    chat = Conversation()
    chat.run(
        ActionInstrumenten(),
        "welke vragenlijst kan een zwangere zelf invullen over psychosociale risico's?",
        "ask_instrumenten",
    )
    assert chat.slots["getoonde_records"][0].startswith("instrument:")
    chat.run(ActionWerkwijze(), "en voor sombere gevoelens na de bevalling?", "ask_werkwijze")
    assert chat.slots["getoonde_records"][0] == "instrument:epds"


def test_a_question_with_a_subject_of_its_own_is_not_bent_to_the_previous_answer():
    chat = Conversation()
    chat.run(
        ActionWerkwijze(),
        "waarom moet ik eerst een band opbouwen met een gezin voor ik over geld begin?",
        "ask_werkwijze",
    )
    answer = chat.run(ActionSignalen(), "hoe merk ik dat er thuis te weinig geld is voor eten?", "ask_signalen")
    assert "Vertrouwen opbouwen" not in answer


def test_what_to_do_after_signals_gives_hoe_blocks_for_that_situation():
    chat = Conversation()
    chat.run(
        ActionSignalen(),
        "een meisje uit groep 6 heeft nooit zwemles gehad en gaat nooit op vakantie, is dat een signaal?",
        "ask_signalen",
    )
    assert chat.slots["getoonde_records"][0] == "signaal:kind-vereniging"
    chat.run(ActionFollowUp(), "en wat kan ik dan doen?", "inform")
    shown = chat.slots["getoonde_records"]
    assert shown[0].startswith("hoe:") and any("basisschool" in key for key in shown)


def test_asking_for_something_else_leaves_out_what_was_just_shown():
    chat = Conversation()
    chat.run(ActionWatIs(), "wat is Buurtgezinnen?", "ask_wat_is")
    assert chat.slots["getoonde_records"] == ["interventie:buurtgezinnen"]
    chat.run(ActionFollowUp(), "is er ook iets voor vaders?", "inform")
    shown = chat.slots["getoonde_records"]
    assert "interventie:daddys-place" in shown[:3] and "interventie:buurtgezinnen" not in shown


@pytest.mark.parametrize(
    "first",
    [
        "waarom moet ik eerst een band opbouwen met een gezin voor ik over geld begin?",  # a werkwijze section
        "wat houdt de werkwijze bespreken in?",
    ],
)
def test_where_it_says_so_after_a_werkwijze_section_gives_the_source(first):
    """ "waar staat dat?" points back, but asks for the source: never a new search with the question before it."""
    chat = Conversation()
    chat.run(ActionWerkwijze(), first, "ask_werkwijze")
    shown = chat.slots["getoonde_records"]
    answer = chat.run(ActionSource(), "waar staat dat?", "ask_source")
    assert chat.slots["getoonde_records"] == shown
    assert "Handreiking" in answer and "**" not in answer.split("\n", 1)[0]


def test_asking_for_example_sentences_after_a_block_is_no_request_for_help():
    """ "heb je een paar voorbeeldzinnen die ik kan gebruiken?", which the NLU takes for "help", after a
    Hoe-block: that block again, its example sentences first, not the help text."""
    chat = Conversation()
    chat.run(ActionWerkwijze(), "Hoe maak ik geldzorgen bespreekbaar bij een zwangere?", "ask_werkwijze")
    assert chat.slots["getoonde_records"][:1] == ["hoe:bespreken-aanstaande-ouders"]
    answer = chat.run(ActionRephrase(), "heb je een paar voorbeeldzinnen die ik kan gebruiken?", "help")
    assert chat.slots["getoonde_records"][:1] == ["hoe:bespreken-aanstaande-ouders"] and "‘" in answer
    fresh = Conversation()
    fresh.run(ActionRephrase(), "heb je een paar voorbeeldzinnen die ik kan gebruiken?", "help")
    assert [m.get("response") for m in fresh.messages] == ["utter_help"]


def test_help_after_an_answer_is_help_with_that_answers_subject():
    """ "wat kan ik haar aanraden?" (which the NLU may take for help) after signals of a lonely kraamvrouw:
    an answer about that situation, with its source; help with nothing before it lists the topics."""
    chat = Conversation()
    chat.run(
        ActionSignalen(),
        "De kraamvrouw krijgt bijna geen kraambezoek, haar familie woont niet in Nederland. Is dat een signaal?",
        "ask_signalen",
    )
    answer = chat.run(ActionRephrase(), "wat kan ik haar aanraden?", "help")
    assert "Bron:" in answer and chat.slots["getoonde_records"][0].startswith("hoe:"), answer
    alone = Conversation()
    alone.run(ActionRephrase(), "wat kan ik haar aanraden?", "help")
    assert not alone.slots.get("getoonde_records")


def test_who_is_behind_what_was_just_shown_is_no_question_about_the_bot():
    """ "wie zitten erachter?", taken for "ben je een robot?", after the stappenplan: who made it."""
    chat = Conversation()
    chat.run(ActionRephrase(), "wat is dat stappenplan lokale aanpak kinderarmoede", "nlu_fallback")
    assert chat.slots["getoonde_records"][:1] == ["aanpak:stappenplan-lokale-aanpak"]
    answer = chat.run(ActionRephrase(), "wie zitten erachter", "bot_challenge")
    assert "utter_iamabot" not in [m.get("response") for m in chat.messages]
    assert any(r.startswith("organisatie:") for r in chat.slots["getoonde_records"]), answer
    chat = Conversation()
    chat.run(ActionRephrase(), "ben je een robot?", "bot_challenge")
    assert [m.get("response") for m in chat.messages] == ["utter_iamabot"]


def test_a_continuation_taken_for_small_talk_follows_up_the_answer_before():
    """ "en tweedehands spullen?" after the funds for a cot, taken for out of scope, and "en zo'n verwendag?"
    after Mama's Garden, taken for a question about the bot: follow-ups, not "Daar kan ik je niet mee
    helpen". The same message before any answer stays what the NLU made of it."""
    chat = Conversation()
    chat.run(ActionFondsen(), "zwangere, geen geld voor een wiegje", "ask_fondsen", [("behoefte", "wiegje")])
    answer = chat.run(ActionRephrase(), "en tweedehands spullen?", "out_of_scope")
    assert "fonds:kringloopwinkels-en-weggeefhoeken" in chat.slots["getoonde_records"][:3], answer
    chat = Conversation()
    chat.run(ActionWatIs(), "mama's garden, wat is dat", "ask_wat_is")
    assert chat.slots["getoonde_records"][:1] == ["interventie:mamas-garden"]
    answer = chat.run(ActionRephrase(), "en zo'n verwendag?", "bot_challenge")
    assert chat.slots["getoonde_records"][:1] == ["interventie:verwendag-jonge-moeders"], answer
    alone = Conversation()
    alone.run(ActionRephrase(), "en tweedehands spullen?", "out_of_scope")
    assert [m.get("response") for m in alone.messages] == ["utter_out_of_scope"]
