"""H: an entity from the NLU counts only when the user's own words carry it."""

from __future__ import annotations

import pytest

from bot.grounding import grounded, ungrounded


@pytest.mark.parametrize(
    "entity, value, text",
    [
        ("behoefte", "fiets", "wie betaalt een fietsje voor mijn zoon"),
        ("behoefte", "fiets", "fiest voor een kind van 10"),  # one typo in a non-word
        ("behoefte", "babyspullen", "zwangerschapsspullen voor de moeder"),  # via the thesaurus
        ("leeftijd", "10", "kind van tien jaar"),
        ("leeftijd", "groep 7", "leerling in groep 7"),
        ("leeftijd", "3", "moeder met 3 kinderen, de jongste van 3 heeft geen jas"),
        ("gemeente", "Lelystad", "voorbeelden uit lelystad"),
        ("naam", "Jeugdfonds Sport & Cultuur", "wat doet het jeugdfonds sport en cultuur"),
        ("naam", "Stichting Leergeld", "kan Leergeld dat betalen"),
        ("behoefte", "fiets", '/ask_fondsen{"behoefte": "fiets"}'),  # a button: no words to check
    ],
)
def test_kept_when_the_text_carries_it(kb_sqlite, entity, value, text):
    assert grounded(kb_sqlite, entity, value, text)


@pytest.mark.parametrize(
    "entity, value, text",
    [
        ("behoefte", "bijles", "is er een fonds voor rijles"),  # rijles is a word itself: no typo for bijles
        ("behoefte", "fiets", "welk fonds betaalt een laptop"),
        ("leeftijd", "7", "schoolreisje voor groep 7"),  # part of a school stage, not an age of 7
        ("leeftijd", "5", "laptop voor een leerling in havo 5"),
        ("gemeente", "Meppel", "voorbeelden uit Kampen"),
        ("naam", "VoorZorg", "wat is SamenStarten"),
        ("behoefte", "kraamweek", "de kraamweek is bijna om, is er iets voor daarna?"),  # when, not what for
        ("behoefte", "kraamtijd", "wat is er na de kraamtijd voor moeder?"),
        ("behoefte", "kaartjes", "waarom is een actuele sociale kaart zo belangrijk?"),  # a map of help, no ticket
        # a number that is no age: a day of the kraamweek, weeks of pregnancy, things counted
        ("leeftijd", "3", "Dag 3 van de kraamweek, er is geen geld voor een kolfset"),
        ("leeftijd", "22 weken", "ik zit bij een zwangere van 22 weken, ze heeft niks voor de baby"),
        ("leeftijd", "11", "wat zijn de 11 werkwijzen in het kort?"),
        # a parent's age, not a child's
        ("leeftijd", "17", "tienermoeder van 17 voelt zich alleen, zoekt andere jonge moeders"),
    ],
)
def test_dropped_when_it_does_not(kb_sqlite, entity, value, text):
    assert not grounded(kb_sqlite, entity, value, text)


def test_a_stage_wins_over_the_number_tagged_in_it(kb_sqlite):
    from bot import questions
    from bot.questions import Question

    reply = questions.answer(kb_sqlite, Question("fondsen", text="schoolreisje voor groep 7", age="7")).reply
    assert "(groep 7)" in reply.text and "(7 jaar)" not in reply.text


def test_ungrounded_names_the_entities(kb_sqlite):
    entities = [{"entity": "behoefte", "value": "bijles"}, {"entity": "leeftijd", "value": "17"}]
    assert ungrounded(kb_sqlite, entities, "is er een fonds voor rijles voor een jongen van 17") == {"behoefte"}
