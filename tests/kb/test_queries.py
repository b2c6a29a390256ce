"""Query functions on the real knowledge base, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from bot.kb.ages import parse_age


def names(search):
    return [f.name for f in search.funds]


def test_fiets_for_ten_year_old(kb):
    found = names(kb.find_funds("fiets", age="10"))
    assert "Stichting Leergeld" in found
    assert "Nationaal Fonds Kinderhulp" in found


@pytest.mark.parametrize("need", ["fietsen", "fiest", "kinderfiets", "Fiets"])
def test_fiets_inflections_and_typos(kb, need):
    search = kb.find_funds(need, age="10")
    assert search.needs == ("fiets",)
    assert "Stichting Leergeld" in names(search)


@pytest.mark.parametrize(
    "need,expected",
    [
        ("laptops", "laptop"),
        ("schoolreisjes", "schoolreis"),
        ("labtop", "laptop"),
        ("zwemlessen", "zwemles"),
    ],
)
def test_plural_and_typo_needs(kb, need, expected):
    assert expected in kb.resolve_needs(need)


def test_age_excludes_stated_ranges_only(kb):
    search = kb.find_funds("sport", age="2")
    assert "Stichting Leergeld" not in names(search)  # 4 tot 18 jaar
    assert "Jeugdfonds Sport & Cultuur" in names(search)  # tot 18 jaar
    # Funds without a stated age stay, after those whose stated range fits.
    stated = [f.min_age is not None or f.max_age is not None for f in search.funds]
    assert stated == sorted(stated, reverse=True)


def test_peutergym_age_two_excludes_leergeld(kb):
    search = kb.find_funds("peutergym", age=parse_age("2 jaar"))
    assert "Stichting Leergeld" not in names(search)


def test_jeugdfonds_applicant_is_recognised_intermediair(kb):
    fund = next(f for f in kb.find_funds("contributie").funds if f.name == "Jeugdfonds Sport & Cultuur")
    assert fund.applicants == ("intermediair",)
    assert "intermediair" in fund.how_to_apply


def test_applicant_filter(kb):
    search = kb.find_funds("fiets", age="10", applicant="ouders")
    assert "Stichting Leergeld" in names(search)
    assert "Nationaal Fonds Kinderhulp" not in names(search)


def test_unknown_need_is_reported_not_guessed(kb):
    search = kb.find_funds("ruimtereis")
    assert search.funds == () and search.unknown_need == "ruimtereis"


def test_fund_results_carry_citations(kb):
    for fund in kb.find_funds("kleding").funds:
        assert fund.citation.document and fund.citation.path


def test_deterministic_order(kb):
    assert names(kb.find_funds("fiets")) == names(kb.find_funds("fiets"))


def test_bespreken_met_jongeren_block(kb):
    blocks = kb.hoe_blocks(topic="bespreken met jongeren", age_group="voortgezet-onderwijs")
    block = blocks[0]
    assert block.werkwijze_id == "bespreken"
    assert "jongeren" in block.title.lower()
    assert block.citation.render().startswith("Handreiking Omgaan met armoede in de jeugdgezondheid › Bespreken ›")
    assert block.points


def test_geldzorgen_met_puber(kb):
    blocks = kb.hoe_blocks(topic="hoe begin ik over geldzorgen met een puber", age_group="voortgezet-onderwijs")
    assert blocks[0].werkwijze_id == "bespreken"


def test_hoe_blocks_within_a_werkwijze(kb):
    """The topic only ranks and narrows; a topic nothing matches leaves the werkwijze's own blocks."""
    own = [b.id for b in kb.hoe_blocks(werkwijze="bespreken", limit=100)]
    assert len(own) > 2 and all(b.werkwijze_id == "bespreken" for b in kb.hoe_blocks(werkwijze="bespreken", limit=100))
    assert [b.id for b in kb.hoe_blocks(werkwijze="bespreken", topic="xyzzy kwartelkoning", limit=100)] == own
    assert kb.hoe_blocks(topic="xyzzy kwartelkoning") == []
    found = [b.id for b in kb.hoe_blocks(werkwijze="bespreken", topic="bespreken met jongeren", limit=100)]
    assert found and set(found) <= set(own)
    assert "jongeren" in kb.hoe_block(found[0]).title.lower()


def test_werkwijze_by_name_and_category(kb):
    assert kb.werkwijze("signalen verbinden").id == "signalen-verbinden"
    assert [w.name for w in kb.werkwijzen("stimuleren")] == [
        "Lichamelijke gezondheid",
        "Mentale gezondheid",
        "Participatie",
    ]


def test_signals_by_target_and_category(kb):
    parents = kb.signals(target="ouder", category="financiele-problemen")
    assert len(parents) == 6 and all(s.target == "ouder" for s in parents)
    baby_first = kb.signals(target="kind", age_group="ongeboren-pasgeboren")
    assert "baby" in baby_first[0].text.lower()
    assert len(kb.risk_groups()) == 8


def test_instruments_by_age_group(kb):
    kleuter = [i.name for i in kb.instruments(age=parse_age("kleuter"))]
    assert any("LSPPK" in n for n in kleuter)
    assert not any("KIVPA" in n for n in kleuter)
    pregnant = [i.name for i in kb.instruments(age_group="ongeboren-pasgeboren")]
    assert any("ALPHA" in n for n in pregnant)


def test_entries_by_name_and_gemeente(kb):
    named = kb.find_named("wat is VoorZorg?")
    assert named and named[0][0] == "interventie" and "voorzorg" in named[0][1]
    lelystad = kb.entries(kind="voorbeeld", gemeente="Lelystad")
    assert lelystad and "spreekuur" in (lelystad[0].summary + (lelystad[0].text or "")).lower()


def test_facts_by_topic(kb):
    hits = kb.entries(kind="feit", topic="hoeveel kinderen groeien op in armoede")
    assert any("13" in e.summary or "dertien" in e.summary for e in hits)


def test_free_text_search(kb):
    hits = kb.search("financieel spreekuur gezondheidscentrum")
    assert hits and hits[0].kind == "voorbeeld"
    assert all(h.record.citation for h in hits)


@pytest.mark.parametrize(
    "text, kinds, limit",
    [
        ("geldzorgen bespreken met een puber", ("hoe",), 200),
        ("financieel spreekuur gezondheidscentrum", None, 5),
        ("voorlezen en taal", ("voorbeeld", "interventie"), 100),
    ],
)
def test_search_scores_are_the_searchs_own(kb, text, kinds, limit):
    """Ranking hoe blocks and entries uses the scores alone; they must be exactly the search's."""
    hits = kb.search(text, kinds=kinds, limit=limit)
    assert hits
    assert kb.search_scores(text, kinds=kinds, limit=limit) == {(h.kind, h.id): h.score for h in hits}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("wat doet Home-Start?", "homestart"),  # the knowledge base writes HomeStart
        ("home start, voor wie is dat?", "homestart"),
        ("hoe vraag ik jarigejob aan?", "stichting-jarige-job"),
    ],
)
def test_a_name_written_apart_or_together_is_found(kb, text, expected):
    assert expected in [rid for _, rid in kb.find_named(text)]


def test_named_fund(kb):
    found = kb.find_named("kan een ouder zelf bij Kinderhulp aanvragen?")
    assert found and found[0][0] == "fonds"
    assert kb.fund(found[0][1]).name == "Nationaal Fonds Kinderhulp"


@pytest.mark.parametrize(
    "text",
    [
        "en voor een baby?",
        "en bij een zwangere?",
        "en voor een kleuter?",
        "en voor sport?",
        "babyspullen",
        "tandartskosten",
        "en als het gratis moet?",
    ],
)
def test_age_and_need_words_name_no_record(kb, text):
    """ "baby" occurs in one name only ("Toeslagen … kosten van een baby"), but says an age, not that fund."""
    assert kb.find_named(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "geld aanvragen voor een leerling",  # M@ZL (Medische Advisering Ziekgemelde Leerling)
        "wat kunnen professionals doen?",  # Armoede ervaren: laten we professionals …
        "interventies voor druk gedrag",  # Druk en Dwars
        "samen met de ouders",  # Samen Leren
        "geen enkel bezoek, geen familie, niemand",  # BV Familie
        "ze schrijven een brief aan de gemeente",  # (a name with "brief")
        "moeder maakt een test",  # (a name with "test")
    ],
)
def test_ordinary_words_of_a_name_name_no_record(kb, text):
    """A word that occurs in one name only, but in many other records too, or that is a Dutch word, is an
    ordinary word there: only the whole name names the record."""
    assert kb.find_named(text) == []


@pytest.mark.parametrize(
    "text, record_id",
    [
        ("wat is Stichting Babyspullen?", "stichting-babyspullen"),
        ("wat doet het Jeugdfonds Sport & Cultuur?", "jeugdfonds-sport-en-cultuur"),
        ("wat is Jarige Job?", "stichting-jarige-job"),
        ("Leergeld", "stichting-leergeld"),
    ],
)
def test_names_still_found(kb, text, record_id):
    assert kb.find_named(text)[0] == ("fonds", record_id)


# --- citations: the "Bron:" link is the source document's, never the record's own website -------------


def test_citation_links_to_the_source_document_not_the_records_website(kb):
    fund = kb.fund("stichting-leergeld")
    assert fund.url == "http://www.leergeld.nl/"
    assert fund.citation.url != fund.url


def test_citation_url_is_the_documents_link_with_its_page(tmp_path, knowledge):
    import copy

    from bot import answers
    from bot.kb import KnowledgeBase
    from bot.kb.load import load
    from bot.kb.queries import make_engine

    changed = copy.deepcopy(knowledge)
    for source in changed.records["bron"]:
        source["url"] = f"https://bronnen.example/{source['id']}.pdf"
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    load(make_engine(url), changed)
    kb = KnowledgeBase.from_url(url)
    fund = kb.fund("stichting-leergeld")
    assert fund.citation.url == "https://bronnen.example/handreiking.pdf#page=69"
    line = answers.citation_line([fund.citation])
    assert line == (
        "Bron: [Handreiking Omgaan met armoede in de jeugdgezondheid › Bijlagen › Overzicht fondsen (p. 69)]"
        "(https://bronnen.example/handreiking.pdf#page=69)"
    )
    reply = answers.fund_detail_answer(fund)
    assert "[Stichting Leergeld](http://www.leergeld.nl/)" in reply.text  # the record's own site: on its name
    source = answers.source_answer([fund.citation])
    assert "leergeld.nl" not in source.text and "bronnen.example/handreiking.pdf" in source.text


def test_tables_of_an_older_schema_are_loaded_again(tmp_path, knowledge):
    from sqlalchemy import text as sql

    from bot.kb.load import load, loaded_hash
    from bot.kb.queries import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    load(engine, knowledge)
    assert loaded_hash(engine) == knowledge.content_hash
    with engine.begin() as conn:
        conn.execute(sql("ALTER TABLE sources DROP COLUMN url"))
    assert loaded_hash(engine) is None  # `kb load --if-changed` then loads again
    load(engine, knowledge)
    assert loaded_hash(engine) == knowledge.content_hash
