"""Answer text: lead with what to do, at most five items, the source last, per channel."""

from __future__ import annotations

from bot import answers
from bot.kb.ages import parse_age


def test_fund_answer_shape(kb_sqlite):
    reply = answers.funds_answer(kb_sqlite.find_funds("fiets", age=parse_age("10")))
    lines = reply.text.splitlines()
    assert lines[0].startswith("Voor fiets (10 jaar)")
    items = [line for line in lines if line.startswith("- ")]
    assert 1 <= len(items) <= answers.PAGE_SIZE
    assert "aanvragen door" in items[0]
    assert lines[-1].startswith(
        "Bron: Handreiking Omgaan met armoede in de jeugdgezondheid › Bijlagen › Overzicht fondsen (p. 69)"
    )
    assert "\n\n" not in reply.text


def test_fund_without_stated_age_is_marked(kb_sqlite):
    reply = answers.funds_answer(kb_sqlite.find_funds("fiets", age=parse_age("10")))
    if any(not f.age_text for f in kb_sqlite.find_funds("fiets", age=parse_age("10")).funds[:5]):
        assert "leeftijd niet vermeld in de bron" in reply.text


def test_more_pages_through_all(kb_sqlite):
    search = kb_sqlite.find_funds("kleding")
    seen, offset = [], 0
    while offset < len(search.funds):
        reply = answers.funds_answer(search, offset)
        seen.append(reply.text)
        offset = reply.shown
    assert len(seen) == -(-len(search.funds) // answers.PAGE_SIZE)
    assert "typ *meer*" not in seen[-1]


def test_slack_mrkdwn():
    text = answers.for_channel("**[Leergeld](http://www.leergeld.nl/)** helpt\n- item", "slack")
    assert text == "*<http://www.leergeld.nl/|Leergeld>* helpt\n• item"


def test_markdown_kept_for_web():
    assert answers.for_channel("**x** [a](https://b.nl)", "socketio") == "**x** [a](https://b.nl)"


def test_source_answer_repeats_citations(kb_sqlite):
    block = kb_sqlite.hoe_blocks(topic="bespreken met jongeren")[0]
    reply = answers.source_answer([block.citation])
    assert block.citation.render() in reply.text


def test_nothing_found_points_to_local_information():
    assert "sociale kaart" in answers.NOTHING_FOUND


def test_unknown_need_is_echoed_without_links_or_markup():
    from bot.answers import echo, funds_answer
    from bot.kb.records import FundSearch

    assert echo("ruimtereis") == "ruimtereis"
    for hostile in [
        "[klik](https://evil.example/x)",
        "https://evil.example/x",
        "<img src=x onerror=alert(1)>",
        "**vet** _schuin_ `code`",
    ]:
        shown = echo(hostile)
        assert not any(mark in shown for mark in "[]()<>*`:/"), shown
    assert len(echo("lange " * 40)) <= 41
    fields = {name: None for name in FundSearch.__dataclass_fields__}
    reply = funds_answer(
        FundSearch(**{**fields, "funds": [], "needs": [], "unknown_need": "[x](https://evil.example)"})
    )
    assert "https" not in reply.text and "](" not in reply.text and "Voor 'x evil example'" in reply.text
