"""The afstemdeel as zoekvragen (bot/beheer/bank_zoekvragen.py): up to date, and only what may be learned."""

from __future__ import annotations

import shutil

import yaml

from bot.beheer import bank_zoekvragen
from bot.beheer.paths import Paths
from bot.config import PROJECT_ROOT
from bot.kb.validate import read_knowledge
from bot.kb.zoekvragen import read_zoekvragen
from tests.maintainer.beheer import bot


def test_the_committed_file_follows_the_afstemdeel():
    assert bank_zoekvragen.up_to_date(Paths()), (
        f"{bank_zoekvragen.path_of(Paths()).relative_to(PROJECT_ROOT)} hoort niet bij het afstemdeel van de "
        "vragenbank: draai make zoekvragen"
    )


def _project(tmp_path):
    """knowledge/ and an empty question bank of two halves in a folder of their own."""
    root = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT / "knowledge", root / "knowledge")
    for half in ("afstemmen", "vastgehouden"):
        (root / "tests" / "vragenbank" / half).mkdir(parents=True)
    return root


def _bank(root, half, cases):
    (root / "tests" / "vragenbank" / half / "vragen.yml").write_text(
        yaml.safe_dump(cases, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def test_first_questions_become_zoekvragen_of_the_first_unit_and_nothing_else_does(tmp_path):
    root = _project(tmp_path)
    written = next(q for qs in read_zoekvragen(root / "knowledge").values() for q in qs)
    _bank(
        root,
        "vastgehouden",
        [
            {
                "id": "v-1",
                "vraag": "moeder in de bijstand zoekt een fonds voor zwemles van haar dochter",
                "verwacht": ["fonds:jeugdfonds-sport-en-cultuur"],
            }
        ],
    )
    _bank(
        root,
        "afstemmen",
        [
            # a whole werkwijze is no unit: the first unit it names is taken
            {
                "id": "a-1",
                "vraag": "puber ontwijkt elke vraag over thuis, hoe begin ik over geld?",
                "verwacht": ["werkwijze:bespreken", "hoe:bespreken-jongeren", "hoe:bespreken-verwijzen"],
            },
            {
                "id": "a-2",
                "beurten": [
                    {"vraag": "wat is de Voedselbank?", "verwacht": ["fonds:voedselbank"]},
                    {"vraag": "en wie mag daar komen?", "verwacht": ["fonds:voedselbank"]},
                ],
            },
            {
                "id": "a-3",  # the same content words as v-1
                "vraag": "Zwemles voor de dochter van een moeder in de bijstand: welk fonds zoekt ze?",
                "verwacht": ["fonds:jeugdfonds-sport-en-cultuur"],
            },
            {"id": "a-4", "vraag": "iemand een idee?", "soort": "verduidelijken"},
            {"id": "a-5", "vraag": "wat kost een rijbewijs?", "soort": "niet_in_bronnen"},
            {"id": "a-6", "vraag": written.upper(), "verwacht": ["hoe:bespreken-jongeren"]},
        ],
    )
    paths = Paths(root)
    assert not bank_zoekvragen.up_to_date(paths)
    path, count = bank_zoekvragen.write(paths)

    read_knowledge(root / "knowledge")  # valid knowledge, as make kb will read it
    others = tuple(p.name for p in path.parent.glob("*.yml") if p != path)
    learned = read_zoekvragen(root / "knowledge", leave_out=others)
    assert learned == {
        "hoe:bespreken-jongeren": ("puber ontwijkt elke vraag over thuis, hoe begin ik over geld?",),
        "fonds:voedselbank": ("wat is de Voedselbank?",),
    }, "niet: vervolgvragen, bijna-kopieën van vastgehouden vragen, terugvragen, niet in de bronnen, al bestaande"
    assert count == 2 and bank_zoekvragen.up_to_date(paths)


def test_a_stale_file_is_renewed_and_reported_by_the_command(tmp_path):
    root = _project(tmp_path)
    _bank(root, "vastgehouden", [])
    _bank(root, "afstemmen", [{"id": "a-1", "vraag": "wat is de Voedselbank?", "verwacht": ["fonds:voedselbank"]}])
    paths = Paths(root)
    target = bank_zoekvragen.path_of(paths)
    # Stale, and in conflict with a hand-written zoekvraag: it must not stand in the way of its own renewal.
    hand_written = next(iter(read_zoekvragen(root / "knowledge", leave_out=(target.name,)).items()))
    other_unit = "fonds:voedselbank" if hand_written[0] != "fonds:voedselbank" else "hoe:bespreken-jongeren"
    target.write_text(f"- record: {other_unit}\n  vragen:\n  - {hand_written[1][0]!r}\n", encoding="utf-8")

    check = bot("zoekvragen", "--check", "--map", str(root))
    assert check.returncode == 1 and "draai make zoekvragen" in check.stderr, check.stdout + check.stderr
    made = bot("zoekvragen", "--map", str(root))
    assert made.returncode == 0, made.stdout + made.stderr
    assert "1 vragen uit het afstemdeel" in made.stdout
    assert bot("zoekvragen", "--check", "--map", str(root)).returncode == 0
    assert "wat is de Voedselbank?" in read_zoekvragen(root / "knowledge")["fonds:voedselbank"]


def test_a_broken_bank_is_named_and_nothing_is_written(tmp_path):
    root = _project(tmp_path)
    _bank(root, "vastgehouden", [])
    _bank(root, "afstemmen", [{"id": "a-1", "vraag": "wat is de Voedselbank?"}])
    before = bank_zoekvragen.path_of(Paths(root)).read_bytes()
    made = bot("zoekvragen", "--map", str(root))
    assert made.returncode == 1
    assert "vragen.yml, vraag a-1: een 'antwoord' heeft minstens één record in 'verwacht' nodig" in made.stderr
    assert bank_zoekvragen.path_of(Paths(root)).read_bytes() == before
