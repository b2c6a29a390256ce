"""One retrieval step over every kind of record: BM25 over the knowledge base's Dutch word keys.

A *unit* is what an answer can lead with: a Hoe-block, one section of a werkwijze (wat, waarom,
samenwerken, voorwaarden), a fund, a signal, an instrument or an entry. The index lives in memory:
it is built once per loaded knowledge (KnowledgeBase.retriever, at warm-up) from the database, so
it always matches what is loaded, needs no extra tables, and a search is a few dict lookups.

A question is split into *slots*, each scored once (the best of its alternatives): a content word
(its keys; else its compound parts; else one typo, only when the word is no Dutch or known word
itself), and each thesaurus concept it names (the source words). Names and titles weigh more.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .text import PARTICLES, common_prefix, deletions, edit_distance, is_known_word, keys, stopwords, words
from .thesaurus import Thesaurus

K1, B = 1.2, 0.6
W_NAME, W_KEYWORD, W_TEXT, W_MINOR = 3.0, 2.0, 1.0, 0.5
# How much a word of a unit's zoekvragen counts against the same word in the unit's own text
# (the best of the two counts; measured on the afstemdeel, 02-12: 0.6 → 1.0 top-1 75 → 77 %).
W_ASKED = 1.0
# How much a compound's part or a one-typo correction counts against the word itself.
PART_WEIGHT, TYPO_WEIGHT = 0.7, 0.8
# Words for screening and conversation instruments as a kind ("welke vragenlijst …?").
SCREENING_WORDS = {
    "screening",
    "screenen",
    "screeningsinstrument",
    "screeningsinstrumenten",
    "gespreksinstrument",
    "gespreksinstrumenten",
    "meetinstrument",
    "instrument",
    "instrumenten",
    "vragenlijst",
    "vragenlijsten",
}
# Words that say which kind of record is wanted, not what it is about: they steer, not match.
STEERING = SCREENING_WORDS | {
    "fonds",
    "fondsen",
    "interventie",
    "interventies",
    "werkwijze",
    "werkwijzen",
    "voorbeeld",
    "voorbeelden",
    "organisatie",
    "organisaties",
    "programma",
    "programmas",
    "tips",
    "tip",
    "doen",
    "aanpakken",
    "professional",
    "professionals",
    "jgz",
    "jeugdverpleegkundige",
    "jeugdarts",
    "jeugdartsen",
    "verpleegkundige",
    "bron",
    "bronnen",
    "handreiking",
    "vraag",
    "vragen",
    "staat",
    "weten",
    "zeggen",
    "zegt",
    "goed",
    "manier",
    "beste",
    "omgaan",
    "gaan",
    "mijn",
    "onze",
    "graag",
    "stichting",
    "bestaan",
    "bestaat",
    "iemand",
    "kunnen",
    "moet",
    "moeten",
    # What a gemeente or organisation does with it: they ask for the Voorwaarden sections.
    "subsidieren",
    "subsidieert",
    "financieren",
    "inkopen",
    "voldoen",
}
# Small talk and time words: no record is about them ("wat is het weer morgen?").
CHATTER = {
    "weer",
    "morgen",
    "vandaag",
    "gisteren",
    "straks",
    "leuk",
    "mooi",
    "prima",
    "bedankt",
    "dank",
    "hallo",
    "hoi",
    "doei",
    "oke",
    "ok",
    "jij",
    "je",
    "jou",
    "bent",
    "ben",
    "eigenlijk",
    "even",
    "gewoon",
    # pointing at the question or the sources, not saying what about: "wat zegt de handreiking daarover?"
    "daarover",
    "hierover",
    "erover",
    "zegt",
}


# The fund finder ignores "kind" and "kinderen"; here they tell "mentale gezondheid van kinderen"
# from the block for ouders.
KEEP = {"kind", "kinderen"}


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w in KEEP or w not in stopwords()]


@dataclass(frozen=True)
class Unit:
    key: str  # "hoe:bespreken-jongeren", "werkwijze:bespreken/wat", "fonds:…"
    kind: str
    record_id: str
    title: str
    age_groups: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    local: bool = False  # a local fund or example: only with its gemeente named

    @property
    def record(self) -> str:
        """The record this unit belongs to: the sections of one werkwijze are one record."""
        return self.key.split("/", 1)[0]


# A figure in a text: digits, or a number, share or amount in words ("de helft", "twintig procent").
FIGURE = re.compile(
    r"\d|\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|veertig|vijftig|honderd|"
    r"duizend|miljoen|miljard|helft|kwart|procent)\b",
    re.IGNORECASE,
)
# A price or what something costs: "25 luiers voor 1 euro", "gratis", "een eigen bijdrage".
PRICE = re.compile(
    r"€|\beuro'?s?\b|\bgratis\b|\bkosteloos\b|\beigen bijdrage\b|\bkost(en)? (niets|niks)\b", re.IGNORECASE
)


@dataclass
class Hit:
    unit: Unit
    score: float
    coverage: float  # share of the question's weight that this unit matched
    matched: frozenset[str]  # the slot labels it matched
    evidence: float = 0.0  # the summed idf of the matched slots: how much it shares
    unknown: float = 0.0  # share of the question's weight in words no record has at all
    own: float = 0.0  # the same as evidence, for the slots the unit's own text matched (not its zoekvragen)


@dataclass
class Slot:
    label: str  # the word or "concept:<id>"
    alternatives: dict[str, float]  # key → weight
    idf: float = 0.0  # the best idf of its alternatives (for coverage)
    steering: bool = False


@dataclass
class Query:
    slots: list[Slot] = field(default_factory=list)
    concepts: list = field(default_factory=list)


class Index:
    def __init__(
        self,
        documents: list[tuple[Unit, list[tuple[str, float]]]],
        thesaurus: Thesaurus,
        asked: dict[str, tuple[str, ...]] | None = None,
    ):
        """documents: each unit with its weighted fields (text, weight); asked: unit key → its
        zoekvragen (bot/kb/zoekvragen.py), the words professionals use for it."""
        self.thesaurus = thesaurus
        self.units = [unit for unit, _ in documents]
        self.by_key = {u.key: i for i, u in enumerate(self.units)}
        self.postings: dict[str, dict[int, float]] = defaultdict(dict)
        self.words: set[str] = set()
        self.word_df: dict[str, int] = defaultdict(int)  # word as written → units that contain it
        lengths = []
        for i, (_, fields) in enumerate(documents):
            tf: dict[str, float] = defaultdict(float)
            length = 0.0
            seen: set[str] = set()
            for text, weight in fields:
                tokens = [w for w in content_words(text) if len(w) >= 2]
                length += weight * len(tokens)
                seen.update(tokens)
                for w in tokens:
                    self.words.add(w)
                    for k in keys(w):
                        tf[k] += weight
            for k, v in tf.items():
                self.postings[k][i] = v
            for w in seen:
                self.word_df[w] += 1
            lengths.append(length)
        # Compound heads ("ziekteverzuim" → verzuim): found under the head too, at part weight.
        for w in list(self.words):
            for head in _heads(w, self.postings):
                for i, v in list(self.postings[w].items()):
                    self.postings[head].setdefault(i, 0.0)
                    self.postings[head][i] = max(self.postings[head][i], v * PART_WEIGHT)
        self.lengths = lengths
        # The units (by key, and their records) whose own text gives a figure (an amount, a number, a
        # share): "hoeveel kost …" is answered by one of these, or not by the sources at all.
        self.figures = frozenset(
            name
            for unit, fields in documents
            if any(FIGURE.search(text or "") for text, _ in fields)
            for name in (unit.key, unit.record)
        )
        # … and those that say what something costs: "wat kost een GIZ-training?" is not answered by the
        # ages and dimensions of the GIZ-methodiek.
        self.prices = frozenset(
            name
            for unit, fields in documents
            if any(PRICE.search(text or "") for text, _ in fields)
            for name in (unit.key, unit.record)
        )
        # Titles of two or more content words, as key sets (each word by its first key in the index); a
        # steering word counts when the title has another word too ("De opdracht van professionals").
        self.title_keys: list[frozenset[str]] = []
        for unit in self.units:
            title_words = content_words(unit.title)
            self.title_keys.append(
                frozenset(next(iter(sorted(keys(w) & self.postings.keys())), w) for w in title_words)
                if len(title_words) >= 2 and any(w not in STEERING for w in title_words)
                else frozenset()
            )
        self.avg_length = sum(lengths) / max(len(lengths), 1)
        n = len(self.units)
        self.idf = {k: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for k, p in self.postings.items()}
        # Zoekvragen: per key, in how many of a unit's zoekvragen it occurs. Kept apart from the
        # unit's own text, so that "shares a word" (shares_word) still means the record's own words.
        self.asked: dict[str, dict[int, float]] = defaultdict(dict)
        for key, questions in (asked or {}).items():
            if key not in self.by_key:
                continue
            i = self.by_key[key]
            for question in questions:
                question_keys = {k for w in content_words(question) if len(w) >= 2 for k in keys(w)}
                for k in question_keys:
                    self.asked[k][i] = self.asked[k].get(i, 0.0) + 1.0
        # A word's weight in the zoekvragen is its own rarity there: "zie" or "kind" in many of them
        # says little, however rare it is in the records.
        self.asked_idf = {k: math.log(1 + (n - len(p) + 0.5) / (len(p) + 0.5)) for k, p in self.asked.items()}
        for k, idf in self.asked_idf.items():
            self.idf.setdefault(k, idf)
        self.max_idf = math.log(1 + (n - 0.5) / 1.5)
        self.vocabulary = frozenset(self.words)
        self._typo: dict[str, set[str]] = defaultdict(set)
        for w in self.words:
            if len(w) >= 5:
                for variant in deletions(w):
                    self._typo[variant].add(w)

    # --- the question -----------------------------------------------------------------------

    def query(self, text: str) -> Query:
        from .ages import AGE_WORDS

        q = Query()
        particles = [p for p in PARTICLES if p in words(text)]
        for w in dict.fromkeys(content_words(text)):
            if len(w) < 2 or w in CHATTER:
                continue
            alternatives = self._alternatives(w)
            for particle in particles:
                for k in keys(particle + w):
                    if k in self.postings and len(k) > len(particle) + 2:
                        alternatives.setdefault(k, 1.0)
            # An age word ("puber") is the age-group hint's to use, not a subject: it steers.
            slot = Slot(w, alternatives, steering=w in STEERING or w in AGE_WORDS)
            slot.idf = max((self.idf.get(k, 0.0) for k in alternatives), default=0.0) or self.max_idf
            q.slots.append(slot)
        q.concepts = self.thesaurus.find(text)
        for concept in q.concepts:
            alternatives: dict[str, float] = {}
            for phrase in concept.source_words:
                for w in content_words(phrase):
                    for k in keys(w):
                        if k in self.postings:
                            alternatives[k] = 1.0
            if alternatives:
                # The question's words that named the concept ("buren") are one piece of evidence with
                # it: folded into the concept's slot, a unit counts the word or the concept, not both.
                named = {w for phrase in concept.words for w in content_words(phrase)}
                for slot in [s for s in q.slots if s.label in named and not s.steering]:
                    q.slots.remove(slot)
                    for k, weight in slot.alternatives.items():
                        alternatives[k] = max(alternatives.get(k, 0.0), weight)
            if alternatives:
                slot = Slot(f"concept:{concept.id}", alternatives)
                slot.idf = max(self.idf[k] for k in alternatives)
                q.slots.append(slot)
        return q

    def unknown_words(self, text: str | Query) -> list[str]:
        """The question's content words that no record has, not even as a compound part or with a
        one-letter typo ("pretecho"): what the question is about may be one of them."""
        query = text if isinstance(text, Query) else self.query(text)
        return [s.label for s in query.slots if not s.alternatives and not s.steering]

    def _alternatives(self, word: str) -> dict[str, float]:
        found = {k: 1.0 for k in keys(word) if k in self.postings or k in self.asked}
        if found:
            return found
        parts = {part: PART_WEIGHT for part in self._compound_parts(word)}
        if parts:
            return parts
        if len(word) >= 5 and not is_known_word(word, self.vocabulary):
            best: list[tuple[tuple[int, int, int], str]] = []
            for variant in deletions(word):
                for stored in self._typo.get(variant, ()):
                    distance = edit_distance(word, stored)
                    if distance <= 1:
                        best.append(((distance, -common_prefix(word, stored), -len(self.postings[stored])), stored))
            if best:
                return {min(best)[1]: TYPO_WEIGHT}
        return {}

    # --- searching -----------------------------------------------------------------------------

    def search(
        self,
        text: str | Query,
        kinds: dict[str, float] | None = None,
        age_group: str | None = None,
        needs: tuple[str, ...] = (),
        gemeente: str | None = None,
        section: str | None = None,
        only: tuple[str, ...] = (),
        limit: int = 10,
    ) -> list[Hit]:
        """Units best first. kinds: a boost per kind (the NLU intent's hint); age_group and needs
        boost the units for them; section boosts that section of every werkwijze ("waarom …");
        local records only count when their gemeente is named."""
        query = text if isinstance(text, Query) else self.query(text)
        query_keys = {k for slot in query.slots if not slot.label.startswith("concept:") for k in slot.alternatives}
        scores: dict[int, float] = defaultdict(float)
        matched: dict[int, set[str]] = defaultdict(set)
        matched_weight: dict[int, float] = defaultdict(float)
        total_weight = sum(s.idf for s in query.slots if not s.steering) or 1.0
        unknown = sum(s.idf for s in query.slots if not s.steering and not s.alternatives) / total_weight
        own_weight: dict[int, float] = defaultdict(float)
        for slot in query.slots:
            best: dict[int, float] = {}
            for k, weight in slot.alternatives.items():
                idf = self.idf[k]
                for i, tf in self.postings.get(k, {}).items():
                    norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * self.lengths[i] / self.avg_length))
                    value = weight * idf * norm
                    if value > best.get(i, 0.0):
                        best[i] = value
                # A word of the unit's zoekvragen counts too, never more than its own words.
                asked_idf = min(idf, self.asked_idf.get(k, 0.0))
                for i, tf in self.asked.get(k, {}).items():
                    value = W_ASKED * weight * asked_idf * tf * (K1 + 1) / (tf + K1)
                    if value > best.get(i, 0.0):
                        best[i] = value
            if not slot.steering:
                for i in {i for k in slot.alternatives for i in self.postings.get(k, {})}:
                    own_weight[i] += slot.idf
            # A steering word ("signalen") helps only a little: the kind boost does its real work.
            factor = 0.3 if slot.steering else 1.0
            for i, value in best.items():
                scores[i] += factor * value
                matched[i].add(slot.label)
                if not slot.steering:
                    matched_weight[i] += slot.idf
        hits = []
        gemeente_words = set(words(gemeente)) if gemeente else set()
        for i, score in scores.items():
            unit = self.units[i]
            if only and unit.kind not in only:
                continue
            if not matched_weight[i]:
                continue  # only steering words: shares nothing of substance with the question
            if unit.local and not gemeente_words & set(words(unit.title + " " + unit.record_id.replace("-", " "))):
                continue
            score *= (kinds or {}).get(unit.kind, 1.0)
            if age_group and unit.age_groups:
                score *= 1.25 if age_group in unit.age_groups else 0.8
            if needs and set(needs) & set(unit.needs):
                score *= 1.5
            if section == "hoe" and unit.kind == "werkwijze":
                score *= 0.7  # a how-question wants the Hoe-blocks, not Wat or Waarom
            elif section and unit.kind == "werkwijze":
                score *= 1.6 if unit.key.endswith("/" + section) else 0.8
            elif section in ("waarom", "samenwerken", "voorwaarden") and unit.kind == "hoe":
                score *= 0.7  # only a werkwijze has a Waarom, Samenwerken or Voorwaarden section
            # The question names the record's whole title ("wat is integraal werken?").
            if self.title_keys[i] and self.title_keys[i] <= query_keys:
                score *= 1.5
            hits.append(
                Hit(
                    unit,
                    score,
                    matched_weight[i] / total_weight,
                    frozenset(matched[i]),
                    matched_weight[i],
                    unknown,
                    own_weight[i],
                )
            )
        hits.sort(key=lambda h: (-h.score, h.unit.key))
        return hits[:limit]

    def _compound_parts(self, word: str) -> list[str]:
        """The head and modifier of a compound the sources do not have ("energierekening" → rekening),
        as far as the sources have them."""
        if any(k in self.postings for k in keys(word)):
            return []
        parts = []
        for i in range(4, len(word) - 3):
            head, modifier = word[i:], word[:i]
            for part in (head, modifier, modifier[:-1] if modifier[-1] in "se" else ""):
                if len(part) >= 4 and part in self.postings and part not in parts:
                    parts.append(part)
        return parts

    @lru_cache(maxsize=512)  # noqa: B019 - one index per loaded knowledge; the same text is checked per hit
    def _content_keys(self, text: str) -> frozenset[str]:
        """The keys a record's own text must have to share content with the question: its content
        words, the parts of a compound the sources do not have, and the source words of the thesaurus
        concepts it names."""
        asked = [w for w in content_words(text) if w not in STEERING]
        found = {k for w in asked for k in keys(w)}
        found.update(part for w in asked for part in self._compound_parts(w))
        found.update(
            k
            for concept in self.thesaurus.find(text)
            for phrase in concept.source_words
            for w in content_words(phrase)
            for k in keys(w)
        )
        return frozenset(found)

    def shares_word(self, unit_key: str, text: str) -> bool:
        """Whether the unit's own text (not its zoekvragen, not a typo's correction) shares content
        with the question (_content_keys)."""
        i = self.by_key.get(unit_key)
        if i is None:
            return True
        return any(i in self.postings.get(k, ()) for k in self._content_keys(text))

    def asks_about(self, phrase: str, text: str) -> bool:
        """Whether the question names every content word of the phrase (a werkwijze's name, "Bespreken"),
        in its own words or through a thesaurus concept ("hoe begin ik erover?" names bespreken)."""
        wanted = content_words(phrase)
        asked = self._content_keys(text)
        return bool(wanted) and all(keys(w) & asked for w in wanted)

    def mentions(self, unit_key: str, phrase: str) -> bool:
        """Whether the unit's own text has every content word of the phrase ("huiswerkbegeleiding",
        "uitstapje met de klas"), in any of its forms."""
        i = self.by_key.get(unit_key)
        wanted = content_words(phrase)
        return (
            i is not None and bool(wanted) and all(any(i in self.postings.get(k, ()) for k in keys(w)) for w in wanted)
        )

    def point_order(self, points: tuple[str, ...], text: str) -> list[int]:
        """Indexes of the points: those matching the question first (best first), then the rest in
        source order."""
        query = self.query(text)
        scored = []
        for i, point in enumerate(points):
            point_keys = {k for w in content_words(point) for k in keys(w)}
            score = sum(
                max(
                    (self.idf.get(k, 0.0) * weight for k, weight in slot.alternatives.items() if k in point_keys),
                    default=0.0,
                )
                for slot in query.slots
                if not slot.steering
            )
            scored.append((-score, i))
        return [i for _, i in sorted(scored)]


def _heads(word: str, postings) -> list[str]:
    """The known heads of a compound word (5+ letters, itself a word in the sources)."""
    if len(word) < 8:
        return []
    return [word[i:] for i in range(3, len(word) - 4) if word[i:] in postings and word[i:] != word]


# --- building the units from the loaded knowledge ---------------------------------------------------

SECTIONS = {"wat": "Wat", "waarom": "Waarom", "samenwerken": "Samenwerken", "voorwaarden": "Voorwaarden"}


def documents(kb) -> list[tuple[Unit, list[tuple[str, float]]]]:
    """Every unit of the loaded knowledge with its weighted fields."""
    from sqlalchemy import select

    from . import schema as s
    from .vocabulary import AANVRAGERS, SIGNAAL_CATEGORIEEN, SIGNAAL_DOELGROEPEN

    def text(*parts) -> str:
        out = []
        for part in parts:
            if isinstance(part, (list, tuple)):
                out.extend(str(p) for p in part)
            elif part:
                out.append(str(part))
        return " ".join(out)

    docs: list[tuple[Unit, list[tuple[str, float]]]] = []
    werkwijzen = {row["id"]: row for row in kb._rows(select(s.Werkwijze).order_by(s.Werkwijze.position))}
    for wid, w in werkwijzen.items():
        for section, label in SECTIONS.items():
            if w[section]:
                unit = Unit(f"werkwijze:{wid}/{section}", "werkwijze", wid, f"{w['name']}: {label.lower()}")
                # The quotes (of parents, ervaringswerkers) say why: they belong with Waarom.
                quotes = text([q.get("tekst", "") for q in w["quotes"]]) if section == "waarom" else ""
                # The werkwijze's name is shared by all its units: weighed as in its Hoe-blocks.
                docs.append(
                    (
                        unit,
                        [
                            (w["name"], W_KEYWORD),
                            (label, W_MINOR),
                            (w[section], W_TEXT),
                            (quotes, W_TEXT),
                            (text(w["keywords"]), W_MINOR if section == "wat" else 0.0),
                        ],
                    )
                )
    for b in kb._rows(select(s.HoeBlock).order_by(s.HoeBlock.werkwijze_id, s.HoeBlock.position)):
        w = werkwijzen[b["werkwijze_id"]]
        unit = Unit(f"hoe:{b['id']}", "hoe", b["id"], b["title"], tuple(b["age_groups"]))
        docs.append(
            (
                unit,
                [
                    (b["title"], W_NAME),
                    (w["name"], W_KEYWORD),
                    (b["intro"] or "", W_TEXT),
                    (text(b["points"]), W_TEXT),
                    (text(b["mentions"]), W_KEYWORD),
                    (text(w["keywords"]), W_MINOR),
                ],
            )
        )
    need_rows = {row["id"]: row for row in kb._rows(select(s.Need))}
    fund_needs: dict[str, list[str]] = defaultdict(list)
    for row in kb._rows(select(s.FundNeed)):
        fund_needs[row["fund_id"]].append(row["need_id"])
    for f in kb._rows(select(s.Fund).order_by(s.Fund.position)):
        needs = tuple(fund_needs[f["id"]])
        need_words = text([[need_rows[n]["name"], *need_rows[n]["synonyms"]] for n in needs if n in need_rows])
        unit = Unit(f"fonds:{f['id']}", "fonds", f["id"], f["name"], (), needs, local=bool(f["gemeente"]))
        docs.append(
            (
                unit,
                [
                    (f["name"], W_NAME),
                    (text(f["keywords"]), W_KEYWORD),
                    (need_words, W_KEYWORD),
                    (f["description"], W_TEXT),
                    (f["how_to_apply"] or "", W_MINOR),
                    (f["local_conditions"] or "", W_MINOR),
                    (f["age_text"] or "", W_MINOR),
                    (text([AANVRAGERS[a] for a in f["applicants"] if a in AANVRAGERS]), W_MINOR),
                    (f["gemeente"] or "", W_KEYWORD),
                ],
            )
        )
    for sig in kb._rows(select(s.Signal).order_by(s.Signal.position)):
        category = SIGNAAL_CATEGORIEEN.get(sig["category"], ("", ""))[1]
        unit = Unit(f"signaal:{sig['id']}", "signaal", sig["id"], sig["text"], tuple(sig["age_groups"]))
        docs.append(
            (
                unit,
                [(sig["text"], W_KEYWORD), (category, W_TEXT), (SIGNAAL_DOELGROEPEN.get(sig["target"], ""), W_MINOR)],
            )
        )
    for ins in kb._rows(select(s.Instrument).order_by(s.Instrument.position)):
        unit = Unit(f"instrument:{ins['id']}", "instrument", ins["id"], ins["name"], tuple(ins["age_groups"]))
        docs.append(
            (
                unit,
                [
                    (ins["name"], W_NAME),
                    (text(ins["keywords"]), W_KEYWORD),
                    (ins["what"], W_TEXT),
                    (ins["who"] or "", W_TEXT),
                    (ins["target_text"] or "", W_TEXT),
                ],
            )
        )
    for e in kb._rows(select(s.Entry).order_by(s.Entry.kind, s.Entry.position)):
        unit = Unit(f"{e['kind']}:{e['id']}", e["kind"], e["id"], e["name"], tuple(e["age_groups"]), local=False)
        docs.append(
            (
                unit,
                [
                    (e["name"], W_NAME),
                    (text(e["keywords"]), W_KEYWORD),
                    (e["gemeente"] or "", W_KEYWORD),
                    (e["summary"], 1.5),
                    (e["text"] or "", W_TEXT),
                    (text(e["points"]), W_TEXT),
                ],
            )
        )
    return docs
