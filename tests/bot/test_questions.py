"""The logic per kind of question (bot.questions) on the real knowledge base: the records each reply
leads with, funds first, school stages, unknown needs, clarifications that lead to one record."""

from __future__ import annotations

import json
import re

import pytest

from bot import answers, questions, retrieval
from bot.asking import asking_part
from bot.context import figure_of_the_previous, in_context, points_back, what_that_thing_is
from bot.grounding import grounded
from bot.kb.thesaurus import thesaurus
from bot.left_out import left_out
from bot.questions import Question


def ask(kb, kind, text, **fields):
    return questions.answer(kb, Question(kind, text=text, **fields))


def payload_question(payload: str) -> Question:
    """The Question a button's payload ("/ask_wat_is{…}") becomes in the actions."""
    intent, _, body = payload.lstrip("/").partition("{")
    entities = json.loads("{" + body) if body else {}
    kind = {"ask_wat_is": "wat_is", "ask_werkwijze": "werkwijze", "ask_fondsen": "fondsen"}[intent]
    return Question(kind, topic=entities.get("onderwerp"), need=entities.get("behoefte"))


# --- A: every answer says which records it leads with ---------------------------------------------


@pytest.mark.parametrize(
    "kind, text, prefix",
    [
        ("fondsen", "fiets voor een kind van 10", "fonds:"),
        ("aanvragen", "hoe vraag ik Leergeld aan?", "fonds:stichting-leergeld"),
        ("werkwijze", "hoe begin ik over geldzorgen met een puber", "hoe:"),
        ("werkwijze", "", "achtergrond:werkwijzen-overzicht"),
        ("signalen", "welke signalen zie je bij kinderen?", "signaal:"),
        ("instrumenten", "welke vragenlijst gebruik je bij kleuters?", "instrument:"),
        ("wat_is", "wat is VoorZorg?", "interventie:voorzorg"),
        ("feiten", "", "feit:"),
        ("voorbeelden", "voorbeelden uit Lelystad", "voorbeeld:"),
    ],
)
def test_every_answer_lists_its_records(kb_sqlite, kind, text, prefix):
    outcome = ask(kb_sqlite, kind, text, gemeente="Lelystad" if "Lelystad" in text else None)
    assert outcome.reply.records and outcome.reply.records[0].startswith(prefix)
    assert all(re.fullmatch(r"[a-z]+:[a-z0-9-]+(/[a-z]+)?", r) for r in outcome.reply.records)


def test_more_lists_the_records_of_that_page(kb_sqlite):
    first = ask(kb_sqlite, "signalen", "welke signalen zie je bij kinderen?")
    more = questions.more(kb_sqlite, first.question.state(), first.reply.shown, [])
    assert more.reply.records and not set(more.reply.records) & set(first.reply.records)


# --- C: a clarification offers candidates whose buttons lead to exactly that record ------------------


def test_clarification_buttons_lead_to_that_record(kb_sqlite):
    reply = answers.clarify_answer(
        [
            ("hoe:bespreken-jongeren", "Bespreken met jongeren", "hoe"),
            ("werkwijze:bespreken/waarom", "Bespreken: waarom", "werkwijze"),
        ]
    )
    assert reply.text.startswith("Bedoel je") and reply.records == [
        "hoe:bespreken-jongeren",
        "werkwijze:bespreken/waarom",
    ]
    for (_, payload), key in zip(reply.buttons, reply.records, strict=True):
        assert questions.answer(kb_sqlite, payload_question(payload)).reply.records == [key]


@pytest.mark.parametrize(
    "kind, text",
    [
        ("wat_is", "welke hulp is er"),
        # an approach or a list of nothing named, whatever kind the NLU made of it
        ("voorbeelden", "wat is de aanpak?"),
        ("instrumenten", "is er een lijst?"),
        ("voorbeelden", "kun je iets zeggen over de aanpak"),
        # only the kind of record, nothing about for whom or when
        ("instrumenten", "Is daar een instrument voor?"),
        ("signalen", "signalen"),
        ("signalen", "welke signalen zijn er?"),
    ],
)
def test_a_vague_question_is_asked_back(kb_sqlite, kind, text):
    reply = ask(kb_sqlite, kind, text).reply
    assert reply.buttons and "Bron" not in reply.text


def test_each_choice_for_signals_answers_with_its_list(kb_sqlite):
    """The buttons of "signalen?" lead to a list, not to the same question again."""
    buttons = ask(kb_sqlite, "signalen", "signalen").reply.buttons
    leads = [ask(kb_sqlite, "signalen", payload).reply.records[0] for _, payload in buttons]
    assert [lead.split("-")[0] for lead in leads] == ["signaal:kind", "signaal:ouder", "signaal:risico"]


@pytest.mark.parametrize("kind", ["fondsen", "aanvragen"])
def test_who_it_is_about_without_what_about_is_asked_back(kb_sqlite, kind):
    # "vraagje over een leerling": no need, no fund asked for; no list of funds for any pupil.
    reply = ask(kb_sqlite, kind, "vraagje over een leerling").reply
    assert reply.buttons and "Bron" not in reply.text and not any(r.startswith("fonds:") for r in reply.records)


def test_nothing_in_the_sources(kb_sqlite):
    reply = ask(kb_sqlite, "wat_is", "hoe repareer ik een lekke band van mijn auto").reply
    assert reply.text.startswith(answers.NOTHING_FOUND) and not reply.records


def test_fallback_answers_from_retrieval(kb_sqlite):
    outcome = questions.fallback(kb_sqlite, "veel van mijn gezinnen zijn zzp'er, wat zegt de handreiking?")
    assert outcome.reply.records == ["feit:verborgen-armoede-zelfstandigen"] and "Bron:" in outcome.reply.text
    assert questions.fallback(kb_sqlite, "xyzzy kwartelkoning plorp") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # "na de kraamweek" is the kraamperiode BabythuisZorg is for (thesaurus: na-de-kraamtijd)
        (
            "ouders redden het na de kraamweek nog niet alleen met de baby, bestaat er vervolgzorg daarna?",
            "interventie:babythuiszorg",
        ),
        ("waar kan ik online verder lezen over kinderarmoede?", "achtergrond:actuele-en-relevante-websites"),
        ("jongen wordt over 2 mnd 18 en wil op kamers. waarom is dat een risicomoment?", "signaal:risico-achttien"),
        (
            "welke jongeren lopen extra risico op geldproblemen rond hun 18e of als ze van school gaan?",
            "signaal:risico-achttien",
        ),
        # "houding" of a professional is the handreiking's basishouding (thesaurus: houding-professional)
        (
            "Wat moet de houding van een professional zijn tegenover gezinnen in armoede? Noem de punten.",
            "achtergrond:attitude-van-professionals",
        ),
    ],
)
def test_the_thesaurus_leads_a_situation_to_its_record(kb_sqlite, text, expected):
    assert expected in ask(kb_sqlite, "werkwijze", text).reply.records[:3]


def test_a_record_named_by_its_title_with_an_asking_word_in_it(kb_sqlite):
    """A title of one content word and one asking word ("De opdracht van professionals") still names it."""
    outcome = ask(kb_sqlite, "werkwijze", "Wat is de opdracht van professionals in de jeugdgezondheid bij armoede?")
    assert outcome.reply.records[0] == "achtergrond:opdracht-van-professionals"


def test_what_an_organisation_said_is_the_fact_not_the_organisation(kb_sqlite):
    said = ask(
        kb_sqlite, "wat_is", "Wat zei de Kinderombudsman in 2017 over kinderen in armoede?", name="Kinderombudsman"
    )
    assert said.reply.records[0] == "feit:kinderombudsman-achterstand-op-alle-levensgebieden"
    assert ask(kb_sqlite, "wat_is", "Wat doet de Kinderombudsman?", name="Kinderombudsman").reply.records[0] == (
        "organisatie:kinderombudsman"
    )


def test_what_is_meant_by_a_word_is_answered_though_taken_for_small_talk(kb_sqlite):
    """The NLU took "wat wordt bedoeld met …" for help: the question is what follows "met"."""
    assert questions.off_topic(kb_sqlite, "wat wordt bedoeld met integraal werken").reply.records[0] == (
        "achtergrond:integraal-werken"
    )
    meant = questions.off_topic(kb_sqlite, "Wat bedoelt de handreiking met een groei-mindset?")
    # Both explain it: the Waarom of Mentale gezondheid (where the afstemdeel's writer looked) and the Hoe-block.
    assert {"werkwijze:mentale-gezondheid/waarom", "hoe:mentale-gezondheid-kinderen-en-jongeren"} & set(
        meant.reply.records[:3]
    )
    assert questions.off_topic(kb_sqlite, "wat bedoel je?") is None


def test_which_websites_asks_for_reading_not_for_a_source():
    """ "Welke websites …" asks for reading on a subject (thesaurus: verder-lezen), as "verder lezen" does."""
    assert "verder-lezen" in [
        c.id for c in thesaurus().find("Welke websites over kinderarmoede raadt de handreiking aan?")
    ]


def test_what_you_can_see_is_asked_as_a_signal(kb_sqlite):
    outcome = ask(kb_sqlite, "signalen", "Aan welke dingen kun je zien dat ouders geldproblemen hebben?")
    assert all(r.startswith("signaal:") for r in outcome.reply.records[:3]), outcome.reply.records


@pytest.mark.parametrize("kind", ["feiten", "werkwijze", "wat_is"])
def test_how_many_werkwijzen_gets_the_overview(kb_sqlite, kind):
    text = "hoeveel werkwijzen heeft de handreiking en hoe zijn ze ingedeeld"
    assert ask(kb_sqlite, kind, text).reply.records == ["achtergrond:werkwijzen-overzicht"]


def test_what_is_seen_again_and_again_is_a_signal_though_it_names_a_need(kb_sqlite):
    reply = ask(kb_sqlite, "fondsen", "kind draagt altijd dezelfde kleren, kapot en veel te klein").reply
    assert reply.records[0] == "signaal:kind-kleding"
    # asked for, it is a fund question
    reply = ask(kb_sqlite, "fondsen", "kind draagt altijd te kleine kleren, welk fonds helpt?").reply
    assert reply.records[0].startswith("fonds:")


def test_where_do_i_start_asks_what_to_do_not_which_fund(kb_sqlite):
    text = "bij huisbezoek gezien dat de drie kinderen samen in 1 bed slapen en het geld is op. waar begin ik?"
    assert ask(kb_sqlite, "fondsen", text).reply.records[0].startswith("hoe:")


def test_fallback_answers_a_record_named_by_its_whole_name(kb_sqlite):
    outcome = questions.fallback(kb_sqlite, "wij werken op het kdv met ben ik in beeld, noemt de handreiking dat?")
    assert outcome.reply.records[0] == "interventie:ben-ik-in-beeld" and "Bron:" in outcome.reply.text


def test_werkwijze_section_answer(kb_sqlite):
    outcome = ask(kb_sqlite, "werkwijze", "waarom is vertrouwen zo belangrijk bij gezinnen met geldzorgen?")
    assert outcome.reply.records == ["werkwijze:vertrouwen-opbouwen/waarom"]
    assert (
        "Bron: Handreiking Omgaan met armoede in de jeugdgezondheid › Vertrouwen opbouwen › Waarom"
        in outcome.reply.text
    )


def test_instrument_words_win_over_the_signals_intent(kb_sqlite):
    outcome = ask(kb_sqlite, "signalen", "welke vragenlijst gebruik ik bij het consult van 2 jaar?")
    assert outcome.reply.records[0].startswith("instrument:") and "Signaleringslijst" not in outcome.reply.text


# --- D: the best-matching points first, the rest behind "meer" ---------------------------------------


def test_best_matching_points_first_and_the_rest_behind_more(kb_sqlite):
    text = "beantwoord ik telefoontjes en appjes van ouders altijd?"
    outcome = ask(kb_sqlite, "werkwijze", "", topic="vertrouwen-opbouwen-zichtbaar")
    assert "telefoontjes" not in outcome.reply.text.splitlines()[1]  # source order without a question
    outcome = ask(kb_sqlite, "werkwijze", text, topic="vertrouwen-opbouwen-zichtbaar")
    assert "telefoontjes" in outcome.reply.text.splitlines()[1]


# --- E: funds first ----------------------------------------------------------------------------------------


def test_funds_without_an_age_are_shown_with_age_buttons(kb_sqlite):
    reply = ask(kb_sqlite, "fondsen", "wie betaalt een fiets?").reply
    assert reply.records and all(r.startswith("fonds:") for r in reply.records)
    assert not reply.text.startswith("Welk fonds past") and reply.text.startswith("Voor fiets kun je kijken naar:")
    assert "aanvragen door" in reply.text and "4 tot 18 jaar" in reply.text and "Hoe oud is het kind?" in reply.text
    assert [title for title, _ in reply.buttons] == ["Baby", "Peuter", "4-12 jaar", "12-18 jaar"]


def test_an_applicant_no_fund_names_still_gets_the_needs_funds(kb_sqlite):
    # No fund for clothes names a wijkteam (a hulpverlener) as applicant: say so, and show the funds for
    # clothes with who does apply, rather than "geen fonds".
    reply = ask(kb_sqlite, "fondsen", "kan ik als wijkteam nieuwe kleding aanvragen voor een gezin?").reply
    assert reply.text.startswith("Geen fonds voor kleding in de bronnen noemt een hulpverlener of professional")
    assert "fonds:stichting-clothing4u" in reply.records and "aanvragen door een instelling of gemeente" in reply.text


def test_a_parents_need_gets_no_age_question(kb_sqlite):
    reply = ask(kb_sqlite, "fondsen", "zwangerschapsspullen voor de moeder").reply
    assert "fonds:stichting-babyspullen" in reply.records and not reply.buttons


def test_unknown_need_is_said_never_another_scheme(kb_sqlite):
    for text, need in (
        ("fonds voor rijles", None),
        ("fonds voor rijles", "fiets"),
        ("welk fonds helpt bij schulden", None),
        # what is asked for is a word no record has: a fund that only shares "vergoed" is not about it
        ("wordt een pretecho vergoed vanuit de basisverzekering?", None),
    ):
        reply = ask(kb_sqlite, "fondsen", text, need=need).reply
        assert "ken ik geen fonds" in reply.text and "sociale kaart" in reply.text and not reply.records


def test_no_need_but_a_fund_about_the_question_is_shown_not_asked_for(kb_sqlite):
    reply = ask(kb_sqlite, "fondsen", "zwangere is 16, welke financiele regelingen zijn er voor haar?").reply
    assert reply.records[0] == "fonds:financiele-regelingen-tienermoeders"
    # nothing but a child: what for is asked
    assert ask(kb_sqlite, "fondsen", "fonds voor kind").reply.text == answers.ask_need_answer().text


def test_one_letter_typo_in_the_need(kb_sqlite):
    reply = ask(kb_sqlite, "fondsen", "fiest voor een kind van 10 jaar").reply
    assert reply.text.startswith("Voor fiets (10 jaar)") and "fonds:stichting-leergeld" in reply.records


@pytest.mark.parametrize(
    "text", ["Jeugdfonds Sport & Cultuur", "jeugdfonds sport en cultuur", "wat doet het Jeugdfonds Sport en Cultuur?"]
)
def test_fund_named_with_ampersand_or_en(kb_sqlite, text):
    for kind in ("fondsen", "wat_is"):
        assert ask(kb_sqlite, kind, text).reply.records == ["fonds:jeugdfonds-sport-en-cultuur"]


def test_fund_named_without_stichting_or_run_together(kb_sqlite):
    assert ask(kb_sqlite, "wat_is", "wat doet Jarige Job?").reply.records == ["fonds:stichting-jarige-job"]
    assert ask(kb_sqlite, "fondsen", "jarigejob voor een meisje van 9").reply.records == ["fonds:stichting-jarige-job"]


# --- F: school stages are ages -----------------------------------------------------------------------------


def test_school_stage_is_an_age_range(kb_sqlite):
    reply = ask(kb_sqlite, "fondsen", "fiets voor kinderen in het basisonderwijs").reply
    assert reply.text.startswith("Voor fiets (basisonderwijs)")
    funds = {f.id: f for f in kb_sqlite.find_funds("fiets").funds}
    for key in reply.records:
        fund = funds[key.split(":")[1]]
        assert fund.max_age is None or fund.max_age >= 4
    groep = ask(kb_sqlite, "fondsen", "schoolreisje voor een kind in groep 7").reply
    assert "(groep 7)" in groep.text and "(7 jaar)" not in groep.text
    havo = ask(kb_sqlite, "fondsen", "laptop voor een leerling in havo 5").reply
    assert "(havo 5)" in havo.text and "(5 jaar)" not in havo.text


def test_a_school_stage_excludes_a_fund_for_another_school(kb_sqlite):
    # The Jeugdeducatiefonds is for "kinderen in het basisonderwijs": not for a brugklasser, though
    # the brugklas starts at 11; a child of 12 may still be in groep 8.
    basisonderwijs = "fonds:jeugdeducatiefonds"
    assert basisonderwijs not in ask(kb_sqlite, "fondsen", "laptop voor een brugklasser").reply.records
    assert basisonderwijs in ask(kb_sqlite, "fondsen", "laptop voor een kind in groep 8").reply.records
    assert basisonderwijs in ask(kb_sqlite, "fondsen", "laptop voor een kind van 12").reply.records
    # An age in years far from that stage: a 15-year-old is in no basisonderwijs; nor in a basisschoolleeftijd.
    assert basisonderwijs not in ask(kb_sqlite, "fondsen", "laptop voor een kind van 15").reply.records
    voedselbank = "fonds:kinderen-van-de-voedselbank"  # "verjaardagsboxen voor kinderen in de basisschoolleeftijd"
    assert voedselbank in ask(kb_sqlite, "fondsen", "verjaardag voor een kind van 8").reply.records
    assert voedselbank not in ask(kb_sqlite, "fondsen", "verjaardag voor een kind van 16").reply.records


def test_no_fund_for_the_age_gives_what_the_sources_say_about_the_need(kb_sqlite):
    # No fund for bijles at havo age, but the Hoe-block for jongeren in het voortgezet onderwijs names
    # huiswerkbegeleiding and examentraining (synonyms of bijles): say no fund is listed, then show it.
    reply = ask(
        kb_sqlite, "fondsen", "leerling uit havo 4 wil bijles wiskunde, is daar geld voor?", need="bijles"
    ).reply
    assert reply.text.startswith(
        "Ik vind geen fonds voor bijles (havo 4) in de bronnen. Wel zeggen de bronnen hierover:"
    )
    assert reply.records[:1] == ["hoe:participatie-voortgezet-onderwijs"]
    assert "huiswerkbegeleiding" in reply.text
    # Where a fund does cover the age, the funds come first, as always.
    young = ask(kb_sqlite, "fondsen", "bijles voor een kind van 8", need="bijles").reply
    assert young.records[:1] == ["fonds:jeugdeducatiefonds"] and young.text.startswith("Voor bijles (8 jaar)")


def test_the_consultatiebureau_names_no_need(kb_sqlite):
    assert kb_sqlite.resolve_needs("moeder op het consultatiebureau, welke methode past?") == []


# --- amounts, scores, waiting times: not in the sources ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "hoeveel vergoedt het jeugdfonds sport en cultuur maximaal per kind per jaar",
        "hoe hoog is de kinderbijslag per kwartaal?",
        "hoe lang is de wachtlijst voor schuldhulpverlening?",
        "kan een gezin in de WSNP nog bij Leergeld aanvragen, of telt de bewindvoerder dat als extra inkomen?",
    ],
)
def test_an_amount_the_sources_do_not_give(kb_sqlite, text):
    for kind in ("fondsen", "wat_is"):
        reply = ask(kb_sqlite, kind, text).reply
        assert reply.text.startswith("Bedragen, scores, wachttijden") and not reply.records
    assert questions.fallback(kb_sqlite, text).reply.records == []


@pytest.mark.parametrize(
    "kind, text",
    [
        ("fondsen", "mag de apotheek weigeren medicijnen mee te geven als iemand zijn eigen risico niet kan betalen?"),
        (
            "signalen",
            "mag ik het schoolkamp van een leerling uit eigen zak betalen of is dat als leerkracht niet toegestaan?",
        ),
    ],
)
def test_whether_something_is_allowed_gets_no_fund(kb_sqlite, kind, text):
    """A question about a rule names a need, but does not ask for it: no fund for it, whatever the intent."""
    reply = ask(kb_sqlite, kind, text).reply
    assert not any(r.startswith("fonds:") for r in reply.records), reply.records


@pytest.mark.parametrize(
    "text", ["mag een kind van 8 gratis zwemles krijgen?", "mag ik leergeld aanvragen voor een kind van 9?"]
)
def test_whether_a_child_may_have_something_or_i_may_apply_asks_for_the_fund(kb_sqlite, text):
    records = ask(kb_sqlite, "fondsen", text).reply.records
    assert records and records[0].startswith("fonds:"), records


@pytest.mark.parametrize(
    "text",
    [
        "is er een budgetcursus voor ouders die ook te volgen is als je slecht kunt lezen?",
        # handling money is a skill, not a payment
        "ik wil een ouder helpen beter met geld om te gaan, zijn er budgetcursussen voor laaggeletterden?",
    ],
)
def test_a_course_asked_for_is_a_programme_not_a_fund_for_a_course(kb_sqlite, text):
    records = ask(kb_sqlite, "fondsen", text, need="budgetcursus").reply.records
    # Both programmes teach handling money; Lift je leven! is also for low literacy.
    assert records[0] in ("interventie:budgettrainingen-stichting-knip", "interventie:lift-je-leven"), records


def test_how_many_children_is_in_the_sources(kb_sqlite):
    reply = ask(kb_sqlite, "feiten", "hoeveel kinderen groeien op in armoede?").reply
    assert reply.records and reply.records[0].startswith("feit:")


# --- the intent is a hint: what the question asks for, and the retrieval, decide ---------------------------


@pytest.mark.parametrize("kind", ["fondsen", "signalen", "feiten"])
def test_what_can_i_do_gets_a_hoe_block_whatever_the_intent(kb_sqlite, kind):
    """A situation with "wat kan ik … adviseren": the handreiking's Hoe-block, not funds or signals."""
    text = "een vader wordt boos als ik over geldzorgen begin bij het consult, hoe ga ik daarmee om?"
    records = ask(kb_sqlite, kind, text).reply.records
    assert records and records[0].startswith("hoe:"), records


def test_a_need_with_a_fund_question_stays_with_the_fund_finder(kb_sqlite):
    records = ask(
        kb_sqlite, "fondsen", "kind heeft geen winterjas, waar kan ik de ouders naar verwijzen?"
    ).reply.records
    assert records and all(r.startswith("fonds:") for r in records)


def test_is_that_a_signal_gets_signals_whatever_the_intent(kb_sqlite):
    for kind in ("fondsen", "werkwijze", "feiten"):
        records = ask(
            kb_sqlite, kind, "de ouders lenen elke maand geld bij de buren, is dat een signaal?"
        ).reply.records
        assert records and records[0] == "signaal:ouder-lenen", (kind, records)


def test_does_that_point_to_poverty_gets_signals_though_a_need_is_named(kb_sqlite):
    text = (
        "patient haalt zn medicijnen niet op omdat hij het eigen risico niet kan betalen, zegt dat iets over armoede?"
    )
    records = ask(kb_sqlite, "fondsen", text).reply.records
    assert records[:1] == ["signaal:ouder-zorgkosten"], records


def test_a_record_named_in_full_is_answered_whatever_the_intent(kb_sqlite):
    records = ask(kb_sqlite, "instrumenten", "Home-Start, voor wie is dat bedoeld?").reply.records
    assert records[:1] == ["interventie:homestart"]


def test_signals_list_only_for_a_question_about_signals(kb_sqlite):
    """Nothing in the Signaleringslijst matches a question about mentors: no list of unrelated signals."""
    records = ask(
        kb_sqlite, "signalen", "een jongere zoekt een maatje of mentor, welke mogelijkheden zijn er?"
    ).reply.records
    assert not any(r.startswith("signaal:") for r in records), records


def test_what_may_come_of_an_application_is_no_need_to_find_a_fund_for(kb_sqlite):
    """ "dat een aanvraag bij een fonds ook afgewezen kan worden": the point on being realistic with
    parents (Financiële steun voor alle kinderen), not "Voor 'afgewezen' ken ik geen fonds"."""
    block = "hoe:financiele-en-materiele-steun-financiele-steun-alle-kinderen"
    for text in (
        "hoe breng ik het bij ouders dat een aanvraag bij een fonds ook afgewezen kan worden?",
        "kan ik beloven dat een aanvraag bij een fonds lukt?",
    ):
        reply = ask(kb_sqlite, "fondsen", text).reply
        assert reply.records[0] == block, (text, reply.records)
        assert "ook afgewezen kan worden" in reply.text
    # also after funds were shown, as a question how to apply
    after = ask(
        kb_sqlite, "aanvragen", "wat als de aanvraag wordt afgewezen, hoe breng ik dat?", shown_funds=["bv-familie"]
    )
    assert after.reply.records[0] == block, after.reply.records
    # a fund named beside it is about that fund
    named = ask(kb_sqlite, "fondsen", "Is de aanvraag bij Jarige Job al toegekend?").reply.records
    assert named[0] == "fonds:stichting-jarige-job", named
    # a need named beside it is still a fund question
    assert (
        ask(kb_sqlite, "fondsen", "welk fonds betaalt een fiets voor een kind van 10?")
        .reply.records[0]
        .startswith("fonds:")
    )


def test_why_signals_matter_is_no_list_of_signals(kb_sqlite):
    """ "waarom …" with the word "signalen" asks why (a werkwijze's Waarom), not which signals; "welke
    signalen …" still gets the list."""
    why = ask(kb_sqlite, "signalen", "waarom is het belangrijk dat signalen van school en jgz bij elkaar komen?")
    assert why.reply.records[0] == "werkwijze:signalen-verbinden/waarom", why.reply.records
    which = ask(kb_sqlite, "signalen", "welke signalen zie je bij kleuters?")
    assert all(r.startswith("signaal:") for r in which.reply.records), which.reply.records


def test_more_with_a_question_of_its_own_is_that_question(kb_sqlite):
    outcome = questions.more(kb_sqlite, None, 0, [], "leerling in groep 6 heeft geen geld voor een fiets")
    assert outcome.reply.records and outcome.reply.records[0].startswith("fonds:")
    nothing_before = questions.more(kb_sqlite, None, 0, [], "meer").reply
    assert "nog geen antwoord" in nothing_before.text and nothing_before.buttons == answers.TOPIC_BUTTONS


def test_a_record_named_by_its_short_form_is_answered_as_small_talk_too(kb_sqlite):
    """ "wat is mdft?" looked like "wat kun je?" to the NLU: a message that only names one record, by
    its abbreviation, a keyword of its own or part of its name, is answered with that record."""
    for text, record in (
        ("wat is mdft?", "interventie:mdft"),
        ("wat is skkin?", "fonds:stichting-kansarme-kinderen-in-nederland"),
        ("jarige job?", "fonds:stichting-jarige-job"),
    ):
        outcome = questions.off_topic(kb_sqlite, text)
        assert outcome is not None and outcome.reply.records[:1] == [record], text
    # A word of a name in a message about something else names nothing.
    assert questions.off_topic(kb_sqlite, "wat vind jij van de jarige") is None


def test_a_programme_named_in_full_is_no_fund_question(kb_sqlite):
    """The NLU took "voor wie is Geldplan Bijna 18 (Nibud) bedoeld?" for a fund question with the name
    "Bijna 18": the fund finder knew no fund by that name; the programme named in full is the answer."""
    records = ask(kb_sqlite, "fondsen", "voor wie is Geldplan Bijna 18 (Nibud) bedoeld?", name="Bijna 18").reply.records
    assert records[:1] == ["interventie:geldplan-bijna-18"]


def test_small_talk_stays_small_talk(kb_sqlite):
    for text in ("ben jij een mens?", "wat wordt het weer morgen in Utrecht?", "wat is de hoofdstad van Australië"):
        assert questions.off_topic(kb_sqlite, text) is None, text


# --- the retrieval checks the handler's answer (questions.second_opinion) ------------------------------


def test_a_record_the_intent_misses_is_still_offered(kb_sqlite):
    """The NLU took an instrument question for a fund question: the fund finder finds nothing, the
    retrieval over every record finds the instrument."""
    text = "KIVPA, voor wie is die bedoeld?"
    assert not questions.answer(kb_sqlite, Question("fondsen", text=text), checked=False).reply.records
    assert ask(kb_sqlite, "fondsen", text).reply.records[0] == "instrument:kivpa"


def test_handler_and_retrieval_disagreeing_ask_back_with_both(kb_sqlite):
    text = (
        "Met welke partners werk je samen bij gezondheidsproblemen van kinderen in armoede, "
        "en wat voor interventies werken het best?"
    )
    own = questions.answer(kb_sqlite, Question("wat_is", text=text), checked=False).reply
    checked = ask(kb_sqlite, "wat_is", text).reply
    assert "werkwijze:steun-bij-opgroeien/samenwerken" not in own.records
    assert checked.text.startswith("Bedoel je") and checked.buttons
    assert checked.records[0] == "werkwijze:steun-bij-opgroeien/samenwerken" and own.records[0] in checked.records


def test_an_answer_the_retrieval_on_its_own_leaves_out_asks_back(kb_sqlite):
    """The intent's handler answers with a Hoe-block; the retrieval without the intent's kind is sure of the
    breakfast fund and signal and ranks the block below them: ask, the retrieval's best first, the block among
    the options (before: the block as the answer)."""
    text = "kind komt bijna elke dag zonder ontbijt op school en heeft ook geen lunch bij zich. wat kan ik doen?"
    own = questions.answer(kb_sqlite, Question("werkwijze", text=text), checked=False).reply
    checked = ask(kb_sqlite, "werkwijze", text).reply
    assert own.records[0] == "hoe:lichamelijke-gezondheid-basisschool" and "Bron" in own.text
    assert checked.text.startswith("Bedoel je") and "Bron" not in checked.text
    assert checked.records[0] == "fonds:nationaal-jeugdontbijt" and own.records[0] in checked.records


def test_applying_for_the_funds_just_shown_is_not_second_guessed(kb_sqlite):
    """ "hoe vraag ik dat pakket aan?" after funds: how to apply for those funds, not "Bedoel je" with a
    programme that has "pakket" in its name (the retrieval does not know what "dat pakket" points at)."""
    shown = ["stichting-clothing4u", "stichting-babyspullen", "tegemoetkomingen-kosten-baby"]
    reply = ask(kb_sqlite, "aanvragen", "hoe vraag ik dat pakket aan?", shown_funds=shown).reply
    assert reply.text.startswith("Zo vraag je"), reply.text
    assert "fonds:stichting-babyspullen" in reply.records and "interventiepakket" not in " ".join(reply.records)


def test_how_to_apply_answered_with_funds_is_not_second_guessed_by_its_words(kb_sqlite):
    """ "hoe vraag ik een sinterklaaspakket aan?": the funds for it, not "Bedoel je" led by the programme that
    has "pakket" in its name (a retrieval over every kind ranks by "pakket" and "vraag")."""
    reply = ask(kb_sqlite, "aanvragen", "hoe vraag ik een sinterklaaspakket aan voor een gezin?").reply
    assert not reply.text.startswith("Bedoel je"), reply.text
    assert reply.records[0] == "fonds:actie-pepernoot", reply.records


# --- what the sources do not name (bot/unknown_names.py) ---------------------------------------------


@pytest.mark.parametrize(
    "kind, text, name",
    [
        ("werkwijze", "welk artikel van de Jeugdwet regelt het delen van gegevens met het wijkteam", "Jeugdwet"),
        ("wat_is", "wat zijn de DSM-5 criteria voor een depressie bij pubers?", "DSM-5"),
    ],
)
def test_a_name_the_sources_do_not_know_is_said_to_be_unknown(kb_sqlite, kind, text, name):
    """Not answered from whatever record shares the question's other words: the sources do not name it,
    and what they do have on the rest of the question is offered as buttons, not as an answer."""
    reply = ask(kb_sqlite, kind, text).reply
    assert reply.text.startswith(f"Over {name} staat niets in de bronnen"), reply.text
    assert "Bron:" not in reply.text and len(reply.buttons) == len(reply.records)


def test_a_need_in_a_described_situation_goes_to_the_fund_finder(kb_sqlite):
    """ "doet nooit iets … geen geld voor sport": the funds for sport at that age, not the whole signal
    list led by signals that only share "school" with it (before: breakfast and headaches first)."""
    text = "meisje van 11 doet na school nooit iets omdat er geen geld is voor sport of een club"
    reply = ask(kb_sqlite, "fondsen", text, need="sport", age="11").reply
    assert reply.records and all(r.startswith("fonds:") for r in reply.records), reply.records
    assert "fonds:jeugdfonds-sport-en-cultuur" in reply.records


def test_a_title_or_family_word_is_no_subject_the_sources_lack(kb_sqlite):
    """After redaction "Mevrouw [NAAM] wil met haar zus …" keeps "Mevrouw": a person, not a subject (before:
    "Over mevrouw staat niets in de bronnen")."""
    reply = ask(kb_sqlite, "werkwijze", "Mevrouw wil met haar zus over geld praten, hoe doet ze dat").reply
    assert "staat niets in de bronnen" not in reply.text, reply.text


def test_an_organisation_the_sources_do_not_name_even_when_the_nlu_tagged_it(kb_sqlite):
    """A long Dutch word written as a name mid-sentence is a name; the NLU's naam entity for it names no
    record, so it does not stand in the way (before: three funds, as if Kinderpostzegels were one)."""
    text = "Kan een school via Kinderpostzegels geld aanvragen voor een leerling uit een arm gezin?"
    for name in (None, "Kinderpostzegels"):
        reply = ask(kb_sqlite, "fondsen", text, name=name).reply
        assert reply.text.startswith("Over Kinderpostzegels staat niets in de bronnen"), reply.text
    # A name the NLU tagged that is a record's is still answered from it.
    known = ask(kb_sqlite, "fondsen", "Kan een school via Leergeld een laptop aanvragen?", name="Leergeld").reply
    assert known.records and known.records[0] == "fonds:stichting-leergeld", known.records


@pytest.mark.parametrize(
    "kind, text, lead",
    [
        ("fondsen", "Ik werk in Tilburg, welk fonds betaalt een fiets voor een kind van 10?", "fonds:"),
        ("werkwijze", "Moeder Fatima Yilmaz vraagt hoe ze met haar puber over geldzorgen begint", "hoe:"),
        ("wat_is", "Wat doet Stichting Leergeld precies?", "fonds:stichting-leergeld"),
        ("wat_is", "Wat is de rol van Alles is Gezondheid bij kinderarmoede?", "organisatie:"),
        ("werkwijze", "Een 15-jarige in de brugklas zit vaak alleen, hoe kan ik helpen?", "hoe:"),
        ("wat_is", "Wat houdt VoorZorg in voor een zwangere van 19?", "interventie:voorzorg"),
        # a client's name the redactor missed is never echoed back as the subject
        ("fondsen", "Keven Wawoe vraagt een fiets voor zijn zoon van 10", "fonds:"),
        ("werkwijze", "ik sprak met Keven of Wawoe over hun schulden, hoe bespreek ik dat verder?", "hoe:"),
    ],
)
def test_places_people_ages_and_known_names_are_no_unknown_subject(kb_sqlite, kind, text, lead):
    reply = ask(kb_sqlite, kind, text).reply
    assert "staat niets in de bronnen" not in reply.text, reply.text
    assert reply.records and reply.records[0].startswith(lead), reply.records


@pytest.mark.parametrize(
    "text",
    [
        "wat verdient een jeugdverpleegkundige in schaal 8 van de cao",
        "Hoe pas ik Signs of Safety toe bij een gezin in armoede?",
    ],
)
def test_a_question_mostly_in_words_no_record_has_is_not_answered(kb_sqlite, text):
    reply = ask(kb_sqlite, "werkwijze", text).reply
    assert "staat niets in de bronnen" in reply.text and "Bron:" not in reply.text


def test_one_gemeentes_own_rules_are_not_in_the_sources(kb_sqlite):
    """The sources describe the stadspas in general; Tilburg's conditions are Tilburg's. A gemeente the
    sources have a local record for is still answered from it."""
    reply = ask(kb_sqlite, "voorbeelden", "welke voorwaarden heeft de stadspas in Tilburg?").reply
    assert reply.text.startswith("Wat Tilburg zelf regelt (voorwaarden, inkomensgrenzen, eigen regelingen) staat niet")
    assert "Bron:" not in reply.text and [b[1] for b in reply.buttons] == ['/ask_wat_is{"onderwerp": "fonds:stadspas"}']
    limit = ask(kb_sqlite, "feiten", "Welke inkomensgrens hanteert de gemeente Utrecht voor de U-pas?").reply
    assert limit.text.startswith("Wat Utrecht zelf regelt") and not limit.records
    almere = ask(
        kb_sqlite, "fondsen", "wat doet de gemeente Almere voor kinderen in armoede, hebben zij een kindpakket?"
    )
    assert almere.reply.text.startswith("Wat Almere zelf regelt") and not almere.reply.records
    local = ask(kb_sqlite, "wat_is", "Welke voorwaarden hanteert Lelystad voor het financieel spreekuur?").reply
    assert local.records == ["voorbeeld:financieel-spreekuur-lelystad"]
    fund = ask(kb_sqlite, "fondsen", "Ik werk in Tilburg, welk fonds betaalt een fiets voor een kind van 10?").reply
    assert fund.records and fund.records[0].startswith("fonds:")


def test_an_answer_that_shares_little_with_the_question_asks_back(kb_sqlite):
    """ "Vrije voet" is in no record: the Hoe-block the handler found only shares "moeder" and a concept
    with it, so the reply asks ("Bedoel je …") instead of answering from it. (The "beslagvrije voet" is
    a detail the sources do not give, said as such.)"""
    text = "hoe bereken ik de vrije voet van een moeder met beslag op haar uitkering"
    assert "niet in de bronnen" in ask(kb_sqlite, "werkwijze", text.replace("vrije", "beslagvrije")).reply.text
    own = questions.answer(kb_sqlite, Question("werkwijze", text=text), checked=False).reply
    checked = ask(kb_sqlite, "werkwijze", text).reply
    assert "Bron:" in own.text
    assert checked.text.startswith("Bedoel je") and own.records[0] in checked.records


@pytest.mark.parametrize(
    "text, points",
    [
        ("wie bieden die aan?", True),
        ("ok maar hoe doe je dat dan", True),
        ("en wat zegt de handreiking over samenwerking daarbij?", True),
        ("en als de ouders dat niet durven?", True),
        ("en wat kan ik dan doen?", True),
        ("wat kan ik dan doen?", True),  # "dan" points back as "en" does
        ("is daar ook iets van voor kinderen?", True),
        ("en is er ook iets voor de vader?", True),
        ("en bij ouders?", True),  # after a block, in_context leaves it to the follow-up for another group
        ("waar vind ik zo'n training?", True),  # such as the answer before named
        ("zijn er zulke programma's ook voor vaders?", True),
        ("wie vraagt zo'n babystartpakket aan?", False),  # a subject of its own
        # "dat" is what the clause before it describes
        ("ik las ergens over een geldspreekuur in een gezondheidscentrum, waar was dat?", False),
        ("sommige ouders halen ons door elkaar met jeugdzorg, zegt de handreiking daar iets over?", False),
        ("zegt de handreiking daar iets over?", True),
        ("de moeder wil het niet, hoe pak ik dat aan?", True),
        ("en haar zoon van 16 spijbelt steeds vaker", False),  # a subject of its own
        ("waar woont ze? daar is geen buurthuis", False),
        ("hoe merk ik dat er thuis geldproblemen zijn", False),  # "dat" as a conjunction
        ("kinderen die in armoede opgroeien, hoe help ik ze", False),  # "die" as a relative pronoun
        ("welk fonds betaalt een fiets voor een kind van 10?", False),
        ("/ask_werkwijze", False),
        # Long enough to carry its own subject, even with "daarbij" in it.
        (
            "ik werk op een consultatiebureau in een wijk met veel armoede en wil weten welke partners daarbij passen",
            False,
        ),
    ],
)
def test_points_back(text, points):
    assert points_back(text) is points


def test_a_hoe_block_offers_the_programme_it_names_that_the_question_is_about(kb):
    """The block leads; the programme it names that the question asks about is the first button."""
    outcome = questions.answer(
        kb,
        Question(
            "werkwijze",
            text="hoe help ik een alleenstaande moeder zonder netwerk, zijn er gezinnen die haar af en toe ontlasten?",
        ),
    )
    assert outcome.reply.records[:2] == ["hoe:sociale-steun-ouders-algemeen", "interventie:buurtgezinnen"]
    assert outcome.reply.buttons[0] == ("Buurtgezinnen", '/ask_wat_is{"onderwerp": "interventie:buurtgezinnen"}')
    assert "Buurtgezinnen" in kb.hoe_block("sociale-steun-ouders-algemeen").mentions


def test_a_hoe_block_offers_no_programme_the_question_is_not_about(kb):
    """ "hoe bespreek ik geldzorgen met een zwangere?": the block for (expecting) parents. Of the programmes
    it names (GIZ, Positieve Gezondheid, preSPARK, SamenStarten, the interventiepakket) only the one it
    names for making money worries discussable is offered."""
    outcome = questions.answer(kb, Question("werkwijze", text="hoe bespreek ik geldzorgen met een zwangere?"))
    assert outcome.reply.records[0] == "hoe:bespreken-aanstaande-ouders"
    offered = [r for r in outcome.reply.records if not r.startswith("hoe:")]
    assert offered == ["interventie:interventiepakket-patienten-met-schulden"], outcome.reply.records


def test_how_to_get_a_child_moving_is_a_how_question_even_with_a_need_named(kb):
    """ "geen geld voor een sportclub … hoe krijg ik hem in beweging": the Hoe-block, not the fund list."""
    outcome = questions.answer(
        kb,
        Question(
            "fondsen",
            text="meisje van 8 speelt alleen binnen, geen geld voor een sportclub. hoe krijg ik haar aan het bewegen?",
            need="sportclub",
        ),
    )
    assert outcome.reply.records[0].startswith("hoe:lichamelijke-gezondheid")


# --- who asks, and what the question names as context ------------------------------------------------------


@pytest.mark.parametrize(
    "kind, text, expected",
    [
        (
            "wat_is",
            "zitten programma's als Stevig Ouderschap in het basispakket of moeten wij die als gemeente inkopen?",
            "werkwijze:steun-bij-ouderschap/voorwaarden",
        ),
        (
            "werkwijze",
            "we willen ontmoetingsactiviteiten voor ouders subsidiëren, waar moeten die aan voldoen?",
            "werkwijze:sociale-steun/voorwaarden",
        ),
        (
            "fondsen",
            "wat adviseert de handreiking gemeenten over gratis sport, cultuur en huiswerkbegeleiding?",
            "werkwijze:participatie/voorwaarden",
        ),
        (
            "wat_is",
            "We moeten VoorZorg en Stevig Ouderschap inkopen. Wat is de rol van de gemeente bij steun aan ouderschap?",
            "werkwijze:steun-bij-ouderschap/voorwaarden",
        ),
    ],
)
def test_the_gemeente_that_arranges_or_buys_gets_the_voorwaarden(kb_sqlite, kind, text, expected):
    records = ask(kb_sqlite, kind, text).reply.records
    assert records and records[0] == expected, records


def test_a_fund_where_the_family_already_is_is_context(kb_sqlite):
    text = (
        "gezin gaat al naar de voedselbank maar de kinderen lopen in versleten kleren, waar kunnen ze kleding krijgen?"
    )
    records = ask(kb_sqlite, "fondsen", text).reply.records
    assert records and "fonds:voedselbank" not in records, records
    assert ask(kb_sqlite, "fondsen", "wat doet de voedselbank?").reply.records == ["fonds:voedselbank"]


def test_the_eigen_risico_is_no_risk_group(kb_sqlite):
    text = "vader haalt zijn medicijnen niet meer op omdat hij het eigen risico niet kan betalen"
    records = ask(kb_sqlite, "signalen", text).reply.records
    assert records and records[0] == "signaal:ouder-zorgkosten", records


@pytest.mark.parametrize(
    "kind, text, expected",
    [
        (
            "werkwijze",
            "Een raadslid vindt fondsen en pakketten symptoombestrijding. Wat zegt de handreiking over waarom "
            "financiële en materiële steun toch zinvol is?",
            "werkwijze:financiele-en-materiele-steun/waarom",
        ),
        (
            "fondsen",
            "wat is volgens de handreiking nodig om financiele en materiele steun goed te laten werken? ik zag "
            "iets over extra kraamzorg",
            "werkwijze:financiele-en-materiele-steun/voorwaarden",
        ),
    ],
)
def test_a_section_of_a_werkwijze_named_in_full_wins_over_the_funds_it_mentions(kb_sqlite, kind, text, expected):
    records = ask(kb_sqlite, kind, text).reply.records
    assert records and records[0] == expected, records
    assert questions.fallback(kb_sqlite, text).reply.records[0] == expected


def test_a_period_that_is_over_is_no_need(kb_sqlite):
    text = "kraamweek is bijna om maar moeder kan de zorg voor de baby nog niet aan, is er iets voor daarna?"
    assert kb_sqlite.resolve_needs(text) == []
    assert "fonds:extra-kraamzorg" not in ask(kb_sqlite, "fondsen", text, need="kraamweek").reply.records[:1]
    assert kb_sqlite.resolve_needs("is er geld voor extra kraamzorg?") == ["kraamzorg"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("jongen 13 heeft geen volwassene om op terug te vallen. bestaat er iets met een mentor?", "interventie:"),
        ("is er een cursus voor kraamverzorgenden om zorgen in een gezin eerder te zien?", "interventie:"),
    ],
)
def test_whether_a_programme_exists_lists_programmes_also_for_a_how_intent(kb_sqlite, text, expected):
    records = ask(kb_sqlite, "werkwijze", text).reply.records
    assert any(r.startswith(expected) for r in records[:3]), records


def test_a_list_of_trainings_is_not_led_by_a_block_that_shares_only_the_word_training(kb_sqlite):
    records = ask(kb_sqlite, "wat_is", "welke trainingen over armoede zijn er voor jgz-medewerkers?").reply.records
    assert records[:1] == ["interventie:training-signaleren-en-omgaan-met-armoede"], records
    assert "hoe:steun-bij-opgroeien-gedragsproblemen" not in records


def test_a_werkwijze_verb_in_a_list_question_names_no_werkwijze(kb_sqlite):
    text = "is er een training voor ons team specifiek over het herkennen van en omgaan met armoede?"
    records = ask(kb_sqlite, "wat_is", text).reply.records
    assert "interventie:training-signaleren-en-omgaan-met-armoede" in records[:3], records


def test_whether_a_gemeente_did_it_already_gives_the_examples_that_match_first(kb_sqlite):
    text = (
        "we zoeken een manier om buurtgenoten en ondernemers in te zetten voor kleine klusjes bij gezinnen "
        "die rond moeten komen van weinig. heeft een gemeente zoiets al gedaan?"
    )
    assert questions.asked_kinds(text) >= {"voorbeeld"}
    records = ask(kb_sqlite, "voorbeelden", text).reply.records
    assert records[:1] == ["voorbeeld:geweldige-wijk-meppel"], records


def test_which_instrument_without_a_moment_asks_the_moment_and_the_button_answers(kb_sqlite):
    asked = ask(kb_sqlite, "instrumenten", "welk instrument moet ik gebruiken?")
    assert asked.reply.buttons == answers.MOMENT_BUTTONS and not asked.reply.records
    for title, payload in answers.MOMENT_BUTTONS:
        # the button's payload comes in as the message text: its entity counts, not its words
        age = json.loads(payload.partition("{")[1] + payload.partition("{")[2])["leeftijd"]
        chosen = questions.follow_up(kb_sqlite, asked.question.state(), {"age": age, "text": payload}, [])
        assert chosen.reply.records and all(r.startswith("instrument:") for r in chosen.reply.records), title
    # a moment, a subject or a plural list is no question back
    for text in ("welk instrument gebruik ik bij een zwangere?", "welke instrumenten zijn er?"):
        assert ask(kb_sqlite, "instrumenten", text).reply.records, text


def test_a_fund_for_a_moment_the_need_list_does_not_reach_leads_when_the_question_names_that_moment(kb_sqlite):
    text = (
        "Brugklasser kan de schoolspullen en de laptop niet betalen. "
        "Is er een regeling voor de start op de middelbare school?"
    )
    records = ask(kb_sqlite, "fondsen", text, need="laptop").reply.records
    assert records[:1] == ["fonds:bijzondere-bijstand-start-voortgezet-onderwijs"], records
    # a plain need keeps its own funds first
    plain = ask(kb_sqlite, "fondsen", "fiets voor een kind van 10", need="fiets").reply.records
    assert "fonds:bijzondere-bijstand-start-voortgezet-onderwijs" not in plain[:1]


def test_which_werkwijze_without_a_subject_gives_the_overview(kb_sqlite):
    records = ask(kb_sqlite, "werkwijze", "welke werkwijze moet ik nou gebruiken?").reply.records
    assert records == ["achtergrond:werkwijzen-overzicht"], records
    assert ask(kb_sqlite, "werkwijze", "welke werkwijze past bij een moeder met schulden?").reply.records != records


def test_a_follow_up_that_names_a_short_record_is_about_that_record(kb_sqlite):
    """ "en de R4U, is dat hetzelfde?" after the ALPHA-NL: the R4U, though "dat" points back."""
    first = ask(kb_sqlite, "instrumenten", "Wat meet de ALPHA-NL?")
    assert first.reply.records == ["instrument:alpha-nl"]
    text = "en de R4U, is dat hetzelfde?"
    assert questions.named_in_full(kb_sqlite, text) == [("instrument", "r4u")]
    after = in_context(kb_sqlite, text, "instrumenten", first.question.state(), list(first.reply.records))
    assert after is None  # a subject of its own: the handler answers it
    assert ask(kb_sqlite, "instrumenten", text).reply.records[:1] == ["instrument:r4u"]
    # a short name only as a word of its own
    assert not questions.named_in_full(kb_sqlite, "wat is een r4uitje")


def test_a_message_that_only_says_for_whom_asks_the_question_before_for_that_age(kb_sqlite):
    """ "voor een kindje van 2 waar ik me zorgen over maak" after a question for a questionnaire: the
    questionnaires for a child of 2, not a programme that matches "zorgen"."""
    first = ask(kb_sqlite, "instrumenten", "welke vragenlijst kan ik daarvoor gebruiken?")
    text = "voor een kindje van 2 waar ik me zorgen over maak"
    after = in_context(kb_sqlite, text, "werkwijze", first.question.state(), list(first.reply.records))
    assert after is not None and after.reply.records[0].startswith("instrument:"), after and after.reply.records
    assert "(2 jaar)" in after.reply.text
    how = ask(kb_sqlite, "werkwijze", "hoe bespreek ik geldzorgen met ouders van een kleuter?")
    teen = in_context(kb_sqlite, "voor een puber", "werkwijze", how.question.state(), list(how.reply.records))
    assert teen is not None and teen.reply.records[0] == "hoe:bespreken-jongeren", teen and teen.reply.records
    # a question of its own that starts the same way is none
    own = "voor een kind van 8 met overgewicht, welk programma past?"
    assert in_context(kb_sqlite, own, "wat_is", first.question.state(), list(first.reply.records)) is None


def test_a_yes_no_question_about_the_record_just_shown_keeps_it(kb_sqlite):
    first = ask(kb_sqlite, "wat_is", "Wat is die GIZ-methodiek?")
    assert first.reply.records[:1] == ["instrument:giz-methodiek"]
    text = "is die ook bruikbaar bij ouders die slecht kunnen lezen?"
    after = in_context(kb_sqlite, text, "wat_is", first.question.state(), list(first.reply.records))
    assert after is not None and after.reply.records[:1] == ["instrument:giz-methodiek"]


def test_a_detail_after_an_answer_to_a_question_of_its_own_asks_that_question_again(kb_sqlite):
    text = (
        "Mag ik wat ik in de kraamweek zie gewoon delen met de verloskundige, "
        "of is dat een schending van het beroepsgeheim?"
    )
    first = ask(kb_sqlite, "wat_is", text)
    lead = ["hoe:signalen-verbinden-samenwerkingsverbanden-jonge-kind"]
    assert first.reply.records[:1] == lead and first.question.kind == "wat_is"
    again = questions.follow_up(kb_sqlite, first.question.state(), {"text": "en met het consultatiebureau?"}, [])
    assert again.reply.records[:1] == lead, again.reply.text


@pytest.mark.parametrize(
    "kind, text, expected",
    [
        # what it takes to let families take part: a werkwijze's Voorwaarden, not signals
        (
            "signalen",
            "We willen een ontmoetingsgroep voor ouders opzetten. Waar moeten we volgens de handreiking op "
            "letten zodat gezinnen in armoede ook echt kunnen meedoen?",
            "werkwijze:sociale-steun/voorwaarden",
        ),
        # how the sources explain what parents in poverty do: the fact about stress
        (
            "werkwijze",
            "Sommige ouders lijken alleen met vandaag bezig en nemen keuzes die ze later opbreken. Zegt de "
            "handreiking iets over waarom dat zo gaat bij armoede?",
            "feit:stress-bij-ouders",
        ),
        (
            "signalen",
            "In de intervisie ergerde een collega zich aan een gezin dat 'steeds de verkeerde keuzes maakt': post "
            "blijft ongeopend liggen, er wordt een dure telefoon gekocht terwijl de huur achterloopt. Hoe verklaart "
            "de handreiking dat soort gedrag bij ouders in armoede?",
            "feit:stress-bij-ouders",
        ),
        # the werkwijzen counted are the overview; the parents' own signals lead a list of the parents' signals
        (
            "werkwijze",
            "wat is het doel van de handreiking, en wat zijn de 11 werkwijzen?",
            "achtergrond:werkwijzen-overzicht",
        ),
        (
            "werkwijze",
            "welke signalen bij de ouders zelf kunnen op geldproblemen wijzen? vooral in contact met school",
            "signaal:ouder-",
        ),
        # when to use the programme it names, though the intent took it for signals
        (
            "signalen",
            "Baby van 7 weken, ouders komen niet op afspraken. Wanneer zet ik bemoeizorg in?",
            "interventie:bemoeizorg-jgz",
        ),
        # programmes named in full, though the family cannot pay for them
        (
            "fondsen",
            "Moeder wil met haar dreumes naar peutergym of muziek op schoot, maar kan het niet betalen. "
            "Wat zegt de handreiking daarover?",
            "interventie:",
        ),
        # asked for an instrument, a methodiek is one
        (
            "instrumenten",
            "bij het 8-wekenconsult wil ik de gezinssituatie systematisch uitvragen. welke methodiek past daarbij?",
            "instrument:",
        ),
    ],
)
def test_what_the_question_asks_for_over_the_intent(kb_sqlite, kind, text, expected):
    records = ask(kb_sqlite, kind, text).reply.records
    assert records and records[0].startswith(expected), records


def test_a_signal_question_still_waits_for_signals(kb_sqlite):
    records = ask(kb_sqlite, "signalen", "waar moet ik op letten bij een kind van 8?").reply.records
    assert records and all(r.startswith("signaal:") for r in records), records


def test_things_for_an_unborn_or_newborn_child_are_babyspullen(kb_sqlite):
    text = "zwangere van 22 weken heeft nog niks voor de baby: geen bedje, geen kleertjes. Waar vraag ik iets aan?"
    reply = ask(kb_sqlite, "fondsen", text).reply
    assert reply.records[:1] == ["fonds:stichting-babyspullen"] and "(ongeboren kind)" in reply.text, reply.text
    # an older child's bed is no babyspullen
    assert "fonds:stichting-babyspullen" not in ask(kb_sqlite, "fondsen", "bed voor een kind van 8").reply.records


def test_a_places_own_figures_are_not_in_the_sources_the_national_ones_are_offered(kb_sqlite):
    local = ask(kb_sqlite, "feiten", "Hoeveel kinderen in Rotterdam-Zuid groeien op in armoede?").reply
    assert not local.records and "Cijfers voor Rotterdam-Zuid staan niet in de bronnen" in local.text
    assert any(payload.endswith('"feit:een-op-dertien"}') for _, payload in local.buttons), local.buttons
    national = ask(kb_sqlite, "feiten", "Hoeveel kinderen in Nederland groeien op in armoede?").reply
    assert national.records[:1] == ["feit:een-op-dertien"]
    # the asker's own place, unnamed: "in onze gemeente"
    own = ask(kb_sqlite, "feiten", "hoeveel kinderen groeien er in armoede op in onze gemeente?").reply
    assert not own.records and "Cijfers voor jullie gemeente staan niet in de bronnen" in own.text, own.text


def test_whether_something_exists_without_a_need_offers_programmes(kb_sqlite):
    text = (
        "kwetsbaar gezin, kraamweek is bijna om maar moeder kan de zorg voor de baby nog niet aan. "
        "is er iets voor daarna?"
    )
    records = ask(kb_sqlite, "werkwijze", text).reply.records
    assert "interventie:babythuiszorg" in records[:3], records
    # with a need named it is the fund finder's question
    funds = ask(kb_sqlite, "fondsen", "is er iets voor een fiets voor een kind van 10?", need="fiets").reply.records
    assert funds and all(r.startswith("fonds:") for r in funds), funds


def test_a_record_named_to_be_left_out_is_left_out(kb_sqlite):
    """ "geen Leergeld in onze gemeente": the alternatives, without Leergeld; "naast Girls Talk ook zoiets
    voor jongens": the other programme. "geen extra kraamuren" is a lack, no name to leave out."""
    text = "Wij hebben geen Leergeld in onze gemeente. Wat zijn dan alternatieven voor het schoolreisje in groep 7?"
    for outcome in (ask(kb_sqlite, "fondsen", text), questions.fallback(kb_sqlite, text)):
        assert outcome.reply.records[0].startswith("fonds:"), outcome.reply.text
        assert "fonds:stichting-leergeld" not in outcome.reply.records, outcome.reply.records
    other = ask(kb_sqlite, "wat_is", "bestaat er naast girls talk ook zoiets voor jongens van 14 op het vmbo?")
    assert other.reply.records[0] == "interventie:make-a-move", other.reply.records
    # "zoiets als X maar dan voor …" asks for another one; without "maar" it may be X itself
    like = ask(kb_sqlite, "wat_is", "is er zoiets als Girls Talk maar dan voor jongens?")
    assert like.reply.records[0] == "interventie:make-a-move", like.reply.records
    itself = ask(kb_sqlite, "wat_is", "is er zoiets als Girls Talk in Zwolle?")
    assert itself.reply.records[0] == "interventie:girls-talk", itself.reply.records
    lack = ask(kb_sqlite, "fondsen", "ouders kunnen geen extra kraamuren betalen, is daar een oplossing voor?")
    assert "fonds:extra-kraamzorg" in lack.reply.records[:3], lack.reply.records


def test_when_the_only_fund_for_a_need_is_left_out_the_last_resorts_remain(kb_sqlite):
    """After the funds for a washing machine: "en als hun gemeente geen witgoedregeling heeft?" (a name in
    lower case, left out because a place lacks it): the sources' pointers for what no fund covers."""
    outcome = ask(kb_sqlite, "fondsen", "en als hun gemeente geen witgoedregeling heeft?", need="wasmachine")
    assert outcome.reply.records == [f"fonds:{fid}" for fid in questions.LAST_RESORT_FUNDS], outcome.reply.text
    assert outcome.reply.text.startswith("Naast Witgoedregelingen noemen de bronnen voor wasmachine geen ander fonds")
    assert all(kb_sqlite.fund(fid) for fid in questions.LAST_RESORT_FUNDS)
    # the same when the NLU takes it for a bare detail of the fund question before it
    state = ask(
        kb_sqlite, "fondsen", "wasmachine kapot bij een gezin met 4 kinderen", need="wasmachine"
    ).question.state()
    detail = questions.follow_up(kb_sqlite, state, {"text": "en als hun gemeente geen witgoedregeling heeft?"}, [])
    assert detail.reply.records == outcome.reply.records, detail.reply.records


def test_where_to_start_on_poverty_itself_offers_the_ways_in(kb_sqlite):
    start = ask(kb_sqlite, "werkwijze", "Ik ben net begonnen in het wijkteam. Kinderarmoede, waar begin ik?")
    assert start.reply.text.startswith("Een goede ingang zijn de werkwijzen")
    assert start.reply.buttons == answers.TOPIC_BUTTONS
    # with a subject of its own it is a question about that subject
    subject = ask(kb_sqlite, "werkwijze", "waar begin ik bij een moeder met schulden?")
    assert subject.reply.records[0] != "achtergrond:werkwijzen-overzicht"


def test_details_the_sources_do_not_give_are_said_so(kb_sqlite):
    for text in (
        "Hoe lang duurt een aanvraag bij Stichting Leergeld gemiddeld?",
        "Wat kost het inkopen van VoorZorg per gezin ongeveer voor een gemeente?",
        "wat is precies de inkomensgrens van stichting leergeld in apeldoorn in euros?",
        "gezin heeft 3 maanden huurachterstand. wanneer mag de verhuurder ze met kinderen uit huis zetten",
        "kan een gezin de energietoeslag van vorig jaar nog met terugwerkende kracht aanvragen",
        "Wat is precies de inkomensnorm om bij de voedselbank een pakket te krijgen voor een gezin van vijf?",
        "hoe vraag ik beschermingsbewind aan voor een moeder met schulden, gaat dat via de kantonrechter?",
        "Op hoeveel weken zwangerschaps- en bevallingsverlof heeft een zwangere mbo-studente van 17 recht?",
        "welke eisen stelt de wet kinderopvang aan ons pedagogisch beleidsplan?",
    ):
        assert "niet in de bronnen" in ask(kb_sqlite, "wat_is", text).reply.text
    # a family about to lose its home is a subject of the sources
    assert "niet in de bronnen" not in ask(kb_sqlite, "werkwijze", "gezin dreigt uit huis gezet te worden").reply.text


def test_where_to_send_someone_for_a_named_need_is_the_fund_finder(kb_sqlite):
    """ "… omdat maandverband te duur is. waar kan ik haar en moeder op wijzen": the funds for it, whatever
    Hoe-block shares the situation's words; "kan niet goed lezen" is literacy, not a need for books."""
    text = (
        "meisje 15 vertelt dat ze wc papier gebruikt omdat maandverband te duur is. "
        "waar kan ik haar en moeder op wijzen"
    )
    outcome = ask(kb_sqlite, "werkwijze", text, age="15")
    assert outcome.reply.records[0] == "fonds:gratis-menstruatieproducten", outcome.reply.records
    assert not kb_sqlite.resolve_needs("vader kan niet goed lezen, hoe bespreek ik geldzaken met hem?")


def test_a_whole_question_taken_for_a_bare_gemeente_is_answered(kb_sqlite):
    """The NLU took "Wat is FINOK in Kampen precies?" for the gemeente Kampen, which the fund finder
    read as a kamp: with nothing to follow up on, it is a question of its own."""
    outcome = questions.follow_up(
        kb_sqlite, None, {"text": "Wat is FINOK in Kampen precies?", "gemeente": "Kampen"}, []
    )
    assert outcome.reply.records[0] == "voorbeeld:financien-op-koers-kampen", outcome.reply.text


def test_a_fund_question_without_a_fund_but_with_a_programme_gets_the_programme(kb_sqlite):
    text = (
        "Leerling van 15 wil stoppen met roken maar kan geen hulpmiddelen betalen. "
        "Noemt de handreiking iets voor jongeren?"
    )
    assert ask(kb_sqlite, "fondsen", text).reply.records[0] == "interventie:stopstone"


def test_what_the_parents_can_do_after_a_block_that_holds_for_them(kb_sqlite):
    """ "en wat kunnen de ouders zelf doen?" after Roken, alcohol en middelengebruik, a block that holds
    for parents too: that block, not another block of the werkwijze (Psychische problemen)."""
    first = ask(
        kb_sqlite, "werkwijze", "jongen 15 blowt en gamet de hele dag, gezin heeft weinig geld. waar verwijs ik naar?"
    )
    assert first.reply.records[0] == "hoe:steun-bij-opgroeien-roken-alcohol-middelengebruik"
    after = in_context(
        kb_sqlite, "en wat kunnen de ouders zelf doen?", "werkwijze", first.question.state(), list(first.reply.records)
    )
    assert after.reply.records[0] == "hoe:steun-bij-opgroeien-roken-alcohol-middelengebruik", after.reply.records


def test_how_to_reach_a_record_named_in_the_singular_is_about_that_record(kb_sqlite):
    """ "hoe vind ik een kledingbank bij mij in de buurt": the NLU places it nowhere; the question asks how
    to reach Kledingbanken (named in the singular), not for a Hoe-block about material support."""
    outcome = questions.fallback(kb_sqlite, "hoe vind ik een kledingbank bij mij in de buurt")
    assert outcome.reply.records[0] == "fonds:kledingbanken", outcome.reply.records


def test_an_organisation_named_as_the_maker_is_not_the_subject(kb_sqlite):
    """ "Er bestaat een stappenplan …, van Divosa meen ik. Wat houdt dat in?" asks about the stappenplan
    Divosa made; "wat doet Divosa?" is about Divosa."""
    text = (
        "Er bestaat een stappenplan om lokaal een netwerk van organisaties rond kinderarmoede op te bouwen, "
        "van Divosa meen ik. Wat houdt dat in?"
    )
    outcome = ask(kb_sqlite, "werkwijze", text, name="Divosa")
    assert outcome.reply.records[0] == "aanpak:stappenplan-lokale-aanpak", outcome.reply.records
    assert ask(kb_sqlite, "wat_is", "wat doet Divosa?", name="Divosa").reply.records[0] == "organisatie:divosa"


def test_who_pays_for_a_programme_is_the_werkwijze_voorwaarden(kb_sqlite):
    """ "wie betaalt dat eigenlijk, zit dat in het basispakket van de jgz?" after Stevig ouderschap: the
    Voorwaarden of Steun bij ouderschap say such programmes are bought by gemeenten. After funds it stays
    the funds' question."""
    first = ask(kb_sqlite, "wat_is", "Wat is het verschil tussen VoorZorg en Stevig ouderschap?")
    text = "wie betaalt dat eigenlijk, zit dat gewoon in het basispakket van de jgz?"
    after = in_context(kb_sqlite, text, None, first.question.state(), list(first.reply.records))
    assert after.reply.records == ["werkwijze:steun-bij-ouderschap/voorwaarden"], after.reply.records
    funds = ask(kb_sqlite, "fondsen", "fiets voor een kind van 10", need="fiets")
    assert in_context(kb_sqlite, "wie betaalt dat?", None, funds.question.state(), list(funds.reply.records)) is None


def test_not_a_first_child_after_a_programme_for_first_children(kb_sqlite):
    """ "en als het haar tweede kindje is?" after an answer that leads with VoorZorg's block (VoorZorg is for
    a first child): the programme with home visits that is not only for a first child."""
    first = ask(
        kb_sqlite,
        "werkwijze",
        "kwetsbare zwangere verwacht haar eerste kindje, weinig netwerk en geldzorgen. "
        "welk programma met veel huisbezoeken kan ik aanbieden",
    )
    after = in_context(
        kb_sqlite, "en als het haar tweede kindje is?", "werkwijze", first.question.state(), list(first.reply.records)
    )
    # Stevig Ouderschap, or the prenatal home visit (for any vulnerable expectant parents) before it.
    assert after.reply.records[0] != "interventie:voorzorg", after.reply.records
    assert "interventie:stevig-ouderschap" in after.reply.records[:3], after.reply.records
    # asked about VoorZorg by its name: what VoorZorg is finds the others, not the words "voor wie bedoeld"
    named = ask(kb_sqlite, "wat_is", "voor wie is voorzorg bedoeld")
    assert named.reply.records[:1] == ["interventie:voorzorg"]
    other = in_context(
        kb_sqlite, "en als het niet haar eerste kind is?", "inform", named.question.state(), ["interventie:voorzorg"]
    )
    assert "interventie:stevig-ouderschap" in other.reply.records[:3], other.reply.records


def test_something_with_a_subject_after_programmes_asks_for_such_programmes(kb_sqlite):
    """ "en als het om zijn broer van 14 gaat, meer iets met sport?" after programmes for a child with
    overweight: programmes with sport for overweight, not the funds for sport."""
    state = ask(
        kb_sqlite,
        "wat_is",
        "kind 7 jaar flink overgewicht, gezin heeft weinig geld. welke programmas noemt de handreiking",
    ).question.state()
    outcome = questions.follow_up(
        kb_sqlite, state, {"text": "en als het om zijn broer van 14 gaat, meer iets met sport?"}, []
    )
    assert {"interventie:kids-in-action", "interventie:cool-2b-fit"} & set(outcome.reply.records[:3]), (
        outcome.reply.records
    )


def test_an_overview_of_funds_after_funds_is_the_overview_sites(kb_sqlite):
    """ "is er ook een site met een overzicht van nog meer landelijke fondsen?" after funds for a holiday:
    the overview sites the handreiking names (BV Familie, Bijstandsblues), not the same funds again."""
    state = ask(kb_sqlite, "fondsen", "is er iets voor de zomervakantie", need="vakantie").question.state()
    text = "is er ook een site met een overzicht van nog meer landelijke fondsen? dan kan ik zelf verder zoeken"
    outcome = questions.more(kb_sqlite, state, 5, [], text)
    assert outcome.reply.records[0] in ("fonds:bv-familie", "fonds:bijstandsblues"), outcome.reply.records


def test_mapping_a_gemeente_with_data_is_no_screening_instrument(kb_sqlite):
    """ "welke tools … om de kinderarmoede in onze gemeente in kaart te brengen": the data tools for a
    gemeente (Analysetool Kansrijke Start, Kinderen in Tel), not an instrument for one family; a family's
    situation in kaart stays an instrument question."""
    text = "welke tools of databronnen kan ik gebruiken om de kinderarmoede in onze gemeente in kaart te brengen"
    records = ask(kb_sqlite, "werkwijze", text).reply.records
    # Smart Start maps the local poverty with data, helped by the Analysetool Kansrijke Start.
    data_tools = {"interventie:analysetool-kansrijke-start", "interventie:smart-start"}
    assert not records[0].startswith("instrument:") and data_tools & set(records[:3]), records
    family = ask(
        kb_sqlite, "instrumenten", "welk instrument om de financiële situatie van een gezin in kaart te brengen"
    )
    assert family.reply.records[0].startswith("instrument:"), family.reply.records


def test_is_that_a_known_signal_asks_for_signals(kb_sqlite):
    """ "is dat een bekend signaal?" at the end of a situation (a word between "een" and "signaal"): the
    signals, not the funds for the bus card the situation mentions."""
    text = (
        "leerling wil naar een havo in de stad maar de buskaart is te duur, dus wordt het de school om de hoek. "
        "is dat een bekend signaal?"
    )
    outcome = questions.fallback(kb_sqlite, text)
    assert outcome.reply.records[0] == "signaal:kind-schoolkeuze", outcome.reply.records


def test_an_ordinary_word_is_no_name_in_passing(kb_sqlite):
    """ "zoekt houvast … een mentor voor hem?" is not about the programme Houvast; "houvast, wat is dat?"
    and a one-word name in a short question still are."""
    text = "jongen van 12 heeft geen vader in beeld en zoekt houvast. bestaat er zoiets als een mentor voor hem?"
    assert not questions.names_in_full(kb_sqlite, "interventie", "houvast", text)
    assert "interventie:houvast" not in ask(kb_sqlite, "wat_is", text).reply.records
    assert ask(kb_sqlite, "wat_is", "houvast, wat is dat").reply.records == ["interventie:houvast"]
    assert questions.names_in_full(
        kb_sqlite, "fonds", "kledingbanken", "hoe vind ik een kledingbank bij mij in de buurt"
    )


def test_turning_eighteen_in_a_few_months_is_turning_eighteen(kb_sqlite):
    """ "wordt over een paar maanden 18": the risk of turning eighteen, not signals at random."""
    outcome = ask(kb_sqlite, "signalen", "jongere wordt over een paar maanden 18, waar moet ik op letten qua geld?")
    assert outcome.reply.records[0] == "signaal:risico-achttien", outcome.reply.records


def test_the_difference_between_two_werkwijzen_shows_both(kb_sqlite):
    """ "Wat is het verschil tussen sociale steun en participatie? Ze lijken erg op elkaar …": both Wat
    sections, one under the other and each cited; asked for their Waarom, both Waarom sections."""
    text = (
        "Wat is het verschil tussen de werkwijzen sociale steun en participatie? "
        "Ze lijken erg op elkaar als ik ze lees."
    )
    outcome = ask(kb_sqlite, "werkwijze", text)
    assert outcome.reply.records == ["werkwijze:sociale-steun/wat", "werkwijze:participatie/wat"], outcome.reply.records
    assert outcome.reply.text.count("Bron") == 1 and "Sociale steun › Wat" in outcome.reply.text
    assert "Participatie › Wat" in outcome.reply.text and len(outcome.reply.citations) == 2
    why = ask(kb_sqlite, "werkwijze", "verschil tussen sociale steun en participatie qua waarom?")
    assert why.reply.records == ["werkwijze:sociale-steun/waarom", "werkwijze:participatie/waarom"]


def test_which_eleven_werkwijzen_gets_the_overview(kb_sqlite):
    text = "welke 11 werkwijzen staan er in de handreiking en hoe zijn die ingedeeld? ik raak een beetje de weg kwijt"
    assert ask(kb_sqlite, "werkwijze", text).reply.records == ["achtergrond:werkwijzen-overzicht"]
    # a number near eleven, as a doubt: how many there are
    doubt = ask(kb_sqlite, "werkwijze", "Er zijn toch negen werkwijzen in die handreiking?")
    assert doubt.reply.records == ["achtergrond:werkwijzen-overzicht"]
    assert ask(kb_sqlite, "werkwijze", "welke 2 werkwijzen gaan over geld?").reply.records != doubt.reply.records


def test_a_fund_that_no_longer_can_is_left_out(kb_sqlite):
    """ "Leergeld kan niet meer vanwege zijn leeftijd. Is er een fonds …?": Leergeld is put aside by what
    follows its name, like "geen Leergeld"; what comes before the name stays in the question."""
    text = (
        "Hij wil een cursus doen maar heeft geen laptop. Leergeld kan niet meer vanwege zijn leeftijd. "
        "Is er een fonds dat na je achttiende nog iets doet?"
    )
    rest, aside = left_out(kb_sqlite, text)
    assert aside == ["fonds:stichting-leergeld"] and rest.startswith("Hij wil een cursus doen maar heeft geen laptop.")
    assert left_out(kb_sqlite, "wat doet Leergeld niet?") == ("wat doet Leergeld niet?", [])
    outcome = questions.fallback(kb_sqlite, "Een jongen van 19. " + text)
    assert "fonds:stichting-leergeld" not in outcome.reply.records, outcome.reply.records


def test_something_like_the_programme_just_shown_is_its_sibling(kb_sqlite):
    """ "en is er ook zoiets in groepsverband voor na de bevalling?" after Centering Zwangerschap: Centering
    Ouderschap, the programme whose name it shares."""
    first = ask(kb_sqlite, "wat_is", "Wat is Centering Zwangerschap precies?")
    assert first.reply.records == ["interventie:centering-pregnancy"]
    text = "en is er ook zoiets in groepsverband voor na de bevalling?"
    after = in_context(kb_sqlite, text, "werkwijze", first.question.state(), list(first.reply.records))
    assert after.reply.records[0] == "interventie:centering-ouderschap", after.reply.records


@pytest.mark.parametrize(
    "kind, text",
    [
        ("signalen", "armoede zit toch vooral bij mensen in de bijstand? dat zegt de wethouder steeds"),
        ("aanvragen", "het zijn toch vooral gezinnen in de bijstand die arm zijn?"),
        ("signalen", "Vader werkt fulltime, mooi huis. Komt armoede vaak voor bij mensen die gewoon werken?"),
        ("werkwijze", "Klopt het dat armoede vooral voorkomt bij gezinnen met een uitkering?"),
    ],
)
def test_who_lives_in_poverty_is_the_part_on_that(kb_sqlite, kind, text):
    """Who is poor, asked as a doubt ("toch vooral in de bijstand?"): the handreiking's part on which
    children live in poverty (most of them have working parents), not the fund Bijstandsblues or signals."""
    assert ask(kb_sqlite, kind, text).reply.records[0] in (
        "achtergrond:welke-kinderen-leven-in-armoede",
        "feit:armoede-bij-werkende-ouders",  # the part's figure: most poor children have a working parent
    )
    assert (
        ask(kb_sqlite, "signalen", "zie je armoede bij kinderen aan hun kleding?")
        .reply.records[0]
        .startswith("signaal:")
    )


def test_a_fund_tried_already_is_left_out(kb_sqlite):
    """ "Leergeld hebben we al geprobeerd": something else is wanted, like "Leergeld kan niet meer"."""
    rest, aside = left_out(kb_sqlite, "Leergeld hebben we al geprobeerd. Welk fonds betaalt een laptop voor groep 8?")
    assert aside == ["fonds:stichting-leergeld"] and "Leergeld" not in rest and "Welk fonds" in rest
    assert left_out(kb_sqlite, "Is Leergeld al geprobeerd door de school?")[1] == ["fonds:stichting-leergeld"]
    assert left_out(kb_sqlite, "hoe vraag je Leergeld aan?")[1] == []
    # turned down, with what it turned down in between
    refused = "Leergeld heeft de aanvraag voor een laptop afgewezen, wat nu?"
    assert left_out(kb_sqlite, refused)[1] == ["fonds:stichting-leergeld"]
    assert "fonds:stichting-leergeld" not in ask(kb_sqlite, "fondsen", refused).reply.records


def test_whether_one_can_go_there_is_a_question_about_it(kb_sqlite):
    """ "Klopt het dat je … niet bij Dress for Success terecht kunt?" asks about Dress for Success; "wij
    kunnen niet bij Leergeld terecht, wat dan?" still leaves Leergeld out."""
    text = "Klopt het dat je met een uitkering niet bij Dress for Success terecht kunt?"
    assert left_out(kb_sqlite, text) == (text, [])
    assert questions.fallback(kb_sqlite, text).reply.records[:1] == ["fonds:dress-for-success"]
    assert left_out(kb_sqlite, "Wij kunnen niet bij Leergeld terecht, wat dan?")[1] == ["fonds:stichting-leergeld"]


@pytest.mark.parametrize(
    "kind, text",
    [
        (
            "fondsen",
            "Geen fonds voor spullen, maar iets om ouders te leren zelf beter met geld om te gaan. "
            "Wat noemt de handreiking?",
        ),
        (
            "werkwijze",
            "Wat kan ik doen als ik een alleenstaande moeder zonder netwerk zie? Geen fonds deze keer, echt iets "
            "om andere ouders te leren kennen.",
        ),
    ],
)
def test_funds_turned_down_give_anything_but_a_fund(kb_sqlite, kind, text):
    """ "Geen fonds deze keer, …", "geen fonds voor spullen, maar …": the question turns funds down as a
    kind; "is er geen fonds voor een fiets?" still asks for one."""
    records = ask(kb_sqlite, kind, text).reply.records
    assert records and not any(r.startswith("fonds:") for r in records), records
    assert (
        ask(kb_sqlite, "fondsen", "is er geen fonds voor een fiets voor een kind van 9?")
        .reply.records[0]
        .startswith("fonds:")
    )


CASE = "Moeder betaalt elke maand een oude schuld af en er is geen geld voor een kinderwagen."


@pytest.mark.parametrize("text, leads", [(f"{CASE} Hoe ga ik daar mee om?", "hoe:"), (f"{CASE} Welk fonds?", "fonds:")])
def test_the_asking_sentence_says_which_kind_is_asked(kb_sqlite, text, leads):
    """A fund word in the description ("betaalt") does not make "Hoe ga ik daar mee om?" a fund question."""
    assert asking_part(text) == text[len(CASE) + 1 :]
    assert ask(kb_sqlite, "fondsen", text).reply.records[0].startswith(leads)


def test_a_request_before_a_question_still_says_which_kind():
    """ "Ik zoek een fonds voor een fiets. Kun je me helpen?": the request asks for a fund."""
    text = "Ik zoek een fonds voor een fiets voor een kind van 10. Kun je me helpen?"
    assert asking_part(text) == text
    assert questions.asked_kinds(text) == {"fonds"}


def test_a_message_that_only_asks_or_only_describes_is_read_whole():
    assert (
        asking_part("Welk fonds betaalt een fiets? Tot welke leeftijd?")
        == "Welk fonds betaalt een fiets? Tot welke leeftijd?"
    )
    assert asking_part("Moeder heeft geen geld. Ze schaamt zich.") == "Moeder heeft geen geld. Ze schaamt zich."


def test_learning_to_handle_money_finds_the_budget_trainings(kb_sqlite):
    """Thesaurus omgaan-met-geld: "ouders leren beter met geld om te gaan" finds the budgettrainingen."""
    text = "Geen fonds voor spullen, maar iets om ouders te leren zelf beter met geld om te gaan. Wat noemt de bron?"
    assert "interventie:budgettrainingen-stichting-knip" in ask(kb_sqlite, "fondsen", text).reply.records[:3]


def test_signals_of_poverty_in_parents_lead_with_the_parents(kb_sqlite):
    """ "Welke signalen van armoede bij ouders kun je op school merken?": the parents' signals first, not a
    child's signal that shares "school"."""
    records = ask(kb_sqlite, "signalen", "Welke signalen van armoede bij ouders kun je op school merken?").reply.records
    assert records[0] == "signaal:ouder-school", records
    # nor does a parent's signal that mentions a child ("taken doorschuiven naar hun kind") lead a child's list
    child = ask(kb_sqlite, "signalen", "signalen bij een kind?").reply.records
    assert child[0].startswith("signaal:kind-"), child


@pytest.mark.parametrize(
    "text",
    [
        "Wat is de eigen bijdrage per uur voor kraamzorg in 2026?",
        "Tot welk netto-inkomen komt een gezin met twee kinderen in aanmerking voor een voedselpakket?",
        "Hoe lang duurt het gemiddeld voordat Stichting Leergeld een aanvraag goedkeurt?",
        "wat is de inkomensgrens om bij stichting leergeld in aanmerking te komen in utrecht",
        "ouders zijn gedupeerd in de toeslagenaffaire, hoeveel compensatie krijgen ze?",
    ],
)
def test_hourly_rates_and_income_limits_are_not_in_the_sources(text):
    assert retrieval.asks_unstated_detail(text)
    for stated in (
        "moeder heeft een netto inkomen van 1400 euro, welk fonds betaalt een fiets?",
        "wat is de inkomensgrens voor armoede?",  # the sources' 130 procent
    ):
        assert not retrieval.asks_unstated_detail(stated), stated


def test_adding_questions_to_a_screening_is_the_herkennen_block(kb_sqlite):
    """ "Welke vragen kan ik aan ons screeningsinstrument toevoegen?": the Hoe-block that says to add
    questions about money to the standard screening, not a list of instruments."""
    text = "Welke vragen kan ik aan ons standaard screeningsinstrument toevoegen om geldzorgen uit te vragen?"
    assert ask(kb_sqlite, "instrumenten", text).reply.records[0] == "hoe:herkennen-algemeen"
    plain = ask(kb_sqlite, "instrumenten", "welke screeningsinstrumenten zijn er voor de kraamtijd?").reply.records
    assert plain[0].startswith("instrument:"), plain


@pytest.mark.parametrize(
    "text, record",
    [
        ("Waar staat GIZ voor en wat doe je ermee?", "instrument:giz-methodiek"),
        ("waar staat KZO voor?", "interventie:kwetsbare-zwangeren-overleg"),
        ("Wat is Sam& en kan ik daar als school naar verwijzen?", "fonds:sam-voor-alle-kinderen"),
    ],
)
def test_what_a_short_form_stands_for_is_that_record(kb_sqlite, text, record):
    """Three capitals that open a name or abbreviate it stand for the record ("GIZ", "KZO", "NCJ"); "waar
    staat … voor?" asks what they mean, and a question that opens with "wat is <record>" is about it,
    whatever else it asks, under any intent the NLU gives it."""
    assert ("instrument", "giz-methodiek") in kb_sqlite.find_named("wat doe je met GIZ?")
    assert ("organisatie", "nederlands-centrum-jeugdgezondheid") in kb_sqlite.find_named("wat doet het NCJ?")
    assert kb_sqlite.find_named("kinderen met een lage SES") == []  # a term in a name, no abbreviation of it
    assert questions.about_named_record(kb_sqlite, text).reply.records[0] == record
    assert ask(kb_sqlite, "werkwijze", text).reply.records[0] == record
    assert questions.about_named_record(kb_sqlite, "waar staat dat?") is None


@pytest.mark.parametrize(
    "text",
    [
        "wat kost een GIZ-training per medewerker?",
        "Wat verdient een ervaringsdeskundige?",
        # a share of the social minimum is a figure, but no pay
        "wat verdient een ervaringswerker, valt die onder de cao sociaal werk?",
        "Hoe lang duurt een traject bij Schuldhulpmaatje?",
        "hoeveel vrijwilligers heeft Home-Start?",
    ],
)
def test_a_figure_the_record_does_not_give_is_not_in_the_sources(kb_sqlite, text):
    """A question for an amount, number or duration, whose answer would lead with a record that gives
    none: the sources do not give it; the reply says so and offers that record to read. (No word list of
    amounts catches these: retrieval.asks_unstated_detail does not.)"""
    assert not retrieval.asks_unstated_detail(text)
    reply = ask(kb_sqlite, "wat_is", text).reply
    assert "staan niet in de bronnen" in reply.text and not reply.citations
    assert len(reply.buttons) == 1


def test_a_figure_the_record_gives_is_answered_and_finding_one_out_is_no_figure(kb_sqlite):
    counted = ask(kb_sqlite, "feiten", "hoeveel kinderen in Nederland groeien op in armoede?").reply
    assert counted.records[0].startswith("feit:") and "staan niet in de bronnen" not in counted.text
    measured = ask(kb_sqlite, "instrumenten", "Hoe meet ik hoeveel een basisschoolkind beweegt?").reply
    assert measured.records[0] == "instrument:beweegwijzer"


def test_going_to_bed_is_sleep_not_a_bed_to_buy(kb_sqlite):
    """ "kinderen gaan pas om elf uur naar bed": the evening, no need for a bed (and no fund for one)."""
    text = (
        "Op het consultatiebureau hoor ik dat kinderen pas om elf uur naar bed gaan. Welke tips kunnen we ouders geven?"
    )
    assert not grounded(kb_sqlite, "behoefte", "bed", text)
    assert grounded(kb_sqlite, "behoefte", "bed", "ze slapen op een matras op de grond, is er een fonds voor een bed?")


@pytest.mark.parametrize(
    "text, concept",
    [
        ("De ouders willen echt geen hulp, wat nu?", "zorgmijden"),
        ("en als ouders weigeren om hulp aan te nemen?", "zorgmijden"),
    ],
)
def test_a_phrase_is_found_with_words_in_between_that_only_colour_it(text, concept):
    assert concept in [c.id for c in thesaurus().find(text)]
    assert "zorgmijden" not in [c.id for c in thesaurus().find("ouders willen wel hulp, maar niet van ons")]


def test_talking_about_money_with_a_pregnant_woman_is_the_block_for_expecting_parents(kb_sqlite):
    """The block "Bespreken met (aanstaande) ouders" is for the months before the birth too."""
    reply = ask(kb_sqlite, "werkwijze", "Hoe maak ik geldzorgen bespreekbaar bij een zwangere?", age="zwangere").reply
    assert reply.records[0] == "hoe:bespreken-aanstaande-ouders"


def test_how_to_read_what_was_seen_asks_what_it_may_signal(kb_sqlite):
    """ "… leest de brieven van de deurwaarder voor zijn moeder. Hoe moet ik dat duiden?": the signals, also
    when the NLU could not place the message."""
    text = "Een leerling leest de brieven van de deurwaarder voor zijn moeder. Hoe moet ik dat duiden?"
    assert questions.fallback(kb_sqlite, text).reply.records[0] == "signaal:ouder-deurwaarder"
    assert ask(kb_sqlite, "werkwijze", text).reply.records[0] == "signaal:ouder-deurwaarder"


@pytest.mark.parametrize(
    "text", ["heb je een paar voorbeeldzinnen die ik kan gebruiken?", "wat zeg ik dan letterlijk?"]
)
def test_asking_for_the_words_after_a_block_shows_its_example_sentences_first(kb_sqlite, text):
    first = ask(kb_sqlite, "werkwijze", "Hoe maak ik geldzorgen bespreekbaar bij een zwangere?", age="zwangere")
    assert first.reply.records[0] == "hoe:bespreken-aanstaande-ouders"
    after = in_context(kb_sqlite, text, None, first.question.state(), list(first.reply.records))
    assert after.reply.records[0] == "hoe:bespreken-aanstaande-ouders"
    first_point = after.reply.text.split("\n- ", 1)[1].split("\n", 1)[0]
    assert "‘" in first_point or "“" in first_point, after.reply.text


def test_a_follow_up_that_names_another_kind_gets_that_kind(kb_sqlite):
    """ "en is daar een training voor?" after an instrument: a training (an interventie), not the
    instruments again, whatever the NLU took it for."""
    first = ask(
        kb_sqlite,
        "instrumenten",
        "welk instrument gebruik ik als kraamverzorgende om zorgen in een gezin op te merken?",
    )
    assert first.reply.records[0].startswith("instrument:")
    after = in_context(
        kb_sqlite, "en is daar een training voor?", None, first.question.state(), list(first.reply.records)
    )
    assert after.reply.records[0] == "interventie:training-vroegsignalering-kraamperiode"


@pytest.mark.parametrize(
    "kind, text, says",
    [
        ("wat_is", "wie is de contactpersoon van de Alliantie Kinderarmoede voor regio Twente?", "Contactgegevens"),
        ("fondsen", "wat zijn de openingstijden van de voedselbank in almere?", "Contactgegevens"),
        ("fondsen", "wanneer is de voedselbank in Enschede open?", "Contactgegevens"),
        ("fondsen", "Vind jij dat het kindgebonden budget omhoog moet?", "Een eigen mening geef ik niet"),
        ("werkwijze", "In welk artikel van de Wet publieke gezondheid staan de taken van de jgz?", "Welk wetsartikel"),
    ],
)
def test_what_no_source_gives_is_said_so_with_what_they_do_say(kb_sqlite, kind, text, says):
    """Contact details, the assistant's own opinion, a law's article: no source gives them, whichever record
    the question names; the reply says so (no citation) and offers that record."""
    reply = ask(kb_sqlite, kind, text).reply
    assert reply.text.startswith(says) and not reply.citations and not reply.records
    if kind == "fondsen" and "voedselbank" in text:
        assert reply.buttons[0][1] == answers.topic_payload("fonds:voedselbank")


def test_only_the_asking_sentences_can_ask_for_what_no_source_gives(kb_sqlite):
    """ "Vind je dat een signaal?" asks what the sources say; a description that mentions "ons
    telefoonnummer" asks for no phone number."""
    assert ask(kb_sqlite, "signalen", "Vind je dat een signaal van armoede?").reply.records
    text = (
        "Soms is er alleen een briefje meegegeven met ons telefoonnummer. Ik wil met de JGZ afspraken maken over "
        "hoe zo'n verwijzing beter kan. Wat zegt de handreiking over goed doorverwijzen bij geldzorgen?"
    )
    assert ask(kb_sqlite, "werkwijze", text).reply.records
    # sharing a client's phone number is a question about privacy, not a request for contact details
    shared = ask(kb_sqlite, "werkwijze", "Mag ik het telefoonnummer van de moeder doorgeven aan het wijkteam?").reply
    assert not shared.text.startswith("Contactgegevens") and shared.records


@pytest.mark.parametrize(
    "kind, text, record",
    [
        (
            "instrumenten",
            "Hoe leer ik een gezin goed kennen voordat ik ze een vragenlijst laat invullen?",
            "hoe:vertrouwen-opbouwen-bekend",
        ),
        (
            "werkwijze",
            "Waarom is het zo belangrijk eerst vertrouwen op te bouwen voordat je een vragenlijst afneemt?",
            "werkwijze:vertrouwen-opbouwen/waarom",
        ),
    ],
)
def test_a_clause_that_sets_the_scene_does_not_say_what_is_asked(kb_sqlite, kind, text, record):
    """ "… voordat ik ze een vragenlijst laat invullen" is when, not what: no instrument is asked for."""
    assert "vragenlijst" not in asking_part(text)
    assert ask(kb_sqlite, kind, text).reply.records[0] == record


def test_what_a_gemeente_arranges_and_whom_to_involve_are_sections_of_a_werkwijze(kb_sqlite):
    arranged = "Wat zou een gemeente moeten regelen zodat alle kinderen kunnen sporten en huiswerkbegeleiding krijgen?"
    assert ask(kb_sqlite, "fondsen", arranged).reply.records[0] == "werkwijze:participatie/voorwaarden"
    involved = "Een leerling met overgewicht heeft ook veel problemen thuis. Wie moet ik er allemaal bij betrekken?"
    assert retrieval.asked_section(involved) == "samenwerken"
    assert ask(kb_sqlite, "signalen", involved).reply.records[0] == "werkwijze:steun-bij-opgroeien/samenwerken"


def test_a_follow_up_that_only_says_whose_age_it_is_keeps_the_subject(kb_sqlite):
    """ "en voor een meisje van 17?" after programmes for a gloomy child of 10: the same subject at 17, not
    whatever record has "meisjes" in it (Girls Talk)."""
    first = ask(kb_sqlite, "feiten", "welke programma's zijn er voor een kind van 10 met sombere gevoelens?")
    assert first.reply.records[0] == "hoe:steun-bij-opgroeien-psychische-problemen"
    after = questions.follow_up(kb_sqlite, first.question.state(), {"text": "en voor een meisje van 17?"}, [])
    assert after.reply.records[0] == "hoe:steun-bij-opgroeien-psychische-problemen"
    assert "interventie:girls-talk" not in after.reply.records


def test_a_figure_asked_of_the_record_just_shown_is_that_record_or_not_in_the_sources(kb_sqlite):
    """ "hoeveel kosten ze daar?" after the Pamperbank: its record gives the price (25 luiers voor 1 euro);
    the same question after a record without a price says the sources do not give it. Either way the
    conversation goes on from the question before ("en voor babykleertjes?" is still about funds)."""
    first = ask(kb_sqlite, "fondsen", "Waar kan een moeder goedkoop luiers krijgen voor haar baby?")
    assert first.reply.records[0] == "fonds:pamperbank"
    priced = in_context(kb_sqlite, "hoeveel kosten ze daar?", "feiten", first.question.state(), ["fonds:pamperbank"])
    assert priced.reply.records[0] == "fonds:pamperbank" and "1 euro" in priced.reply.text
    assert priced.about_previous
    giz = ask(kb_sqlite, "instrumenten", "welke methodiek helpt bij het gesprek over gezondheid, de GIZ?")
    unpriced = in_context(kb_sqlite, "wat kost dat?", "feiten", giz.question.state(), ["instrument:giz-methodiek"])
    assert "staan niet in de bronnen" in unpriced.reply.text and not unpriced.reply.records
    # "hoe lang van tevoren moet dat aangevraagd worden?" after a Hoe-block: "dat" is one of its points
    block = ["hoe:financiele-en-materiele-steun-basisschool"]
    assert figure_of_the_previous(kb_sqlite, "hoe lang duurt dat?", first.question, block) is None
    assert questions.off_topic(kb_sqlite, "wat kost die opleiding bij Howie the Harp?").reply.records == []


def test_what_that_thing_is_asks_for_the_thing_not_the_answer_before(kb_sqlite):
    """ "wat is dat boomdiagram?" after Mentale gezondheid: the boomdiagram, as "wat is de boomdiagram?";
    "wat zijn die vijf stappen dan precies?" and "wat is dat voor programma?" point back instead."""
    first = ask(kb_sqlite, "werkwijze", "hoe versterk ik de veerkracht van een kind van 11?")
    after = in_context(kb_sqlite, "wat is dat boomdiagram?", "wat_is", first.question.state(), first.reply.records)
    assert after.reply.records[0] == "instrument:boomdiagram-veerkracht"
    for pointing in ("wat zijn die vijf stappen dan precies?", "wat is dat voor programma?", "wat is dat dan?"):
        assert what_that_thing_is(kb_sqlite, pointing) is None


def test_what_to_do_without_saying_about_what_points_back():
    assert points_back("wat kan ik haar aanraden?") and points_back("wat kan ik doen?")
    # where to refer to is a question of its own, found by its own words
    assert not points_back("waar kan ik haar naar verwijzen?")
    assert not points_back("wat kan ik doen aan schulden?")


@pytest.mark.parametrize(
    "text",
    [
        "Welke antidepressiva zijn veilig als ze borstvoeding geeft?",
        "hoeveel paracetamol mag een kind van 4 per dag",
        "welke pijnstiller mag ze tijdens de borstvoeding?",
    ],
)
def test_medical_advice_is_not_in_the_sources(kb_sqlite, text):
    reply = ask(kb_sqlite, "werkwijze", text).reply
    assert reply.text.startswith("Medisch advies") and not reply.records


def test_paying_for_medicine_is_no_medical_advice(kb_sqlite):
    for text in (
        "medicijnen voor een kind die niet vergoed worden, is daar een fonds voor?",
        "vader haalt zijn medicijnen niet op omdat hij het eigen risico niet kan betalen, is dat een signaal?",
    ):
        assert not ask(kb_sqlite, "fondsen", text).reply.text.startswith("Medisch advies")


def test_a_list_that_parents_fill_in_is_an_instrument(kb_sqlite):
    text = "Welke signaleringslijst vullen ouders van kleuters in?"
    assert "instrument" in questions.asked_kinds(text) and "signaal" not in questions.asked_kinds(text)
    assert ask(kb_sqlite, "signalen", text, age="kleuters").reply.records[0] == "instrument:lsppk"


def test_what_an_organisation_of_any_kind_must_arrange_is_a_voorwaarden_section(kb_sqlite):
    for text in (
        "Wat moet onze kraamzorgorganisatie regelen zodat wij vertrouwen kunnen opbouwen met gezinnen in armoede?",
        "Wat moet mijn organisatie regelen zodat ik vertrouwen kan opbouwen met gezinnen?",
    ):
        assert ask(kb_sqlite, "werkwijze", text).reply.records[0] == "werkwijze:vertrouwen-opbouwen/voorwaarden"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Klopt het dat programma's als VoorZorg alleen beschikbaar zijn als de gemeente ze inkoopt?", "VoorZorg"),
        ("Waarom zijn programma's zoals Stevig Ouderschap niet in elke gemeente beschikbaar?", "Stevig Ouderschap"),
    ],
)
def test_whether_a_gemeente_buys_a_programme_is_the_voorwaarden_that_say_so(kb_sqlite, text, name):
    """Not what the programme is, but what the handreiking says about gemeenten buying such programmes."""
    assert ask(kb_sqlite, "werkwijze", text, name=name).reply.records[0] == "werkwijze:steun-bij-ouderschap/voorwaarden"
    assert ask(kb_sqlite, "wat_is", f"Wat is {name}?").reply.records[0].startswith("interventie:")


def test_a_follow_up_after_funds_with_a_subject_of_its_own_is_that_subject(kb_sqlite):
    """ "en als ze al onbedoeld zwanger is?" after the funds for contraception: no need, so not the same
    funds again; "en voor zijn zus van 14, kan dat dan ook via dat fonds?" stays with the funds."""
    first = ask(kb_sqlite, "fondsen", "anticonceptie kost geld, wordt dat vergoed?")
    assert first.reply.records[0] == "fonds:anticonceptie-en-gratis-condooms"
    after = questions.follow_up(kb_sqlite, first.question.state(), {"text": "en als ze al onbedoeld zwanger is?"}, [])
    assert after.reply.records[0] == "hoe:steun-bij-ouderschap-bewuste-keuze-kinderen"
    same = questions.follow_up(
        kb_sqlite, first.question.state(), {"text": "en voor haar zus van 14, kan dat dan ook via dat fonds?"}, []
    )
    assert same.reply.records[0].startswith("fonds:")


def test_a_stage_said_as_whom_one_teaches_keeps_the_subject(kb_sqlite):
    """ "ik sta voor groep 7" after lesson material for mental health: the same question for groep 7."""
    first = ask(kb_sqlite, "werkwijze", "Is er lesmateriaal om de mentale gezondheid van leerlingen te versterken?")
    after = questions.follow_up(
        kb_sqlite, first.question.state(), {"text": "ik sta voor groep 7", "age": "groep 7"}, []
    )
    assert "interventie:leer-en-veerkracht" in after.reply.records[:3]


def test_the_kind_after_the_question_word_is_asked_not_the_situation(kb_sqlite):
    """ "welke interventies … bij signalen van …": interventions for what the signals describe, not the
    Signaleringslijst; "welke signalen …" still asks for signals."""
    text = "welke interventies zijn er voor een peuter met signalen van een onveilige hechting?"
    records = ask(kb_sqlite, "signalen", text).reply.records
    assert not records[0].startswith("signaal:") and "interventie:nika" in records[:3], records
    assert questions.questioned_kind("met welke methodieken verbind je signalen") == "interventie"
    signals = ask(kb_sqlite, "signalen", "welke signalen horen bij armoede bij een peuter?").reply.records
    assert signals[0].startswith("signaal:")


def test_a_word_with_a_prefix_is_no_compound_with_a_need_in_it(kb_sqlite):
    """ "beloven" is be|loven, not bel|oven; "vergeten" is ver|geten, not food: no need, no fund."""
    assert kb_sqlite.resolve_needs("kan ik ouders beloven dat het lukt?") == []
    assert kb_sqlite.resolve_needs("ouders vergeten steeds hun afspraken") == []
    assert kb_sqlite.resolve_needs("winterjas en voetbalcontributie") == ["kleding", "contributie"]


def test_the_parents_own_costs_are_not_a_childs_fund(kb_sqlite):
    """ "de tandartskosten van de moeder zelf": the child's dental cover (no stated age, a child's by its
    name) is not hers; for a child of 6 it is."""
    own = ask(kb_sqlite, "fondsen", "worden de tandartskosten van de moeder zelf ook vergoed?")
    assert "fonds:tandartskosten-kinderen" not in own.reply.records
    child = ask(kb_sqlite, "fondsen", "tandartskosten voor een kind van 6?")
    assert child.reply.records[0] == "fonds:tandartskosten-kinderen"


def test_an_amount_asked_of_the_fund_just_shown_is_a_price_not_its_age_limit(kb_sqlite):
    """ "hoeveel is dat bedrag?" after Nationaal Fonds Kinderhulp: its "tot 21 jaar" is no amount."""
    first = ask(kb_sqlite, "fondsen", "laptop voor een jongere van 19")
    assert first.reply.records[0] == "fonds:nationaal-fonds-kinderhulp"
    after = figure_of_the_previous(kb_sqlite, "hoeveel is dat bedrag ongeveer?", first.question, first.reply.records)
    assert "niet in de bronnen" in after.reply.text and not after.reply.records


def test_where_the_nearest_one_is_is_not_in_the_sources():
    assert retrieval.asks_unstated_detail("waar zit de dichtstbijzijnde voedselbank in Tilburg?")
    # the Hoe-block's own advice: "zoek op waar de dichtstbijzijnde voedselbank is"
    assert not retrieval.asks_unstated_detail("hoe help ik ouders de dichtstbijzijnde voedselbank te vinden?")


def test_a_record_the_retrieval_is_sure_of_is_offered_when_the_handler_chose_others(kb_sqlite):
    """ "… dure merkkleding …, klopt het dat je armoede dan niet ziet?": the fund finder found clothing
    funds, the retrieval on its own is sure of Herkennen › Waarom, and its own text shares as much with
    the question: the two disagree, so the reply asks, with the retrieval's record first (before: the
    clothing funds as the answer)."""
    text = "Klopt het dat je armoede soms niet ziet omdat ouders juist dure merkkleding voor hun kind kopen?"
    reply = ask(kb_sqlite, "fondsen", text).reply
    assert reply.text.startswith("Bedoel je") and reply.records[0] == "werkwijze:herkennen/waarom", reply.records
    # a need the question only names as what it wants stays the fund finder's
    assert ask(kb_sqlite, "fondsen", "winterjas voor een jongen van 9").reply.records[0].startswith("fonds:")


def test_a_brother_or_sister_with_the_same_trouble_gets_the_same_question_for_their_age(kb_sqlite):
    """ "en voor zijn zus van 17, die zit ook niet lekker in haar vel?" after the programmes for a somber
    boy of 10: the programmes for 17 (Pratenonline 12+, Grip op je dip 16+), not VRIENDEN (4-16) or Pak
    aan (9-13) again, and not only the block they come from (before: the block for every age)."""
    first = ask(
        kb_sqlite,
        "wat_is",
        "Een jongen van 10 is al weken somber, thuis is weinig geld. Bestaat er een programma voor "
        "kinderen met lichte depressieve klachten?",
    )
    assert "interventie:pak-aan" in first.reply.records
    text = "en voor zijn zus van 17, die zit ook niet lekker in haar vel?"
    after = in_context(kb_sqlite, text, None, first.question.state(), list(first.reply.records), "17")
    shown = after.reply.records[:3]
    assert {"interventie:grip-op-je-dip", "interventie:pratenonline"} <= set(shown), after.reply.records
    assert not {"interventie:pak-aan", "interventie:vrienden"} & set(after.reply.records), after.reply.records
    # without "ook" a sister is a new subject: not this rule
    own = in_context(kb_sqlite, "en zijn zus van 17 spijbelt", None, first.question.state(), [], "17")
    assert own is None or "interventie:grip-op-je-dip" not in own.reply.records


def test_a_signal_that_is_all_the_question_asks_leads_however_short(kb_sqlite):
    """ "kind 4 nog nooit bij de tandarts geweest": the signal "niet naar de tandarts" (before: the general
    list, without it among the first)."""
    reply = ask(kb_sqlite, "signalen", "kind 4 nog nooit bij de tandarts geweest").reply
    assert reply.records[0] == "signaal:kind-tandarts", reply.records
    # a general question still gets the list in its own order
    general = ask(kb_sqlite, "signalen", "welke gedragssignalen in de klas kunnen met armoede thuis te maken hebben?")
    assert general.reply.records[0] == "signaal:kind-concentratie", general.reply.records


def test_a_brother_with_nothing_but_his_age_gets_the_same_question_for_his_age(kb_sqlite):
    """ "en voor zijn broer van 12?" after a boy of 8 with a short fuse: the same question for 12 (the
    block on behaviour problems), not a "Bedoel je" over signals and programmes for other things."""
    first = ask(kb_sqlite, "werkwijze", "kind 8 kort lontje, agressief op school, thuis veel geldstress")
    assert "hoe:steun-bij-opgroeien-gedragsproblemen" in first.reply.records[:3], first.reply.records
    after = in_context(kb_sqlite, "en voor zijn broer van 12?", None, first.question.state(), [], "12")
    assert "hoe:steun-bij-opgroeien-gedragsproblemen" in after.reply.records[:3], after.reply.records


def test_who_is_behind_it_and_whom_to_ask_about_it_after_an_approach(kb_sqlite):
    """ "wie zitten erachter?" after the stappenplan: the stappenplan and the organisations that made it
    (before: "Ik ben een digitale assistent"); "bij wie kan ik terecht met vragen erover?": Divosa, where
    the sources say to mail experiences and suggestions."""
    first = ask(kb_sqlite, "wat_is", "wat is dat stappenplan lokale aanpak kinderarmoede")
    assert first.reply.records[0] == "aanpak:stappenplan-lokale-aanpak"
    after = in_context(kb_sqlite, "wie zitten erachter", None, first.question.state(), list(first.reply.records))
    assert after is not None and after.reply.records[0] == "aanpak:stappenplan-lokale-aanpak"
    assert any(r.startswith("organisatie:") for r in after.reply.records), after.reply.records
    text = "bij wie kan ik terecht met vragen erover"
    contact = in_context(kb_sqlite, text, None, first.question.state(), list(first.reply.records))
    assert contact.reply.records[:1] == ["organisatie:divosa"] and "mailen" in contact.reply.text
    # who pays is not who made it
    pays = in_context(
        kb_sqlite,
        "wie betaalt dat eigenlijk, zit dat gewoon in het basispakket van de jgz?",
        None,
        first.question.state(),
        list(first.reply.records),
    )
    assert pays is None or not any(r.startswith("organisatie:") for r in pays.reply.records[:1])


@pytest.mark.parametrize(
    "kind, text",
    [
        ("fondsen", "max bedrag jeugdfonds sport per kind per jaar"),
        ("wat_is", "adres stichting leergeld rotterdam?"),
        ("wat_is", "wat is het adres van Leergeld in Tilburg?"),
    ],
)
def test_amounts_and_addresses_typed_in_a_hurry_are_not_in_the_sources(kb_sqlite, kind, text):
    reply = ask(kb_sqlite, kind, text).reply
    assert "niet in de bronnen" in reply.text and not reply.records, (reply.records, reply.text[:80])


def test_the_mothers_address_is_a_privacy_question_not_a_contact_question(kb_sqlite):
    reply = ask(kb_sqlite, "wat_is", "mag ik het adres van de moeder doorgeven aan leergeld?").reply
    assert not reply.text.startswith("Contactgegevens"), reply.text[:80]


@pytest.mark.parametrize(
    "kind, text, local",
    [
        ("wat_is", "Welke gemeenten in Nederland hebben al een lokale coalitie Kansrijke Start?", None),
        ("fondsen", "Welke gemeenten in Gelderland hebben een witgoedregeling?", None),
        # the sources' own local examples answer it
        ("voorbeelden", "welke gemeenten hebben een financieel spreekuur?", "voorbeeld:financieel-spreekuur-lelystad"),
        (
            "voorbeelden",
            "welke gemeenten doen mee aan de city deal inclusieve stad?",
            "voorbeeld:city-deal-inclusieve-stad",
        ),
    ],
)
def test_which_gemeenten_have_something_is_not_in_the_sources_unless_a_local_example_says(kb_sqlite, kind, text, local):
    reply = ask(kb_sqlite, kind, text).reply
    if local:
        assert reply.records[0] == local, reply.records
    else:
        assert reply.text.startswith("Welke gemeenten iets hebben") and not reply.records, reply.text[:80]


def test_a_need_and_a_fund_asked_after_something_else_stand_on_their_own(kb_sqlite):
    """ "Hij wil graag op voetbal maar dat kan niet van thuis. welk fonds?" after a question about school
    absence "zelf": its "dat" is the football, not the answer before it; searched together with that
    question, "zelf" made it a need of the parent (Sam&, no Jeugdfonds Sport & Cultuur)."""
    first = ask(kb_sqlite, "wat_is", "en voor het verzuim zelf, is daar een aanpak voor samen met school?")
    text = "Hij wil graag op voetbal maar dat kan niet van thuis. welk fonds?"
    assert in_context(kb_sqlite, text, "fondsen", first.question.state(), list(first.reply.records)) is None
    assert ask(kb_sqlite, "fondsen", text, need="voetbal").reply.records[0] == "fonds:jeugdfonds-sport-en-cultuur"


def test_how_to_ask_about_it_after_signals_is_the_hoe_block_not_the_signals_again(kb_sqlite):
    """ "hoe vraag ik daar naar zonder haar te beledigen" after the signals of a pregnant woman: how to
    raise it (Bespreken met (aanstaande) ouders), not the same signals again."""
    first = ask(kb_sqlite, "signalen", "welke signalen zie je bij een zwangere die geldzorgen heeft?")
    assert first.reply.records[0].startswith("signaal:")
    text = "hoe vraag ik daar naar zonder haar te beledigen"
    after = in_context(kb_sqlite, text, "signalen", first.question.state(), list(first.reply.records))
    assert "hoe:bespreken-aanstaande-ouders" in after.reply.records[:3], after.reply.records
    assert not any(r.startswith("signaal:") for r in after.reply.records[:3]), after.reply.records


def test_more_about_one_record_of_the_list_opens_that_record(kb_sqlite):
    """ "vertel meer over meppel" after a list of local examples: the Meppel example in full, not "Er is
    nog geen antwoord om mee verder te gaan" or the list again; "meer" alone says that was all (the list
    shows every example at once), not that there was no answer yet."""
    first = ask(
        kb_sqlite, "voorbeelden", "welke lokale voorbeelden zijn er waar armoede en gezondheid samen worden aangepakt?"
    )
    assert "voorbeeld:geweldige-wijk-meppel" in first.reply.records, first.reply.records
    state = first.question.state()
    outcome = questions.more(kb_sqlite, state, first.reply.shown, [], "vertel meer over meppel", first.reply.records)
    assert outcome.reply.records == ["voorbeeld:geweldige-wijk-meppel"], outcome.reply.records
    assert "Geweldige wijk Meppel" in outcome.reply.text and "Voorbeelden uit de praktijk" not in outcome.reply.text
    paged = questions.more(kb_sqlite, state, first.reply.shown, [], "meer", first.reply.records)
    assert paged.reply.text.startswith("Dat was alles"), paged.reply.text


def test_how_to_discuss_it_with_the_parents_after_signals_is_how_to_discuss(kb_sqlite):
    """ "en hoe bespreek ik dit dan met de ouders?" after the signals of a quiet child in groep 4 asks how to
    discuss it (Bespreken), not for the signals of parents: "hoe bespreek ik" is bespreekbaar maken (thesaurus)."""
    text = (
        "een leerling uit groep 4 is erg stil, vertelt nooit iets in de kring en heeft weinig vriendjes. ouders "
        "komen nooit op ouderavond. zijn dit signalen van armoede?"
    )
    first = ask(kb_sqlite, "signalen", text, age="4")
    assert first.reply.records[0].startswith("signaal:"), first.reply.records
    after = in_context(
        kb_sqlite, "en hoe bespreek ik dit dan met de ouders?", "werkwijze", first.question.state(), first.reply.records
    )
    assert after.reply.records[0].startswith("hoe:bespreken-"), after.reply.records


def test_a_family_that_does_not_pay_its_bills_asks_for_no_fund(kb_sqlite):
    """ "dat ze haar rekeningen niet meer betaalt", taken for a fund question: no need the fund finder
    knows and no one asked who pays, so not "Voor 'vertelt rekeningen' ken ik geen fonds" but what the
    sources say about money trouble; "wie betaalt de zwemles?" still asks who pays."""
    told = ask(kb_sqlite, "fondsen", "moeder van kinderen van 1 en 3 vertelt dat ze haar rekeningen niet meer betaalt")
    assert told.reply.records and not told.reply.records[0].startswith("fonds:"), told.reply.text
    assert "ken ik geen fonds" not in told.reply.text
    assert "fonds" in questions.asked_kinds("wie betaalt de zwemles?")
    assert "fonds" not in questions.asked_kinds("ze betaalt haar rekeningen niet meer")


def test_what_is_meant_by_one_word_of_a_block_is_that_block(kb_sqlite):
    """ "wat bedoelen ze met bufferen?" (small talk to the NLU): the block whose point says "bufferen"."""
    found = questions.off_topic(kb_sqlite, "wat bedoelen ze met bufferen?")
    assert found is not None and "hoe:steun-bij-ouderschap-positief-ouderschap" in found.reply.records[:3]
    assert questions.off_topic(kb_sqlite, "ben jij een mens?") is None


def test_which_questionnaire_without_a_moment_asks_the_moment(kb_sqlite):
    """ "welke vragenlijst?" asks which one to use: that depends on the moment, so ask it; "welke
    instrumenten zijn er?" asks for the list."""
    one = ask(kb_sqlite, "instrumenten", "welke vragenlijst?")
    assert not one.reply.records and one.reply.buttons, one.reply.text
    listed = ask(kb_sqlite, "instrumenten", "welke instrumenten zijn er?")
    assert listed.reply.records and listed.reply.records[0].startswith("instrument:")


def test_a_new_need_after_what_the_sources_say_about_an_unfunded_one_is_a_fund_question(kb_sqlite):
    """ "en bijles voor zijn zusje op de basisschool?" after "examentraining in havo 5" (no fund; the
    Hoe-block on it): the funds for bijles at the basisschool, not that block again; "en worden de
    tandartskosten van de ouders zelf ook vergoed?" after the child's dental cover is the parents' own."""
    first = ask(kb_sqlite, "fondsen", "leerling uit 5 havo wil examentraining volgen, ouders kunnen het niet betalen")
    assert first.reply.records and not first.reply.records[0].startswith("fonds:")
    sister = questions.follow_up(
        kb_sqlite,
        first.question.state(),
        {"text": "en bijles voor zijn zusje op de basisschool?", "need": "bijles"},
        [],
    )
    assert sister.reply.records[0] == "fonds:jeugdeducatiefonds", sister.reply.text
    teeth = ask(kb_sqlite, "fondsen", "moeten ouders de tandarts voor hun kinderen zelf betalen?")
    assert teeth.reply.records[0] == "fonds:tandartskosten-kinderen"
    own = questions.follow_up(
        kb_sqlite,
        teeth.question.state(),
        {"text": "En worden de tandartskosten van de ouders zelf ook vergoed?", "applicant": "ouders zelf"},
        [],
    )
    assert "fonds:tandartskosten-kinderen" not in own.reply.records, own.reply.text


def test_whether_to_look_behind_it_asks_for_signals(kb_sqlite):
    """ "moet ik daar iets achter zoeken?" after what a child wears: the signals, not the clothing funds."""
    text = "meisje loopt in dezelfde te krappe broek en heeft nog geen winterjas. moet ik daar iets achter zoeken?"
    assert "signaal" in questions.asked_kinds(text)


def test_a_brother_or_sister_who_needs_something_gets_the_funds_for_it(kb_sqlite):
    """ "en zijn zusje van 6 heeft ook geen winterjas" after a somber boy of 12: a need of her own, so the
    funds for a coat at 6 (before: the psychological block again, for 6)."""
    first = ask(kb_sqlite, "werkwijze", "jongen van 12 is somber en trekt zich terug, thuis is weinig geld")
    text = "en zijn zusje van 6 heeft ook geen winterjas"
    after = in_context(kb_sqlite, text, None, first.question.state(), list(first.reply.records), None)
    assert after.reply.records and after.reply.records[0].startswith("fonds:"), after.reply.records
    assert "(6 jaar)" in after.reply.text


def test_baby_clothes_typed_as_a_diminutive_are_clothes(kb_sqlite):
    """ "en kleertjes als de baby groeit?" after a pram and a cot: the clothing funds, not "Voor
    'kleertjes' ken ik geen fonds"."""
    reply = ask(kb_sqlite, "fondsen", "kleertjes voor een baby van 5 maanden").reply
    assert reply.records and "ken ik geen fonds" not in reply.text, reply.text


def test_a_training_for_the_professional_is_in_the_voorwaarden_of_that_way_of_working(kb_sqlite):
    """ "is daar een training voor?" after how to discuss money worries: the Voorwaarden of Bespreken (a
    training in motiverende gespreksvoering …); "ik wil er meer over leren" after the GIZ-methodiek: those
    of Herkennen, whose Hoe-block names it. A training for parents is a programme, not this."""
    first = ask(kb_sqlite, "werkwijze", "hoe bespreek ik geldzorgen met ouders?")
    assert first.reply.records[0].startswith("hoe:bespreken")
    state, shown = first.question.state(), list(first.reply.records)
    trained = in_context(kb_sqlite, "is daar een training voor?", "wat_is", state, shown)
    assert trained.reply.records[:1] == ["werkwijze:bespreken/voorwaarden"], trained.reply.records
    giz = ask(kb_sqlite, "instrumenten", "Wat is de GIZ-methodiek?")
    more = in_context(
        kb_sqlite,
        "ik wil er meer over leren, biedt mijn organisatie dat?",
        "wat_is",
        giz.question.state(),
        ["instrument:giz-methodiek"],
    )
    assert more.reply.records[:1] == ["werkwijze:herkennen/voorwaarden"], more.reply.records
    parents = in_context(kb_sqlite, "is daar een training voor ouders?", "wat_is", state, shown)
    assert parents is None or not parents.reply.records[0].endswith("/voorwaarden")
    # an instrument with a training of its own: that training
    checklist = ["instrument:checklist-vroegsignalering-kraamtijd"]
    own = in_context(kb_sqlite, "en is daar een training voor?", "wat_is", giz.question.state(), checklist)
    assert own.reply.records[:1] == ["interventie:training-vroegsignalering-kraamperiode"], own.reply.records


def test_whom_to_contact_about_what_was_just_shown(kb_sqlite):
    """ "bij wie kan ik terecht met vragen of ervaringen?" after the Stappenplan lokale aanpak: Divosa, whose
    record says where to mail experiences with it; after a programme whose organisations say no such thing:
    the programme again (its text says who offers it). A question with a subject of its own is not this."""
    first = ask(kb_sqlite, "voorbeelden", "wat is dat stappenplan lokale aanpak kinderarmoede")
    assert first.reply.records[:1] == ["aanpak:stappenplan-lokale-aanpak"]
    state, shown = first.question.state(), list(first.reply.records)
    for text in ("bij wie kan ik terecht met vragen of ervaringen?", "en waar kan ik onze ervaringen ermee kwijt?"):
        contact = in_context(kb_sqlite, text, "aanvragen", state, shown)
        assert contact.reply.records[:1] == ["organisatie:divosa"], (text, contact.reply.records)
        assert "mailen" in contact.reply.text
    programme = ["interventie:mobility-mentoring"]
    again = in_context(kb_sqlite, "bij wie kan ik terecht met vragen?", "aanvragen", state, programme)
    assert again.reply.records[:1] == programme, again.reply.records
    own = in_context(kb_sqlite, "bij wie kan ik terecht met vragen over schulden?", "aanvragen", state, shown)
    assert own is None or own.reply.records[:1] != ["organisatie:divosa"]


def test_a_follow_up_about_a_thing_the_answer_named_or_showed(kb_sqlite):
    """ "hoe werkt die giz dan?" after a Hoe-block that names the GIZ-methodiek: that instrument; "voor welke
    leeftijd?" and "is die erkend of zo?" after a programme: that programme again; "hoe werkt dat fonds?" is
    about the fund just shown, not a search for "fonds"."""
    first = ask(kb_sqlite, "werkwijze", "hoe bespreek ik geldzorgen met aanstaande ouders?")
    state, shown = first.question.state(), list(first.reply.records)
    giz = in_context(kb_sqlite, "hoe werkt die giz dan?", "inform", state, shown)
    assert giz.reply.records[:1] == ["instrument:giz-methodiek"], giz.reply.records
    programme = ["interventie:armoede-en-gezondheid-van-kinderen"]
    for text in ("voor welke leeftijd", "is die erkend of zo?"):
        again = in_context(kb_sqlite, text, "instrumenten", state, programme)
        assert again.reply.records[:1] == programme, (text, again.reply.records)
    from bot.context import what_that_thing_is

    assert what_that_thing_is(kb_sqlite, "hoe werkt dat fonds?") is None


def test_more_about_a_record_the_list_did_not_show_opens_that_record(kb_sqlite):
    """ "vertel eens meer over meppel" after interventions that do not include it: the example from Meppel,
    not the next page of the interventions."""
    first = ask(kb_sqlite, "wat_is", "welke interventies noemt loket gezond leven voor armoede en gezondheid?")
    shown = list(first.reply.records)
    assert "voorbeeld:geweldige-wijk-meppel" not in shown
    meppel = questions.more(
        kb_sqlite, first.question.state(), first.reply.shown, [], "vertel eens meer over meppel", shown
    )
    assert meppel.reply.records[:1] == ["voorbeeld:geweldige-wijk-meppel"], meppel.reply.records


def test_a_follow_up_that_names_another_werkwijze_leaves_the_previous_one(kb_sqlite):
    """ "en hoe begin ik erover?" after how to recognise hidden poverty (Herkennen): how to bring it up, the
    Hoe-blocks of Bespreken (through the thesaurus: "begin ik erover" is bespreekbaar maken), not
    Herkennen's again; "hoe doe je dat dan?" names no werkwijze and stays."""
    first = ask(kb_sqlite, "werkwijze", "hoe herken ik verborgen armoede bij zzp'ers?")
    assert first.reply.records[0].startswith(("werkwijze:herkennen", "hoe:herkennen")), first.reply.records
    state, shown = first.question.state(), list(first.reply.records)
    begin = in_context(kb_sqlite, "en hoe begin ik erover?", "werkwijze", state, shown)
    assert begin.reply.records[0].startswith("hoe:bespreken"), begin.reply.records
    how = in_context(kb_sqlite, "hoe doe je dat dan?", "werkwijze", state, shown)
    assert how.reply.records[0].startswith("hoe:herkennen"), how.reply.records


def test_a_remembered_gemeente_does_not_answer_an_example_question_with_a_subject_of_its_own(kb_sqlite):
    """ "is er ook een voorbeeld met een financieel spreekuur?" after Helmond's example (the gemeente slot
    still says Helmond): the examples with a financial consultation hour, not Helmond's again; "zijn er
    voorbeelden?" keeps the gemeente."""
    asked = "is er ook een voorbeeld met een financieel spreekuur"
    spreekuur = ask(kb_sqlite, "voorbeelden", asked, gemeente="Helmond").reply.records
    assert spreekuur[:1] == ["voorbeeld:financieel-spreekuur-lelystad"], spreekuur
    local = ask(kb_sqlite, "voorbeelden", "zijn er voorbeelden?", gemeente="Helmond").reply.records
    assert local[:1] == ["voorbeeld:op-eigen-kracht-helmond"], local
