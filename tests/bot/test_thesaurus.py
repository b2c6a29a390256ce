"""knowledge/thesaurus.yml and knowledge/schoolfasen.yml: read, used, and validated with clear Dutch errors."""

from __future__ import annotations

import shutil

import pytest
import yaml

from bot.config import KNOWLEDGE_DIR
from bot.kb.thesaurus import check_files, read_concepts, thesaurus
from bot.kb.validate import ValidationError, read_knowledge
from bot.nlu_lookups import lookup_tables


@pytest.fixture
def kdir(tmp_path):
    for path in KNOWLEDGE_DIR.glob("*.yml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def edit(kdir, name, change):
    path = kdir / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_the_files_in_the_repository_are_valid():
    assert check_files(KNOWLEDGE_DIR) == []


@pytest.mark.parametrize(
    "text, concept",
    [
        ("mijn cliënten zijn zzp'ers", "zelfstandige"),
        ("een statushouder met drie kinderen", "vluchteling"),
        ("de ouders gaan uit elkaar", "echtscheiding"),
        ("ze kunnen de energierekening niet betalen", "energie"),
        ("er staat een deurwaarder op de stoep", "schulden"),
        ("een tienermoeder van 17", "jonge-ouders"),
        ("ze schaamt zich voor haar situatie", "schaamte"),
        ("hij spijbelt vaak", "schoolverzuim"),
        ("ze zijn bang dat de kinderen worden weggehaald", "bang-uithuisplaatsing"),
        ("wat doet een ervaringsdeskundige", "ervaringsdeskundige"),
        ("werkende armen", "werkende-armen"),
    ],
)
def test_professionals_words_name_a_concept(text, concept):
    assert concept in [c.id for c in thesaurus().find(text)]


def test_need_words_reach_the_nlu_lookups(knowledge):
    assert "zwangerschapsspullen" in lookup_tables(knowledge)["behoefte"]


def test_validation_names_file_entry_and_field(kdir):
    def breaks(data):
        data[0]["bronwoorden"] = ["ruimtevaartuig"]
        data[1]["behoefte"] = "ruimtereis"
        data[2]["kleur"] = "rood"
        data.append({"id": "zonder-bron", "woorden": ["iets"]})

    edit(kdir, "thesaurus.yml", breaks)
    edit(kdir, "schoolfasen.yml", lambda data: data[0].update({"leeftijd_min": 9, "leeftijd_max": 2}))
    with pytest.raises(ValidationError) as caught:
        read_knowledge(kdir)
    found = [str(p) for p in caught.value.problems]
    first = read_concepts(KNOWLEDGE_DIR)
    assert any(
        p.startswith(f"thesaurus.yml › {first[0].id} › bronwoorden: 'ruimtevaartuig' staat nergens in de kennisbank")
        for p in found
    )
    assert f"thesaurus.yml › {first[1].id} › behoefte: onbekende behoefte 'ruimtereis'; zie behoeften.yml" in found
    assert f"thesaurus.yml › {first[2].id} › kleur: onbekend veld" in found
    assert "thesaurus.yml › zonder-bron › bronwoorden: verplicht veld ontbreekt" in found
    assert any(p.startswith("schoolfasen.yml › kinderopvang › leeftijd_max") for p in found)
