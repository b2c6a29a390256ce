"""Dutch word forms, typos and ages, as professionals type them."""

from __future__ import annotations

import pytest

from bot.kb.ages import outside_stated_ages, parse_age, parse_fase
from bot.kb.text import TermMatcher, is_dutch_word, normalize


@pytest.mark.parametrize(
    "text,low,high,fase",
    [
        ("10", 10, 10, "basisschool"),
        ("tien jaar", 10, 10, "basisschool"),
        ("10-jarige", 10, 10, "basisschool"),
        ("een kind van 6 jaar", 6, 6, "basisschool"),
        ("peuter", 2, 3.99, "jonge-kinderen"),
        ("puber", 12, 17.99, "voortgezet-onderwijs"),
        ("zwangere", -1, -0.01, "ongeboren-pasgeboren"),
        ("18 maanden", 1.5, 1.5, "jonge-kinderen"),
        ("groep 8", 10, 12, "basisschool"),
        ("15-jarige dochter", 15, 15, "voortgezet-onderwijs"),
        ("een baby", 0, 0.99, "ongeboren-pasgeboren"),
        # Several children: the span of their ages, in one fase only when all are in it.
        ("gezin met kinderen van 6 en 9", 6, 9, "basisschool"),
        ("4, 7 en 12 jaar", 4, 12, None),
        ("groep 6 en 7", 8, 11, "basisschool"),
        # School stages are ages (knowledge/schoolfasen.yml), never the number in them.
        ("kind in groep 7", 9, 11, "basisschool"),
        ("havo 5", 15, 17, "voortgezet-onderwijs"),
        ("5 vwo", 15, 17, "voortgezet-onderwijs"),
        ("3e klas", 13, 15, "voortgezet-onderwijs"),
        ("kinderen in het basisonderwijs", 4, 11.99, "basisschool"),
        ("brugklas", 11, 13.99, "voortgezet-onderwijs"),
        ("de peuterspeelzaal", 2, 3.99, "jonge-kinderen"),
        ("mbo 2", 16, 20.99, None),
        # a child word, "van" and a number, in a longer sentence
        ("welk fonds betaalt een fiets voor een kind van 10?", 10, 10, "basisschool"),
        ("jongen van 14 heeft geen laptop voor school", 14, 14, "voortgezet-onderwijs"),
        # "een jaar of 15" is about fifteen, not one year
        ("en voor pubers van een jaar of 15?", 15, 15, "voortgezet-onderwijs"),
        ("een jongen van een jaar of twaalf", 12, 12, "voortgezet-onderwijs"),
        ("een baby van een maand of 3", 0.25, 0.25, "jonge-kinderen"),
        ("een kind van een jaar", 1, 1, "jonge-kinderen"),
        # weeks of a pregnancy are an unborn child, not a baby of that many weeks
        ("ik zit bij een zwangere van 22 weken", -1, -0.01, "ongeboren-pasgeboren"),
        ("ze is 30 weken zwanger", -1, -0.01, "ongeboren-pasgeboren"),
        ("baby van 6 weken", 0, 0.2, "ongeboren-pasgeboren"),
        # an age span is both ends, and a fase when it runs up to that fase's bound
        ("Noem de screenings- en gespreksinstrumenten voor 0-4 jaar.", 0, 4, "jonge-kinderen"),
        ("voor kinderen van 4 tot 12 jaar", 4, 12, "basisschool"),
        ("12 t/m 18 jaar", 12, 18, "voortgezet-onderwijs"),
        ("0 tot 18 jaar", 0, 18, None),
    ],
)
def test_parse_age(text, low, high, fase):
    age = parse_age(text)
    assert (age.low, age.high, age.fase) == (low, high, fase)


def test_several_ages_are_labelled_as_typed():
    assert parse_age("kinderen van 6 en 9").label == "6 en 9 jaar"
    assert parse_age("ze zijn 4, 7 en 12 jaar").label == "4, 7 en 12 jaar"
    assert parse_age("hij is 12 of 13").label == "12 of 13 jaar"


def test_a_stage_keeps_the_users_wording():
    assert parse_age("laptop voor havo 5").label == "havo 5"
    assert parse_age("kinderen in het basisonderwijs").label == "basisonderwijs"
    assert parse_age("groep 7, hij is 10 jaar").label == "10 jaar"  # an explicit age is more precise


@pytest.mark.parametrize(
    "text",
    [
        "welk fonds betaalt een fiets",
        "0800-nummer van een fonds",
        "",
        None,
        "in de klas",
        "een groep ouders",
        "een moeder van 3 kinderen zonder inkomen",
        # a span of time is no age
        "moeder heeft al 3 maanden geen inkomen",
        "sinds 6 weken geen stroom",
        "ze zijn 2 maanden geleden verhuisd",
        "de aanvraag wordt behandeld, ze heeft 3 kinderen",  # "wordt" as the passive
    ],
)
def test_no_age_where_none_is_named(text):
    assert parse_age(text) is None


def test_the_age_a_child_turns_not_the_time_until_then():
    assert parse_age("jongen wordt over 2 maanden 18 en moet alles zelf regelen").label == "18 jaar"
    assert parse_age("ze wordt volgende week 4").label == "4 jaar"
    assert parse_age("al 3 maanden huurachterstand, kind van 6").label == "6 jaar"
    assert parse_age("baby van 8 maanden").label == "8 maanden"
    # The way it is typed between two appointments: "mnd", "wkn".
    assert parse_age("jongen wordt over 2 mnd 18 en wil op kamers").label == "18 jaar"
    assert parse_age("al 2 wkn ziek, meisje van 8").label == "8 jaar"


def test_parents_are_a_target_group():
    assert parse_fase("hoe praat ik met ouders over geld") == "ouders"
    assert parse_fase("met een puber") == "voortgezet-onderwijs"
    # Parents named, and their children's ages: the children's phase.
    assert parse_fase("ouders nemen de kinderen van 1 en 3 niet mee naar de tandarts") == "jonge-kinderen"
    assert parse_fase("moeder van 35 heeft schulden") == "ouders"


def test_normalize_strips_accents_and_ampersand():
    assert normalize("Financiële & materiële steun!") == "financiele en materiele steun"


def test_term_matcher_forms():
    matcher = TermMatcher({"fiets": "fiets", "zwemles": "zwemles", "sport en cultuur": "sport", "koelkast": "koelkast"})
    assert matcher.match("twee fietsen") == ["fiets"]
    assert matcher.match("kinderfietsje") == ["fiets"]
    assert matcher.match("zwemlessen en een ijskast") == ["zwemles"]
    assert matcher.match("koelkats kapot") == ["koelkast"]  # one typo (swap)
    assert matcher.match("iets voor sport en cultuur") == ["sport"]
    assert matcher.match("bed") == []  # short words: no typo guessing


def test_a_compound_head_only_where_the_word_is_a_compound():
    matcher = TermMatcher(
        {"eten": "voedsel", "voeding": "voedsel", "tand": "tandarts", "boek": "boeken", "kleding": "kleding"}
    )
    assert matcher.match("een kinderboek") == ["boeken"]  # kinder|boek
    assert matcher.match("geen gymkleding") == ["kleding"]  # a long head needs no known first word
    # Not compounds: a derivation or a word that only ends in a term.
    for text in (
        "versleten kleren",
        "ouders weten het niet",
        "laten ontmoeten",
        "de opvoeding",
        "een taalachterstand",
        "in de bijstand",
        "huurachterstanden",  # achter|standen: the longest Dutch head is the head
    ):
        assert "voedsel" not in matcher.match(text) and "tandarts" not in matcher.match(text), text


def test_a_word_that_means_itself_is_not_split_or_corrected():
    matcher = TermMatcher({"bureau": "kamerinrichting", "feest": "feest"}, wholes=frozenset({"consultatiebureau"}))
    assert matcher.match("geen bureau op zijn kamer") == ["kamerinrichting"]
    assert matcher.match("op het consultatiebureau") == []  # a concept of its own (the thesaurus)
    assert matcher.match("hij leest slecht") == []  # a verb form, no typo for "feest"


def test_verb_forms_are_dutch_words():
    # spaCy's irregular forms: "past" and "leest" are never typos for a need ("kast", "feest").
    for word in ("past", "leest", "gaat", "werkt", "broertjes"):
        assert is_dutch_word(word), word


@pytest.mark.parametrize(
    "text,low,high",
    [
        ("haar zoon (12) heeft geen fiets", 12, 12),
        ("(12) heeft geen fiets", 12, 12),  # where redaction took out the name
        ("Sara (7) en Adam (4) hebben geen winterjas", 4, 7),
    ],
)
def test_an_age_in_brackets_after_a_child(text, low, high):
    age = parse_age(text)
    assert (age.low, age.high) == (low, high)


@pytest.mark.parametrize(
    "summary,age,outside",
    [
        ("Psychosociale interventie (4-16 jaar) die de stress vermindert", "17", True),
        ("Psychosociale interventie (4-16 jaar) die de stress vermindert", "16", False),
        ("Psychosociale interventie (16+) voor jongeren met lichte depressie", "12", True),
        ("Psychosociale interventie (12+) voor jongeren", "17", False),
        ("Beweegprogramma voor kinderen met overgewicht", "17", False),  # no ages stated
        ("Psychosociale interventie (4-16 jaar)", "12 tot 18 jaar", False),  # a span is no one child
    ],
)
def test_an_exact_age_outside_the_ages_a_programme_states(summary, age, outside):
    assert outside_stated_ages(summary, parse_age(age)) is outside
