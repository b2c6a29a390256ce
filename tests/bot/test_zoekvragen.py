"""knowledge/zoekvragen/: read, validated with clear Dutch errors, and used by retrieval."""

from __future__ import annotations

import shutil

import pytest
import yaml

from bot.config import KNOWLEDGE_DIR
from bot.kb.retrieval import Index
from bot.kb.thesaurus import Thesaurus
from bot.kb.validate import ValidationError, read_knowledge
from bot.kb.zoekvragen import read_zoekvragen, unit_keys


@pytest.fixture
def kdir(tmp_path):
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target, ignore=shutil.ignore_patterns("_parts", "README.md"))
    return target


def write(kdir, entries) -> None:
    (kdir / "zoekvragen").mkdir(exist_ok=True)
    (kdir / "zoekvragen" / "proef.yml").write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")


def problems(kdir) -> list[str]:
    with pytest.raises(ValidationError) as info:
        read_knowledge(kdir)
    return [str(p) for p in info.value.problems]


def test_every_zoekvraag_in_the_repository_names_a_unit_that_exists(knowledge):
    found = read_zoekvragen(KNOWLEDGE_DIR)
    assert set(found) <= unit_keys(knowledge.records)


def test_unknown_record_and_bad_fields_name_file_entry_and_field(kdir):
    write(
        kdir,
        [
            {"record": "hoe:bestaat-niet", "vragen": ["waar vind ik dit?"]},
            {"record": "fonds:stichting-leergeld", "vragen": []},
            {"record": "fonds:stichting-leergeld", "vragen": ["een laptop voor school"], "kleur": "rood"},
            {"vragen": ["zonder record"]},
        ],
    )
    found = problems(kdir)
    assert any(p.startswith("zoekvragen/proef.yml › hoe:bestaat-niet › record: onbekend record") for p in found)
    leergeld = "zoekvragen/proef.yml › fonds:stichting-leergeld"
    assert f"{leergeld} › vragen: moet een lijst van minstens één vraag zijn" in found
    assert f"{leergeld} › kleur: onbekend veld" in found
    assert "zoekvragen/proef.yml › record 4 › record: verplicht veld ontbreekt" in found


def test_the_same_question_for_two_records_is_refused(kdir):
    write(
        kdir,
        [
            {"record": "fonds:stichting-leergeld", "vragen": ["Wie betaalt een fiets?"]},
            {"record": "fonds:nationaal-fonds-kinderhulp", "vragen": ["wie betaalt een  fiets?"]},
        ],
    )
    assert any("staat ook bij fonds:stichting-leergeld: kies één record" in p for p in problems(kdir))


def test_a_change_to_the_zoekvragen_changes_the_knowledge_hash(kdir):
    before = read_knowledge(kdir).content_hash
    write(kdir, [{"record": "fonds:stichting-leergeld", "vragen": ["een laptop voor de brugklas"]}])
    assert read_knowledge(kdir).content_hash != before


def test_a_question_in_words_the_record_never_uses_finds_it_through_its_zoekvragen(kb_sqlite):
    """The words of the zoekvraag are nowhere in the knowledge base; only the zoekvraag links them."""
    from bot.kb.retrieval import documents

    docs = documents(kb_sqlite)
    question = "de mama pakt de telefoon nooit op als ik bel over de rekeningen"
    without = Index(docs, Thesaurus([]))
    with_asked = Index(
        docs, Thesaurus([]), {"hoe:vertrouwen-opbouwen-bekend": ("mama neemt telefoon niet op, rekeningen",)}
    )
    assert not [h for h in without.search(question) if h.unit.key == "hoe:vertrouwen-opbouwen-bekend"]
    assert with_asked.search(question)[0].unit.key == "hoe:vertrouwen-opbouwen-bekend"
    # The record's own words are still its own: a zoekvraag does not make them "shared".
    assert not with_asked.shares_word("hoe:vertrouwen-opbouwen-bekend", "telefoon")
