"""`make review` and `make review-toepassen` on a SQLite conversation store filled by real
conversations through the assistant, started like `make run` (its own stack, stopped right after
the conversations: one stack at a time)."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from selenium.webdriver.common.by import By
from sqlalchemy import create_engine, text

from bot.beheer import bank_zoekvragen
from bot.beheer.paths import Paths
from bot.beheer.vragenbank import read_bank
from bot.config import PROJECT_ROOT
from bot.kb.text import content_words
from bot.kb.thesaurus import read_concepts
from bot.kb.zoekvragen import read_zoekvragen
from tests.maintainer.beheer import bot, fingerprint, make, project_copy, proposal, screenshot_page, write_proposal
from tests.stack import RASA_PORT, Chat, Stack

pytestmark = pytest.mark.e2e

GOOD = "welk fonds betaalt een fiets voor een kind van 10?"
NAMED = "Mevrouw Yilmaz vraagt hoe ze met de buurvrouw over geldzorgen kan praten"
NAMED_STORED = "Mevrouw [NAAM] vraagt hoe ze met de buurvrouw over geldzorgen kan praten"
KAPPER = ["iets voor de kapper", "is er een fonds dat de kapper betaalt voor kinderen"]
RIJLES = "vergoedt iemand de rijlessen van een oudere broer"
DENIED = ["hulp bij vervoer naar het ziekenhuis", "nee, dat bedoel ik niet"]
# In this order; the review lists them newest first.
CONVERSATIONS = {"goed": [GOOD], "naam": [NAMED], "kapper": KAPPER, "rijles": [RIJLES], "ontkend": DENIED}


@pytest.fixture(scope="module")
def conversations(tmp_path_factory):
    """The assistant with its default SQLite store; the replies to each message; then stopped."""
    state = tmp_path_factory.mktemp("review-stack")
    stack = Stack(state, RASA_PORT + 1, env={"TRACKER_STORE_URL": ""})
    try:
        stack.start()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    try:
        replies = {
            name: [Chat(stack.url, f"review-{name}").text(m) for m in messages]
            for name, messages in CONVERSATIONS.items()
        }
    finally:
        stack.stop()
    return f"sqlite:///{state / 'gesprekken.sqlite'}", replies


def test_review_lists_what_went_wrong_newest_first_and_redacted(conversations, tmp_path):
    store, replies = conversations
    # What the assistant did with them (today's model): the test is about the review of that.
    assert "Stichting Leergeld" in replies["goed"][0]
    assert replies["naam"][0].startswith("Bedoel je"), replies["naam"]
    assert "niets in de bronnen" in replies["rijles"][0], replies["rijles"]

    root = project_copy(tmp_path)
    result = make("review", "SINDS=7", root=root, store=store)
    assert result.returncode == 0, result.stderr
    page = (root / "var" / "rapport" / "review.html").read_text(encoding="utf-8")
    written = result.stdout + page + (root / "var" / "review" / "voorstel.yml").read_text(encoding="utf-8")
    assert "Yilmaz" not in written
    assert NAMED_STORED in result.stdout and NAMED_STORED in page
    assert GOOD not in written and "fiets voor een kind van 10" not in written
    assert "nee, dat bedoel ik niet" not in written  # the denial marks the question before it; it is none itself

    groups = proposal(root)
    questions = [g["vraag"] for g in groups]
    assert questions == [DENIED[0], RIJLES, KAPPER[1], NAMED_STORED], result.stdout
    by_question = {g["vraag"]: g for g in groups}
    assert "ontkend" in by_question[DENIED[0]]["reden"]
    assert "niet gevonden" in by_question[RIJLES]["reden"]
    assert by_question[RIJLES]["soort"] == "afwijzen"  # not in the sources: most likely rightly not answered
    kapper = by_question[KAPPER[1]]
    assert kapper["aantal"] == 2 and "herformuleerd" in kapper["reden"]  # both kapper questions, one group
    assert "ook: iets voor de kapper" in result.stdout
    named = by_question[NAMED_STORED]
    assert "terugvraag" in named["reden"] and named["soort"] == "zoekvraag"
    offered = [named["record"], *named.get("andere_records", [])]
    # The records retrieval would offer are the ones the assistant offered in its "Bedoel je …?".
    assert 2 <= len(offered) <= 3 and all(":" in key for key in offered)
    assert "het zoeken zou aanbieden" in result.stdout and offered[0] in page
    assert "Bedoel je" in page and "2×" in result.stdout


def test_sinds_leaves_out_older_conversations(conversations, tmp_path):
    store, _ = conversations
    copy = tmp_path / "gesprekken.sqlite"
    shutil.copy(store.removeprefix("sqlite:///"), copy)
    engine = create_engine(f"sqlite:///{copy}")
    with engine.begin() as conn:  # the name conversation ten days earlier
        conn.execute(text("UPDATE events SET timestamp = timestamp - 864000 WHERE sender_id = 'review-naam'"))
    engine.dispose()
    root = project_copy(tmp_path)
    recent = bot("review", "--sinds", "7", "--map", str(root), store=f"sqlite:///{copy}")
    assert recent.returncode == 0, recent.stderr
    assert NAMED_STORED not in recent.stdout and RIJLES in recent.stdout
    everything = bot("review", "--map", str(root), store=f"sqlite:///{copy}")
    assert NAMED_STORED in everything.stdout and "alle bewaarde gesprekken" in everything.stdout


def test_refuses_a_store_with_unredacted_texts(conversations, tmp_path):
    store, _ = conversations
    copy = tmp_path / "gesprekken.sqlite"
    shutil.copy(store.removeprefix("sqlite:///"), copy)
    engine = create_engine(f"sqlite:///{copy}")
    with engine.begin() as conn:  # as a store written without the redacting channels would hold it
        row = conn.execute(
            text("SELECT id, data FROM events WHERE sender_id = 'review-naam' AND type_name = 'user'")
        ).one()
        data = json.loads(row.data)
        data["text"] = NAMED
        conn.execute(text("UPDATE events SET data = :d WHERE id = :i"), {"d": json.dumps(data), "i": row.id})
    engine.dispose()
    root = project_copy(tmp_path)
    result = bot("review", "--map", str(root), store=f"sqlite:///{copy}")
    assert result.returncode == 3, result.stdout + result.stderr
    assert "Geweigerd" in result.stderr and "niet geredigeerd" in result.stderr and "NAAM (1×)" in result.stderr
    assert f"id {row.id}" in result.stderr
    assert "Yilmaz" not in result.stdout + result.stderr
    assert not (root / "var" / "rapport" / "review.html").exists()
    assert not (root / "var" / "review" / "voorstel.yml").exists()


def test_the_review_page_in_chromium(conversations, tmp_path, artifacts):
    store, _ = conversations
    root = project_copy(tmp_path)
    assert bot("review", "--sinds", "7", "--map", str(root), store=store).returncode == 0
    driver = screenshot_page(root / "var" / "rapport" / "review.html", artifacts / "review.png", tmp_path)
    try:
        rows = driver.find_elements(By.CSS_SELECTOR, "table tr")
        assert len(rows) == 1 + 4  # the header and the four groups
        visible = driver.find_element(By.TAG_NAME, "body").text
        assert NAMED_STORED in visible and "Yilmaz" not in visible
        assert "de gebruiker zei daarna dat het niet klopte" in visible
        assert driver.title == "Review: wat ging er mis"
    finally:
        driver.quit()


def test_applying_the_edited_proposal(conversations, tmp_path):
    """The worked example of docs/beheer.md: one group each way, merged, validated, marked as handled."""
    store, _ = conversations
    root = project_copy(tmp_path)
    assert make("review", root=root, store=store).returncode == 0
    before = fingerprint(PROJECT_ROOT)
    groups = {g["vraag"]: g for g in proposal(root)}
    groups[NAMED_STORED].update(record="hoe:bespreken-gespreksvaardigheden")
    groups[DENIED[0]].update(soort="training", intent="ask_werkwijze", vraag="hulp bij vervoer naar het ziekenhuis")
    groups[KAPPER[1]].update(soort="thesaurus", begrip="vluchteling", woord="oorlogsvluchteling")
    groups[RIJLES].update(soort="vragenbank")
    groups[RIJLES].pop("record", None)
    write_proposal(root, list(groups.values()))

    result = make("review-toepassen", root=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 voorstel(len) toegepast" in result.stdout

    zoekvragen = read_zoekvragen(root / "knowledge")
    assert (
        "Mevrouw vraagt hoe ze met de buurvrouw over geldzorgen kan praten"
        in zoekvragen["hoe:bespreken-gespreksvaardigheden"]
    )
    examples = [
        line.strip().removeprefix("- ")
        for path in (root / "data" / "nlu").glob("*.yml")
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]
        if item.get("intent") == "ask_werkwijze"
        for line in item["examples"].splitlines()
    ]
    assert "hulp bij vervoer naar het ziekenhuis" in examples
    concepts = {c.id: c for c in read_concepts(root / "knowledge")}
    assert "oorlogsvluchteling" in concepts["vluchteling"].words
    case = next(c for c in read_bank(root / "tests" / "vragenbank") if c.id == f"rv-{groups[RIJLES]['groep']}")
    assert case.half == "afstemmen" and case.turns[0].kind == "niet_in_bronnen" and case.turns[0].question == RIJLES
    assert bank_zoekvragen.up_to_date(Paths(root)), "de zoekvragen uit het afstemdeel zijn niet opnieuw gemaakt"
    assert fingerprint(PROJECT_ROOT) == before, "de echte data/, knowledge/ of vragenbank is veranderd"

    # Handled: the groups do not come back, and the proposal is used up.
    again = make("review", root=root, store=store)
    assert again.returncode == 0 and "0 groep(en)" in again.stdout, again.stdout
    assert proposal(root) == []
    assert make("review-toepassen", root=root).stdout.startswith("Het voorstel")

    # The same question going wrong after it was handled comes back, marked as such.
    copy = tmp_path / "later.sqlite"
    shutil.copy(store.removeprefix("sqlite:///"), copy)
    engine = create_engine(f"sqlite:///{copy}")
    with engine.begin() as conn:  # the rijles conversation an hour later, after the handling
        conn.execute(text("UPDATE events SET timestamp = timestamp + 3600 WHERE sender_id = 'review-rijles'"))
    engine.dispose()
    later = bot("review", "--map", str(root), store=f"sqlite:///{copy}")
    assert later.returncode == 0, later.stderr
    assert [g["vraag"] for g in proposal(root)] == [RIJLES]
    assert "eerder afgehandeld op" in later.stdout


def test_a_wrong_proposal_changes_nothing_and_names_each_entry(conversations, tmp_path):
    store, _ = conversations
    root = project_copy(tmp_path)
    assert bot("review", "--map", str(root), store=store).returncode == 0
    gid = proposal(root)[0]["groep"]
    held_out = next(
        t.question
        for c in read_bank(root / "tests" / "vragenbank")
        if c.half == "vastgehouden"
        for t in c.turns
        if len(content_words(t.question)) >= 4
    )
    write_proposal(
        root,
        [
            {
                "groep": gid,
                "vraag": "hoe help ik een gezin met schulden",
                "soort": "training",
                "intent": "ask_schulden",
            },
            {"groep": gid, "vraag": "fonds voor een kapper", "soort": "zoekvraag", "record": "fonds:bestaat-niet"},
            {"groep": gid, "vraag": "wat is VoorZorg?", "soort": "training", "intent": "ask_wat_is"},
            {"groep": gid, "vraag": held_out, "soort": "zoekvraag", "record": "fonds:stichting-leergeld"},
            {"groep": gid, "vraag": "x", "soort": "thesaurus", "begrip": "geen-begrip", "woord": "kapsalon"},
            {"groep": "g00000000", "vraag": "iets", "soort": "weggooien"},
        ],
    )
    before = fingerprint(root)
    result = make("review-toepassen", root=root)
    assert result.returncode != 0
    err = result.stderr
    assert "Niets toegepast; 7 probleem/problemen" in err, err
    assert f"voorstel.yml, voorstel 1 (groep {gid}), veld 'intent': 'ask_schulden' bestaat niet in data/nlu/" in err
    assert f"voorstel 2 (groep {gid}), veld 'record': 'fonds:bestaat-niet' bestaat niet in knowledge/" in err
    assert f"voorstel 3 (groep {gid}), veld 'vraag': staat al als trainingszin in data/nlu/" in err
    assert f"voorstel 4 (groep {gid}), veld 'vraag': is (bijna) een vastgehouden vraag" in err
    assert held_out not in err  # held-out questions are named by id, never shown
    assert f"voorstel 5 (groep {gid}), veld 'begrip': 'geen-begrip' bestaat niet in knowledge/thesaurus.yml" in err
    assert "voorstel 6 (groep g00000000), veld 'groep'" in err and "veld 'soort': 'weggooien'; kies uit" in err
    assert fingerprint(root) == before
    assert not (root / "var" / "review" / "afgehandeld.yml").exists()
