"""The reminder to ask anonymously: once per conversation, again after the session has expired."""

from __future__ import annotations

from channels.reminders import RecentlyReminded


def test_once_per_conversation_within_a_session():
    now = [0.0]
    reminded = RecentlyReminded(seconds=3600, clock=lambda: now[0])
    assert reminded.first_time("a")
    now[0] += 600
    assert not reminded.first_time("a")
    assert reminded.first_time("b")
    now[0] += 3601
    assert reminded.first_time("a"), "na een verlopen sessie hoort de herinnering opnieuw"


def test_bounded_memory():
    reminded = RecentlyReminded(size=2, clock=lambda: 0.0)
    for sender in ("a", "b", "c"):
        assert reminded.first_time(sender)
    assert reminded.first_time("a"), "de oudste valt weg als er te veel gesprekken zijn"
