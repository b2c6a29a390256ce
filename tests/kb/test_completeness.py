"""The knowledge base holds every part of the sources that the assistant promises to know.

Each test names the parts the source has, so dropping one of them fails the run. Tests that
read the source texts themselves take them from the `bronnen` fixture (BRONNEN_DIR, see
tests/bronnen.py) and skip when the texts are not there.
"""

from __future__ import annotations

import re

import pytest

from bot.kb.text import normalize

WERKWIJZEN = {
    "signaleren": ["Vertrouwen opbouwen", "Herkennen", "Bespreken", "Signalen verbinden"],
    "ondersteunen": ["Steun bij opgroeien", "Steun bij ouderschap", "Sociale steun", "Financiële en materiële steun"],
    "stimuleren": ["Lichamelijke gezondheid", "Mentale gezondheid", "Participatie"],
}

# Overzicht fondsen (p. 69) with the applicant rule the source gives.
OVERZICHT_FONDSEN = {
    "Stichting Leergeld": {"ouders"},
    "Jeugdfonds Sport & Cultuur": {"intermediair"},
    "Nationaal Fonds Kinderhulp": {"intermediair"},
    "Stichting Jarige Job": {"ouders", "intermediair"},
    "Uitgestelde kinderfeestjes": {"hulpverlener"},
    "Stichting Babyspullen": {"hulpverlener"},
    "Jeugdeducatiefonds": {"school"},
    "Kinderen van de voedselbank": {"ouders"},
    "Kledingbanken": set(),
    "Stichting Clothing4u": {"instelling"},
    "Stichting Kansarme Kinderen in Nederland": {"ouders"},
    "Stichting Armoedefonds": {"instelling"},
    "Project STOP kinderarmoede": {"instelling"},
    "ANWB Kinderfietsenplan": set(),
    "Stichting Urgente Noden Nederland": {"hulpverlener"},
    "Stichting Sportspullenbank": set(),
    "Witgoedregelingen": set(),
    "Dress for success": set(),
    "Stichting Bevordering Huisdierenwelzijn": {"ouders"},
}

INSTRUMENTEN = [
    "GIZ",
    "Positieve Gezondheid",
    "ALPHA-NL",
    "Mind2Care",
    "EPDS",
    "Zwangerwijzer",
    "kraamtijd",
    "R4U",
    "KIPPPI",
    "BITSEA",
    "SPARK",
    "SamenStarten",
    "LSPPK",
    "SDQ",
    "Psycat",
    "KIVPA",
    "Jij en Je Gezondheid",
]

SIGNAL_COUNTS = {  # bullets per category in the Signaleringslijst kinderarmoede (p. 67)
    "risicogroep": 8,
    "uiterlijke-kenmerken": 7,
    "gedrag-en-ontwikkeling": 8,
    "beperkt-participeren": 8,
    "financiele-problemen": 6,
    "fysieke-of-psychische-problemen": 7,
    "weinig-participeren": 5,
    "weinig-steunende-opvoedsituatie": 3,
}


def _by_name(records, name):
    wanted = normalize(name)
    return [r for r in records if wanted in normalize(r["naam"])]


def test_eleven_werkwijzen_complete(knowledge):
    werkwijzen = knowledge.records["werkwijze"]
    assert len(werkwijzen) == 11
    for category, names in WERKWIJZEN.items():
        for name in names:
            match = [w for w in werkwijzen if w["naam"] == name]
            assert match, f"werkwijze {name} ontbreekt"
            w = match[0]
            assert w["categorie"] == category
            assert len(w["wat"]) > 40 and len(w["waarom"]) > 80, f"{name}: Wat/Waarom te kort"
            assert len(w["hoe"]) >= 2, f"{name}: minder dan twee Hoe-blokken"
            assert all(b.get("punten") or b.get("tekst") for b in w["hoe"])
            assert w.get("samenwerken") and w.get("voorwaarden"), f"{name}: Samenwerken/Voorwaarden ontbreekt"
            assert w["bron"]["document"] == "handreiking" and w["bron"]["pad"]
    assert sorted(w["volgorde"] for w in werkwijzen) == list(range(1, 12))


def test_hoe_blocks_per_age_group_exist(knowledge):
    fases = {f for w in knowledge.records["werkwijze"] for b in w["hoe"] for f in b.get("leeftijdsfasen") or []}
    assert fases == {"ongeboren-pasgeboren", "jonge-kinderen", "basisschool", "voortgezet-onderwijs", "ouders"}


def test_every_fund_of_the_overzicht_with_its_applicant_rule(knowledge):
    funds = knowledge.records["fonds"]
    for name, applicants in OVERZICHT_FONDSEN.items():
        match = _by_name(funds, name)
        assert match, f"fonds {name} uit het Overzicht fondsen ontbreekt"
        fund = match[0]
        assert set(fund["aanvragers"]) == applicants, f"{name}: aanvragers {fund['aanvragers']}"
        assert fund["bron"]["pad"][-1] == "Overzicht fondsen" and fund["bron"]["pagina"] == 69
        assert fund["behoeften"], f"{name}: geen behoeften"


def test_funds_named_elsewhere(knowledge):
    # Schemes and the tools that find them (VoorzieningenWijzer) may stand as fonds or interventie.
    names = " | ".join(normalize(f["naam"]) for kind in ("fonds", "interventie") for f in knowledge.records[kind])
    names += " | " + names.replace(" ", "")
    for name in [
        "Sam",
        "VoorzieningenWijzer",
        "Bereken Uw Recht",
        "bijzondere bijstand",
        "Jeugdontbijt",
        "voedselbank",
        "Pamperbank",
        "Pepernoot",
        "Zomerpret",
        "kindervakantie",
    ]:
        assert normalize(name).replace(" ", "") in names, f"{name} ontbreekt in fondsen.yml (of interventies.yml)"


def test_stated_ages_only(knowledge):
    funds = {f["naam"]: f for f in knowledge.records["fonds"]}
    leergeld = _by_name(funds.values(), "Stichting Leergeld")[0]
    assert (leergeld["leeftijd_min"], leergeld["leeftijd_max"]) == (4, 17)
    assert _by_name(funds.values(), "Nationaal Fonds Kinderhulp")[0]["leeftijd_max"] == 20
    # The source gives no age for these: none may be invented.
    for name in ["ANWB Kinderfietsenplan", "Kledingbanken", "Stichting Urgente Noden Nederland"]:
        fund = _by_name(funds.values(), name)[0]
        assert fund.get("leeftijd_min") is None and fund.get("leeftijd_max") is None


def test_every_instrument_of_the_bijlage(knowledge):
    names = " | ".join(i["naam"] for i in knowledge.records["instrument"])
    for name in INSTRUMENTEN:
        assert normalize(name) in normalize(names), f"instrument {name} ontbreekt"
    for instrument in knowledge.records["instrument"]:
        if instrument["bron"].get("pagina") == 63:
            assert instrument["leeftijdsfasen"] and instrument["wat"], instrument["id"]


def test_signaleringslijst_complete(knowledge):
    signals = knowledge.records["signaal"]
    for category, count in SIGNAL_COUNTS.items():
        found = [s for s in signals if s["categorie"] == category]
        assert len(found) == count, f"{category}: {len(found)} signalen, de lijst heeft er {count}"
    for s in signals:
        assert s["bron"]["pagina"] == 67


@pytest.mark.parametrize(
    "kind,names",
    [
        (
            "interventie",
            [
                "VoorZorg",
                "Stevig Ouderschap",
                "SamenStarten",
                "Armoede en Gezondheid van kinderen",
                "Gezonde kinderen in krappe tijden",
                "Mobility Mentoring",
                "InterventieWijzer",
                "Participatiewiel",
                "lage SES",
            ],
        ),
        ("voorbeeld", ["Meppel", "Kampen", "Helmond", "Lelystad", "Amsterdam", "City Deal"]),
        ("aanpak", ["Alliantie Kinderarmoede", "stappenplan"]),
        ("organisatie", ["Kinderombudsman", "Movisie", "Divosa", "ZonMw"]),
    ],
)
def test_named_programmes_examples_and_organisations(knowledge, kind, names):
    # A programme that is also a screening method (SamenStarten) may stand under instrumenten.
    records = knowledge.records[kind] + (knowledge.records["instrument"] if kind == "interventie" else [])
    blob = normalize(" | ".join(r["naam"] + " " + (r.get("gemeente") or "") for r in records))
    for name in names:
        assert normalize(name) in blob, f"{kind} {name} ontbreekt"


def test_armoede_en_gezondheid_has_four_steps(knowledge):
    record = _by_name(knowledge.records["interventie"], "Armoede en Gezondheid van kinderen")[0]
    assert len(record["punten"]) == 4


def test_stappenplan_makers_and_steps(knowledge):
    # The source names the five steps only as "vijf stappen", not one by one.
    record = _by_name(knowledge.records["aanpak"], "stappenplan")[0]
    text = normalize(" ".join([record["samenvatting"], record.get("tekst") or ""] + (record.get("punten") or [])))
    assert "vijf stappen" in text
    for maker in [
        "Sociaal Werk Nederland",
        "Divosa",
        "Nederlands Centrum Jeugdgezondheid",
        "Sterk uit Armoede",
        "Jeugdeducatiefonds",
    ]:
        assert normalize(maker) in text, maker


def test_key_facts(knowledge):
    blob = " ".join(f["samenvatting"] + " " + (f.get("tekst") or "") for f in knowledge.records["feit"])
    assert re.search(r"(1|één|een) op de (13|dertien)", blob)
    assert "251" in blob
    assert "Europese" in blob and "niet veel, maar toereikend" in blob
    # The NCJ page (De JGZ aan zet): the gap in life expectancy and the Kinderombudsman's findings.
    assert "7,5 jaar langer" in blob
    assert "op alle levensgebieden achterstand" in blob
    assert "kleine schulden grote schulden" in blob


def test_loket_gezond_leven_interventions(knowledge):
    """Loket Gezond Leven: interventions of social workers with health as an outcome, on the
    Participatiewiel's six goals, and the databanken of the lage-SES overview."""
    entries = {e["id"]: e for e in knowledge.records["interventie"]}
    wijzer = entries["interventiewijzer-sociaal-en-gezond"]
    assert "sociaal werkers" in wijzer["samenvatting"] and "mogelijke uitkomst" in wijzer["samenvatting"]
    assert len(wijzer["punten"]) == 6
    ses = entries["interventieoverzicht-lage-ses"]
    text = " ".join([ses["samenvatting"]] + ses["punten"])
    for databank in ["Movisie", "NJI", "Kenniscentrum Sport & Bewegen", "Vilans"]:
        assert databank in text, databank


def test_every_record_cites_an_existing_source(knowledge):
    documents = {b["id"] for b in knowledge.records["bron"]}
    for kind, records in knowledge.records.items():
        if kind == "bron" or kind == "behoefte":
            continue
        for record in records:
            assert record["bron"]["document"] in documents


def test_source_texts_contain_the_funds(knowledge, bronnen):
    """Guard against invented funds: every Overzicht fund name appears in the handreiking."""
    text = normalize(bronnen.text("handreiking")).replace(" ", "")
    for fund in knowledge.records["fonds"]:
        if fund["bron"]["pad"][-1] == "Overzicht fondsen":
            # The last word of the name (Leergeld, Kinderhulp, Sportspullenbank …) stands in the source.
            key = normalize(fund["naam"]).split()[-1]
            assert key in text, f"{fund['naam']} staat niet in de handreiking"
