"""The validator names file, record and field for every kind of broken knowledge file,
and a failed load leaves the previous database exactly as it was."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.config import KNOWLEDGE_DIR, PROJECT_ROOT
from bot.kb import schema
from bot.kb.load import load
from bot.kb.queries import make_engine
from bot.kb.validate import ValidationError, read_knowledge


@pytest.fixture
def kdir(tmp_path):
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target, ignore=shutil.ignore_patterns("_parts", "README.md"))
    return target


def edit(kdir, name, change):
    path = kdir / name
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")


def problems(kdir) -> list[str]:
    with pytest.raises(ValidationError) as info:
        read_knowledge(kdir)
    return [str(p) for p in info.value.problems]


def test_real_knowledge_is_valid():
    knowledge = read_knowledge(KNOWLEDGE_DIR)
    assert len(knowledge.records["werkwijze"]) == 11


def test_unknown_field(kdir):
    edit(kdir, "fondsen.yml", lambda r: r[0].update({"leeftijdgrens": 12}))
    found = problems(kdir)
    assert len(found) == 1
    assert found[0].startswith("fondsen.yml:")
    assert "stichting-leergeld › leeftijdgrens: onbekend veld" in found[0]


def test_missing_citation(kdir):
    edit(kdir, "instrumenten.yml", lambda r: r[0].pop("bron"))
    found = problems(kdir)
    assert any("instrumenten.yml" in p and "› bron: verplicht veld ontbreekt" in p for p in found), found


def test_citation_to_unknown_document(kdir):
    edit(kdir, "signalen.yml", lambda r: r[0]["bron"].update({"document": "handreikin"}))
    found = problems(kdir)
    assert any("signalen.yml" in p and "bron.document" in p and "'handreikin'" in p for p in found), found


def test_bad_age_range(kdir):
    edit(kdir, "fondsen.yml", lambda r: r[0].update({"leeftijd_min": 18, "leeftijd_max": 4}))
    found = problems(kdir)
    assert any("stichting-leergeld › leeftijd_min" in p and "groter dan leeftijd_max" in p for p in found), found


def test_age_outside_range(kdir):
    edit(kdir, "fondsen.yml", lambda r: r[0].update({"leeftijd_max": 170}))
    found = problems(kdir)
    assert any("leeftijd_max" in p and "buiten" in p for p in found), found


def test_duplicate_id(kdir):
    edit(kdir, "fondsen.yml", lambda r: r.append(dict(r[0])))
    found = problems(kdir)
    assert any("fondsen.yml" in p and "dubbel id 'stichting-leergeld'" in p for p in found), found


def test_duplicate_hoe_block_id(kdir):
    def dup(records):
        records[1]["hoe"][0]["id"] = records[0]["hoe"][0]["id"]

    edit(kdir, "werkwijzen.yml", dup)
    found = problems(kdir)
    assert any("werkwijzen.yml" in p and "hoe[0].id" in p and "dubbel id" in p for p in found), found


def test_reference_to_missing_need(kdir):
    edit(kdir, "fondsen.yml", lambda r: r[0]["behoeften"].append("ruimtereis"))
    found = problems(kdir)
    assert any("stichting-leergeld › behoeften" in p and "'ruimtereis'" in p and "behoeften.yml" in p for p in found), (
        found
    )


def test_unknown_enum_value(kdir):
    edit(kdir, "fondsen.yml", lambda r: r[0].update({"aanvragers": ["oma"]}))
    found = problems(kdir)
    assert any("aanvragers" in p and "'oma'" in p and "kies uit" in p for p in found), found


def test_heading_split_by_an_unquoted_comma(kdir):
    # [Websites, interventies en documenten, Movisie] in YAML is three headings, not two.
    path = kdir / "organisaties.yml"
    text = path.read_text(encoding="utf-8")
    assert "pad: ['Websites, interventies en documenten', Movisie]" in text
    path.write_text(
        text.replace(
            "pad: ['Websites, interventies en documenten', Movisie]",
            "pad: [Websites, interventies en documenten, Movisie]",
        ),
        encoding="utf-8",
    )
    found = problems(kdir)
    assert any(
        "organisaties.yml" in p
        and "movisie › bron.pad" in p
        and "'interventies en documenten'" in p
        and "aanhalingstekens" in p
        for p in found
    ), found


def test_bijlage_citation_needs_its_page(kdir):
    def wrong_pages(records):
        records[0]["bron"]["pagina"] = 64  # alpha-nl: the bijlage is on p. 63
        records[1]["bron"].pop("pagina")  # epds: no page at all

    edit(kdir, "instrumenten.yml", wrong_pages)
    found = problems(kdir)
    assert any("alpha-nl › bron.pagina" in p and "pagina 63, niet 64" in p for p in found), found
    assert any("epds › bron.pagina" in p and "zet pagina: 63" in p for p in found), found


def test_bijlage_page_needs_the_bijlage_path(kdir):
    def page_without_bijlage(records):
        record = next(r for r in records if r["id"] == "giz-methodiek")
        record["zie_ook"][0]["pagina"] = 63  # Herkennen › Hoe, not the bijlage

    edit(kdir, "instrumenten.yml", page_without_bijlage)
    found = problems(kdir)
    assert any("giz-methodiek › zie_ook[0].pad" in p and "Screenings- en gespreksinstrumenten" in p for p in found), (
        found
    )


def test_malformed_yaml_names_the_line(kdir):
    path = kdir / "behoeften.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "  naam: [kapot")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems(kdir)
    assert len(found) == 1
    assert found[0].startswith("behoeften.yml:") and "ongeldige YAML" in found[0]
    line = int(found[0].split(":")[1].split()[0])
    assert 4 <= line <= 6


def test_file_that_is_not_a_list(kdir):
    (kdir / "feiten.yml").write_text("id: los-record\n", encoding="utf-8")
    assert any("feiten.yml" in p and "lijst van records" in p for p in problems(kdir))


def test_all_problems_are_reported_at_once(kdir):
    edit(kdir, "fondsen.yml", lambda r: r[0].update({"foo": 1}))
    edit(kdir, "instrumenten.yml", lambda r: r[0].pop("wat"))
    found = problems(kdir)
    assert any("fondsen.yml" in p for p in found) and any("instrumenten.yml" in p for p in found)


def test_cli_validate_exits_non_zero_with_message(kdir):
    edit(kdir, "fondsen.yml", lambda r: r[0].update({"foo": 1}))
    result = subprocess.run(
        [sys.executable, "-m", "bot", "kb", "validate"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env={"KB_KNOWLEDGE_DIR": str(kdir), "PATH": ""},
    )
    assert result.returncode == 1
    assert "fondsen.yml" in result.stderr and "foo: onbekend veld" in result.stderr


def _counts(engine):
    with engine.connect() as conn:
        return (
            conn.execute(select(func.count()).select_from(schema.Fund)).scalar(),
            conn.execute(select(schema.LoadInfo.content_hash)).scalar(),
        )


def test_failed_validation_leaves_database_untouched(tmp_path, kdir):
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    engine = make_engine(url)
    load(engine, read_knowledge(kdir))
    before = _counts(engine)
    edit(kdir, "fondsen.yml", lambda r: r[0].update({"aanvragers": ["oma"]}))
    result = subprocess.run(
        [sys.executable, "-m", "bot", "kb", "load"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env={"KB_KNOWLEDGE_DIR": str(kdir), "KB_DATABASE_URL": url, "PATH": ""},
    )
    assert result.returncode == 1
    assert "database is niet veranderd" in result.stderr
    assert _counts(engine) == before


def test_load_failing_midway_rolls_back(tmp_path, kdir, monkeypatch):
    """A database error in the middle of the transaction leaves the old content."""
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    engine = make_engine(url)
    load(engine, read_knowledge(kdir))
    before = _counts(engine)
    edit(kdir, "fondsen.yml", lambda r: r[-1].update(naam=r[-1]["naam"] + " (nieuw)"))
    knowledge = read_knowledge(kdir)
    from bot.kb import load as load_module

    real_build = load_module.build_rows

    def broken_rows(k):
        rows = real_build(k)
        rows[schema.Signal].append(dict(rows[schema.Signal][0]))  # duplicate primary key → IntegrityError
        return rows

    monkeypatch.setattr(load_module, "build_rows", broken_rows)
    with pytest.raises(IntegrityError):
        load_module.load(engine, knowledge)
    assert _counts(engine) == before


def test_reload_is_idempotent(tmp_path):
    url = f"sqlite:///{tmp_path / 'kb.sqlite'}"
    engine = make_engine(url)
    knowledge = read_knowledge(KNOWLEDGE_DIR)
    first = load(engine, knowledge)
    second = load(engine, knowledge)
    assert first == second
    assert _counts(engine)[0] == first["funds"]
