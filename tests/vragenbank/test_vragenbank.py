"""The question bank: well formed, independent of the training data, and answered end to end.

The end-to-end test asks every question of both halves through the shared stack (started like
`make run`) and reads the records each reply led with from the conversation store.
"""

from __future__ import annotations

import re

import pytest
import yaml

from bot.beheer.vragenbank import HALVES, SECOND_READER, BankError, read_bank
from bot.config import PROJECT_ROOT
from bot.conversations import ConversationStore
from bot.deploy.tracker_store import parse
from bot.kb.text import content_words
from bot.kb.zoekvragen import read_zoekvragen
from tests.vragenbank.evaluate import ask, report, shares_content, summary_line
from tests.vragenbank.records import known, record_age_groups, record_texts

# Regression gates, set at or just under what the assistant reaches now; raise them as it improves,
# never lower them to let a change through. The aim is held-out ≥ 0.95 and no rejected answer at all.
# The bank grows with every new writer (docs/beheer.md, "Vragenbank", has each writer's held-out half
# as it came in); a new writer's harder questions may then lower the measured share, and the
# rejected-answer gate follows the questions it brings. On 04-12-2026 (fifteenth session, a sixteenth
# writer added: 190 questions, 209 turns, held-out half 92/104 fresh): held-out 1180/1478 (80 %; the
# older 1374 turns 1088, was 1085), 59 rejected answers over 2,908 turns (2.0 %): the older turns 57
# as before, 2 the sixteenth writer's; the gate allows two more for run-to-run noise. Seventeenth
# session, a seventeenth writer added (190 questions, 213 turns; held-out half 86/111 fresh): held-out
# 1265/1589 (80 %; the older 1478 turns 1179), 64 rejected answers over 3,121 turns: the older 2,908
# turns 56 (were 59), the seventeenth writer's 8, all in its held-out half. Twentieth session, a
# twentieth writer added (190 questions, 208 turns; held-out half 87/105 fresh, 89/105 after the
# session): held-out 1531/1894 (81 %; the older 1789 turns 1442, were 1437), 66 rejected answers over
# 3,757 turns: the older 3,549 turns 61 (were 64), the twentieth writer's 5, all in its held-out half.
# The gate follows them and keeps its two for run-to-run noise (was 66). Twenty-first session, a
# twenty-first writer added (190 questions, 212 turns; held-out half 99/120 fresh, 101/120 after the
# session): held-out 1632/2014 (81 %; the older 1894 turns 1531 as before), 67 rejected answers over
# 3,969 turns: the twenty-first writer's none, the tuning half 5 (were 8), the older held-out turns 62
# (were 58). Those four came with the retraining that removing a training sentence required (it was a
# near copy of a held-out question of the new writer): with the code of the session's start and the new
# model the held-out half has 62 too. The gate keeps its two (was 68).
# Twenty-second session, a twenty-second writer added (190 questions, 229 turns; held-out half 92/115
# fresh, 93/115 after the session): held-out 1735/2129 (81 %; the older 2014 turns 1642), 64 rejected
# answers over 4,198 turns: the tuning half 6, the held-out half 58 (the twenty-second writer's 2). The
# gate stays. Twenty-fourth session, a twenty-third writer added (190 questions, 227 turns, 19 of them
# not in the sources; held-out half 95/120 fresh): 70 rejected answers over 4,425 turns: the older turns
# 62 (were 65: the tuning half 6, the held-out half 56), the twenty-third writer's 8, all in its held-out
# half (its tuning half brought 2: a bare "signalen" and "is daar een instrument voor?", now asked back).
# The gate follows them and keeps its two for run-to-run noise (was 69). Twenty-sixth session, a
# twenty-fifth writer added (190 questions, 255 turns, 31 of them not in the sources; held-out half 107/140
# fresh, 111/140 after the session): held-out 2050/2504 (82 %), 72 rejected answers over 4,908 turns: the
# older turns 61 (were 68: the tuning half 6, the held-out half 55), the twenty-fifth writer's 11 (5 in
# the tuning half, mostly a detail no source gives asked of a record that exists: "waar zit de
# dichtstbijzijnde Pamperbank in Rotterdam-Zuid?"; 6 held out). The gate follows the new writer's and keeps
# two for run-to-run noise (was 72). Twenty-seventh session, a twenty-sixth writer added (190 questions, 300
# turns, 36 of them not in the sources; held-out half 116/159 fresh, with the near-copy zoekvraag out,
# 117/159 after the session): held-out 2165/2663 (81 %; 2166 with the code of the session's start), 81
# rejected answers over 5,208 turns: the older turns 72 (were 72: the tuning half 11, the held-out half
# 61), the twenty-sixth writer's 9, all in its held-out half (its tuning half brought 1: which
# antidepressant is safe while breastfeeding, now "Medisch advies … staat niet in de bronnen"). The gate
# follows the new writer's and keeps two for run-to-run noise (was 76).
HELD_OUT_MINIMUM = 0.79
MAX_REJECTED_ANSWERS = 83
MIN_QUESTIONS = 400
_ANNOTATION = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}")


@pytest.fixture(scope="module")
def bank():
    return read_bank()


@pytest.fixture(scope="module")
def texts(knowledge):
    return record_texts(knowledge)


def test_the_bank_is_large_enough_and_split_in_two(bank):
    questions = sum(len(case.turns) for case in bank)
    assert questions >= MIN_QUESTIONS, f"{questions} vragen; de vragenbank hoort er minstens {MIN_QUESTIONS} te hebben"
    per_half = {half: sum(len(c.turns) for c in bank if c.half == half) for half in HALVES}
    assert min(per_half.values()) >= 0.4 * questions, per_half


def test_every_expected_record_exists(bank, texts):
    unknown = [
        (case.file, case.id, e)
        for case in bank
        for turn in case.turns
        for e in (*turn.expected, *turn.also_right)
        if not known(e, texts)
    ]
    assert not unknown, f"records die niet in knowledge/ staan: {unknown}"


def test_a_second_reader_judgement_about_no_turn_is_refused(tmp_path):
    for half in HALVES:
        (tmp_path / half).mkdir()
    (tmp_path / "afstemmen" / "vragen.yml").write_text(
        "- id: x-1\n  vraag: welk fonds betaalt een fiets?\n  verwacht: [fonds:stichting-leergeld]\n"
    )
    (tmp_path / SECOND_READER).mkdir()
    judged = tmp_path / SECOND_READER / "afstemmen.yml"
    judged.write_text("- id: x-1\n  beurt: 2\n  goed: [fonds:stichting-leergeld]\n")
    with pytest.raises(BankError, match=r"afstemmen.yml, oordeel 1: veld 'id'/'beurt' x-1/2"):
        read_bank(tmp_path)
    judged.write_text("- id: x-1\n  beurt: 1\n  goed: fonds:stichting-leergeld\n")
    with pytest.raises(BankError, match=r"veld 'goed' moet een lijst"):
        read_bank(tmp_path)
    judged.write_text("- id: x-1\n  beurt: 1\n  goed: [fonds:stichting-leergeld, fonds:jeugdeducatiefonds]\n")
    assert read_bank(tmp_path)[0].turns[0].also_right == ("fonds:stichting-leergeld", "fonds:jeugdeducatiefonds")


def test_a_number_is_shared_content_however_it_is_written():
    question = "Wij zien kinderen na hun 4e nog maar weinig."
    assert shares_content(question, "Het aantal contactmomenten is vanaf het 4e levensjaar beperkt.")
    assert shares_content(question, "Vanaf vier jaar zijn er minder contactmomenten.")
    assert not shares_content(question, "Voor jongeren vanaf 12 jaar.")


def _training_examples() -> list[str]:
    """What the assistant learns from: the NLU examples and the zoekvragen that retrieval reads."""
    examples = [q for questions in read_zoekvragen(PROJECT_ROOT / "knowledge").values() for q in questions]
    for path in sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml")):
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            for line in str(item.get("examples", "")).splitlines():
                line = line.strip().removeprefix("- ")
                if line:
                    examples.append(_ANNOTATION.sub(lambda m: m.group(1) or m.group(2), line))
    return examples


def test_no_training_example_is_a_near_copy_of_a_held_out_question(bank):
    """The held-out half keeps measuring generalisation only while nothing like it is trained on."""
    held_out = {
        frozenset(content_words(turn.question)): (case.id, turn.question)
        for case in bank
        if case.half == "vastgehouden"
        for turn in case.turns
    }
    copies = [
        (example, held_out[words])
        for example in _training_examples()
        if len(words := frozenset(content_words(example))) >= 3 and words in held_out
    ]
    assert not copies, f"trainingszinnen of zoekvragen die (bijna) een vastgehouden vraag zijn: {copies}"


@pytest.mark.e2e
def test_question_bank_end_to_end(bank, texts, knowledge, stack, tracker_env, artifacts):
    store = ConversationStore(parse(tracker_env["TRACKER_STORE_URL"]).sqlalchemy_url())
    try:
        results = ask(stack, store, bank, texts, record_age_groups(knowledge))
    finally:
        store.close()
    report(results)
    with (artifacts / "vragenbank.txt").open("w", encoding="utf-8") as out:
        report(results, out)  # pytest shows prints only on failure: the figures are kept here too
    problems = [(r.case.half, r.case.id, r.turn.question, p) for r in results for p in r.problems]
    held = [r for r in results if r.case.half == "vastgehouden"]
    share = sum(r.right for r in held) / len(held)
    count = len(problems)  # held-out questions are counted, not shown
    print(f"antwoorden die niet mogen: {count} (doel 0; poort {MAX_REJECTED_ANSWERS})")
    assert count <= MAX_REJECTED_ANSWERS, "antwoorden die niet mogen; in het afstemdeel:\n" + "\n".join(
        str(p[1:]) for p in problems if p[0] == "afstemmen"
    )
    assert share >= HELD_OUT_MINIMUM, summary_line(results)
