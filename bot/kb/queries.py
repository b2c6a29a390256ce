"""The questions the actions ask the knowledge base. Every record carries its citation."""

from __future__ import annotations

import re
from functools import cached_property

from sqlalchemy import Engine, and_, case, create_engine, func, or_, select

from . import records as r
from . import schema as s
from .ages import AGE_WORDS, AgeRange, find_stage, parse_age
from .text import (
    TermMatcher,
    content_words,
    is_dutch_word,
    is_known_word,
    keys,
    normalize,
    without_brackets,
    without_non_needs,
    words,
)
from .vocabulary import ENTRY_KINDS

# Retrieval indexes by (database, loaded content): a new KnowledgeBase on the same data (the actions
# make one per process, tests one per test) reuses the index instead of rebuilding it.
_INDEXES: dict[tuple[str, str | None], object] = {}


class KnowledgeBaseMissing(RuntimeError):
    """The database has no knowledge loaded (or cannot be read)."""


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        return create_engine(url, connect_args={"check_same_thread": False})
    return create_engine(url, pool_pre_ping=True)


class KnowledgeBase:
    def __init__(self, engine: Engine):
        self.engine = engine
        self._sources: dict[str, tuple[str, str | None]] | None = None

    @classmethod
    def from_url(cls, url: str) -> KnowledgeBase:
        return cls(make_engine(url))

    # --- helpers ---------------------------------------------------------------------

    def check(self) -> None:
        """Raise KnowledgeBaseMissing when the database is unreadable or empty."""
        from sqlalchemy.exc import SQLAlchemyError

        try:
            with self.engine.connect() as conn:
                loaded = conn.execute(select(func.count()).select_from(s.LoadInfo)).scalar()
        except SQLAlchemyError as exc:
            raise KnowledgeBaseMissing(str(exc).splitlines()[0]) from exc
        if not loaded:
            raise KnowledgeBaseMissing("de kennisbank is leeg")

    def warm_up(self) -> None:
        """Build the term matchers now, at start-up: the first one loads spaCy's Dutch lemmas,
        which took the first fund question 1.2 s (01-12) instead of a few milliseconds."""
        for matcher in ("need_matcher", "need_names", "gemeenten", "name_matcher", "retriever"):
            getattr(self, matcher)
        is_known_word("warm")  # loads spaCy's word list for the typo guard

    @cached_property
    def retriever(self):
        """The in-memory retrieval index over every unit (bot.kb.retrieval), built once per loaded content."""
        from .load import loaded_hash
        from .retrieval import Index, documents
        from .thesaurus import thesaurus
        from .zoekvragen import zoekvragen

        key = (self.engine.url.render_as_string(hide_password=False), loaded_hash(self.engine))
        if key not in _INDEXES:
            for stale in [k for k in _INDEXES if k[0] == key[0]]:
                del _INDEXES[stale]  # an earlier content of the same database (bot/kb/live.py)
            _INDEXES[key] = Index(documents(self), thesaurus(), zoekvragen())
        return _INDEXES[key]

    def _rows(self, query):
        with self.engine.connect() as conn:
            return conn.execute(query).mappings().all()

    @property
    def sources(self) -> dict[str, tuple[str, str | None]]:
        """Document id → (title as cited, the document's link)."""
        if self._sources is None:
            self._sources = {row["id"]: (row["title"], row["url"]) for row in self._rows(select(s.Source))}
        return self._sources

    def _citation(self, row) -> r.Citation:
        """Where the record stands, linked to the source document (with its page, for a PDF). The
        record's own website (the bron's url) is not the source: answers link it on the name."""
        title, url = self.sources.get(row["source_id"], (row["source_id"], None))
        if url and row["page"] and url.lower().endswith(".pdf"):
            url = f"{url}#page={row['page']}"
        return r.Citation(title, tuple(row["section_path"]), row["page"], url)

    def _fund(self, row) -> r.Fund:
        return r.Fund(
            row["id"],
            row["name"],
            row["description"],
            row["min_age"],
            row["max_age"],
            row["age_text"],
            tuple(row["applicants"]),
            row["how_to_apply"],
            row["local_conditions"],
            row["gemeente"],
            row["url"],
            self._citation(row),
        )

    def _signal(self, row) -> r.Signal:
        return r.Signal(
            row["id"], row["target"], row["category"], row["text"], tuple(row["age_groups"]), self._citation(row)
        )

    def _instrument(self, row) -> r.Instrument:
        return r.Instrument(
            row["id"],
            row["name"],
            tuple(row["age_groups"]),
            row["min_age"],
            row["max_age"],
            row["target_text"],
            row["what"],
            row["who"],
            row["url"],
            self._citation(row),
        )

    def _entry(self, row) -> r.Entry:
        return r.Entry(
            row["kind"],
            row["id"],
            row["name"],
            row["summary"],
            row["text"],
            tuple(row["points"]),
            tuple(row["age_groups"]),
            row["gemeente"],
            row["url"],
            self._citation(row),
        )

    def _block(self, row, werkwijze_name: str) -> r.HoeBlock:
        return r.HoeBlock(
            row["id"],
            row["werkwijze_id"],
            werkwijze_name,
            row["title"],
            row["intro"],
            tuple(row["points"]),
            tuple(row["age_groups"]),
            tuple(row["mentions"]),
            self._citation(row),
        )

    # --- funds -----------------------------------------------------------------------

    def need_matcher_terms(self) -> dict[str, str]:
        """Every way a need is written (name, id, synonyms) → need id."""
        terms: dict[str, str] = {}
        for row in self._rows(select(s.Need)):
            for phrase in [row["name"], row["id"].replace("-", " "), *row["synonyms"]]:
                terms[phrase] = row["id"]
        return terms

    @cached_property
    def need_matcher(self) -> TermMatcher:
        from .thesaurus import thesaurus

        return TermMatcher(self.need_matcher_terms(), wholes=thesaurus().other_words())

    @cached_property
    def need_terms(self) -> dict[str, tuple[str, ...]]:
        """Need id → every way it is written (name, id, synonyms)."""
        terms: dict[str, list[str]] = {}
        for phrase, need_id in self.need_matcher_terms().items():
            terms.setdefault(need_id, []).append(phrase)
        return {need_id: tuple(found) for need_id, found in terms.items()}

    @cached_property
    def need_names(self) -> dict[str, str]:
        return {row["id"]: row["name"] for row in self._rows(select(s.Need.id, s.Need.name))}

    @cached_property
    def gemeenten(self) -> dict[str, str]:
        """Normalised gemeente → as written, for every gemeente that has a local record."""
        found = {}
        for row in self._rows(select(s.Fund.gemeente).where(s.Fund.gemeente.is_not(None)).distinct()):
            found[normalize(row["gemeente"])] = row["gemeente"]
        for row in self._rows(select(s.Entry.gemeente).where(s.Entry.gemeente.is_not(None)).distinct()):
            found[normalize(row["gemeente"])] = row["gemeente"]
        return found

    def resolve_needs(self, text: str | None) -> list[str]:
        """The needs the text names; not a period that is over ("na de kraamweek" asks what comes after),
        nor "de sociale kaart"."""
        return self.need_matcher.match(without_non_needs(text)) if text else []

    def find_funds(
        self,
        need: str | None = None,
        age: str | float | AgeRange | None = None,
        applicant: str | None = None,
        gemeente: str | None = None,
        limit: int | None = None,
    ) -> r.FundSearch:
        """Funds for a need, most relevant first.

        Age excludes funds whose stated range excludes it (funds without a stated range stay).
        Gemeente adds that gemeente's local funds (first) to the national ones.
        """
        need_ids = self.resolve_needs(need)
        age_range = age if isinstance(age, AgeRange) or age is None else parse_age(str(age))
        query = select(s.Fund)
        if need and not need_ids:
            return r.FundSearch((), need, age_range.label if age_range else None, applicant, gemeente, ())
        if need_ids:
            query = query.where(s.Fund.id.in_(select(s.FundNeed.fund_id).where(s.FundNeed.need_id.in_(need_ids))))
        if applicant:
            query = query.where(
                s.Fund.id.in_(select(s.FundApplicant.fund_id).where(s.FundApplicant.applicant == applicant))
            )
        gemeente_key = normalize(gemeente) if gemeente else None
        if gemeente_key:
            query = query.where(or_(s.Fund.gemeente_key.is_(None), s.Fund.gemeente_key == gemeente_key))
        else:
            query = query.where(s.Fund.gemeente_key.is_(None))
        order = []
        if gemeente_key:
            order.append(case((s.Fund.gemeente_key == gemeente_key, 0), else_=1))
        if age_range:
            query = query.where(
                or_(s.Fund.min_age.is_(None), s.Fund.min_age <= age_range.high),
                or_(s.Fund.max_age.is_(None), s.Fund.max_age >= age_range.low),
            )
            order.append(case((and_(s.Fund.min_age.is_(None), s.Fund.max_age.is_(None)), 1), else_=0))
        order += [s.Fund.position, s.Fund.id]
        rows = self._rows(query.order_by(*order).limit(limit) if limit else query.order_by(*order))
        funds = tuple(self._fund(row) for row in rows)
        if age_range is not None:
            funds = tuple(
                f
                for f in funds
                if not age_range.other_school(f.age_text)
                and not (f.min_age is None and f.max_age is None and age_range.outside_stage(f.age_text))
            )
        # Without an age, ask for one when the candidates' age ranges differ.
        age_matters = age_range is None and len({(f.min_age, f.max_age) for f in funds}) > 1
        return r.FundSearch(
            tuple(self.need_names[n] for n in need_ids),
            None,
            age_range.label if age_range else None,
            applicant,
            gemeente,
            funds,
            age_matters,
        )

    def fund(self, fund_id: str) -> r.Fund | None:
        rows = self._rows(select(s.Fund).where(s.Fund.id == fund_id))
        return self._fund(rows[0]) if rows else None

    # --- werkwijzen ------------------------------------------------------------------

    def werkwijzen(self, category: str | None = None) -> list[r.Werkwijze]:
        query = select(s.Werkwijze).order_by(s.Werkwijze.position)
        if category:
            query = query.where(s.Werkwijze.category == category)
        return [self._werkwijze(row, blocks=False) for row in self._rows(query)]

    def _werkwijze(self, row, blocks: bool = True) -> r.Werkwijze:
        block_rows = (
            self._rows(select(s.HoeBlock).where(s.HoeBlock.werkwijze_id == row["id"]).order_by(s.HoeBlock.position))
            if blocks
            else []
        )
        return r.Werkwijze(
            row["id"],
            row["name"],
            row["category"],
            row["position"],
            row["wat"],
            row["waarom"],
            row["samenwerken"],
            row["voorwaarden"],
            tuple(row["quotes"]),
            self._citation(row),
            tuple(self._block(b, row["name"]) for b in block_rows),
        )

    def werkwijze(self, name_or_id: str) -> r.Werkwijze | None:
        """A werkwijze by id, name or a name typed loosely ("signalen verbinden", "vertrouwen")."""
        wanted = normalize(name_or_id).replace(" ", "-")
        rows = self._rows(select(s.Werkwijze))
        for row in rows:
            if wanted in (row["id"], normalize(row["name"]).replace(" ", "-")):
                return self._werkwijze(row)
        hits = self.search(name_or_id, kinds=("werkwijze",), limit=1)
        if hits:
            return self._werkwijze(next(row for row in rows if row["id"] == hits[0].id))
        return None

    def hoe_blocks(
        self, werkwijze: str | None = None, age_group: str | None = None, topic: str | None = None, limit: int = 5
    ) -> list[r.HoeBlock]:
        """Hoe blocks, best first: matching the topic, then the age group, then source order."""
        names = {row["id"]: row["name"] for row in self._rows(select(s.Werkwijze.id, s.Werkwijze.name))}
        query = select(s.HoeBlock).join(s.Werkwijze, s.Werkwijze.id == s.HoeBlock.werkwijze_id)
        if werkwijze:
            query = query.where(s.HoeBlock.werkwijze_id == werkwijze)
        query = query.order_by(s.Werkwijze.position, s.HoeBlock.position)
        scores = {}
        if topic:
            scores = {
                record_id: score
                for (_, record_id), score in self.search_scores(topic, kinds=("hoe",), limit=200).items()
            }
            # Read only the blocks the search found; without any, all blocks of the werkwijze.
            rows = self._rows(query.where(s.HoeBlock.id.in_(scores))) if scores else []
            rows = rows or (self._rows(query) if werkwijze else [])
        else:
            rows = self._rows(query)

        def age_factor(row) -> float:
            if not age_group:
                return 1.0
            if age_group in row["age_groups"]:
                return 1.5
            return 1.0 if not row["age_groups"] else 0.5

        def rank(item):
            index, row = item
            if scores:
                return (-scores.get(row["id"], 0.0) * age_factor(row), index)
            return (-age_factor(row), index)

        ranked = [row for _, row in sorted(enumerate(rows), key=rank)]
        return [self._block(row, names[row["werkwijze_id"]]) for row in ranked[:limit]]

    def hoe_block(self, block_id: str) -> r.HoeBlock | None:
        rows = self._rows(
            select(s.HoeBlock, s.Werkwijze.name.label("wname"))
            .join(s.Werkwijze, s.Werkwijze.id == s.HoeBlock.werkwijze_id)
            .where(s.HoeBlock.id == block_id)
        )
        return self._block(rows[0], rows[0]["wname"]) if rows else None

    # --- signals, instruments, entries -------------------------------------------------

    def signals(
        self, target: str | None = None, category: str | None = None, age_group: str | None = None
    ) -> list[r.Signal]:
        """Signals of the signaleringslijst; with an age group, those naming it come first."""
        query = select(s.Signal).where(s.Signal.category != "risicogroep")
        if target:
            query = query.where(s.Signal.target == target)
        if category:
            query = query.where(s.Signal.category == category)
        found = [self._signal(row) for row in self._rows(query.order_by(s.Signal.position))]
        if age_group:
            found.sort(key=lambda sig: 0 if age_group in sig.age_groups else 1)
        return found

    def risk_groups(self) -> list[r.Signal]:
        return [
            self._signal(row)
            for row in self._rows(
                select(s.Signal).where(s.Signal.category == "risicogroep").order_by(s.Signal.position)
            )
        ]

    def instruments(
        self, age_group: str | None = None, age: AgeRange | None = None, name: str | None = None
    ) -> list[r.Instrument]:
        rows = self._rows(select(s.Instrument).order_by(s.Instrument.position))
        found = [self._instrument(row) for row in rows]
        if name:
            wanted = set(words(name))
            found = [i for i in found if wanted & set(words(i.name)) or normalize(i.id) in normalize(name)]
        if age and not age_group:
            age_group = age.fase
        if age_group:
            found = [i for i in found if age_group in i.age_groups]
        if age:
            found = [i for i in found if age.overlaps(i.min_age, i.max_age)]
        # The bijlage's instruments first, then specific ones before those for all ages.
        found.sort(key=lambda i: (i.citation.page is None, len(i.age_groups) >= 4))
        return found

    def entries(
        self, kind: str | None = None, topic: str | None = None, gemeente: str | None = None, limit: int = 5
    ) -> list[r.Entry]:
        query = select(s.Entry)
        if kind:
            query = query.where(s.Entry.kind == kind)
        if gemeente:
            query = query.where(func.lower(s.Entry.gemeente) == gemeente.lower())
        rows = self._rows(query.order_by(s.Entry.kind, s.Entry.position))
        if topic:
            kinds = (kind,) if kind else tuple(ENTRY_KINDS)
            scores = self.search_scores(topic, kinds=kinds, limit=100)
            rows = sorted(
                (row for row in rows if (row["kind"], row["id"]) in scores),
                key=lambda row: -scores[(row["kind"], row["id"])],
            )
        return [self._entry(row) for row in rows[:limit]]

    def entry(self, kind: str, entry_id: str) -> r.Entry | None:
        rows = self._rows(select(s.Entry).where(s.Entry.kind == kind, s.Entry.id == entry_id))
        return self._entry(rows[0]) if rows else None

    # --- names and free text -------------------------------------------------------------

    @cached_property
    def name_matcher(self) -> TermMatcher:
        """Names of funds, instruments, werkwijzen and entries, plus words unique to one name."""
        named: list[tuple[str, str, str]] = []
        for row in self._rows(select(s.Fund.id, s.Fund.name).where(s.Fund.gemeente.is_(None))):
            named.append(("fonds", row["id"], row["name"]))
        # A local fund answers to its full name only: its words ("Zwolle") would otherwise stand for it.
        local_funds = {
            row["name"]: f"fonds:{row['id']}"
            for row in self._rows(select(s.Fund.id, s.Fund.name).where(s.Fund.gemeente.is_not(None)))
        }
        for row in self._rows(select(s.Instrument.id, s.Instrument.name)):
            named.append(("instrument", row["id"], row["name"]))
        for row in self._rows(select(s.Werkwijze.id, s.Werkwijze.name)):
            named.append(("werkwijze", row["id"], row["name"]))
        for row in self._rows(
            select(s.Entry.kind, s.Entry.id, s.Entry.name).where(
                s.Entry.kind.in_(("interventie", "organisatie", "voorbeeld", "aanpak"))
            )
        ):
            named.append((row["kind"], row["id"], row["name"]))
        word_owners: dict[str, list[tuple[int, str]]] = {}
        for kind, rid, name in named:
            for w in content_words(name):
                word_owners.setdefault(w, []).append((len(words(name)), f"{kind}:{rid}"))
        # Words that name a kind of thing, not one thing: "welke vragenlijst …" names no instrument.
        generic = {
            "stichting",
            "fonds",
            "nationaal",
            "project",
            "landelijke",
            "landelijk",
            "interventie",
            "aanpak",
            "gezondheid",
            "kinderen",
            "armoede",
            "methode",
            "methodiek",
            "actie",
            "vragenlijst",
            "lijst",
            "instrument",
            "checklist",
            "training",
            "programma",
            "korte",
            "problemen",
            "psychosociale",
            "ouders",
            "jongeren",
            "gemeente",
            "gesprek",
            "gesprekstools",
            "signalering",
            "vroegsignalering",
            "regeling",
            "regelingen",
            "steun",
            "ondersteuning",
            "kansrijke",
            "start",
            "school",
            "gezonde",
            "gezond",
            "positieve",
            "opvoeding",
            "geld",
            "schulden",
            "werk",
            "wijk",
            "voedselbank",
            "kleding",
            "gratis",
            "extra",
            "gezin",
            "gezinnen",
            "kosten",
            "tijd",
            "tijden",
        }
        generic_keys = {k for g in generic for k in keys(g)}  # "interventies" is as generic as "interventie"
        # A word for an age group or a need is what it says ("en voor een baby?", "en voor sport?"),
        # not the one name it happens to occur in ("Toeslagen … kosten van een baby").
        need_keys = {key for phrase in self.need_matcher_terms() for w in words(phrase) for key in keys(w)}
        terms: dict[str, str] = dict(local_funds)
        for kind, rid, name in named:
            terms[name] = f"{kind}:{rid}"
            terms[rid.replace("-", " ")] = f"{kind}:{rid}"
        # Written apart or together: "Home-Start" or "Home Start" for HomeStart, "Vitaal Thuis" or
        # "VitaalThuis" alike; a one-word form only when it is no Dutch word of its own.
        for kind, rid, name in named:
            apart = re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", name)
            together = re.sub(r"(?<=\w)[- ](?=\w)", "", name)
            if apart != name:
                terms.setdefault(apart, f"{kind}:{rid}")
            if together != name and len(words(name)) <= 3 and not is_dutch_word(normalize(together)):
                terms.setdefault(together, f"{kind}:{rid}")
        # The name without what stands in brackets: "Durven Doen" for Durven Doen (Single SuperMom). Not
        # what stands there: that is as often who offers it ("Geldplan Bijna 18 (Nibud)").
        for kind, rid, name in named:
            outside = without_brackets(name)
            if outside != name and (len(words(outside)) >= 2 or not is_dutch_word(normalize(outside))):
                terms.setdefault(outside, f"{kind}:{rid}")
        for kind, rid, name in named:
            # "Jarige Job" for Stichting Jarige Job.
            first, _, rest = name.partition(" ")
            if normalize(first) in ("stichting", "project") and len(words(rest)) > 1:
                terms.setdefault(rest, f"{kind}:{rid}")
        # Names as professionals shorten them: run together ("jarigejob"), as initials ("SKKIN"), or
        # by a keyword of the record that is no Dutch word and belongs to no other record ("sam&").
        shorthand: dict[str, set[str]] = {}
        for kind, rid, name in named:
            tokens = [t for t in words(name) if t not in ("stichting", "project")]
            if len(tokens) >= 2:
                shorthand.setdefault("".join(tokens), set()).add(f"{kind}:{rid}")
            if len(words(name)) >= 4:
                shorthand.setdefault("".join(t[0] for t in words(name)), set()).add(f"{kind}:{rid}")
        for table in (s.Fund, s.Instrument):
            for row in self._rows(select(table.id, table.keywords)):
                kind = "fonds" if table is s.Fund else "instrument"
                for keyword in row["keywords"]:
                    # A keyword word no other record uses ("skkin", "sam&"), not a word like "onderwijs".
                    if any(
                        not is_dutch_word(w) and not keys(w) & need_keys and self.retriever.word_df.get(w, 0) <= 2
                        for w in words(keyword)
                    ):
                        shorthand.setdefault(keyword, set()).add(f"{kind}:{row['id']}")
        for phrase, owners in shorthand.items():
            if len(owners) == 1 and len(normalize(phrase)) >= 4:
                terms.setdefault(phrase, next(iter(owners)))
        # A distinctive word stands for its record ("Kinderhulp" → Nationaal Fonds Kinderhulp); when
        # several names share it, for the one with the shortest name, if that one is unambiguous.
        acronyms = {a for _, _, name in named for a in _name_acronyms(name)}
        for w, owners in word_owners.items():
            if w in acronyms and len(owners) == 1:
                terms.setdefault(w, owners[0][1])  # "GIZ", "KZO": however often other records mention it
                continue
            if len(w) < 4 or keys(w) & generic_keys or w in AGE_WORDS or keys(w) & need_keys:
                continue
            if is_dutch_word(w) or not self._distinctive(w):
                # A Dutch word names a record only in the whole name: "geen familie" is no "BV Familie",
                # "zoekt houvast" no programme Houvast.
                continue
            owners.sort()
            if len(owners) == 1 or owners[0][0] < owners[1][0]:
                terms.setdefault(w, owners[0][1])
        return TermMatcher(terms, heads=False, forms=False)

    # A word of a name (no Dutch word) stands for its record only when the rest of the knowledge base
    # rarely uses it: "Kinderhulp", "Leergeld", not "professionals" (Armoede ervaren).
    DISTINCTIVE_UNITS = 15

    def _distinctive(self, word: str) -> bool:
        units = max((len(self.retriever.postings.get(k, ())) for k in keys(word)), default=0)
        return units <= self.DISTINCTIVE_UNITS

    def find_named(self, text: str) -> list[tuple[str, str]]:
        """(kind, id) of the named things mentioned in the text, in order. A school stage is an age,
        not a name ("basisonderwijs" is no part of "… voortgezet onderwijs")."""
        tokens = normalize(text).split()
        stage = find_stage(tokens)
        if stage:
            text = " ".join(t for i, t in enumerate(tokens) if i not in stage[1])
        return [tuple(t.split(":", 1)) for t in self.name_matcher.match(text)]

    def record(self, kind: str, record_id: str) -> r.Record | None:
        if kind == "fonds":
            return self.fund(record_id)
        if kind == "werkwijze":
            rows = self._rows(select(s.Werkwijze).where(s.Werkwijze.id == record_id))
            return self._werkwijze(rows[0]) if rows else None
        if kind == "hoe":
            return self.hoe_block(record_id)
        if kind == "signaal":
            rows = self._rows(select(s.Signal).where(s.Signal.id == record_id))
            return self._signal(rows[0]) if rows else None
        if kind == "instrument":
            rows = self._rows(select(s.Instrument).where(s.Instrument.id == record_id))
            return self._instrument(rows[0]) if rows else None
        return self.entry(kind, record_id)

    def search(
        self, text: str, kinds: tuple[str, ...] | None = None, limit: int = 5, national_only: bool = True
    ) -> list[r.SearchHit]:
        """Free-text search over all records: tf-idf over lemma/stem keys, best first."""
        hits = []
        for row in self._search_rows(text, kinds, limit, national_only):
            record = self.record(row["kind"], row["record_id"])
            if record is None:
                continue
            title = getattr(record, "name", None) or getattr(record, "title", None) or getattr(record, "text", "")
            hits.append(r.SearchHit(row["kind"], row["record_id"], title, float(row["score"]), record))
        return hits

    def search_scores(
        self, text: str, kinds: tuple[str, ...] | None = None, limit: int = 5
    ) -> dict[tuple[str, str], float]:
        """The search's scores by (kind, id), best first, without reading each record (one query,
        where `search` reads every hit: for ranking hoe blocks that was 200 queries)."""
        return {
            (row["kind"], row["record_id"]): float(row["score"])
            for row in self._search_rows(text, kinds, limit, national_only=True)
        }

    def _search_rows(self, text: str, kinds: tuple[str, ...] | None, limit: int, national_only: bool):
        terms = {k[:120] for w in content_words(text) if len(w) >= 2 for k in keys(w)}
        if not terms:
            return []
        score = func.sum(s.SearchPosting.weight * s.SearchTerm.idf).label("score")
        query = (
            select(s.SearchPosting.kind, s.SearchPosting.record_id, score)
            .join(s.SearchTerm, s.SearchTerm.term == s.SearchPosting.term)
            .where(s.SearchPosting.term.in_(terms))
            .group_by(s.SearchPosting.kind, s.SearchPosting.record_id)
            .order_by(score.desc(), s.SearchPosting.kind, s.SearchPosting.record_id)
        )
        if kinds:
            query = query.where(s.SearchPosting.kind.in_(kinds))
        if national_only:
            local = select(s.Fund.id).where(s.Fund.gemeente_key.is_not(None))
            query = query.where(or_(s.SearchPosting.kind != "fonds", s.SearchPosting.record_id.not_in(local)))
        return self._rows(query.limit(limit))

    # --- counts ----------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        counts = {}
        with self.engine.connect() as conn:
            for label, table in (
                ("werkwijzen", s.Werkwijze),
                ("hoe-blokken", s.HoeBlock),
                ("fondsen", s.Fund),
                ("behoeften", s.Need),
                ("signalen", s.Signal),
                ("instrumenten", s.Instrument),
            ):
                counts[label] = conn.execute(select(func.count()).select_from(table)).scalar()
            for kind in ENTRY_KINDS:
                counts[kind] = conn.execute(
                    select(func.count()).select_from(s.Entry).where(s.Entry.kind == kind)
                ).scalar()
        return counts


def _name_acronyms(name: str) -> set[str]:
    """Three capitals that stand for a record: its name's first word ("GIZ-methodiek", "Stichting IMC
    Weekendschool", "JIM: Jouw Ingebrachte Mentor") or the initials of the rest ("Kwetsbare Zwangeren
    Overleg (KZO)"); not a term inside it ("Interventieoverzicht lage SES" is no SES)."""
    found = set()
    rest = re.sub(r"^(Stichting|Project)\s+", "", name)
    first = re.match(r"([A-Z]{3})\b", rest)
    if first:
        found.add(first.group(1).lower())
    for abbreviation in re.findall(r"\(([A-Z]{3})\)", name):
        initials = "".join(w[0] for w in re.findall(r"[^\W\d_]+", name.split("(")[0]) if w[0].isupper())
        if initials.endswith(abbreviation):
            found.add(abbreviation.lower())
    return found
