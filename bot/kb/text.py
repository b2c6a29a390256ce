"""Dutch text matching: normalisation, lemmas (spaCy), light stemming and typo tolerance.

Every word is reduced to a small set of *keys* (the word, its lemma, its stem); a
query word matches a stored term when their key sets meet. Typos are handled with
a one-deletion neighbourhood (SymSpell-style), which is a set lookup, not a scan.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHE = re.compile(r"(?<=[a-z0-9])['’`](?=[a-z])")

# Dutch plural and diminutive endings, longest first; a stem keeps at least 3 letters.
_SUFFIXES = ("etjes", "pjes", "tjes", "jes", "etje", "pje", "tje", "je", "'s", "en", "s")

_EXTRA_STOPWORDS = {
    "kind",
    "kinderen",
    "jaar",
    "jarige",
    "oud",
    "welk",
    "welke",
    "fonds",
    "fondsen",
    "graag",
    "iemand",
    "iets",
    "krijgen",
    "kun",
    "kunnen",
    "kan",
    "wie",
    "wat",
    "hoe",
    "waar",
    "betaalt",
    "betalen",
    "vergoedt",
    "vergoeden",
    "regeling",
    # Conjunctions spaCy's list lacks: they join clauses, they say nothing about the subject.
    "zodat",
    "doordat",
    "daardoor",
    "waardoor",
    "waarbij",
    "zolang",
    "alsof",
}
# Pronominal adverbs ("hiermee", "daarvoor", "waarover", "ermee"): they point, they name nothing.
_EXTRA_STOPWORDS |= {
    start + end
    for start in ("hier", "daar", "waar", "er")
    for end in (
        "mee",
        "over",
        "voor",
        "bij",
        "in",
        "aan",
        "van",
        "op",
        "uit",
        "door",
        "na",
        "naar",
        "om",
        "onder",
        "tegen",
        "toe",
        "achter",
        "zonder",
    )
}


@lru_cache(maxsize=1)
def _nlp():
    """The Dutch pipeline: nl_core_news_sm when installed, else blank nl + lookup lemmas."""
    import spacy

    try:
        return spacy.load("nl_core_news_sm", disable=["parser", "ner", "tagger", "morphologizer"])
    except (OSError, ValueError):
        nlp = spacy.blank("nl")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        return nlp


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(strip_accents(w) for w in _nlp().Defaults.stop_words) | _EXTRA_STOPWORDS


def _lookups(*names: str):
    """spaCy-lookups-data's Dutch tables by name (fewer when the package is absent)."""
    try:
        from spacy.lookups import load_lookups

        lookups = load_lookups("nl", list(names), strict=False)
    except (ImportError, ValueError):
        return []
    return [lookups.get_table(name) for name in names if lookups.has_table(name)]


@lru_cache(maxsize=1)
def _lexicon():
    """Dutch words from spaCy's lemma tables: the lookup table's keys (inflected forms, hashed) and
    values (lemmas), plus the irregular forms of the exceptions ("leest", "gaat", "past"), which the
    lookup table lacks: such a word is never a typo for a need. (Not the lemma index: it holds rare
    compounds that are names here, "leergeld".)"""
    table = _nlp().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    words_ = {strip_accents(str(v).lower()) for v in table.values()}
    for extra in _lookups("lemma_exc"):
        for forms in extra.values():  # per part of speech
            words_.update(strip_accents(str(w).lower()) for w in forms)
    return table, frozenset(words_)


def is_dutch_word(word: str, plurals: bool = True) -> bool:
    from spacy.strings import get_string_id

    table, lemmas = _lexicon()
    if word in lemmas or get_string_id(word) in table:
        return True
    # Plurals the table does not list ("meisjes", "fietsen", "broertjes").
    return plurals and any(
        word.endswith(end)
        and len(word) > len(end) + 2
        and (word[: -len(end)] in lemmas or get_string_id(word[: -len(end)]) in table)
        for end in ("s", "en", "'s")
    )


def is_known_word(word: str, vocabulary: frozenset[str] | set[str] = frozenset()) -> bool:
    """A word of Dutch or of the knowledge base, also as a compound of two such words ("rijles",
    "schoolreisje"): such a word is what it says, never a typo for another word."""

    def known(part: str) -> bool:
        return part in vocabulary or is_dutch_word(part, plurals=False)

    if word in vocabulary or is_dutch_word(word):
        return True
    # Compound: a modifier (3+ letters, maybe with a linking s or e) and a head of 4+ letters.
    for i in range(3, len(word) - 3):
        head, modifier = word[i:], word[:i]
        if known(head) and (known(modifier) or modifier[-1] in "se" and len(modifier) > 3 and known(modifier[:-1])):
            return True
    return False


def strip_accents(text: str) -> str:
    if text.isascii():
        return text  # most of what is searched: no accent to strip, and decomposing it costs
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_AT = re.compile(r"(?<=[a-z])@(?=[a-z])")
_BRACKETS = re.compile(r"\s*\([^)]*\)")


def without_brackets(name: str) -> str:
    """A name without what stands in brackets: "Durven Doen" for "Durven Doen (Single SuperMom)"."""
    return " ".join(_BRACKETS.sub(" ", name).split())


@lru_cache(maxsize=20_000)
def normalize(text: str) -> str:
    """Lower case, no accents, '&' as 'en', only letters and digits separated by spaces. Kept: one answer
    normalises the same record texts and question many times (3,47 → 3,25 ms per answer, 07-12-2026)."""
    text = strip_accents(text.lower()).replace("&", " en ")
    # An "@" inside a name stands for an "a": "M@ZL" is MAZL (a question's e-mail address is redacted first).
    text = _AT.sub("a", text)
    # An apostrophe inside a word joins it: "zzp'ers" → zzpers, "baby's" → babys.
    text = _APOSTROPHE.sub("", text)
    return " ".join(_WORD.findall(text))


# What names no need though it holds a need's word: a period that is over or ending ("na de kraamweek",
# "de kraamweek is bijna om": when, not what for), "de sociale kaart" (a map of local help, no ticket),
# and going to bed or staying in it ("gaan pas om elf uur naar bed": sleep, not a bed to buy).
_NO_NEED = re.compile(
    r"\b(na|sinds) (de |het |afloop van de |afloop van het )?\w+"
    r"|\b\w+ (is|zit) (bijna |straks |al )?(om|voorbij|afgelopen|erop)\b"
    r"|\bsociale kaart\b"
    r"|\b(naar|in|op|uit) (bed|bedje)\b(?! (nodig|kopen|gekocht|betalen|aanschaffen))"
)


def without_non_needs(text: str) -> str:
    """The normalised text without what names no need: "kraamweek is bijna om, is er iets voor
    daarna?" asks for what comes after the kraamweek, not for kraamzorg."""
    return _NO_NEED.sub(" ", normalize(text))


def words(text: str) -> list[str]:
    return normalize(text).split()


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    doc = _nlp()(word)
    return strip_accents(doc[0].lemma_.lower()) if len(doc) == 1 and doc[0].lemma_ else word


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            # "lessen" → "les", "jassen" → "jas": undo the doubled consonant of the plural.
            if suffix == "en" and len(base) >= 4 and base[-1] == base[-2] and base[-1] not in "aeiou":
                base = base[:-1]
            return base
    return word


@lru_cache(maxsize=50_000)
def keys(word: str) -> frozenset[str]:
    """The forms under which a single normalised word is stored and looked up."""
    lem = lemma(word)
    found = {word, lem, stem(word), stem(lem)}
    # "afspraken" → afsprak → afspraak: a plural's open syllable has a single vowel for the singular's double.
    if word.endswith("en") and len(word) >= 5:
        base = word[:-2]
        if base[-1] not in "aeiou" and base[-2] in "aou" and base[-3] not in "aeiou":
            found.add(base[:-1] + base[-2] + base[-1])
    return frozenset(found)


def deletions(key: str) -> set[str]:
    """The key and every string one deletion away: two keys within one edit share one."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def edit_distance(a: str, b: str) -> int:
    """Optimal string alignment distance: insert, delete, substitute, swap neighbours."""
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in stopwords()]


def phrase_key(phrase: str) -> str:
    """One key for a (multi-word) phrase: the lemma-stem of each word, joined."""
    return " ".join(stem(lemma(w)) for w in words(phrase))


# Separable verbs: "bouw ik vertrouwen op" is opbouwen, "werk ik samen" samenwerken.
PARTICLES = (
    "op",
    "aan",
    "af",
    "in",
    "uit",
    "mee",
    "door",
    "terug",
    "over",
    "samen",
    "toe",
    "voor",
    "na",
    "om",
    "bij",
    "weg",
    "vast",
    "los",
)
# Prefixes and particles that derive a word rather than compound one: "opvoeding" is no voeding,
# "aankaarten" no kaarten, "nascholing" no scholing.
_DERIVING = set(PARTICLES) | {"ver", "be", "ge", "ont", "her", "onder", "er", "mis"}


def _compound_split(modifier: str, head: str) -> bool:
    """Whether modifier + head reads as a compound: not a derivation ("opvoeding"), and a short head
    ("eten", "tand", "boek") only after a known first word ("kinderboek", not "versl|eten", "w|eten")."""
    if modifier in _DERIVING or (modifier[-1:] == "s" and modifier[:-1] in _DERIVING):
        return False  # a particle takes no linking s: "bijstand" is bij|stand, not bijs|tand
    return len(head) >= 5 or (len(modifier) >= 3 and is_known_word(modifier))


def _derivation(word: str) -> bool:
    """A Dutch word made of a prefix and another Dutch word ("be|loven", "ver|kleden"): no compound,
    so no head to find ("bel|oven" is no oven)."""
    return is_dutch_word(word) and any(
        word.startswith(prefix) and len(word) - len(prefix) >= 4 and is_dutch_word(word[len(prefix) :])
        for prefix in _DERIVING
    )


class TermMatcher:
    """Maps words and phrases a user types to the ids of stored terms.

    Matching order: exact key, then compound head ("voetbalcontributie" → contributie),
    then one typo for words of five letters or more (closest first, then longest shared start).
    """

    MIN_TYPO_LENGTH = 5
    MIN_HEAD_LENGTH = 4

    def __init__(
        self,
        terms: dict[str, str],
        fuzzy: bool = True,
        heads: bool = True,
        forms: bool = True,
        wholes: frozenset[str] = frozenset(),
    ):
        # terms: phrase as written → target id. fuzzy=False: exact forms only (no heads, no typos);
        # heads=False: no compound heads (a name is typed whole: "hoofdstad" does not name "… Stad");
        # forms=False: a single word only as written (or one typo): "helpen" does not name "Twente helpt";
        # wholes: words that mean something else as a whole, never split for their head
        # ("consultatiebureau" is no bureau for a child's room).
        self.fuzzy = fuzzy
        self.heads = heads
        self.wholes = wholes
        self._phrases: dict[str, set[str]] = {}
        self._typo: dict[str, set[tuple[str, str]]] = {}
        self.max_words = 1
        for phrase, target in terms.items():
            tokens = words(phrase)
            if not tokens:
                continue
            if len(tokens) == 1:
                # A single word is stored under all its forms, so "fietsen" finds "fiets".
                for key in keys(tokens[0]) if forms else {tokens[0]}:
                    self._phrases.setdefault(key, set()).add(target)
                    if len(key) >= self.MIN_TYPO_LENGTH:
                        for variant in deletions(key):
                            self._typo.setdefault(variant, set()).add((key, target))
            else:
                self._phrases.setdefault(phrase_key(phrase), set()).add(target)
                self.max_words = max(self.max_words, len(tokens))

    def _word_targets(self, word: str) -> set[str]:
        for key in keys(word):
            if key in self._phrases:
                return set(self._phrases[key])
        if not self.fuzzy or word in self.wholes:
            return set()
        heads = self.heads and not _derivation(word)
        for start in range(1, len(word) - self.MIN_HEAD_LENGTH + 1 if heads else 1):
            head = word[start:]
            if not _compound_split(word[:start], head):
                continue  # "versleten" is not about eten
            for key in (head, stem(head)):
                if key in self._phrases and len(key) >= self.MIN_HEAD_LENGTH:
                    return set(self._phrases[key])
            if len(word[:start]) >= 3 and is_known_word(word[:start]) and is_dutch_word(head):
                break  # the longest Dutch head is the head: "achter|standen" holds no "tanden"
        # A word that is itself Dutch ("rijles") is not a typo for a term ("bijles").
        if len(word) >= self.MIN_TYPO_LENGTH and word not in stopwords() and not is_known_word(word):
            candidates: dict[str, tuple[int, int]] = {}
            for key in keys(word):
                for variant in deletions(key):
                    for stored, target in self._typo.get(variant, ()):
                        rank = (edit_distance(key, stored), -common_prefix(key, stored))
                        if rank[0] <= 1 and (target not in candidates or rank < candidates[target]):
                            candidates[target] = rank
            if candidates:
                best = min(candidates.values())
                return {target for target, rank in candidates.items() if rank == best}
        return set()

    def exact(self, word: str) -> set[str]:
        """The targets of one word in one of its forms, without compound heads or typos."""
        return next((set(self._phrases[key]) for key in keys(word) if key in self._phrases), set())

    def match(self, text: str) -> list[str]:
        """Target ids found in the text, in the order they appear, without repeats."""
        tokens = words(text)
        found: list[str] = []
        used = [False] * len(tokens)
        # Each word's key once, for every phrase span it is part of (single-word terms need none).
        stems = [stem(lemma(w)) for w in tokens] if self.max_words > 1 else []
        # Longest phrases first, so "sport en cultuur" wins over "sport".
        for size in range(self.max_words, 1, -1):
            for i in range(len(tokens) - size + 1):
                if any(used[i : i + size]):
                    continue
                key = " ".join(stems[i : i + size])
                if key in self._phrases:
                    used[i : i + size] = [True] * size
                    found.extend(sorted(self._phrases[key]))
        # Again without the words that only colour a phrase: "willen echt geen hulp" is "willen geen hulp",
        # "weigeren om hulp aan te nemen" holds "weigeren hulp".
        kept = [i for i, token in enumerate(tokens) if token not in FILLERS] if self.max_words > 1 else []
        if kept and len(kept) < len(tokens):
            for size in range(self.max_words, 1, -1):
                for k in range(len(kept) - size + 1):
                    span = kept[k : k + size]
                    if any(used[i] for i in span) or span[-1] - span[0] == size - 1:
                        continue  # unbroken spans were tried above
                    key = " ".join(stems[i] for i in span)
                    if key in self._phrases:
                        for i in span:
                            used[i] = True
                        found.extend(sorted(self._phrases[key]))
        for i, token in enumerate(tokens):
            if not used[i] and token not in stopwords():
                found.extend(sorted(self._word_targets(token)))
        return list(dict.fromkeys(found))


# Words that colour a phrase without changing what it says ("echt", "gewoon", "daar"): a phrase is
# found with them in between. Not "niet" or "geen": those turn a phrase around.
FILLERS = frozenset(
    {
        "echt",
        "er",
        "daar",
        "dan",
        "ook",
        "nog",
        "gewoon",
        "helemaal",
        "even",
        "al",
        "toch",
        "eigenlijk",
        "zo",
        "heel",
        "wel",
        "om",
        "zelf",
        "soms",
        "vaak",
        "steeds",
        "nu",
        "best",
        "erg",
        "nogal",
        "totaal",
    }
)
