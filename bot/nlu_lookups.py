"""Rasa lookup tables generated from knowledge/, so training data and knowledge never drift."""

from __future__ import annotations

from pathlib import Path

import yaml

from .kb.validate import Knowledge

HEADER = "# Gegenereerd uit knowledge/ door `python -m bot nlu lookups`; niet met de hand wijzigen.\n"


def lookup_tables(knowledge: Knowledge) -> dict[str, list[str]]:
    rec = knowledge.records
    # The thesaurus's one-word names for a need ("zwangerschapsspullen" → babyspullen) are needs too.
    from .kb.thesaurus import thesaurus

    extra = [p for p in thesaurus().need_phrases() if len(p.split()) == 1]
    needs = sorted(
        {p for n in rec["behoefte"] for p in [n["naam"], *(n.get("synoniemen") or [])]} | set(extra),
        key=lambda s: (s.lower(), s),
    )
    names = sorted(
        {
            x["naam"]
            for kind in ("fonds", "instrument", "interventie", "organisatie", "aanpak")
            for x in rec[kind]
            if not x.get("gemeente")
        },
        key=lambda s: (s.lower(), s),
    )
    gemeenten = sorted({x["gemeente"] for kind in ("fonds", "voorbeeld") for x in rec[kind] if x.get("gemeente")})
    return {"behoefte": needs, "naam": names, "gemeente": gemeenten}


def render(name: str, examples: list[str]) -> str:
    body = {"version": "3.1", "nlu": [{"lookup": name, "examples": "".join(f"- {e}\n" for e in examples)}]}
    return HEADER + yaml.dump(body, allow_unicode=True, sort_keys=False, default_style=None, width=1000)


def write_lookups(knowledge: Knowledge, directory: Path, check: bool = False) -> list[str]:
    """Write (or with check=True only compare) the lookup files; returns the names that differ."""
    directory.mkdir(parents=True, exist_ok=True)
    stale = []
    for name, examples in lookup_tables(knowledge).items():
        path = directory / f"{name}.yml"
        content = render(name, examples)
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            stale.append(path.name)
            if not check:
                path.write_text(content, encoding="utf-8")
    return stale
