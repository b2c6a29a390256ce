"""Every record a question can lead to, as "kind:id" → its text, read from knowledge/ as loaded.

Used to check the bank's ids, to check that an answer shares content with its question, and to
decide whether a BM25 passage of the source text contains an expected record.
"""

from __future__ import annotations

from bot.kb.validate import Knowledge
from bot.kb.vocabulary import ENTRY_KINDS

SECTIONS = ("wat", "waarom", "samenwerken", "voorwaarden")


def _join(*parts) -> str:
    out: list[str] = []
    for part in parts:
        if isinstance(part, (list, tuple)):
            out.extend(str(p) for p in part if p)
        elif part:
            out.append(str(part))
    return " ".join(out)


def record_texts(knowledge: Knowledge) -> dict[str, str]:
    rec = knowledge.records
    needs = {n["id"]: _join(n["naam"], n.get("synoniemen")) for n in rec["behoefte"]}
    texts: dict[str, str] = {}
    for w in rec["werkwijze"]:
        for section in SECTIONS:
            if w.get(section):
                texts[f"werkwijze:{w['id']}/{section}"] = _join(w["naam"], w[section])
        for b in w["hoe"]:
            texts[f"hoe:{b['id']}"] = _join(b["titel"], w["naam"], b.get("tekst"), b.get("punten"), b.get("noemt"))
    for f in rec["fonds"]:
        texts[f"fonds:{f['id']}"] = _join(
            f["naam"],
            f["beschrijving"],
            [needs.get(n, n) for n in f["behoeften"]],
            f.get("aanvragen"),
            f.get("lokaal"),
            f.get("leeftijd_tekst"),
            f.get("trefwoorden"),
        )
    for s in rec["signaal"]:
        texts[f"signaal:{s['id']}"] = _join(s["tekst"], s["categorie"].replace("-", " "), s["doelgroep"])
    for i in rec["instrument"]:
        texts[f"instrument:{i['id']}"] = _join(
            i["naam"], i["wat"], i.get("wie"), i.get("doelgroep_tekst"), i.get("trefwoorden")
        )
    for kind in ENTRY_KINDS:
        for e in rec[kind]:
            texts[f"{kind}:{e['id']}"] = _join(
                e["naam"], e["samenvatting"], e.get("tekst"), e.get("punten"), e.get("trefwoorden"), e.get("gemeente")
            )
    return texts


def record_names(knowledge: Knowledge) -> dict[str, str]:
    """The name or title of each named record (for the baseline's containment rule)."""
    rec = knowledge.records
    names = {f"fonds:{f['id']}": f["naam"] for f in rec["fonds"]}
    names.update({f"instrument:{i['id']}": i["naam"] for i in rec["instrument"]})
    for kind in ENTRY_KINDS:
        names.update({f"{kind}:{e['id']}": e["naam"] for e in rec[kind]})
    return names


def record_age_groups(knowledge: Knowledge) -> dict[str, set[str]]:
    """The leeftijdsfasen a record is for ("instrument:kipppi" → {"jonge-kinderen"}): a question about a
    peuter shares that with the record, even when no word of it is in the record's text."""
    rec = knowledge.records
    groups: dict[str, set[str]] = {}
    for w in rec["werkwijze"]:
        for b in w["hoe"]:
            groups[f"hoe:{b['id']}"] = set(b.get("leeftijdsfasen") or ())
    for kind in ("signaal", "instrument", *ENTRY_KINDS):
        for r in rec.get(kind, []):
            groups[f"{kind}:{r['id']}"] = set(r.get("leeftijdsfasen") or ())
    return groups


def known(record_id: str, texts: dict[str, str]) -> bool:
    """An id the bank may name: a record, or a werkwijze without a section."""
    return record_id in texts or any(key.startswith(record_id + "/") for key in texts)
