"""Reading knowledge/*.yml and checking every record before anything is loaded.

Each problem names the file, the line, the record id and the field, in Dutch, so a
content maintainer can find and fix it without reading code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .vocabulary import (
    AANVRAGERS,
    CATEGORIEEN,
    ENTRY_KINDS,
    LEEFTIJDSFASEN,
    SIGNAAL_CATEGORIEEN,
    SIGNAAL_DOELGROEPEN,
)

LINE_KEY = "__line__"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    record: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        parts = [where] + [p for p in (self.record, self.field) if p]
        return " › ".join(parts) + f": {self.message}"


class ValidationError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class _LineLoader(yaml.SafeLoader):
    """SafeLoader that remembers the line of every mapping, for error messages."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# --- field checks -------------------------------------------------------------------

Check = Callable[[Any], str | None]


def text(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "moet een niet-lege tekst zijn"
    return None


def number(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "moet een getal zijn"
    return None


def text_list(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return "moet een lijst van teksten zijn"
    return None


def one_of(allowed: dict | set) -> Check:
    def check(value: Any) -> str | None:
        if value not in allowed:
            return f"onbekende waarde {value!r}; kies uit: {', '.join(sorted(allowed))}"
        return None

    return check


def list_of(allowed: dict | set) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, list):
            return "moet een lijst zijn"
        wrong = [v for v in value if v not in allowed]
        if wrong:
            return f"onbekende waarde(n) {', '.join(map(repr, wrong))}; kies uit: {', '.join(sorted(allowed))}"
        return None

    return check


def url(value: Any) -> str | None:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        return "moet een link zijn die begint met http:// of https://"
    return None


@dataclass
class Spec:
    required: dict[str, Check]
    optional: dict[str, Check] = field(default_factory=dict)


BRON = "bron"  # checked separately: it refers to bronnen.yml

ENTRY_SPEC = Spec(
    required={"id": text, "naam": text, "samenvatting": text, BRON: lambda v: None},
    optional={
        "tekst": text,
        "punten": text_list,
        "leeftijdsfasen": list_of(LEEFTIJDSFASEN),
        "gemeente": text,
        "url": url,
        "trefwoorden": text_list,
        "zie_ook": lambda v: None,
    },
)

SPECS: dict[str, Spec] = {
    "bron": Spec(required={"id": text, "titel": text}, optional={"bestand": text, "beschrijving": text, "url": url}),
    "werkwijze": Spec(
        required={
            "id": text,
            "naam": text,
            "categorie": one_of(CATEGORIEEN),
            "volgorde": number,
            "wat": text,
            "waarom": text,
            "hoe": lambda v: None if isinstance(v, list) and v else "moet minstens één Hoe-blok hebben",
            BRON: lambda v: None,
        },
        optional={
            "samenwerken": text,
            "voorwaarden": text,
            "citaten": lambda v: None if isinstance(v, list) else "moet een lijst zijn",
            "trefwoorden": text_list,
            "zie_ook": lambda v: None,
        },
    ),
    "hoe": Spec(
        required={"id": text, "titel": text},
        optional={"leeftijdsfasen": list_of(LEEFTIJDSFASEN), "tekst": text, "punten": text_list, "noemt": text_list},
    ),
    "citaat": Spec(required={"tekst": text}, optional={"wie": text}),
    "fonds": Spec(
        required={
            "id": text,
            "naam": text,
            "beschrijving": text,
            "behoeften": text_list,
            "aanvragers": list_of(AANVRAGERS),
            BRON: lambda v: None,
        },
        optional={
            "leeftijd_min": number,
            "leeftijd_max": number,
            "leeftijd_tekst": text,
            "aanvragen": text,
            "lokaal": text,
            "gemeente": text,
            "url": url,
            "trefwoorden": text_list,
            "zie_ook": lambda v: None,
        },
    ),
    "behoefte": Spec(required={"id": text, "naam": text}, optional={"synoniemen": text_list}),
    "signaal": Spec(
        required={
            "id": text,
            "doelgroep": one_of(SIGNAAL_DOELGROEPEN),
            "categorie": one_of(SIGNAAL_CATEGORIEEN),
            "tekst": text,
            BRON: lambda v: None,
        },
        optional={"leeftijdsfasen": list_of(LEEFTIJDSFASEN), "zie_ook": lambda v: None},
    ),
    "instrument": Spec(
        required={
            "id": text,
            "naam": text,
            "leeftijdsfasen": list_of(LEEFTIJDSFASEN),
            "wat": text,
            BRON: lambda v: None,
        },
        optional={
            "leeftijd_min": number,
            "leeftijd_max": number,
            "doelgroep_tekst": text,
            "wie": text,
            "url": url,
            "trefwoorden": text_list,
            "zie_ook": lambda v: None,
        },
    ),
    **{kind: ENTRY_SPEC for kind in ENTRY_KINDS},
}

FILES: dict[str, str] = {
    "bron": "bronnen.yml",
    "werkwijze": "werkwijzen.yml",
    "behoefte": "behoeften.yml",
    "fonds": "fondsen.yml",
    "signaal": "signalen.yml",
    "instrument": "instrumenten.yml",
    **ENTRY_KINDS,
}

BRON_SPEC = Spec(required={"document": text, "pad": text_list}, optional={"pagina": number, "url": url})

# The handreiking's bijlagen and the page the handreiking gives for each (p. 63, 67, 69).
BIJLAGEN_DOCUMENT = "handreiking"
BIJLAGEN = "Bijlagen"
BIJLAGE_PAGINAS = {
    "Screenings- en gespreksinstrumenten": 63,
    "Signaleringslijst kinderarmoede": 67,
    "Overzicht fondsen": 69,
}


@dataclass
class Knowledge:
    """All records, by kind, as plain dicts (without line keys), after validation."""

    records: dict[str, list[dict]]
    content_hash: str


class _Checker:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file: str, record: dict | None, field_name: str | None, message: str) -> None:
        line = record.get(LINE_KEY) if isinstance(record, dict) else None
        rid = record.get("id") if isinstance(record, dict) and isinstance(record.get("id"), str) else None
        self.problems.append(Problem(file, line, rid, field_name, message))

    def fields(self, file: str, record: Any, spec: Spec, prefix: str = "", owner: dict | None = None) -> bool:
        """Check one mapping against its spec. `owner` names the record for nested parts."""
        where = owner if owner is not None else record
        if not isinstance(record, dict):
            self.add(file, where, prefix.rstrip(".") or None, "moet een record zijn (sleutel: waarde)")
            return False
        ok = True
        for name in record:
            if name != LINE_KEY and name not in spec.required and name not in spec.optional:
                self.add(file, where, prefix + name, "onbekend veld")
                ok = False
        for name, check in spec.required.items():
            if record.get(name) is None:
                self.add(file, where, prefix + name, "verplicht veld ontbreekt")
                ok = False
            elif msg := check(record[name]):
                self.add(file, where, prefix + name, msg)
                ok = False
        for name, check in spec.optional.items():
            if record.get(name) is not None and (msg := check(record[name])):
                self.add(file, where, prefix + name, msg)
                ok = False
        return ok

    def citation(self, file: str, record: dict, value: Any, sources: set[str], name: str = BRON) -> None:
        if not isinstance(value, dict):
            self.add(file, record, name, "moet een bron zijn met document en pad")
            return
        if self.fields(file, value, BRON_SPEC, prefix=f"{name}.", owner=record):
            if value["document"] not in sources:
                self.add(
                    file,
                    record,
                    f"{name}.document",
                    f"verwijst naar onbekend document {value['document']!r}; zie bronnen.yml",
                )
            self.path(file, record, value, name)

    def path(self, file: str, record: dict, value: dict, name: str) -> None:
        """What can be checked of a pad without the sources: split headings and the bijlagen's pages."""
        pad = value["pad"]
        for heading in pad:
            if heading[:1].islower():
                self.add(
                    file,
                    record,
                    f"{name}.pad",
                    f"kop {heading!r} begint met een kleine letter: is een kop met een komma erin "
                    f"gesplitst? Zet zo'n kop tussen aanhalingstekens, bijvoorbeeld "
                    f"['Websites, interventies en documenten', Movisie]",
                )
        if value["document"] != BIJLAGEN_DOCUMENT:
            return
        bijlage = pad[1] if len(pad) > 1 and pad[0] == BIJLAGEN else None
        page = value.get("pagina")
        if bijlage in BIJLAGE_PAGINAS and page != BIJLAGE_PAGINAS[bijlage]:
            self.add(
                file,
                record,
                f"{name}.pagina",
                f"de bijlage {bijlage} staat op pagina {BIJLAGE_PAGINAS[bijlage]}"
                + (f", niet {page}" if page is not None else "; zet pagina: " + str(BIJLAGE_PAGINAS[bijlage])),
            )
        elif bijlage not in BIJLAGE_PAGINAS and page in BIJLAGE_PAGINAS.values():
            wanted = next(b for b, p in BIJLAGE_PAGINAS.items() if p == page)
            self.add(
                file,
                record,
                f"{name}.pad",
                f"pagina {page} is de bijlage {wanted}: het pad begint dan met [{BIJLAGEN}, {wanted}]",
            )


def read_file(path: Path, checker: _Checker) -> list | None:
    name = path.name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except FileNotFoundError:
        checker.add(name, None, None, "bestand ontbreekt")
        return None
    except UnicodeDecodeError as exc:
        checker.add(name, None, None, f"geen geldige UTF-8-tekst ({exc.reason} op byte {exc.start})")
        return None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        checker.problems.append(
            Problem(name, mark.line + 1 if mark else None, None, None, f"ongeldige YAML: {problem}")
        )
        return None
    if data is None:
        return []
    if not isinstance(data, list):
        checker.add(name, None, None, "moet een lijst van records zijn (elk record begint met '- id: …')")
        return None
    return data


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


def validate_records(raw: dict[str, list]) -> tuple[dict[str, list[dict]], list[Problem]]:
    """Check records already read per kind; return them without line keys, and the problems."""
    checker = _Checker()
    sources = {r.get("id") for r in raw.get("bron", []) if isinstance(r, dict)}
    ids_per_kind: dict[str, set[str]] = {}
    hoe_ids: set[str] = set()

    for kind, records in raw.items():
        file = FILES[kind]
        seen = ids_per_kind.setdefault(kind, set())
        for record in records:
            if not checker.fields(file, record, SPECS[kind]):
                continue
            if record["id"] in seen:
                checker.add(file, record, "id", f"dubbel id {record['id']!r}")
            seen.add(record["id"])
            if BRON in SPECS[kind].required:
                checker.citation(file, record, record[BRON], sources)
            for i, extra in enumerate(record.get("zie_ook") or []):
                checker.citation(file, record, extra, sources, name=f"zie_ook[{i}]")
            _check_kind(kind, file, record, checker, hoe_ids)

    needs = ids_per_kind.get("behoefte", set())
    for record in raw.get("fonds", []):
        if isinstance(record, dict) and isinstance(record.get("behoeften"), list):
            for need in record["behoeften"]:
                if need not in needs:
                    checker.add(
                        FILES["fonds"],
                        record,
                        "behoeften",
                        f"verwijst naar behoefte {need!r} die niet in behoeften.yml staat",
                    )
    _check_synonyms(raw.get("behoefte", []), checker)

    clean = {kind: [_strip_lines(r) for r in records] for kind, records in raw.items()}
    return clean, checker.problems


def _check_kind(kind: str, file: str, record: dict, checker: _Checker, hoe_ids: set[str]) -> None:
    if kind in ("fonds", "instrument"):
        low, high = record.get("leeftijd_min"), record.get("leeftijd_max")
        for name, value in (("leeftijd_min", low), ("leeftijd_max", high)):
            if isinstance(value, (int, float)) and not -1 <= value <= 30:
                checker.add(file, record, name, f"leeftijd {value} ligt buiten -1 tot 30 jaar")
        if isinstance(low, (int, float)) and isinstance(high, (int, float)) and low > high:
            checker.add(file, record, "leeftijd_min", f"leeftijd_min ({low}) is groter dan leeftijd_max ({high})")
    if kind == "signaal" and record["categorie"] in SIGNAAL_CATEGORIEEN:
        expected = SIGNAAL_CATEGORIEEN[record["categorie"]][0]
        if record["doelgroep"] != expected:
            checker.add(
                file, record, "doelgroep", f"categorie {record['categorie']!r} hoort bij doelgroep {expected!r}"
            )
    if kind == "werkwijze":
        for i, block in enumerate(record["hoe"]):
            if not checker.fields(file, block, SPECS["hoe"], prefix=f"hoe[{i}].", owner=record):
                continue
            if block["id"] in hoe_ids:
                checker.add(file, record, f"hoe[{i}].id", f"dubbel id {block['id']!r}")
            hoe_ids.add(block["id"])
            if not block.get("tekst") and not block.get("punten"):
                checker.add(file, record, f"hoe[{i}]", "een Hoe-blok heeft tekst of punten nodig")
        for i, quote in enumerate(record.get("citaten") or []):
            checker.fields(file, quote, SPECS["citaat"], prefix=f"citaten[{i}].", owner=record)


def _check_synonyms(needs: list, checker: _Checker) -> None:
    from .text import phrase_key

    owner: dict[str, str] = {}
    for record in needs:
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            continue
        for phrase in [record.get("naam")] + list(record.get("synoniemen") or []):
            if not isinstance(phrase, str):
                continue
            key = phrase_key(phrase)
            if key in owner and owner[key] != record["id"]:
                checker.add(
                    FILES["behoefte"], record, "synoniemen", f"{phrase!r} hoort ook al bij behoefte {owner[key]!r}"
                )
            owner.setdefault(key, record["id"])


def read_knowledge(
    directory: Path, extra: dict[str, list[dict]] | None = None, leave_out_zoekvragen: tuple[str, ...] = ()
) -> Knowledge:
    """Read and validate every file; raise ValidationError listing all problems.

    `extra` adds records per kind (the benchmark's generated funds) as if they were in the files;
    `leave_out_zoekvragen` names zoekvragen files not to check (the one about to be regenerated).
    """
    checker = _Checker()
    raw: dict[str, list] = {}
    digest = hashlib.sha256()
    for kind, name in FILES.items():
        path = directory / name
        data = read_file(path, checker)
        if path.exists():
            digest.update(name.encode() + b"\0" + path.read_bytes())
        raw[kind] = list(data or []) + list((extra or {}).get(kind, []))
    # What retrieval reads besides the records: a change to it is a change of the knowledge too.
    retrieval_files = [directory / "thesaurus.yml", directory / "schoolfasen.yml", *directory.glob("zoekvragen/*.yml")]
    for path in sorted(retrieval_files):
        if path.exists():
            digest.update(path.relative_to(directory).as_posix().encode() + b"\0" + path.read_bytes())
    if extra:
        digest.update(repr(sorted((k, len(v)) for k, v in extra.items())).encode())
    if checker.problems:
        # A file that cannot be read would make every reference to it look broken: report it alone.
        raise ValidationError(checker.problems)
    records, problems = validate_records(raw)
    from .thesaurus import check_files  # thesaurus.yml and schoolfasen.yml: their own checks

    problems += check_files(directory)
    if not problems:
        from . import zoekvragen  # knowledge/zoekvragen/: the records they name must exist

        problems += zoekvragen.check(directory, records, leave_out_zoekvragen)
    if problems:
        raise ValidationError(problems)
    return Knowledge(records=records, content_hash=digest.hexdigest())
