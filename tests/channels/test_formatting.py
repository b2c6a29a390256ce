"""Answer text per channel (bot/answers.py for_channel): what Slack and Teams render."""

from __future__ import annotations

from bot.answers import for_channel

ANSWER = (
    "Voor fiets (10 jaar) kun je kijken naar:\n"
    "- **[Stichting Leergeld](http://www.leergeld.nl/)** (4 tot 18 jaar): kinderen <18 & ouders.\n"
    "Er zijn er nog 2: typ *meer*.\n"
    "Bron: [Jarige Job](https://www.stichtingjarigejob.nl/)"
)


def test_slack_mrkdwn_links_bullets_italics_and_escapes():
    text = for_channel(ANSWER, "slack")
    assert "• *<http://www.leergeld.nl/|Stichting Leergeld>*" in text
    assert "Bron: <https://www.stichtingjarigejob.nl/|Jarige Job>" in text
    assert "typ _meer_" in text
    # <, > and & are markup in Slack; the user's text must not become a link or mention.
    assert "kinderen &lt;18 &amp; ouders" in text


def test_teams_markdown_lines_and_bullets():
    text = for_channel(ANSWER, "botframework")
    lines = text.split("<br>")
    assert len(lines) == 4 and "\n" not in text
    assert lines[1].startswith("• **[Stichting Leergeld](http://www.leergeld.nl/)**")
    assert lines[3] == "Bron: [Jarige Job](https://www.stichtingjarigejob.nl/)"
    assert "kinderen &lt;18" in text


def test_teams_keeps_deliberate_separate_messages():
    # Rasa's connector sends each blank-line paragraph as its own message; that choice must survive.
    assert for_channel("eerste\n- a\n\ntweede", "botframework") == "eerste<br>• a\n\ntweede"


def test_web_gets_the_markdown_as_written():
    assert for_channel(ANSWER, "socketio") == ANSWER
