"""`make dekking` on a copy of the knowledge with one fund that no question reaches and one thesaurus
concept that no question uses: both listed, the fund bar shows the gap, the page opens in Chromium."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from bot.beheer.vragenbank import read_bank
from bot.kb.zoekvragen import read_zoekvragen
from tests.maintainer.beheer import make, project_copy, screenshot_page
from tests.maintainer.test_new_fund import readme_fund_example

UNUSED_CONCEPT = "- id: bakfiets-test\n  woorden: [bakfietsje voor de tweeling]\n  bronwoorden: [fiets]\n"


@pytest.fixture(scope="module")
def coverage(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("dekking"))
    with open(root / "knowledge" / "fondsen.yml", "a", encoding="utf-8") as funds:
        funds.write("\n" + readme_fund_example())  # the fund of docs/beheer.md: no question names it yet
    with open(root / "knowledge" / "thesaurus.yml", "a", encoding="utf-8") as thesaurus:
        thesaurus.write("\n" + UNUSED_CONCEPT)
    result = make("dekking", root=root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root, result.stdout


def test_dekking_lists_the_gaps(coverage):
    root, out = coverage
    unreached = out.split("Records die geen vraag bereikt", 1)[1].split("\n\n", 1)[0]
    assert "fonds:meedoen-fonds-zwolle  Meedoenfonds Zwolle" in unreached
    assert unreached.count("\n  ") == 1  # every other record is reached by some question
    assert "fondsen          45/46" in out
    unused = out.split("Thesaurus-begrippen die in geen enkele vraag voorkomen", 1)[1].split("\n\n", 1)[0]
    assert "bakfiets-test" in unused and "vluchteling" not in unused
    bank = read_bank(root / "tests" / "vragenbank")
    held_out = sum(1 for c in bank if c.half == "vastgehouden" and c.turns[0].kind == "antwoord")
    assert "vragen goed" in out and f"/{held_out} vragen goed" in out
    assert "tests/artifacts/vragenbank.txt ontbreekt" in out  # no make test in the copy


def test_dekking_counts_per_record(coverage):
    root, _ = coverage
    page = (root / "var" / "rapport" / "dekking.html").read_text(encoding="utf-8")
    row = page.split("<td>fonds:stichting-leergeld</td>", 1)[1].split("</tr>", 1)[0]
    cells = [c.split("</td>")[0] for c in row.split("<td>")[1:]]
    zoekvragen = len(read_zoekvragen(root / "knowledge")["fonds:stichting-leergeld"])
    bank = sum(
        1 for c in read_bank(root / "tests" / "vragenbank") for t in c.turns if "fonds:stichting-leergeld" in t.expected
    )
    training, zv, in_bank = int(cells[1]), int(cells[2]), int(cells[3])
    assert (zv, in_bank) == (zoekvragen, bank)
    assert training >= 5  # "welk fonds betaalt …" examples in data/nlu lead to Leergeld first


def test_dekking_page_in_chromium(coverage, tmp_path, artifacts):
    root, _ = coverage
    driver = screenshot_page(root / "var" / "rapport" / "dekking.html", artifacts / "dekking.png", tmp_path, 1000)
    try:
        rows = driver.find_elements(By.CSS_SELECTOR, ".barrow")
        labels = [r.find_element(By.TAG_NAME, "span").text for r in rows]
        assert labels[:4] == ["werkwijzen", "Hoe-blokken", "fondsen", "signalen"]
        funds = rows[2]
        missing = funds.find_element(By.CSS_SELECTOR, ".missing")
        assert missing.size["width"] > 0  # the unreached fund shows as red
        assert "45/46 bereikt, 1 niet" in funds.text
        body = driver.find_element(By.TAG_NAME, "body").text
        assert "fonds:meedoen-fonds-zwolle" in body and "bakfiets-test" in body
    finally:
        driver.quit()
