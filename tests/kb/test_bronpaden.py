"""Every citation points at headings that stand in the cited source, in that order.

A record's `bron` and each `zie_ook` name a document and a `pad` of headings. Each heading
must be a heading of that document's text: it starts a line and the line ends with it, or
goes on with only a subtitle (after ':' or '('), a footnote number, or one closing word
("Uiterlijke kenmerken van armoede hebben:" is cited as "Uiterlijke kenmerken van armoede").
The headings occur in the order of the pad. Case, accents, quotes, hyphens, line breaks and
the extraction's split words ("kinderar-/moede") do not count.

An invented heading ("Inleiding") fails, and so does a heading split by an unquoted comma in a
YAML flow list: [Websites, interventies en documenten] is two headings, "Websites" (the line
goes on with ", interventies …") and "interventies en documenten" (does not start a line).

The first heading may also be a part name from the handreiking's overview "Werkwijzen per
categorie": a category (Signaleren, Ondersteunen, Stimuleren) or a werkwijze.

The titles of Hoe-blocks (werkwijzen.yml) are no part of a pad and are not checked here; some
join two headings ("Multidisciplinaire samenwerkingsverbanden: scholieren").

The last test checks that every instrument of the bijlage Screenings- en
gespreksinstrumenten (p. 63) cites that bijlage, under the heading that lists it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pytest

from bot.kb.vocabulary import CATEGORIEEN

HANDREIKING = "handreiking"

# The werkwijze is called "Financiële en materiële steun" in the overview and in the handreiking's
# cross-references ("zie werkwijze Financiële en materiële steun"); its own heading reads the words
# the other way round. The name resolves to that heading, so the next headings are looked up there.
WERKWIJZE_KOPPEN = {"Financiële en materiële steun": "Materiële en financiële steun"}

# Bijlage Screenings- en gespreksinstrumenten (p. 63): each instrument as the bijlage writes it,
# the record that holds it, and the heading it stands under.
BIJLAGE_PAD = ["Bijlagen", "Screenings- en gespreksinstrumenten"]
BIJLAGE_INSTRUMENTEN = [
    ("GIZ-methodiek", "giz-methodiek", "Alle kinderen, jongeren en ouders"),
    ("Gesprekstools Positieve Gezondheid", "gesprekstools-positieve-gezondheid", "Alle kinderen, jongeren en ouders"),
    ("ALPHA-NL", "alpha-nl", "Ongeboren en pasgeboren kinderen"),
    ("Mind2care", "mind2care", "Ongeboren en pasgeboren kinderen"),
    ("EPDS", "epds", "Ongeboren en pasgeboren kinderen"),
    ("Zwangerwijzer", "zwangerwijzer", "Ongeboren en pasgeboren kinderen"),
    ("Checklist Vroegsignalering in de kraamtijd", "checklist-vroegsignalering-kraamtijd", "Jonge kinderen"),
    ("R4U", "r4u", "Jonge kinderen"),
    ("Probleeminventarisatie Kipppi", "kipppi", "Jonge kinderen"),
    ("BITSEA", "bitsea", "Jonge kinderen"),
    ("SPARK", "spark", "Jonge kinderen"),
    ("SamenStarten", "samenstarten", "Jonge kinderen"),
    ("LSPPK", "lsppk", "Kinderen op de basisschool"),
    ("Strengths and Difficulties questionnaire (SDQ)", "sdq", "Kinderen op de basisschool"),
    ("Psycat", "psycat", "Kinderen op de basisschool"),
    ("KIVPA", "kivpa", "Jongeren in het voortgezet onderwijs"),
    ("Jij en Je Gezondheid", "jij-en-je-gezondheid", "Jongeren in het voortgezet onderwijs"),
]
BIJLAGE_KOPPEN = [
    "Alle kinderen, jongeren en ouders",
    "Ongeboren en pasgeboren kinderen",
    "Jonge kinderen",
    "Kinderen op de basisschool",
    "Jongeren in het voortgezet onderwijs",
]
BIJLAGE_PAGINA = 63

_QUOTES = str.maketrans({c: "'" for c in '‘’‚‛“”„"`´'})
_LINE_BREAK_HYPHEN = re.compile(r"(\w)-[ \t]*\n[ \t]*(\w)")
# What may follow a heading on its line: nothing, a footnote number, a subtitle, one closing word.
_TAIL = re.compile(r"(\d+)?(\s*[:(].*|\s+\w+\s*:?)?")


def _plain(text: str) -> str:
    """Lower case, no accents or hyphens, one kind of quote, single spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES).lower())
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("-", "")
    return " ".join(text.split())


def source_lines(raw: str) -> list[str]:
    """The text as plain lines; words split over a line break ("kinderar-/moede") joined."""
    joined = _LINE_BREAK_HYPHEN.sub(r"\1\2", raw)
    return [_plain(line).lstrip("'").strip() for line in joined.split("\n")]


def find_heading(lines: list[str], heading: str, start: int = 0) -> tuple[int, int] | None:
    """(first, last) line of the first place at or after `start` where `heading` stands as a heading."""
    wanted = _plain(heading)
    for first in range(start, len(lines)):
        if not lines[first] or wanted[:1] != lines[first][:1]:
            continue
        text, last = lines[first], first
        # A heading may run on over the next lines (no blank line in between).
        while len(text) < len(wanted) and last + 1 < len(lines) and lines[last + 1]:
            last += 1
            text += " " + lines[last]
        if text.startswith(wanted) and _TAIL.fullmatch(text[len(wanted) :]):
            return first, last
    return None


@dataclass(frozen=True)
class Citation:
    where: str  # file › record › field, for the message
    document: str
    pad: tuple[str, ...]
    pagina: int | None


def citations(knowledge) -> list[Citation]:
    found = []
    for kind, records in knowledge.records.items():
        for record in records:
            named = [("bron", record.get("bron"))] + [
                (f"zie_ook[{i}]", extra) for i, extra in enumerate(record.get("zie_ook") or [])
            ]
            for field, bron in named:
                if isinstance(bron, dict):
                    found.append(
                        Citation(
                            f"{kind} {record['id']} › {field}", bron["document"], tuple(bron["pad"]), bron.get("pagina")
                        )
                    )
    return found


def overview_names(knowledge, lines: list[str]) -> dict[str, tuple[int, int]]:
    """Part names of the overview "Werkwijzen per categorie" → the lines their part spans.

    A werkwijze spans from its heading to the next werkwijze (the last one to the bijlagen);
    a category spans the rest of the text after the overview.
    """
    overview = find_heading(lines, "Werkwijzen per categorie")
    assert overview, "de handreiking heeft geen overzicht 'Werkwijzen per categorie'"
    end = next(i for i in range(overview[1] + 1, len(lines)) if lines[i].startswith("gecombineerde interventies"))
    table = " ".join(lines[overview[1] + 1 : end])
    werkwijzen = [w["naam"] for w in knowledge.records["werkwijze"]]
    for name in list(CATEGORIEEN.values()) + werkwijzen:
        assert _plain(name) in table, f"{name} staat niet in het overzicht Werkwijzen per categorie"
    starts = {}
    for name in werkwijzen:
        heading = find_heading(lines, WERKWIJZE_KOPPEN.get(name, name), end)
        assert heading, f"werkwijze {name} heeft geen kop in de handreiking"
        starts[_plain(name)] = heading[1] + 1
    order = sorted(starts.values())
    bijlagen = find_heading(lines, "Bijlagen", order[-1])
    bounds = order[1:] + [bijlagen[0] if bijlagen else len(lines)]
    spans = {name: (start, bounds[order.index(start)]) for name, start in starts.items()}
    spans.update({_plain(name): (end, len(lines)) for name in CATEGORIEEN.values()})
    return spans


def check_path(lines: list[str], pad: tuple[str, ...], parts: dict[str, tuple[int, int]]) -> str | None:
    """None when every heading of `pad` stands in `lines` in that order, else what is wrong.

    After a part name (a werkwijze) the next headings must stand within that part.
    """
    if not pad:
        return "leeg pad"
    position, limit = 0, len(lines)
    for i, heading in enumerate(pad):
        if i == 0 and _plain(heading) in parts:
            position, limit = parts[_plain(heading)]
            continue
        found = find_heading(lines, heading, position)
        if found is None or found[0] >= limit:
            if find_heading(lines, heading) is not None:
                return f"kop {heading!r} staat niet onder {' › '.join(pad[:i])!r}"
            return f"kop {heading!r} staat niet als kop in de bron"
        position = found[1] + 1
    return None


@pytest.fixture(scope="module")
def lines_per_document(bronnen, knowledge) -> dict[str, list[str]]:
    return {b["id"]: source_lines(bronnen.text(b["id"])) for b in knowledge.records["bron"]}


def test_every_heading_of_every_citation_stands_in_its_source(knowledge, lines_per_document):
    parts = overview_names(knowledge, lines_per_document[HANDREIKING])
    wrong = []
    for citation in citations(knowledge):
        lines = lines_per_document[citation.document]
        problem = check_path(lines, citation.pad, parts if citation.document == HANDREIKING else {})
        if problem:
            wrong.append(f"{citation.where}: {citation.document} {list(citation.pad)}: {problem}")
    assert not wrong, "\n".join(wrong)


def test_the_check_catches_invented_and_split_headings(knowledge, lines_per_document):
    """The rule itself: the mistakes this test exists for are caught, real paths pass."""
    handreiking, ncj = lines_per_document[HANDREIKING], lines_per_document["ncj-jgz-aan-zet"]
    parts = overview_names(knowledge, handreiking)
    assert check_path(handreiking, ("Inleiding", "Wanneer spreken we van armoede?"), parts)
    assert check_path(handreiking, ("Wanneer spreken we van armoede?",), parts) is None
    assert check_path(ncj, ("Websites", "interventies en documenten", "Movisie"), {})
    assert check_path(ncj, ("Websites, interventies en documenten", "Movisie"), {}) is None
    # Order and part: Verwijzen is a heading under Bespreken, not under Participatie (after it) or
    # Herkennen (before it, in another werkwijze).
    assert check_path(handreiking, ("Bespreken", "Hoe", "Verwijzen"), parts) is None
    assert check_path(handreiking, ("Participatie", "Hoe", "Verwijzen"), parts)
    assert check_path(handreiking, ("Herkennen", "Hoe", "Verwijzen"), parts)
    # Part names of the overview, and the werkwijze whose heading reverses its name.
    assert check_path(handreiking, ("Signaleren",), parts) is None
    assert check_path(handreiking, ("Financiële en materiële steun", "Kinderen op de basisschool"), parts) is None
    # Headings shortened to the source's own words pass; other words do not.
    assert (
        check_path(
            handreiking,
            ("Bijlagen", "Signaleringslijst kinderarmoede", "Signalen", "Ouders", "Financiële problemen"),
            parts,
        )
        is None
    )
    assert check_path(
        handreiking, ("Bijlagen", "Signaleringslijst kinderarmoede", "Signalen", "Ouders", "Geldproblemen"), parts
    )


def _bijlage_sections(lines: list[str]) -> dict[str, tuple[int, int]]:
    """Line range of each heading of the bijlage Screenings- en gespreksinstrumenten."""
    start = find_heading(lines, BIJLAGE_PAD[1])
    end = start and find_heading(lines, "Signaleringslijst kinderarmoede", start[1])
    assert start and end, "bijlage Screenings- en gespreksinstrumenten niet gevonden"
    heads = [(name, find_heading(lines, name, start[1])) for name in BIJLAGE_KOPPEN]
    assert all(found and found[0] < end[0] for _, found in heads), heads
    bounds = [found[0] for _, found in heads] + [end[0]]
    return {name: (bounds[i], bounds[i + 1]) for i, (name, _) in enumerate(heads)}


def test_every_instrument_of_the_bijlage_cites_it(knowledge, lines_per_document):
    lines = lines_per_document[HANDREIKING]
    sections = _bijlage_sections(lines)
    instruments = {i["id"]: i for i in knowledge.records["instrument"]}
    wrong = []
    for name, record_id, heading in BIJLAGE_INSTRUMENTEN:
        low, high = sections[heading]
        assert _plain(name) in " ".join(lines[low:high]), f"{name} staat niet in de bijlage onder {heading}"
        record = instruments.get(record_id)
        if record is None:
            wrong.append(f"{name}: geen instrument met id {record_id}")
            continue
        cited = [
            b
            for b in [record["bron"]] + list(record.get("zie_ook") or [])
            if b["document"] == HANDREIKING and list(b["pad"][:2]) == BIJLAGE_PAD
        ]
        if not cited:
            wrong.append(f"{record_id}: verwijst niet naar de bijlage {' › '.join(BIJLAGE_PAD)} (p. 63)")
        elif not any(b["pad"][2:] == [heading] and b.get("pagina") == BIJLAGE_PAGINA for b in cited):
            wrong.append(
                f"{record_id}: de bijlage noemt het onder {heading!r} (p. 63), "
                f"het record verwijst naar {[b['pad'][2:] for b in cited]}"
            )
    assert not wrong, "\n".join(wrong)
