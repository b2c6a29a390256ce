"""Retrieval over every kind of record (bot.kb.retrieval) and the choice to answer, ask or say nothing
(bot.retrieval), on the real knowledge base."""

from __future__ import annotations

import time

import pytest

from bot import retrieval
from bot.kb.ages import parse_fase
from bot.kb.text import TermMatcher, is_known_word


def top(kb, text, kind=None, **hints):
    hits = retrieval.best_per_record(retrieval.search(kb, text, kind, **hints))
    return [h.unit.key for h in hits]


def test_every_kind_of_record_is_a_unit(kb_sqlite):
    kinds = {u.kind for u in kb_sqlite.retriever.units}
    assert kinds >= {
        "hoe",
        "werkwijze",
        "fonds",
        "signaal",
        "instrument",
        "interventie",
        "organisatie",
        "voorbeeld",
        "aanpak",
        "feit",
        "achtergrond",
    }
    sections = {u.key for u in kb_sqlite.retriever.units if u.key.startswith("werkwijze:bespreken/")}
    assert sections == {f"werkwijze:bespreken/{s}" for s in ("wat", "waarom", "samenwerken", "voorwaarden")}


def test_the_index_is_built_once_per_loaded_content(sqlite_url):
    from bot.kb import KnowledgeBase

    assert KnowledgeBase.from_url(sqlite_url).retriever is KnowledgeBase.from_url(sqlite_url).retriever


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        ("hoe begin ik over geldzorgen met een puber", "werkwijze", "hoe:bespreken-jongeren"),
        ("wat is de definitie van armoede", None, "feit:definitie-armoede"),
        ("hoe zet ik een lokale aanpak op", None, "aanpak:stappenplan-lokale-aanpak"),
        ("kind spijbelt vaak", None, "signaal:kind-afwezig"),
    ],
)
def test_the_record_a_question_is_about_ranks_high(kb_sqlite, text, kind, expected):
    assert expected in top(kb_sqlite, text, kind, age_group=parse_fase(text))[:3]


def test_thesaurus_finds_the_sources_words(kb_sqlite):
    """No record says zzp'er; the handreiking says zelfstandig ondernemer."""
    assert top(kb_sqlite, "veel van mijn gezinnen zijn zzp'er")[0] == "feit:verborgen-armoede-zelfstandigen"
    assert "concept:zelfstandige" in {s.label for s in kb_sqlite.retriever.query("zzp'ers").slots}


def test_compound_parts_and_plural_forms_match(kb_sqlite):
    # "afspraak" (singular) finds the signal "niet nakomen van afspraken".
    assert "signaal:ouder-afspraken" in top(kb_sqlite, "ze komt haar afspraak niet na")[:8]


def test_one_typo_only_in_words_that_are_no_words_themselves(kb_sqlite):
    index = kb_sqlite.retriever
    assert index.query("geldzorgne").slots[0].alternatives  # a typo: corrected
    assert is_known_word("rijles") and not is_known_word("fiest")
    assert TermMatcher({"bijles": "bijles"}).match("rijles") == []
    assert TermMatcher({"fiets": "fiets"}).match("fiest") == ["fiets"]


def test_intent_is_a_hint_not_a_filter(kb_sqlite):
    """The instrument intent lifts instruments; a question about a signal still finds the signal."""
    assert top(kb_sqlite, "welke vragenlijst voor zwangeren", "instrumenten")[0].startswith("instrument:")
    assert "signaal:kind-afwezig" in top(kb_sqlite, "kind spijbelt vaak", "instrumenten")[:3]


def test_section_hint_picks_the_werkwijze_section(kb_sqlite):
    text = "waarom is vertrouwen zo belangrijk bij gezinnen met geldzorgen"
    assert retrieval.asked_section(text) == "waarom"
    assert top(kb_sqlite, text, "werkwijze", section="waarom")[0] == "werkwijze:vertrouwen-opbouwen/waarom"


def test_a_why_question_wants_the_waarom_section_over_a_hoe_block(kb_sqlite):
    """Only a werkwijze has a Waarom: a Hoe-block that matches as much of the question comes after it."""
    text = "waarom zou ik geldzorgen eigenlijk bespreken, ik ben toch geen schuldhulpverlener?"
    assert top(kb_sqlite, text, "werkwijze", section=retrieval.asked_section(text))[0] == "werkwijze:bespreken/waarom"


@pytest.mark.parametrize(
    "text, section",
    [
        ("wat verwacht de handreiking van gemeenten bij het signaleren?", "voorwaarden"),
        ("hoe regelen we als organisatie dat er tijd is voor huisbezoeken", "voorwaarden"),
        ("kan de gemeente het overleg tussen school en jgz makkelijker maken?", "voorwaarden"),
        ("met wie werk ik samen als een gezin schulden heeft?", "samenwerken"),  # professionals, not the gemeente
        ("hoe werk je daarin samen met school?", "samenwerken"),  # the split verb
        ("hoe kan ik met de gemeente samenwerken?", "samenwerken"),
        # two questions in one: the first one asked
        ("bij sociale steun, met wie werk ik samen en waarom is die warme overdracht zo belangrijk", "samenwerken"),
        ("waarom is samenwerken met school belangrijk?", "waarom"),
        # explaining why, or parents who ask why: how to say it, not why the werkwijze matters
        ("moet ik uitleggen waarom ik dat vraag?", None),
        ("ouders vragen waarom ik zoveel wil weten over hun inkomen", None),
        ("hoe leg ik uit waarom ik naar geld vraag?", "hoe"),
    ],
)
def test_the_gemeente_arranging_asks_for_the_voorwaarden(text, section):
    assert retrieval.asked_section(text) == section


def test_answer_ask_or_nothing(kb_sqlite):
    clear = retrieval.choose(retrieval.search(kb_sqlite, "veel van mijn gezinnen zijn zzp'er"))
    assert clear.action == "answer"
    vague = retrieval.choose(retrieval.search(kb_sqlite, "hoe pak ik dat aan?"))
    assert vague.action in ("clarify", "nothing") and all(h.evidence < retrieval.MIN_EVIDENCE for h in vague.hits)
    assert retrieval.choose(retrieval.search(kb_sqlite, "xyzzy kwartelkoning")).action == "nothing"


def test_never_answers_from_a_unit_without_a_shared_word(kb_sqlite):
    for text in ("wat is het weer morgen", "xyzzy kwartelkoning", "hoeveel kost een ruimtereis"):
        for hit in retrieval.search(kb_sqlite, text):
            assert hit.matched and hit.evidence > 0


def test_points_matching_the_question_come_first(kb_sqlite):
    block = kb_sqlite.hoe_block("vertrouwen-opbouwen-zichtbaar")
    order = kb_sqlite.retriever.point_order(block.points, "moet ik telefoontjes en appjes beantwoorden")
    assert "telefoontjes" in block.points[order[0]]
    assert sorted(order) == list(range(len(block.points)))
    rest = order[1:]
    assert rest == sorted(rest)  # the others keep the source order


def test_a_unit_key_answers_with_exactly_that_record(kb_sqlite):
    for key in (
        "hoe:bespreken-jongeren",
        "werkwijze:bespreken/samenwerken",
        "fonds:stichting-leergeld",
        "instrument:epds",
        "interventie:voorzorg",
        "signaal:kind-afwezig",
    ):
        assert retrieval.unit_answer(kb_sqlite, key).records == [key]


def test_search_is_fast(kb_sqlite):
    assert kb_sqlite.retriever is not None  # built before the clock starts
    start = time.perf_counter()
    for _ in range(20):
        retrieval.search(kb_sqlite, "ouders zijn bang dat hun kinderen uit huis worden geplaatst, hoe bespreek ik dat")
    assert (time.perf_counter() - start) / 20 < 0.02


def test_every_record_the_search_can_lead_to_is_answered_with_its_source(kb_sqlite):
    """All 400-odd units: the answer that leads with a unit ends with its "Bron:" line."""
    without = [u.key for u in kb_sqlite.retriever.units if "Bron:" not in retrieval.unit_answer(kb_sqlite, u.key).text]
    assert len(kb_sqlite.retriever.units) > 300
    assert not without, f"antwoorden zonder bron: {without}"


@pytest.mark.parametrize(
    "text, unstated",
    [
        ("hoeveel vergoedt het jeugdfonds maximaal per jaar?", True),
        ("welk inkomensbedrag hanteert de kledingbank?", True),  # an amount as part of a compound
        ("hoeveel vitamine D, welke dosis geef ik een peuter?", True),
        ("telt haar studiefinanciering mee, wordt dat van de bijstand afgetrokken?", True),
        ("gaat zijn uitkering dan omlaag als zijn dochter gaat werken?", True),
        ("heeft een gezin met een laag inkomen recht op huurtoeslag?", True),
        ("mag de school een kind weren als de ouderbijdrage niet betaald is? wat zegt de wet", True),
        ("hoe vraag ik bijzondere bijstand aan voor een bed?", False),
        ("wat is de eigen bijdrage voor de peuteropvang?", False),
        ("welk fonds betaalt een fiets voor een kind van 10?", False),
        ("welke bedragen hanteren andere gemeenten?", True),
        # what a health insurer covers or decides; a debt with the insurer or arranging one is a situation
        ("wordt de eigen bijdrage voor kraamzorg vergoed uit de aanvullende verzekering?", True),
        ("krijgt ieder gezin van de zorgverzekeraar een gratis kraampakket?", True),
        ("geen geld voor een kraampakket, welk fonds helpt?", False),
        ("gezin zit in de schuldsanering. scheldt de verzekeraar de eigen bijdrage dan kwijt?", True),
        ("moeder heeft geen zorgverzekering, wie betaalt dan de kraamzorg", True),
        ("leerling van 18 heeft een schuld bij de zorgverzekering, waar kan hij heen", False),
        ("jongere wordt binnenkort 18 en moet zelf zorgverzekering regelen, risico op schulden?", False),
        # one benefit's own rules; debts from a benefit are a situation
        ("moeder vraagt of ze haar kinderopvangtoeslag kwijtraakt als ze minder gaat werken", True),
        ("en hoe vraagt hij dan zorgtoeslag aan?", True),
        ("gezin heeft schulden door een terugvordering van de kinderopvangtoeslag, waar kan ik aankloppen?", False),
        ("hoeveel uur kraamzorg krijgt een moeder standaard?", True),
        ("kan een gezin zonder verblijfsvergunning gebruik maken van de voedselbank?", True),
        # an amount in a description is no question about it
        ("ik hoorde over een week leven van een klein bedrag, wat noemt de handreiking?", False),
    ],
)
def test_questions_about_amounts_doses_and_benefit_rules_ask_what_the_sources_do_not_give(text, unstated):
    assert retrieval.asks_unstated_detail(text) is unstated


def test_a_long_casus_that_shares_many_rare_words_is_offered_not_dropped():
    """In a long case description every record covers little of the question; one that shares many of
    its rarer words ("rangorde tussen disciplines") is still offered ("Bedoel je …?"), not "staat niet
    in de bronnen". Little shared weight and low coverage: nothing."""
    from bot.kb.retrieval import Hit, Unit

    def hit(key: str, score: float, coverage: float, evidence: float) -> Hit:
        kind, rid = key.split(":", 1)
        return Hit(Unit(key, kind, rid, rid), score, coverage, frozenset(), evidence=evidence)

    long_casus = [
        hit("werkwijze:signalen-verbinden/samenwerken", 28.9, 0.17, 16.9),
        hit("werkwijze:vertrouwen-opbouwen/samenwerken", 26.5, 0.17, 17.0),
    ]
    choice = retrieval.choose(long_casus)
    assert choice.action == "clarify" and [h.unit.key for h in choice.hits][:1] == [long_casus[0].unit.key]
    assert retrieval.choose([hit("werkwijze:signalen-verbinden/samenwerken", 9.0, 0.17, 6.0)]).action == "nothing"
