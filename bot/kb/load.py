"""Loading validated knowledge into the database in one transaction.

The tables are emptied and refilled inside the same transaction, so a load either
replaces everything or (on any error) leaves the previous database as it was.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import datetime, timezone

from sqlalchemy import Engine, delete, insert, select

from . import schema as s
from .text import content_words, keys, normalize
from .validate import Knowledge
from .vocabulary import ENTRY_KINDS

# Field weights for free-text search: a name counts more than a sentence in the body.
W_NAME, W_KEYWORD, W_TITLE, W_BODY = 4.0, 3.0, 2.0, 1.0


def _citation(bron: dict, extra_path: list[str] | None = None) -> dict:
    return {
        "source_id": bron["document"],
        "section_path": list(bron["pad"]) + list(extra_path or []),
        "page": bron.get("pagina"),
        "source_url": bron.get("url"),
    }


def _join(*parts) -> str:
    out: list[str] = []
    for part in parts:
        if isinstance(part, list):
            out.extend(str(p) for p in part)
        elif part:
            out.append(str(part))
    return " ".join(out)


class _Index:
    """Collects weighted term keys per record for the search tables."""

    def __init__(self) -> None:
        self.postings: dict[tuple[str, str, str], float] = defaultdict(float)

    def add(self, kind: str, record_id: str, text: str, weight: float) -> None:
        counts = Counter(content_words(text))
        for word, count in counts.items():
            if len(word) < 2:
                continue
            for key in keys(word):
                # 1 + log(tf): repeated words help, but a long text cannot drown a name.
                self.postings[(key, kind, record_id)] += weight * (1 + math.log(count))

    def rows(self) -> tuple[list[dict], list[dict]]:
        postings = [{"term": t[:120], "kind": k, "record_id": r, "weight": w} for (t, k, r), w in self.postings.items()]
        docs = {(k, r) for (_, k, r) in self.postings}
        df = Counter(t for (t, _, _) in self.postings)
        n = max(len(docs), 1)
        terms = [{"term": t[:120], "idf": math.log(1 + n / d)} for t, d in df.items()]
        return postings, terms


def build_rows(knowledge: Knowledge) -> dict[type, list[dict]]:
    """All table rows for the given knowledge (pure: no database needed)."""
    rec = knowledge.records
    rows: dict[type, list[dict]] = defaultdict(list)
    index = _Index()

    for r in rec["bron"]:
        rows[s.Source].append(
            {
                "id": r["id"],
                "title": r["titel"],
                "file": r.get("bestand"),
                "description": r.get("beschrijving"),
                "url": r.get("url") or r.get("link"),
            }
        )

    def extra_citations(kind: str, r: dict) -> None:
        for i, bron in enumerate(r.get("zie_ook") or []):
            rows[s.ExtraCitation].append({"kind": kind, "record_id": r["id"], "position": i, **_citation(bron)})

    for r in rec["werkwijze"]:
        rows[s.Werkwijze].append(
            {
                "id": r["id"],
                "name": r["naam"],
                "category": r["categorie"],
                "position": int(r["volgorde"]),
                "wat": r["wat"],
                "waarom": r["waarom"],
                "samenwerken": r.get("samenwerken"),
                "voorwaarden": r.get("voorwaarden"),
                "quotes": r.get("citaten") or [],
                "keywords": r.get("trefwoorden") or [],
                **_citation(r["bron"]),
            }
        )
        index.add("werkwijze", r["id"], r["naam"], W_NAME)
        index.add("werkwijze", r["id"], _join(r.get("trefwoorden")), W_KEYWORD)
        index.add("werkwijze", r["id"], _join(r["wat"], r["waarom"]), W_BODY)
        extra_citations("werkwijze", r)
        for bpos, b in enumerate(r["hoe"]):
            rows[s.HoeBlock].append(
                {
                    "id": b["id"],
                    "werkwijze_id": r["id"],
                    "position": bpos,
                    "title": b["titel"],
                    "intro": b.get("tekst"),
                    "points": b.get("punten") or [],
                    "age_groups": b.get("leeftijdsfasen") or [],
                    "mentions": b.get("noemt") or [],
                    **_citation(r["bron"], [b["titel"]]),
                }
            )
            index.add("hoe", b["id"], _join(b["titel"], r["naam"]), W_TITLE)
            index.add("hoe", b["id"], _join(r.get("trefwoorden")), W_BODY)
            index.add("hoe", b["id"], _join(b.get("tekst"), b.get("punten"), b.get("noemt")), W_BODY)

    for r in rec["behoefte"]:
        rows[s.Need].append({"id": r["id"], "name": r["naam"], "synonyms": r.get("synoniemen") or []})

    for pos, r in enumerate(rec["fonds"]):
        gemeente = r.get("gemeente")
        rows[s.Fund].append(
            {
                "id": r["id"],
                "name": r["naam"],
                "description": r["beschrijving"],
                "min_age": r.get("leeftijd_min"),
                "max_age": r.get("leeftijd_max"),
                "age_text": r.get("leeftijd_tekst"),
                "applicants": r["aanvragers"],
                "how_to_apply": r.get("aanvragen"),
                "local_conditions": r.get("lokaal"),
                "gemeente": gemeente,
                "gemeente_key": normalize(gemeente) if gemeente else None,
                "url": r.get("url"),
                "keywords": r.get("trefwoorden") or [],
                "position": pos,
                **_citation(r["bron"]),
            }
        )
        rows[s.FundNeed].extend({"fund_id": r["id"], "need_id": n} for n in dict.fromkeys(r["behoeften"]))
        rows[s.FundApplicant].extend({"fund_id": r["id"], "applicant": a} for a in dict.fromkeys(r["aanvragers"]))
        index.add("fonds", r["id"], r["naam"], W_NAME)
        index.add("fonds", r["id"], _join(r.get("trefwoorden"), r["behoeften"]), W_KEYWORD)
        index.add("fonds", r["id"], _join(r["beschrijving"], r.get("aanvragen")), W_BODY)
        extra_citations("fonds", r)

    for pos, r in enumerate(rec["signaal"]):
        rows[s.Signal].append(
            {
                "id": r["id"],
                "target": r["doelgroep"],
                "category": r["categorie"],
                "text": r["tekst"],
                "age_groups": r.get("leeftijdsfasen") or [],
                "position": pos,
                **_citation(r["bron"]),
            }
        )
        index.add("signaal", r["id"], r["tekst"], W_BODY)

    for pos, r in enumerate(rec["instrument"]):
        rows[s.Instrument].append(
            {
                "id": r["id"],
                "name": r["naam"],
                "age_groups": r["leeftijdsfasen"],
                "min_age": r.get("leeftijd_min"),
                "max_age": r.get("leeftijd_max"),
                "target_text": r.get("doelgroep_tekst"),
                "what": r["wat"],
                "who": r.get("wie"),
                "url": r.get("url"),
                "keywords": r.get("trefwoorden") or [],
                "position": pos,
                **_citation(r["bron"]),
            }
        )
        index.add("instrument", r["id"], r["naam"], W_NAME)
        index.add("instrument", r["id"], _join(r.get("trefwoorden")), W_KEYWORD)
        index.add("instrument", r["id"], _join(r["wat"], r.get("doelgroep_tekst")), W_BODY)
        extra_citations("instrument", r)

    for kind in ENTRY_KINDS:
        for pos, r in enumerate(rec[kind]):
            rows[s.Entry].append(
                {
                    "kind": kind,
                    "id": r["id"],
                    "name": r["naam"],
                    "summary": r["samenvatting"],
                    "text": r.get("tekst"),
                    "points": r.get("punten") or [],
                    "age_groups": r.get("leeftijdsfasen") or [],
                    "gemeente": r.get("gemeente"),
                    "url": r.get("url"),
                    "keywords": r.get("trefwoorden") or [],
                    "position": pos,
                    **_citation(r["bron"]),
                }
            )
            index.add(kind, r["id"], r["naam"], W_NAME)
            index.add(kind, r["id"], _join(r.get("trefwoorden"), r.get("gemeente")), W_KEYWORD)
            index.add(kind, r["id"], _join(r["samenvatting"], r.get("tekst"), r.get("punten")), W_BODY)
            extra_citations(kind, r)

    rows[s.SearchPosting], rows[s.SearchTerm] = index.rows()
    rows[s.LoadInfo] = [
        {
            "id": 1,
            "content_hash": knowledge.content_hash,
            "loaded_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }
    ]
    return rows


def load(engine: Engine, knowledge: Knowledge) -> dict[str, int]:
    """Replace the database's content with `knowledge`, atomically. Returns row counts."""
    rows = build_rows(knowledge)
    with engine.begin() as conn:
        # Tables from an older version of schema.py are rebuilt (in the same transaction).
        if _outdated_tables(conn):
            s.Base.metadata.drop_all(conn)
        s.Base.metadata.create_all(conn)
        for table in reversed(s.ALL_TABLES):
            conn.execute(delete(table))
        for table in s.ALL_TABLES:
            model_rows = next((v for m, v in rows.items() if m.__table__ is table), [])
            for start in range(0, len(model_rows), 2000):
                conn.execute(insert(table), model_rows[start : start + 2000])
    return {table.name: len(next((v for m, v in rows.items() if m.__table__ is table), [])) for table in s.ALL_TABLES}


def _outdated_tables(conn) -> bool:
    """True when a table exists without a column schema.py has now (an older version loaded it)."""
    from sqlalchemy import inspect

    inspector = inspect(conn)
    for table in s.ALL_TABLES:
        if inspector.has_table(table.name):
            present = {c["name"] for c in inspector.get_columns(table.name)}
            if set(table.columns.keys()) - present:
                return True
    return False


def loaded_hash(engine: Engine) -> str | None:
    """The content hash of what is in the database now, or None when nothing is loaded (or it was
    loaded by an older schema, so it must be loaded again)."""
    from sqlalchemy import inspect

    if not inspect(engine).has_table(s.LoadInfo.__tablename__):
        return None
    with engine.connect() as conn:
        if _outdated_tables(conn):
            return None
        return conn.execute(select(s.LoadInfo.content_hash)).scalar()
