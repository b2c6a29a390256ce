"""The word lists the name detector (bot/privacy_names.py) decides with; kept by others, but for one maintained list.

- Ordinary Dutch words: every word form in spaCy's Dutch lemma tables (spacy-lookups-data, ±410 000
  lower-case forms: nouns, verbs, adjectives, nationalities, months …). A capitalised word that is
  none of these is probably a name. The tables also hold some names in lower case ("emma", "daan"),
  so a word that is in the name lists below counts as a name all the same, unless it is common; in
  lower case only when the tables hold it as a bare noun with no forms ("johanna", not "roos" → "roosjes").
- English words: the forms in spaCy's English lemma table, minus everything in the name lists, so
  that programme and organisation names in English ("Back to School", "Cruyff Court") are no names.
- Names and places: the lookup lists of Deduce (the de-identification tool for Dutch clinical text,
  UMC Utrecht; the `deduce` package): 14 881 first names, 10 500 surnames, surname particles,
  6 741 residences, 346 municipalities, regions, provinces, 369 hospitals; and the words that are
  names but mostly ordinary (its name exceptions, its 1 000 most common words and its stop words).
- First names of other countries: the first-name tables of Faker's person providers (the `faker`
  package, MIT), ±18 600 names in Latin script from some 80 locales, without those that are an ordinary
  Dutch word, a frequent English word, a place or a name the knowledge base knows, and without names of
  three letters or fewer ("oke" is chat for okay). Deduce's list is Dutch: "Nicu", "Deepa" and "Kyara"
  were names only when their context said so.
- What the assistant knows by name: funds, organisations, programmes, instruments, local examples
  and their gemeenten, read from knowledge/*.yml. Redacting one would change the answer.
- What professionals name and the knowledge base does not know: shops, energy companies, insurers,
  charities, outings, children's book figures, kept by the maintainers in privacy_known_names.yml.

Only the data files are read; none of the packages is imported (Deduce would load its tokenizer and
street lists, spaCy its language machinery, Faker its providers). Loading takes about a second (Faker's
tables a third of it), once per process.
"""

from __future__ import annotations

import ast
import gzip
import importlib.util
import json
import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import yaml

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
# Shops, companies, charities and the like that professionals name and the knowledge base does not know.
KNOWN_NAMES = Path(__file__).resolve().parent / "privacy_known_names.yml"
FUNCTION_WORDS = Path(__file__).resolve().parent / "privacy_function_words.txt"
ENGLISH_WORDS = Path(__file__).resolve().parent / "privacy_english_words.txt"
# Gemeenten that Deduce's list (2022) lacks: the official Frisian names (it has "Tietjerksteradeel",
# "De Friese Meren") and the gemeenten formed since.
_GEMEENTEN_SINCE = {
    "dantumadiel",
    "de fryske marren",
    "tytsjerksteradiel",
    "land van cuijk",
    "dijk en waard",
    "voorne aan zee",
}
# Record kinds whose names a question can be about (the same kinds the NLU lookup tables use).
_KB_KINDS = ("fondsen", "instrumenten", "interventies", "organisaties", "aanpakken", "voorbeelden", "werkwijzen")


_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Directions before a place's own name; the second line in Frisian ("Súdwest-Fryslân").
DIRECTIONS = {"noord", "zuid", "oost", "west", "midden", "noordoost", "zuidwest", "noordwest", "zuidoost"}
DIRECTIONS |= {"noard", "súd", "east", "noardeast", "súdwest", "noardwest", "súdeast"}


class WordListsMissing(RuntimeError):
    pass


@dataclass
class Lexicon:
    ordinary: set[str] = field(default_factory=set)  # lower-case ordinary Dutch word forms
    first_names: set[str] = field(default_factory=set)  # lower case
    surnames: set[str] = field(default_factory=set)  # lower case, single words
    interfix_surnames: set[str] = field(default_factory=set)  # "de wit", "van der meer"
    common: set[str] = field(default_factory=set)  # names that are mostly ordinary words (lower case)
    stop: set[str] = field(default_factory=set)  # function words ("kan", "is", "heeft")
    places: set[str] = field(default_factory=set)  # lower case; multiword ones too ("den haag")
    municipalities: set[str] = field(default_factory=set)  # lower case
    world: set[str] = field(default_factory=set)  # countries, parts of the world, languages (lower case)
    kb_phrases: set[str] = field(default_factory=set)  # lower case, two words or more
    kb_words: set[str] = field(default_factory=set)  # lower case single words never taken for a name
    kb_names: set[str] = field(default_factory=set)  # whole record names, lower case ("de vonk")
    kb_gemeenten: set[str] = field(default_factory=set)
    english: set[str] = field(default_factory=set)  # English word forms that are no listed name
    # Frequent English words, names among them ("with", "can", "my"), that are no Dutch function word:
    # evidence that a sentence is English, not that one word is no name.
    english_frequent: set[str] = field(default_factory=set)
    frequent: set[str] = field(default_factory=set)  # the most frequent Dutch words and function words
    short_bare_nouns: set[str] = field(default_factory=set)  # nouns of up to five letters without any form
    # First names the Dutch tables hold as a bare noun only ("linda", "maria"): in lower case still a name.
    bare_first_names: set[str] = field(default_factory=set)
    # All of Faker's first names, also those that are an ordinary word ("florin", "karim"): those are no
    # name on their own, but no shop or thing in a list of names either ("Nicu en Florin").
    world_first_names: frozenset[str] = frozenset()
    max_phrase: int = 1


def _spacy_data() -> Path:
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        raise WordListsMissing("spacy-lookups-data ontbreekt: voer `make setup` uit")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def _deduce_data() -> Path:
    try:
        root = Path(metadata.distribution("deduce").locate_file("deduce-data/lookup_lists"))
    except metadata.PackageNotFoundError:
        raise WordListsMissing("deduce ontbreekt: voer `make setup` uit") from None
    if not root.is_dir():
        raise WordListsMissing(f"deduce-lijsten niet gevonden in {root}")
    return root


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@lru_cache(maxsize=1)
def people_and_places() -> frozenset[str]:
    """Deduce's first names, surnames and Dutch places as single lower-case words, without the
    ordinary-word tables: what the action server needs to tell a client's name or a town from an
    unknown programme (bot/unknown_names.py), at a fraction of the whole lexicon's memory."""
    deduce = _deduce_data()
    lists = [deduce / "names" / f for f in ("first_names.txt", "surnames.txt")]
    words = {w.lower() for path in lists for line in _lines(path) for w in line.split()}
    return frozenset(words | {w for place in dutch_places() for w in place.split()})


@lru_cache(maxsize=1)
def dutch_places() -> frozenset[str]:
    """Deduce's Dutch municipalities, residences, regions and provinces, lower case ("den haag")."""
    locations = _deduce_data() / "locations"
    files = ("municipalities.txt", "residences.txt", "regions.txt", "provinces.txt")
    return frozenset(" ".join(line.lower().split()) for f in files for line in _lines(locations / f))


@dataclass
class _DutchTables:
    """spaCy's Dutch lemma tables, read once: form → lemma, part of speech → forms, and the exceptions."""

    lookup: dict[str, str]
    index: dict[str, list[str]]
    exceptions: dict[str, dict[str, list[str]]]

    @classmethod
    def read(cls, data: Path) -> _DutchTables:
        def table(name: str):
            return json.loads(gzip.decompress((data / f"nl_lemma_{name}.json.gz").read_bytes()))

        return cls(table("lookup"), table("index"), table("exc"))


def _ordinary_words(tables: _DutchTables) -> set[str]:
    words: set[str] = set()
    words.update(tables.lookup)
    words.update(tables.lookup.values())
    for forms in tables.index.values():
        words.update(forms)
    for table in tables.exceptions.values():
        for form, lemmas in table.items():
            words.add(form)
            words.update(lemmas)
    return {w.lower() for w in words if w.isalpha() or "-" in w}


def _bare_nouns(tables: _DutchTables) -> set[str]:
    """Words the Dutch tables hold only as a noun with no other form: no plural or diminutive of it, not
    itself a form of another word. Names the tables took in lower case ("linda", "johanna") are such;
    the first names that are real words have forms ("roos" → "roosjes", "lieve" of "lief")."""
    inflected = {w.lower() for pair in tables.lookup.items() for w in pair}
    for table in tables.exceptions.values():
        for form, lemmas in table.items():
            inflected.add(form.lower())
            inflected.update(lemma.lower() for lemma in lemmas)
    nouns: set[str] = set()
    for part_of_speech, forms in tables.index.items():
        if part_of_speech == "noun":
            nouns.update(f.lower() for f in forms)
        else:
            inflected.update(f.lower() for f in forms)  # also a verb or adjective: a word ("jade")
    return nouns - inflected


def function_words(path: Path = FUNCTION_WORDS) -> set[str]:
    """spaCy's Dutch stop words, as copied into FUNCTION_WORDS (Rasa's environment has no spaCy)."""
    return {w for w in _lines(path) if not w.startswith("#")}


def english_frequent_words(path: Path = ENGLISH_WORDS) -> set[str]:
    """spaCy's most frequent English words, as copied into ENGLISH_WORDS (the whole table is a million words)."""
    return {w for w in _lines(path) if not w.startswith("#")}


def _english_words(data: Path) -> set[str]:
    """English word forms (spaCy's English lemma table): "Back to School", "Quiet Community", "Court"."""
    lookup = json.loads(gzip.decompress((data / "en_lemma_lookup.json.gz").read_bytes()))
    return {w.lower() for pair in lookup.items() for w in pair if w.isalpha() and len(w) > 2}


_WORDS_OF = re.compile(r"[^\W\d_][\w'’&.-]*")


def _protect_name(lexicon: Lexicon, name: str, parts: bool = True) -> None:
    """Make one name of something that is no client (a record, a shop) a name the detector leaves alone;
    with parts, also every run of two words or more in it ("Jarige Job" of "Stichting Jarige Job") and
    each capitalised word that is no person's name ("Humanitas")."""
    # "Nederlands Centrum Jeugdgezondheid (NCJ)": the name, the part in brackets, the rest.
    pieces = [name, *re.findall(r"\(([^)]*)\)", name), re.sub(r"\([^)]*\)", " ", name)]
    for part in pieces:
        tokens = [t.strip(".").lower().replace("’", "'") for t in _WORDS_OF.findall(part)]
        tokens = [t for t in tokens if t]
        if len(tokens) >= 2:
            lexicon.kb_names.add(" ".join(tokens))
        if len(tokens) == 1:
            lexicon.kb_words.add(tokens[0])
        if not parts:
            continue
        # Every run of two words or more: "Jarige Job" from "Stichting Jarige Job".
        for i in range(len(tokens)):
            for j in range(i + 2, len(tokens) + 1):
                lexicon.kb_phrases.add(" ".join(tokens[i:j]))
        # A capitalised word of a name that is no person's name is never one: "Humanitas".
        for t, original in zip(tokens, [t.strip(".") for t in _WORDS_OF.findall(part)], strict=False):
            if original[:1].isupper() and t not in lexicon.first_names and t not in lexicon.surnames:
                lexicon.kb_words.add(t)


def _kb(lexicon: Lexicon) -> None:
    for kind in _KB_KINDS:
        path = KNOWLEDGE / f"{kind}.yml"
        if not path.exists():
            continue
        for record in yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML) or []:
            if not isinstance(record, dict):
                continue
            if record.get("gemeente"):
                lexicon.kb_gemeenten.add(str(record["gemeente"]).lower())
            names = [str(record.get("naam") or "")]
            names += [str(t) for t in record.get("trefwoorden") or [] if any(c.isupper() for c in str(t))]
            for name in names:
                _protect_name(lexicon, name)


def known_names(path: Path = KNOWN_NAMES) -> list[str]:
    """The maintained names of shops, companies, charities, outings and children's book figures (a
    mapping of group to list of names); a malformed file is an error naming the file and the group."""
    try:
        groups = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML)
    except yaml.YAMLError as e:
        raise ValueError(f"{path}: geen geldige YAML ({e})") from None
    if not isinstance(groups, dict):
        raise ValueError(f"{path}: verwacht groepen met elk een lijst namen")
    names: list[str] = []
    for group, members in groups.items():
        if not isinstance(members, list) or not all(isinstance(m, str) and m.strip() for m in members):
            raise ValueError(f"{path}: groep '{group}' moet een lijst namen (tekst) zijn")
        names += [m.strip() for m in members]
    return names


def _thesaurus_words() -> set[str]:
    """Every single word of the thesaurus's `woorden` (knowledge/thesaurus.yml), lower case. Read here
    rather than through bot.kb.thesaurus: the redaction also runs in Rasa's environment, where bot.kb
    (SQLAlchemy 2) cannot be imported."""
    path = KNOWLEDGE / "thesaurus.yml"
    if not path.exists():
        return set()
    found: set[str] = set()
    for concept in yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML) or []:
        for phrase in (concept or {}).get("woorden") or []:
            found |= {w for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", str(phrase).lower()) if len(w) > 2}
    return found


_TREMA = str.maketrans("äëïöü", "aeiou")


def _world_names(locale: str) -> set[str]:
    """Countries, regions of the world and languages in one language, from the Unicode CLDR (Babel)."""
    try:
        from babel import Locale
    except ImportError:
        raise WordListsMissing("babel ontbreekt: voer `make setup` uit") from None
    found = Locale(locale)
    return {name.lower() for table in (found.territories, found.languages) for name in table.values()}


def _faker_people() -> Path:
    spec = importlib.util.find_spec("faker")
    if spec is None or not spec.submodule_search_locations:
        raise WordListsMissing("faker ontbreekt: voer `make setup` uit")
    return Path(list(spec.submodule_search_locations)[0]) / "providers" / "person"


def _latin(name: str) -> bool:
    return all((c.isalpha() and ord(c) < 0x250) or c in "-'" for c in name)


@lru_cache(maxsize=1)
def world_first_names() -> frozenset[str]:
    """First names of many countries from Faker's person providers (MIT): the tuples named first_names*
    in its locale modules, read as data with `ast`, in Latin script. Deduce's list is Dutch: "Florin",
    "Salma" and "Bogdan" are names of clients all the same."""
    found: set[str] = set()
    for module in sorted(_faker_people().glob("*/__init__.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
                continue
            if not node.targets[0].id.startswith("first_names"):
                continue
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                continue  # weighted tables built with OrderedDict(...): the same names are in plain tuples elsewhere
            found |= {n.lower() for n in value if isinstance(n, str) and len(n) >= 4 and _latin(n)}
    return frozenset(found)


def _world(names: set[str]) -> set[str]:
    """Countries, regions of the world and languages in Dutch; in English too ("a colleague from Ireland"),
    but not those that are people's names ("Jordan", "Chad")."""
    return _world_names("nl") | (_world_names("en") - names)


def load() -> Lexicon:
    lexicon = Lexicon()
    dutch = _DutchTables.read(_spacy_data())
    lexicon.ordinary = _ordinary_words(dutch)
    english = _english_words(_spacy_data())
    deduce = _deduce_data()
    names = deduce / "names"
    lexicon.first_names = {w.lower() for w in _lines(names / "first_names.txt")}
    lexicon.surnames = {w.lower() for w in _lines(names / "surnames.txt") if " " not in w}
    lexicon.interfix_surnames = {" ".join(w.lower().split()) for w in _lines(names / "interfix_surnames.txt")}
    lexicon.surnames |= {w.split()[-1] for w in lexicon.interfix_surnames}
    exceptions = {w.lower() for f in ("first_name_exceptions.txt", "surname_exceptions.txt") for w in _lines(names / f)}
    lexicon.stop = {w.lower() for w in _lines(deduce / "stop_words.txt")}
    # spaCy's Dutch function words, which its lemma tables lack ("nooit", "ongeveer", "vooral"): "we zien
    # het gezin nooit meer" names no one. Not those that are names too.
    lexicon.ordinary |= function_words() - lexicon.first_names - lexicon.surnames
    # The words professionals use, as the thesaurus lists them ("niks", "zzp'er"), are ordinary words.
    lexicon.ordinary |= _thesaurus_words() - lexicon.first_names
    # Chat drops the trema: "cooperatie", "ideeen" are the ordinary words they stand for ("Zoe" stays a name).
    folded = {w.translate(_TREMA) for w in lexicon.ordinary if any(c in w for c in "äëïöü")}
    lexicon.ordinary |= folded - lexicon.ordinary - lexicon.first_names - lexicon.surnames
    # Names that are also English words ("Rose", "Mark", "Lisa") stay names.
    lexicon.english = english - lexicon.first_names - lexicon.surnames
    # with the English names of countries and languages, names or not: "sorry for my Dutch"
    lexicon.english_frequent = (english_frequent_words() | _world_names("en")) - function_words()
    lexicon.frequent = (
        ({w.lower() for w in _lines(deduce / "top_1000_terms.txt")} | lexicon.stop)
        - lexicon.first_names
        - lexicon.surnames
    )
    lexicon.common = exceptions | lexicon.stop | {w.lower() for w in _lines(deduce / "top_1000_terms.txt")}
    # (four letters or more: "max 1 sport per jaar" is short for maximum)
    bare_nouns = _bare_nouns(dutch)
    lexicon.bare_first_names = (
        {w for w in lexicon.first_names & bare_nouns if len(w) >= 4} - lexicon.common - lexicon.frequent
    )
    # The tail of a short compound is a word with forms: "Pet-rova" is no compound, "Dam-loop" is.
    lexicon.short_bare_nouns = {w for w in bare_nouns if len(w) <= 5}
    locations = deduce / "locations"
    lexicon.municipalities = {w.lower() for w in _lines(locations / "municipalities.txt")} | _GEMEENTEN_SINCE
    places = lexicon.municipalities | {
        w.lower()
        for f in ("residences.txt", "placenames_long.txt", "regions.txt", "provinces.txt")
        for w in _lines(locations / f)
    }
    places -= {w.lower() for w in _lines(locations / "residence_exceptions.txt")}
    # "Brabant" of Noord-Brabant, "Holland" of Zuid-Holland, "Fryslân" of Súdwest-Fryslân (Frisian directions).
    places |= {
        rest
        for p in places
        for first, _, rest in [p.replace(" ", "-").partition("-")]
        if rest and first in DIRECTIONS and " " not in rest and "-" not in rest
    }
    lexicon.world = _world(lexicon.first_names | lexicon.surnames)
    places |= lexicon.world
    places.add("den bosch")  # the name everyone uses for 's-Hertogenbosch
    _kb(lexicon)
    for name in known_names():
        _protect_name(lexicon, name)
    # Deduce's Dutch hospitals ("Tjongerschans", "Isala"), but none that is a person's name as well
    # ("Jeroen Bosch", "Antonius"): a client of that name would stay.
    personal = lexicon.first_names | lexicon.surnames | {"van", "de", "der", "den", "het", "ter", "ten", "sint"}
    for name in _lines(deduce / "institutions" / "hospitals.txt"):
        if not all(t.lower() in personal for t in name.split()):
            # Whole names only: not "Jeroen Bosch" of "Jeroen Bosch Ziekenhuis", nor "Villa" of "De Villa".
            _protect_name(lexicon, name, parts=False)
    # First names of other countries, but none that is an ordinary Dutch or English word, a place or a
    # name the knowledge base knows: "Florin" is a client, "Winter" and "April" stay months and seasons.
    world_names = (
        world_first_names()
        - lexicon.ordinary
        - lexicon.english_frequent
        - lexicon.common
        - lexicon.frequent
        - places
        - lexicon.kb_words
        - lexicon.kb_names
    )
    lexicon.first_names |= world_names
    lexicon.world_first_names = world_first_names()
    lexicon.english -= world_names
    lexicon.municipalities |= lexicon.kb_gemeenten
    places |= lexicon.kb_gemeenten
    lexicon.places = {" ".join(p.split()) for p in places}
    lexicon.max_phrase = max(len(p.split()) for p in lexicon.places | lexicon.kb_phrases)
    return lexicon


_lock = threading.Lock()
_loaded: Lexicon | None = None


def lexicon() -> Lexicon:
    """The word lists, loaded on first use (the action server imports bot.privacy only for REMINDER)."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = load()
    return _loaded
