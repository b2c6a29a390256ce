"""`make review` on the PostgreSQL conversation store of the shared stack (tests/conftest.py), filled by
real conversations; the store may hold other tests' conversations too, so only these are checked."""

from __future__ import annotations

import uuid

import pytest

from tests.maintainer.beheer import make, project_copy, proposal
from tests.stack import Chat

pytestmark = pytest.mark.e2e


def test_review_on_postgresql(running_stack, tracker_database, tmp_path):
    run = uuid.uuid4().hex[:6]
    good = Chat(running_stack.url, f"review-pg-goed-{run}").text("welk fonds betaalt een fiets voor een kind van 10?")
    assert "Stichting Leergeld" in good
    named = Chat(running_stack.url, f"review-pg-naam-{run}").text(
        "Mevrouw Yilmaz vraagt hoe ze met de buurvrouw over geldzorgen kan praten"
    )
    assert named.startswith("Bedoel je"), named
    missing = Chat(running_stack.url, f"review-pg-rijles-{run}").text(
        "vergoedt iemand de rijlessen van een oudere broer"
    )
    assert "niets in de bronnen" in missing

    root = project_copy(tmp_path)
    result = make("review", "SINDS=7", root=root, store=tracker_database)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Review van PostgreSQL")
    groups = {g["vraag"]: g for g in proposal(root)}
    assert "terugvraag" in groups["Mevrouw [NAAM] vraagt hoe ze met de buurvrouw over geldzorgen kan praten"]["reden"]
    assert "niet gevonden" in groups["vergoedt iemand de rijlessen van een oudere broer"]["reden"]
    assert "welk fonds betaalt een fiets voor een kind van 10?" not in groups
    page = (root / "var" / "rapport" / "review.html").read_text(encoding="utf-8")
    assert "Yilmaz" not in result.stdout + page and "Mevrouw [NAAM] vraagt" in page
