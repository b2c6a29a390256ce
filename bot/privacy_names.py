"""Finding people's names in a message, with or without a cue word ("mevrouw", "zoon", "heet").

A name is a run of name parts: capitalised words that are no ordinary Dutch word, words from the
first-name and surname lists, initials ("J.P."), surname particles inside it ("van den", "El",
"ter"), hyphenated and double surnames. Word lists: bot/privacy_lexicon.py. Never a name: what the
knowledge base knows by name (funds, organisations, programmes, instruments), places (gemeenten,
residences, regions), months, weekdays, holidays, ALL-CAPS abbreviations, and an ordinary word at
the start of a sentence ("Welk", "Mijn collega"). The decision is per kind of evidence:

- after a cue word ("mevrouw", "moeder", "gezin", "juf", …) a capitalised word is a name, and so is
  a lower-case one that is in a name list or no ordinary word ("moeder heet fatma yilmaz");
- mid-sentence, a capitalised word is a name when it is in a name list (Bakker, Roos) or is no
  ordinary word (Kowalski); at the start of a sentence only the latter, or a listed name that is
  not also a common word ("Fatima vraagt", but not "Kind van 10");
- a name grows to the left and right over capitalised words, particles followed by a capitalised
  word, initials, and listed names typed in lower case ("Fatma yilmaz").

Structural evidence against a name, for capitalised words without a cue: an article before it ("de
Tozo", "een Taalcafé"), a locative before it ("in de Bijlmer", "wijk Overvecht") or a place ("Den Haag
Escamp"); no vowel ("Msnp"), a word for the people of a place ("Oekraïners", "Syrische"), an English
word ("Community"), a typing error one letter from a frequent word ("Wlke"); a run that is an
organisation's or programme's name ("Cruyff Court", "Back to School", "Zomerkamp Pieter Pan", "Sint
Vincentius", "Edith Stein college"); an ordinary word that is also a surname, standing alone ("zonder
Stroom"). Evidence for one: a third-person verb after a listed first name ("Tim heeft", "roos en
haar moeder"), a lower-case first name after "met"/"voor" ("sprak met jantine").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .privacy_lexicon import DIRECTIONS, Lexicon, lexicon

# Words, numbers and single other characters; hyphenated words and "'t" stay one word.
# A leading apostrophe belongs to "'t", "'s", "'n" only; before any other word it opens a quotation.
# "v.d." and "v/d" (van de, van der, van den) are one particle: "Angela v.d. Berg".
_TOKEN = re.compile(r"(?i:\bv\.\s?d\.|\bv/d\b)|'[tsn](?![^\W\d_])|[^\W\d_]+(?:['’-][^\W\d_]+)*-?|\d+|\S")

_MONTHS = {
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "jan",
    "feb",
    "mrt",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "nov",
    "dec",
}
_WEEKDAYS = {
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "ma",
    "di",
    "wo",
    "do",
    "vr",
    "za",
    "zo",
}
# Months and weekdays in full: they date a message, they are never what it is about.
TIME_WORDS = set("januari februari maart april mei juni juli augustus september oktober november december".split())
TIME_WORDS |= {d for d in _WEEKDAYS if d.endswith("dag")}
# What may stand beside an age between brackets after a name: "(7 jaar)", "(groep 4)", "(vader, 52)".
_AGE_UNITS = {"jaar", "jr", "j", "maanden", "maand", "mnd", "weken", "wk", "dagen", "dgn", "groep", "gr", "grp", "klas"}
# A greeting opens a chat message ("Hee allemaal!", "Hoi team,"); it is no name, also when a first-name list has it.
# Sign-offs, whole or in parts: "Mvg, Wouter", "M.vr.gr. Wouter Scholten", "grtz".
_SIGN_OFFS = {"mvg", "mvgr", "mvrgr", "vr", "gr", "grt", "grtz", "grtjs", "vg", "vgr", "mzzl"}
# Thanks in a colleague's own language closes a message too ("Dzięki! — Agata").
_SIGN_OFFS |= {"dzięki", "dziękuję", "merci", "danke", "gracias", "obrigado", "obrigada", "shukran", "mersi",
               "teşekkürler", "tesekkurler", "mulțumesc", "multumesc", "dyakuyu", "spasibo", "grazie", "cheers",
               "thx"}  # fmt: skip
_GREETINGS = {"hoi", "hee", "hey", "hi", "hai", "hallo", "heey", "hoihoi", "hellow", "yo"}
# Greetings in other languages that open a message ("Salam, is de voedselbank open?", "Dzień dobry, …");
# some are names too (Selam, Salam), so only with a comma or "!" and a clause after them, not an age.
_OTHER_GREETINGS = {"salam", "salaam", "selam", "merhaba", "marhaba", "bonjour", "hola", "ciao", "shalom", "namaste"}
_OTHER_GREETINGS |= {"dzien", "dzień", "bon", "bom", "buna", "bună", "dobry", "dia", "dobrý", "ziua", "dag"}
# A word that opens the clause after such a greeting ("Salam, is …", "Merhaba, hoe …").
_QUESTION_WORDS = {
    "hoe",
    "wat",
    "welk",
    "welke",
    "waar",
    "wanneer",
    "wie",
    "waarom",
    "kan",
    "kun",
    "kunt",
    "is",
    "zijn",
    "heeft",
    "hebben",
    "weet",
}
# A part of a place after its name ("Amsterdam Zuidoost", "Den Haag Centrum"): that place, no surname.
_DISTRICTS = DIRECTIONS | {"centrum"}
# A team or part of a town named after where it works: "wijkteam Bijlmer", "stadsdeel Zuidoost".
_AREA_TEAMS = {"wijkteam", "buurtteam", "stadsdeel", "stadsdeelkantoor", "wijkcentrum"}
# English nouns by their suffix ("Empowerment", "Mindfulness"): no first name or surname ends like this.
_ENGLISH_NOUN = re.compile(r"[a-z]{5,}(ment|ness|ship|tion|ity)")
_HOLIDAYS = {
    "kerst",
    "kerstmis",
    "kerstfeest",
    "kerstvakantie",
    "pasen",
    "pinksteren",
    "hemelvaart",
    "sinterklaas",
    "sint",
    "suikerfeest",
    "offerfeest",
    "ramadan",
    "eid",
    "bayram",
    "koningsdag",
    "bevrijdingsdag",
    "oudjaar",
    "nieuwjaar",
    "chanoeka",
    "divali",
    "diwali",
    "keti",
    "koti",
    "carnaval",
    "halloween",
    "moederdag",
    "vaderdag",
    "prinsjesdag",
    "herfstvakantie",
    "voorjaarsvakantie",
    "meivakantie",
    "zomervakantie",
    "kerstpakket",
    "kerstpakketten",
    "nieuwjaarsdag",
}
# Words that mark the next words as a person's name. Naming cues also take a name typed in lower case.
_PERSONAL_TITLES = {"mevrouw", "mevr", "mw", "mej", "juffrouw", "meneer", "dhr", "hr", "heer", "juf", "meester"}
_QUOTES = {"'", '"', "‘", "’", "“", "”", "„"}
_CALL_VERBS = {"noemt", "noemen", "noemde", "noemden", "noem"}
_OBJECT_PRONOUNS = {"hem", "haar", "hen", "ze"}
# Where someone goes by another name: "heet op school 'Kees'", "heet thuis Mo".
_WHERE_CALLED = {"op", "school", "thuis", "in", "de", "klas", "bij", "ons", "iedereen", "voor", "eigenlijk", "gewoon"}
_NAMING_CUES = {"heet", "heten", "genaamd", "genoemd", "alias", "naam", "namen", "voornaam", "achternaam"}
# The labels of a record pasted from a file system ("Patiënt: WANG, Li", "CLIËNT: POPESCU, IONUȚ"): with
# the colon, its capitalised words are the name (_Context.record_field).
_FIELD_LABELS = {"patient", "patiënt", "client", "cliënt", "partner", "naam", "achternaam", "voornaam", "roepnaam"}
_TITLE_CUES = {
    "mevrouw",
    "mevr",
    "mw",
    "mej",
    "juffrouw",
    "meneer",
    "mijnheer",
    "dhr",
    "hr",
    "heer",
    "mr",
    "fam",
    "familie",
    "gezin",
    "gzn",  # chat shorthand for gezin
    "cliënt",
    "client",
    "cliënte",
    "cliente",
    "collega",
    "casus",
}
_KIN_CUES = {
    "moeder",
    "vader",
    "mama",
    "papa",
    "mam",
    "pap",
    "ma",
    "pa",
    "zoon",
    "zoontje",
    "dochter",
    "dochtertje",
    "broer",
    "broertje",
    "zus",
    "zusje",
    "zuster",
    "opa",
    "oma",
    "tante",
    "oom",
    "neef",
    "nicht",
    "neefje",
    "nichtje",
    "kind",
    "kindje",
    "baby",
    "jongen",
    "meisje",
    "puber",
    "tiener",
    "peuter",
    "kleuter",
    "jongere",
    "pleegkind",
    "pleegzoon",
    "pleegdochter",
    "pleegmoeder",
    "pleegvader",
    "stiefvader",
    "stiefmoeder",
    "stiefzoon",
    "stiefdochter",
    "partner",
    "vriend",
    "vriendin",
    "vriendje",
    "vriendinnetje",
    "echtgenoot",
    "echtgenote",
    "man",
    "vrouw",
    "ex",
    "juf",
    "meester",
    "buurman",
    "buurvrouw",
    "zwangere",
    "moeders",
    "vaders",
    "ouders",
    "kinderen",
    "zonen",
    "dochters",
    "jongens",
    "meisjes",
    "tweeling",
    "oudste",  # "de oudste bohdan is elf"
    "jongste",
    "middelste",
    "leerling",
    "leerkracht",
    "mentor",
    "stagiair",
    "stagiaire",
    "docent",
    "docente",
}
_CUES = _NAMING_CUES | _TITLE_CUES | _KIN_CUES
# Words that stand for a person ("mevrouw", "zus"): what a question is about, never a subject the
# sources lack (bot/not_in_sources.py).
PERSON_WORDS = frozenset(_TITLE_CUES | _KIN_CUES)
# A name followed by one of these is an institution's: "Sophia Kinderziekenhuis", "Child Poverty Act".
_INSTITUTIONS = {
    "act",
    "fonds",
    "huis",
    "school",
    "wet",
    "prijs",
    "plan",
    "pas",
    "kaart",
    "bank",
    "stichting",
    "ziekenhuis",
    "kliniek",
    "centrum",
    "college",
    "mc",
    "umc",
    "academie",
    "vereniging",
    "instituut",
    "foundation",
    "fund",
    "kinderziekenhuis",
    "cultuurfonds",
    "gemeente",
    "universiteit",
    "hogeschool",
    "lyceum",
    "award",
    "museum",
    "bibliotheek",
    "theater",
    # a club or a place of worship with a person's name: "Scouting Titus Brandsma", "Mevlana Moskee"
    "scouting",
    "moskee",
    "camii",  # Turkish for mosque: "Ulu Camii"
    "kerk",
    "parochie",
    "basisschool",
    "sportclub",
    "voetbalclub",
}
# Places in a neighbourhood that carry a name of their own: "buurthuis De Kaap", "kindcentrum Het Palet".
_PLACES_OF_A_NEIGHBOURHOOD = {
    "buurthuis", "wijkcentrum", "kindcentrum", "kinderopvang", "peuterspeelzaal", "peuteropvang", "opvang",
    "speeltuin", "jongerencentrum", "inloophuis", "wijkhuis", "dorpshuis", "buurtcentrum", "sporthal",
    "zwembad", "speelotheek", "kinderdagverblijf", "bso", "kdv",
}  # fmt: skip
# Ends of an organisation's one-word name ("Rabobank", "Triodosbank"); not "huis": Nijhuis is a surname.
_INSTITUTION_ENDS = ("bank", "fonds", "school", "centrum", "kliniek", "college", "academie", "vereniging", "instituut")


def _has_vowel(low: str) -> bool:
    """A vowel, also with any accent ("Phạm Thị Hồng"): a word without one is an abbreviation ("Msnp")."""
    return any(unicodedata.normalize("NFD", c)[0] in "aeiouy" for c in low)


def _ends_in_institution(low: str) -> bool:
    """A compound ending in an institution word: "rabobank", "goghschool" (not "school" itself)."""
    return any(low.endswith(end) and len(low) > len(end) + 2 for end in _INSTITUTION_ENDS)


# Words after which a name typed in lower case is likely ("begeleid zuleika pieternella").
_CONTEXT_CUES = {
    "begeleid",
    "begeleiden",
    "begeleidt",
    "met",
    "namens",
    "voor",
    "over",
    "ken",
    "zag",
    "sprak",
    "spreek",
    "gesproken",
    "bezocht",
    "bel",
    "belde",
    "mail",
    "mailde",
    "is",
    "was",
}
# Verbs whose object is a person a professional works with: "verwijs ik abrehet naar …".
_REFERRING_VERBS = {"verwijs", "verwijst", "verwijzen", "doorverwijzen", "adviseer", "adviseert", "adviseren",
                    "begeleid", "begeleidt", "begeleiden", "ondersteun", "ondersteunt", "ondersteunen",
                    "aanmelden", "meld", "help", "helpt", "helpen", "stuur", "sturen", "doorsturen"}  # fmt: skip
_SUBJECTS = {"ik", "jij", "je", "we", "wij", "u", "jullie", "ze", "zij", "hij"}
# Surname particles (Dutch, Arabic, Berber, Portuguese, Italian, French, German …).
_PARTICLES = {
    "van",
    "de",
    "der",
    "den",
    "ter",
    "ten",
    "te",
    "'t",
    "t",
    "het",
    "d'",
    "da",
    "das",
    "dos",
    "do",
    "di",
    "del",
    "della",
    "du",
    "la",
    "le",
    "lo",
    "von",
    "zu",
    "zur",
    "vom",
    "el",
    "al",
    "ben",
    "bin",
    "bint",
    "ould",
    "ibn",
    "abu",
    "ait",
    "aït",
    "ou",
    "bou",
    "v",
    "vd",
    "v.d",
    "v.d.",
    "v. d.",
    "v/d",
    "van't",
    "op",
    "in",
    "uit",
    "aan",
    "bij",
}
# A park, square or street named without a number: a place, not a person ("Westerpark", "Kennedyplein").
_PLACE_WORD = re.compile(r"[a-zà-ÿ'-]{3,}(park|plein|straat|laan|gracht|kade|singel|dreef|steeg|plantsoen|boulevard)")
# Particles that only count as part of a name directly before another particle ("op de", "in 't").
_WEAK_PARTICLES = {"op", "in", "uit", "aan", "bij", "het", "te", "do", "lo", "zu", "ou", "ma", "t"}
# After these a capitalised word that is no listed name is a place ("in de Bijlmer", "wijk Overvecht").
_LOCATIVES = {
    "in",
    "uit",
    "wijk",
    "buurt",
    "stadsdeel",
    "stadsdelen",
    "regio",
    "dorp",
    "stad",
    "woonplaats",
    "omgeving",
    "nabij",
    "richting",
    "wijken",
    "buurten",
}
# Third-person verbs after which the word before them is the subject: "Tim heeft", "Roos woont".
_PERSON_VERBS = {
    "heeft",
    "had",
    "is",
    "was",
    "wil",
    "wilde",
    "woont",
    "woonde",
    "gaat",
    "ging",
    "krijgt",
    "kreeg",
    "zit",
    "zat",
    "zegt",
    "zei",
    "vraagt",
    "vroeg",
    "belde",
    "komt",
    "kwam",
    "zoekt",
    "werkt",
    "speelt",
    "slaapt",
    "eet",
    "leeft",
    "wordt",
    "werd",
    "mag",
    "moet",
    "kan",
    "kon",
    "durft",
    "spreekt",
    "vertelde",
    "vertelt",
    "huilt",
    "zwemt",
    "voetbalt",
    "loopt",
    "staat",
    "heet",
    "snapt",
    "begrijpt",
    "weet",
    "denkt",
    "betaalt",
    "verdient",
    "schaamt",
}
# Words before a month that make it a time: "in April", "vanaf Juni", "eind Mei".
_BEFORE_A_TIME = {"in", "vanaf", "sinds", "tot", "per", "na", "eind", "begin", "half", "medio", "midden", "rond",
                  "t/m", "tm", "of", "en", "voor", "vóór", "komende", "volgende", "afgelopen", "vorige"}  # fmt: skip
# A possessive "'s" after a name ("Nibud's", "Sanne's"): the name is what is before it.
_POSSESSIVE = re.compile(r"['’]s$")
# Words after a number that make it an amount, a time or a class, not an age: "10 euro", "2 weken".
_AFTER_A_NUMBER = {
    "euro",
    "eur",
    "procent",
    "%",
    "keer",
    "uur",
    "minuten",
    "min",
    "dagen",
    "dag",
    "weken",
    "week",
    "wk",
    "maanden",
    "maand",
    "jaar",
    "jr",
    "jaren",
    "kinderen",
    "kids",
    "stuks",
    "km",
    "kilo",
    "kg",
    "cm",
    "x",
    "per",
    "pagina",
    "paginas",
    "punten",
    "vragen",
    "gezinnen",
    "ouders",
    "mensen",
    "leerlingen",
}
# After a name, these make it a foundation's name, also typed in lower case: "johan cruyff foundation".
_FOUNDATION_WORDS = {"foundation", "fonds", "fund"}
# Verbs of saying or calling: a word at the start of a sentence before one of them is someone's name.
_SPEECH_VERBS = {"belde", "zegt", "zei", "vraagt", "vroeg", "vertelde", "vertelt", "appte", "mailde", "meldde"}
# Of the verbs after a subject, those only a person does: "Mulder heeft schulden", "Schipper woont op een
# boot", "Koning werkt als zzp'er" — not "Winter is", "Hoop doet leven", "School gaat", "Armoede speelt".
_DOES_AS_PERSON = _PERSON_VERBS - {"is", "was", "wordt", "werd", "gaat", "ging", "komt", "kwam", "staat", "zit",
                                   "zat", "kan", "kon", "mag", "moet", "heet", "loopt", "speelt", "eet"}  # fmt: skip
# Words for a work with a title of its own: the quoted words after them are that title ("het lied 'Lieve
# Sterre'", "de scholing 'Kansengelijkheid in de Kinderopvang'"), and the word itself no name ("Webinar '…'").
_WORKS_WITH_A_TITLE = {"lied", "liedje", "boek", "boekje", "prentenboek", "kinderboek", "film", "serie", "toneelstuk",
                       "voorstelling", "webinar", "scholing", "training", "cursus", "workshop", "programma",
                       "project", "campagne", "podcast", "spel", "thema", "folder", "brochure"}  # fmt: skip
# Works whose title may follow without quotes: "het boek Schaarste", "de film Kapsalon".
_TITLED_WORKS = {"boek", "boekje", "prentenboek", "kinderboek", "lied", "liedje", "film", "serie", "toneelstuk"}
# The verbs of saying in the perfect, after "heeft" or "had": "Bloem heeft vandaag gezegd".
_SAID = {"gezegd", "verteld", "gevraagd", "gebeld", "geappt", "gemaild", "gemeld"}
# Words before a child's name with its bare age: "met aarav 3", "jongste esi 4", "van semhar 5".
# Things someone made: "het rapport van Vrooman", "een boek van Jungmann".
_WORKS = {
    "rapport", "boek", "boeken", "artikel", "artikelen", "onderzoek", "onderzoeken", "studie", "publicatie",
    "publicaties", "werk", "theorie", "model", "methode", "lezing", "podcast", "column", "blog", "proefschrift",
    "oratie", "essay", "webinar", "training", "les", "presentatie", "documentaire", "film", "interview",
}  # fmt: skip
# Adverbs that are also in a name list ("Mee", "Even", "Thuis"): in lower case right after a name they go
# with the verb ("mag roos mee op kamp?"), not with the name.
_ADVERBS = {"mee", "even", "thuis", "weer", "terug", "langs", "samen", "alleen", "morgen", "vandaag", "straks"}
# A modal verb that opens a question, its subject right after it: "kan dirk …", "mag roos …".
_MODALS_BEFORE_A_SUBJECT = {"kan", "mag", "moet", "wil", "kunnen", "mogen", "moeten", "willen"}
# Things named after someone, long dead or no client: "de ziekte van Crohn", "het syndroom van Down".
_EPONYMOUS = {"ziekte", "syndroom", "piramide", "wet", "stelling", "principe", "effect"}
# After a name, part of it: "Kofi jr.", "Jan Jansen sr.".
_NAME_SUFFIXES = {"jr", "sr", "junior", "senior"}
# Whose friend or classmate: "Noor's vriendinnetje".
_FRIENDS = {
    "vriendinnetje",
    "vriendinnetjes",
    "vriendje",
    "vriendjes",
    "vriend",
    "vriendin",
    "klasgenoot",
    "klasgenootje",
}
_BEFORE_A_CHILD = _KIN_CUES | {"met", "van", "en", "jongste", "oudste", "kleine", "baby", "broertje", "zusje"}
# A surname of Arabic or Berber origin with its particle joined by a hyphen: "al-Hassan", "El-Amrani".
_HYPHENED_PARTICLE = re.compile(r"^(al|el|ben|bin|ibn|abu|ait|ould|bou)-[^\W\d_]{2,}$", re.IGNORECASE)
_WEB_DOMAINS = {"com", "nl", "org", "net", "eu", "be", "info", "io"}
_ARTICLES = {"de", "het", "een", "'t", "deze", "dit"}  # not "dat", "die": "zegt dat Desislava …"
# English function words that are also names ("Can", "Will") and so missing from the English word list.
_ENGLISH_FUNCTION_WORDS = {"is", "there", "an", "a", "the", "can", "will", "may", "do", "does", "are", "how", "what"}
_ENGLISH_LINKS = {"to", "for", "the", "and", "with", "at", "on", "of"}
_SENTENCE_END = {"\n", ".", "?", "!", ":", ";", '"', "“", "”", "'", "‘", "’", "•", "*", "|", ">", "–"}


# A school class as teachers write it: "6", "2b", "3havo" (a number, maybe with a letter or level).
_CLASS_CODE = re.compile(r"\d{1,2}[a-z]{0,4}")


@dataclass
class _Word:
    start: int
    end: int
    text: str
    low: str
    kind: str  # "word", "num", "punct"
    blocked: bool = False  # inside client data found otherwise, or part of a protected phrase
    place: str = ""  # "gemeente", "place" or "kb" when protected
    dated: bool = False  # next to a number ("3 jan", "jan 2024")


def _tokens(text: str, claimed: list[tuple[int, int]]) -> list[_Word]:
    words = []
    for m in _TOKEN.finditer(text):
        if words and "\n" in text[words[-1].end : m.start()]:
            # A line break ends a sentence: a handover's "Kraamvrouw Katarzyna Zielińska" starts a line,
            # it does not continue "Overdracht kraamzorg" as a name of an organisation.
            at = text.index("\n", words[-1].end)
            words.append(_Word(at, at + 1, "\n", "\n", "punct"))
        t = m.group(0)
        kind = "word" if t[0].isalpha() or (t[0] == "'" and len(t) > 1) else "num" if t.isdigit() else "punct"
        w = _Word(m.start(), m.end(), t.rstrip("-") if kind == "word" else t, "", kind)
        # The Turkish capital İ lower-cases to i with a combining dot: "DEMİR" is "demir".
        w.low = w.text.lower().replace("’", "'").replace("\u0307", "")
        w.blocked = any(s < w.end and w.start < e for s, e in claimed)
        words.append(w)
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else None
        w.dated = (
            (k > 0 and words[k - 1].kind == "num")
            or (nxt is not None and nxt.kind == "num")
            or (nxt is not None and nxt.text == "." and k + 2 < len(words) and words[k + 2].kind == "num")
            or (nxt is not None and nxt.text == "." and (k + 2 >= len(words) or not words[k + 2].text[:1].isupper()))
        )
    return words


def _protect(words: list[_Word], lex: Lexicon) -> None:
    """Mark knowledge-base names and places (longest first) so that no name covers them."""
    i = 0
    n = len(words)
    while i < n:
        if words[i].low == "'s" and i + 2 < n and words[i + 1].text == "-" and f"'s-{words[i + 2].low}" in lex.places:
            for w in words[i : i + 3]:  # "'s-Gravenhage", "'s-Hertogenbosch"
                w.place = "gemeente"
            i += 3
            continue
        if words[i].kind != "word":
            i += 1
            continue
        if (
            i + 2 < n
            and words[i + 1].text == "."
            and words[i + 2].low in _WEB_DOMAINS
            and words[i].end == words[i + 1].start
            and words[i + 1].end == words[i + 2].start
        ):
            words[i].place = words[i + 2].place = "kb"  # "Bol.com", "Thuisarts.nl": a website ("Daan. Net" is none)
            i += 3
            continue
        if words[i].low in ("gemeente", "gemeenten") and i + 1 < n:
            # "de gemeente De Fryske Marren": what follows is the gemeente's name, listed or not.
            j = i + 1
            while (
                j < n
                and j <= i + 4
                and words[j].kind == "word"
                and (
                    words[j].text[:1].isupper()
                    or (words[j].low in _PARTICLES and j + 1 < n and words[j + 1].text[:1].isupper())
                )
            ):
                j += 1
            for w in words[i + 1 : j]:
                w.place = w.place or "gemeente"
            i = max(j, i + 1)
            continue
        if (
            words[i].low in _TITLED_WORKS
            and i >= 1
            and words[i - 1].low in _ARTICLES | {"dat", "die"}
            and i + 1 < n
            and words[i + 1].kind == "word"
            and words[i + 1].text[:1].isupper()
            and words[i + 1].low in lex.ordinary
        ):
            words[i + 1].place = words[i + 1].place or "kb"  # "het boek Schaarste van …": a title, no name
            i += 1
            continue
        if (
            words[i].low in _AREA_TEAMS
            and i + 1 < n
            and words[i + 1].kind == "word"
            and words[i + 1].text[:1].isupper()
            and words[i + 1].low not in lex.stop
        ):
            # "wijkteam Bijlmer": a place; the word itself is still matched below ("wijkteam Utrecht" is a gemeente)
            words[i + 1].place = words[i + 1].place or "place"
            i += 1
            continue
        matched = 0
        for length in range(min(lex.max_phrase, n - i), 0, -1):
            span = words[i : i + length]
            if any(w.kind == "punct" and w.text not in "&'." for w in span):
                continue
            phrase = " ".join(w.low for w in span if w.kind != "punct" or w.text == "&")
            phrase = _POSSESSIVE.sub("", phrase.replace(" &", "&"))  # "Nibud's rekentool"
            head = phrase.rsplit("-", 1)[0] if "-" in span[-1].low else phrase  # "Centering Pregnancy-groep"
            content = (
                span[0].low not in lex.stop
                and span[-1].low not in lex.stop
                and span[0].low not in _PARTICLES
                and span[-1].low not in _PARTICLES
            )
            if (
                (length >= 2 and content and (phrase in lex.kb_phrases or head in lex.kb_phrases))
                or (length == 2 and "&" in phrase and phrase in lex.kb_words)
                or (length >= 2 and phrase in lex.kb_names)  # a whole record name, particle and all: "de Vonk"
            ):
                kind = "kb"
            elif words[i].text[:1].isupper() and phrase in lex.places and not (length == 1 and phrase in _PARTICLES):
                # "Amsterdam Zuidoost" is a part of a gemeente: as much a gemeente as "Amsterdam"
                parts = phrase.split()
                municipal = any(" ".join(parts[:k]) in lex.municipalities for k in range(1, len(parts) + 1))
                kind = "gemeente" if municipal else "place"
                if kind == "place" and length == 1 and phrase in lex.first_names and phrase not in lex.world:
                    continue  # a village called Wessel or Joppe: more likely the child
            elif (
                length == 1
                and "-" in phrase
                and words[i].text[:1].isupper()
                and (phrase.split("-")[0] in lex.places or phrase.rsplit("-", 1)[-1] in lex.places)
                # "Breda-van Dijk": the first part of a double surname, its particle after the hyphen
                and phrase.rsplit("-", 1)[-1] not in _PARTICLES
            ):
                kind = "gemeente" if phrase.split("-")[0] in lex.municipalities else "place"  # "Amsterdam-Noord"
            elif (
                length == 1
                and "-" in phrase
                and words[i].text[:1].isupper()
                and phrase.rsplit("-", 1)[-1] in _DISTRICTS
                and words[i].text.rsplit("-", 1)[-1][:1].isupper()
            ):
                kind = "place"  # "Woensel-West", "Overvecht-Noord": a part of a town the lists lack
            elif length == 1 and phrase in lex.kb_words and phrase not in _PARTICLES:
                kind = "kb"
            elif (
                length == 1
                and words[i].text[:1].isupper()
                and _PLACE_WORD.fullmatch(phrase)
                and phrase not in lex.surnames
                and phrase not in lex.first_names
            ):
                kind = "place"  # "Noorderpark", "Kennedyplein": a place (with a number it is an address)
            else:
                continue
            for w in span:
                w.place = kind
            following = words[i + length] if i + length < n else None
            if kind in ("gemeente", "place") and following is not None and following.text[:1].isupper():
                if following.low in _DISTRICTS:
                    following.place = kind  # "Amsterdam Zuidoost", "Den Haag Centrum": a part of the place
                    length += 1
            matched = length
            break
        i += max(matched, 1)


class _Context:
    def __init__(self, words: list[_Word], lex: Lexicon):
        self.words = words
        self.lex = lex
        # Client data found otherwise ("Molenweg 4", "7731 AB") is no prose: it says nothing about how the
        # message is capitalised ("Koning, Daan – … – Molenweg 4, 7731 AB Ommen" is no Title Case).
        letters = [w.text for w in words if w.kind == "word" and len(w.text) > 1 and not w.blocked]
        self.case_blind = len(letters) >= 5 and sum(t[0].isupper() for t in letters) >= 0.9 * len(letters)
        self.shouting = len(letters) >= 5 and sum(t.isupper() for t in letters) >= 0.9 * len(letters)

    # --- properties of one word -------------------------------------------------------------
    def parts(self, w: _Word) -> list[str]:
        return [p for p in re.split(r"['-]", w.low) if p] or [w.low]

    def listed(self, w: _Word) -> bool:
        """In a first-name or surname list (or every hyphenated part is) and not mostly an ordinary word."""
        lex = self.lex
        if w.low in lex.common:
            return False
        if w.low in lex.first_names or w.low in lex.surnames:
            return True
        parts = self.parts(w)
        return len(parts) > 1 and any(p in lex.first_names or p in lex.surnames for p in parts if p not in lex.common)

    def ordinary(self, w: _Word) -> bool:
        lex = self.lex
        if w.low in lex.ordinary:
            return True
        parts = [p for p in w.low.split("-") if p]
        if len(parts) > 1 and all(self._plain(p) for p in parts):
            return True
        return self._compound(w.low) or (w.low.endswith("'s") and self._plain(w.low))

    def _plain(self, low: str) -> bool:
        """An ordinary word, also as a plural with 's ("collega's", "baby's") or a compound."""
        if low.endswith("'s") and len(low) > 4:
            low = low[:-2]
        return low in self.lex.ordinary or self._compound(low)

    def _compound(self, low: str) -> bool:
        """A Dutch compound of two ordinary words (with a linking s or e): "wijkteam", "buurtsportcoach"."""
        ordinary = self.lex.ordinary
        if len(low) < 7 or not low.isalpha():
            return False
        for i in range(3, len(low) - 2):
            head, tail = low[:i], low[i:]
            if tail in ordinary and (len(tail) >= 7 or (head in self.lex.places and len(tail) >= 3)):
                return True  # "Vincentiusvereniging", "Rotterdampas"
            if tail in ordinary and len(tail) >= 3 and (len(low) >= 9 or tail not in self.lex.short_bare_nouns):
                # a linking s or e needs a head and tail of some length: "Desis-lava" is no compound;
                # a short one ends in a word with forms ("Damloop"): "Pet-rova" is Petrova
                if (
                    head in ordinary
                    or (head[-1] in "se" and head[:-1] in ordinary and len(head) > 3 and len(head) + len(tail) > 9)
                    or (head.endswith("en") and head[:-2] in ordinary)
                ):
                    return True
                if self._compound_head(head) and len(tail) >= 4:
                    return True
        return False

    def _compound_head(self, head: str) -> bool:
        ordinary = self.lex.ordinary
        for i in range(3, len(head) - 2):
            if head[:i] in ordinary and head[i:] in ordinary and len(head[i:]) >= 3:
                return True
        return False

    def unknown(self, w: _Word) -> bool:
        """No ordinary word (Dutch or English), no short abbreviation typed in lower case ("Wmo"), no
        word without a vowel ("Msnp"), and no word for the people or language of a place ("Oekraïners")."""
        return (
            not self.ordinary(w)
            and len(w.text) > 3
            and not self.english(w)
            and _has_vowel(w.low)
            and not self.demonym(w)
            and not self.typo(w)
        )

    def typo(self, w: _Word) -> bool:
        """One letter away from a common Dutch word ("Wlke", "Hoevel", "Waneer"): a typing error."""
        low = w.low
        if len(low) < 4 or not low.isalpha():
            return False
        common = self.lex.frequent
        letters = "abcdefghijklmnopqrstuvwxyzé"
        splits = [(low[:k], low[k:]) for k in range(len(low) + 1)]
        variants = {a + b[1:] for a, b in splits if b}
        variants |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        variants |= {a + c + b[1:] for a, b in splits if b for c in letters}
        variants |= {a + c + b for a, b in splits for c in letters}
        return any(len(v) >= 4 and v in common for v in variants)

    def demonym(self, w: _Word) -> bool:
        low = w.low
        if "-" in low.strip("-"):  # "Indonesisch-Nederlands", "Marokkaans-Nederlandse"
            parts = [p for p in low.split("-") if p]
            return all(self.demonym(_Word(0, 0, p, p, "word")) for p in parts)
        if low.endswith(("isch", "ische", "ischen")):
            return True
        places = self.lex.places
        for suffix in ("ers", "er", "se", "s", "ees", "ese", "aans", "aanse", "iër", "iërs", "ier", "iers", "en"):
            if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                stem = low[: -len(suffix)]
                if any(stem + tail in places for tail in ("", "e", "ë", "ië", "a", "en", "o")):
                    return True
        return False

    def english(self, w: _Word) -> bool:
        """An English word that is no Dutch one nor a listed name ("Community", "Court"; "Make-A-Wish" part by part)."""
        parts = [p for p in re.split(r"['-]", w.low) if p]
        english = self.lex.english
        return (
            bool(parts)
            and all(p in english or (len(p) < 3 and len(parts) > 1) for p in parts)
            and any(p in english and p not in self.lex.ordinary for p in parts)
            and not self.listed(w)
        )

    def name_word(self, w: _Word) -> bool:
        return w.low in self.lex.first_names or w.low in self.lex.surnames

    def brand(self, w: _Word) -> bool:
        """A capital inside a word: "PostNL", "SamenStarten" (not "McDonald", "DeVries", "O'Brien"; nor
        anything in a message IN CAPITALS)."""
        if self.shouting or (w.text.isupper() and self.capitalised_name(w)):
            return False
        t = w.text.lstrip("'")
        for part in re.split(r"['’-]", t):
            inner = part[1:]
            if any(c.isupper() for c in inner) and not re.match(r"(Mc|Mac|De|Van|Le|La|Di|Da|Du|El)[A-Z]", part):
                return True
        return False

    def excluded(self, w: _Word, in_name: bool = False) -> bool:
        """Never a name, whatever the context (a residence that is no gemeente may be part of a name)."""
        low = w.low
        person_place = w.place == "place" or (
            w.place == "gemeente"
            and (low in self.lex.first_names or (in_name and self.after_first_name(w)))
            and low not in self.lex.kb_gemeenten
        )  # "dochter Saba (10)", "Kelly Zwolle wil …"
        month = low in _MONTHS and (len(low) > 3 or w.dated)  # "Jan Jansen", but "3 jan"
        return (
            w.kind != "word"
            or w.blocked
            or (bool(w.place) and not (in_name and person_place))
            or month
            or low in _HOLIDAYS
            or low in _SIGN_OFFS
            or (low in _WEEKDAYS and len(low) > 2)
            # An abbreviation ("GGD", "VVE-indicatie"), unless the whole message is IN CAPITALS.
            or (
                len(w.text) > 1
                and w.text.isupper()
                and not (self.shouting and len(w.text) >= 4)
                and not self.capitalised_name(w)
            )
            or (
                any(len(p) > 1 and p.isupper() for p in w.text.split("-"))
                and not self.shouting
                and not self.capitalised_name(w)
            )
            or len(w.text.strip("'")) < 2
            # "Faith-based", "Kerst-actie": a lower-case word after the hyphen makes it a compound, no name
            or self.lower_case_compound(w)
            or (
                _ENGLISH_NOUN.fullmatch(low) is not None
                and low not in self.lex.first_names
                and low not in self.lex.surnames
            )
        )

    def lower_case_compound(self, w: _Word) -> bool:
        """ "Faith-based", "Kerst-actie": a capitalised word joined to an ordinary word in lower case is a
        compound, no name; not "Tjoa-van der Kroef", "Anna-lena" (a name's part after the hyphen)."""
        first, _, last = w.text.rpartition("-")
        lex = self.lex
        return (
            first[:1].isupper()
            and last.islower()
            and len(last) >= 4
            and last not in _PARTICLES
            and last not in lex.first_names
            and last not in lex.world_first_names
            and last not in lex.surnames
            and (last in lex.ordinary or self.english_word(last))
        )

    def capitalised_name(self, w: _Word) -> bool:
        """A name typed in capitals in an ordinary message ("ILONA VARGA belt"): a listed first name of
        four letters or more that is no ordinary word, or a word in capitals right beside one."""

        words = self.words

        def first_name(x: _Word) -> bool:
            return (
                len(x.text) >= 4
                and x.text.isupper()
                and x.low in self.lex.first_names
                and x.low not in self.lex.common
                and not x.place
            )

        def name(x: _Word) -> bool:
            return first_name(x) and not self.ordinary(x)

        def entry(k: int) -> bool:
            """A first name in capitals that a name or its age follows: "DAAN DE VRIES (groep 3)", "NOVA (…)"."""
            if not (0 <= k < len(words) and words[k].kind == "word" and first_name(words[k])):
                return False
            after = self.particle_run(k + 1) if k + 1 < len(words) else k + 1
            nxt = words[after] if after < len(words) else None
            return nxt is not None and (
                nxt.text == "("
                or (after > k + 1 and nxt.kind == "word" and nxt.text.isupper() and nxt.low in self.lex.surnames)
            )

        i = words.index(w)
        if name(w) or entry(i):
            return True
        if self.dossier_surname(i) or (i >= 2 and words[i - 1].text == "," and self.dossier_surname(i - 2)):
            return True  # "MULDER, KEES": the surname, and the first name after it
        # a surname in capitals after such a first name, past its particles: "DAAN DE VRIES"
        k = i - 1
        while k >= 0 and words[k].kind == "word" and words[k].low in _PARTICLES:
            k -= 1
        if k < i - 1 and w.text.isupper() and w.low in self.lex.surnames and entry(k):
            return True
        return (
            (
                len(w.text) >= 4
                and any(0 <= k < len(words) and words[k].kind == "word" and name(words[k]) for k in (i - 1, i + 1))
                and not self.ordinary(w)
            )
            or self.shouted_pair(i)
            or self.shouted_before_a_name(i)
        )

    def shouted_before_a_name(self, i: int) -> bool:
        """An unknown word in capitals, then "en" and a name in capitals: "ZSUZSANNA en TIBOR NAGY"."""
        words, w = self.words, self.words[i]
        if not (i + 2 < len(words) and words[i + 1].low in ("en", "&") and w.text.isupper() and len(w.text) >= 4):
            return False
        other = words[i + 2]
        first_name = (
            other.kind == "word"
            and other.text.isupper()
            and other.low in self.lex.first_names
            and other.low not in self.lex.common
            and not self.ordinary(other)
        )
        return self.unknown(w) and not w.place and (first_name or self.shouted_pair(i + 2))

    def shouted_pair(self, i: int) -> bool:
        """Word i is one of two words in capitals, no abbreviation or word of the knowledge base, at least one
        of them unknown, that something only a person does or has follows: "HELEN TEKLE vraagt …", "GODSWILL
        EZE godswill.eze@…", "BÜŞRA DEMİR (moeder)"."""
        words = self.words

        def shouted(x: _Word) -> bool:
            return (
                x.kind == "word"
                and len(x.text) >= 3
                and x.text.isupper()
                and not x.place
                and not x.blocked
                and x.low not in self.lex.kb_words
                and x.low not in self.lex.stop
                and (not self.ordinary(x) or x.low in self.lex.first_names or x.low in self.lex.surnames)
            )

        for a, b in ((i - 1, i), (i, i + 1)):
            if a < 0 or b + 1 >= len(words) or not (shouted(words[a]) and shouted(words[b])):
                continue
            if not any(len(x.text) >= 4 and self.unknown(x) for x in (words[a], words[b])):
                continue
            after = words[b + 1]
            if after.blocked or after.text == "(" or after.low in _PERSON_VERBS:
                return True
            if after.low == "en" and b + 2 < len(words) and words[b + 2].low in ("haar", "zijn", "hun"):
                return True  # "BAO NGOC en haar moeder slapen in de auto"
        return False

    def month_as_name(self, i: int) -> bool:
        """Word i is a month with a capital in mid-sentence and no number beside it: Dutch writes months in
        lower case, so before a name it is a first name ("voor April Smit")."""
        w = self.words[i]
        return (
            w.low in _MONTHS
            and len(w.low) > 3
            and w.text[:1].isupper()
            and not w.text.isupper()
            and not w.dated
            and not w.place
            and not w.blocked
            and not self.case_blind
            and not self.sentence_initial(i)
        )

    def dossier_surname(self, i: int) -> bool:
        """Word i is a surname written the way a file lists people: "KOWALSKI, Zofia" or "Vos, Teun (groep 4)"
        — a surname (in capitals, or listed), a comma, then a capitalised first name that ends the entry."""
        words, w = self.words, self.words[i]
        if i + 2 >= len(words) or words[i + 1].text != "," or w.kind != "word" or w.place:
            return False
        first = words[i + 2]
        double = "-" in w.low and all(p in self.lex.surnames for p in w.low.split("-"))  # "BERG-SCHOLTEN"
        shouted = (
            len(w.text) >= 3
            and w.text.isupper()
            and (double or not self.ordinary(w))
            and w.low not in self.lex.kb_words
        )
        if (
            shouted
            and len(w.text) >= 4
            and not (i > 0 and words[i - 1].low in _ARTICLES)  # "het UWV, K. weet ervan"
            and first.kind == "word"
            and len(first.text) == 1
            and first.text.isupper()
            and i + 3 < len(words)
            and words[i + 3].text == "."
        ):
            return True  # "EL HADDOUCHI, N. geb. …", "VAN DEN BERG-SCHOLTEN, A.M.": surname in capitals, initials
        if not (
            first.kind == "word"
            and first.text[:1].isupper()
            # a first name in capitals only after a surname in capitals: "MULDER, KEES"
            and (not first.text.isupper() or (w.text.isupper() and len(first.text) >= 3))
            and first.low in self.lex.first_names
            and not first.place
        ):
            return False
        after = words[i + 3] if i + 3 < len(words) else None
        ends_entry = (
            after is None or after.kind == "num" or after.text in ("(", ",", "–", "—", "-", ":", "\n", ".", ";")
        )
        listed = w.text[:1].isupper() and w.low in self.lex.surnames and w.low not in self.lex.stop
        # both in capitals, as a file system writes them, need no end: "staat KOWALSKI, MAGDALENA met een zoon"
        both_shouted = shouted and first.text.isupper() and not self.case_blind
        return (ends_entry or both_shouted) and (shouted or listed)

    def after_first_name(self, w: _Word) -> bool:
        """Right after a capitalised first name, with nothing in between: a surname, also when it is a
        gemeente ("Kelly Zwolle wil …"); nobody writes a person's town that way."""
        i = self.words.index(w)
        before = self.words[i - 1] if i > 0 else None
        return (
            before is not None
            and before.kind == "word"
            and before.end == w.start - 1
            and before.text[:1].isupper()
            and before.low in self.lex.first_names
            and not before.place
            and w.text[:1].isupper()
            and "-" not in w.text  # "Fatima Amsterdam-Noord": a part of town, said of her
        )

    def capitalised(self, w: _Word) -> bool:
        t = w.text.lstrip("'")
        if not t[:1].isupper():
            return False
        # In a message Written Like A Title or IN CAPITALS a capital says nothing: only a word that is
        # no ordinary Dutch word still counts as capitalised ("MOHAMMED", not "STAPPEN").
        return not self.case_blind or not self.ordinary(w) or (self.listed(w) and w.low in self.lex.first_names)

    # --- positions ----------------------------------------------------------------------------
    def sentence_initial(self, i: int) -> bool:
        j = i - 1
        while j >= 0:
            w = self.words[j]
            if w.kind == "word" or w.kind == "num":
                return False
            if w.text in _SENTENCE_END:
                if (
                    w.text == "."
                    and j > 0
                    and self.words[j - 1].kind == "word"
                    and (len(self.words[j - 1].text) == 1 or self.words[j - 1].low in _CUES)
                ):
                    return False  # "mw. Jansen", "J. de Vries"
                return True
            if w.text in "([":
                return False
            j -= 1
        return True

    def cue_before(self, i: int) -> str:
        """ "naming", "title" or "kin" when a cue word stands right before word i (across a "." or ":")."""
        j = i - 1
        while j >= 0 and self.words[j].kind == "punct" and self.words[j].text in ".:,":
            if self.words[j].text == "," and j != i - 1:
                break
            j -= 1
        if j < 0 or self.words[j].kind != "word":
            return ""
        low = self.words[j].low
        if (
            j < i - 1
            and self.words[j + 1].text == "."
            and len(self.words[j].text) == 1
            and self.words[j].text.isupper()
        ):
            return "title"  # initials: "R. Hoogland", "P.J. ter Beek"
        if len(low) > 4 and low in _CUES and any(w.text == "." for w in self.words[j + 1 : i]):
            return ""  # "Het gezin. Koelkast leeg": after a whole word a period ends the sentence ("gzn. X" not)
        if low in {"heet", "heten", "heette"} and j > 0 and self.words[j - 1].low in ("hoe", "wat"):
            return ""  # "hoe heet de Turkse vrouwenvereniging?": asks a name, gives none
        if low in _NAMING_CUES:
            if low in {"naam", "namen", "voornaam", "achternaam"} and not (j + 1 < i and self.words[j + 1].text == ":"):
                # "de naam is X", "naam: X"; not "naam van het fonds"; but "achternaam noorzai": the name itself
                if low in {"voornaam", "achternaam"} and j == i - 1 and self.words[i].low not in self.lex.stop:
                    return "naming"
                return ""
            return "naming"
        if low in {"is", "zijn"} and j > 0 and self.words[j - 1].low in {"naam", "namen", "voornaam", "achternaam"}:
            return "naming"
        if low in _TITLE_CUES or (low == "heer" and j > 0 and self.words[j - 1].low == "de"):
            return "title"
        if low.endswith("gezin") and len(low) > 6 and self.words[j].text.islower():
            return "title"  # "kraamgezin Molenaar", "pleeggezin De Wit"
        if low in _KIN_CUES:
            return "kin"
        return ""

    def record_field(self, i: int) -> bool:
        """Word i is a capitalised word in the value of a labelled field of a record pasted from a file
        system: "Patiënt: WANG, Li", "CLIËNT: POPESCU, IONUȚ", "PATIËNT: VAN DER MEULEN, JOHANNA (JOKE)".
        Only capitalised words, particles and punctuation stand between the label and it; the next
        label ("BSN:") is none."""
        w = self.words[i]
        if w.kind != "word" or not w.text[:1].isupper() or w.low in _PARTICLES:
            return False
        if i + 1 < len(self.words) and self.words[i + 1].text == ":":
            return False
        j = i - 1
        while j >= 0 and self.words[j].text != "\n":
            x = self.words[j]
            if x.text == ":":
                return j > 0 and self.words[j - 1].low in _FIELD_LABELS
            if x.kind == "num" or (x.kind == "word" and not x.text[:1].isupper() and x.low not in _PARTICLES):
                return False
            j -= 1
        return False

    def english_sentence(self, i: int) -> bool:
        """Word i stands in a sentence of (mostly) English words: "Can parents apply for …?", "Is
        there an English leaflet?" — its capitalised words are English, not names."""
        words, start, end = self.words, i, i
        while start > 0 and words[start - 1].text not in _SENTENCE_END:
            start -= 1
        while end + 1 < len(words) and words[end + 1].text not in _SENTENCE_END:
            end += 1
        # places say nothing of the language, but the English names of countries and languages do ("my Dutch")
        sentence = [
            w.low
            for w in words[start : end + 1]
            if w.kind == "word" and (not w.place or w.low in self.lex.english_frequent)
        ]
        english = [low for low in sentence if self.english_word(low)]
        return len(sentence) >= 4 and len(english) >= 0.6 * len(sentence)

    def english_word(self, low: str) -> bool:
        return low in self.lex.english or low in _ENGLISH_FUNCTION_WORDS or low in self.lex.english_frequent

    # --- names --------------------------------------------------------------------------------
    def seed(self, i: int) -> bool:
        """Word i is a name part on its own evidence."""
        w = self.words[i]
        cue = self.cue_before(i)
        if self.record_field(i) and not w.blocked and not w.place and w.low not in self.lex.stop | _CUES:
            return True  # "Patiënt: WANG, Li", "PARTNER: POPESCU-STOICA, MIHAELA": a capital says it all here
        # a place of more words starts where its first word is: "mevrouw Ter Beek"
        start = i
        while start > 0 and w.place and self.words[start - 1].place == w.place and self.words[start - 1].kind == "word":
            start -= 1
        if (
            w.place in ("gemeente", "place")
            and self.capitalised(w)
            and not w.blocked
            and (
                self.personal_title_before(start)
                or (self.apposed_kin(i, only_named=True) and not (i > 0 and self.words[i - 1].low in _LOCATIVES))
            )
        ):
            return True  # "Mevrouw Zwolle uit Kampen", "Helmond (vader) belde": here a place is a surname
        if self.after_name_label(i) and not w.blocked and w.place != "kb":
            return True  # "Formulier: ACHTERNAAM EL HADDAOUI": capitals after a label are no abbreviation
        if self.month_as_name(i) and self.month_acts(i):
            return True  # "gaat April naar groep 3", "voor Juni, die in augustus 4 wordt"
        # "Saba (9)": a first name that is also a place, with an age between brackets, is the person
        if self.excluded(w, in_name=bool(cue) or self.aged(i)) or (w.low in _GREETINGS and self.sentence_initial(i)):
            return False
        if self.other_greeting(i):
            return False
        if self.names_itself(i):
            return True  # "Mees noemt zichzelf Meesje": who calls themselves, and what
        if self.titles_a_work(i) or self.in_quoted_title(i):
            return False  # "Webinar 'Armoede en …'", "het lied 'Lieve Sterre'"
        if (
            w.low in self.lex.first_names
            and self.capitalised(w)
            and i + 1 < len(self.words)
            and self.words[i + 1].blocked
            and self.words[i + 1].kind == "num"
        ):
            return True  # "Jade 12 december 2014 is …": a first name, then the date of birth found already
        if w.text.isupper() and not self.case_blind and self.dossier_surname(i):
            return True  # "staat KOWALSKI, MAGDALENA met …", "EL HADDOUCHI, N.": a surname as a file lists it
        if not cue and self.english_sentence(i) and self.english_word(w.low):
            return False  # "Can parents apply …?", "What's the English name …": English words, no names
        if self.named_as(i) or self.called(i) or self.possessive_owner(i) or self.nicknamed(i):
            return True  # "een leerling die Hoop heet", "juni's ouders": a word, but here a child's name
        if (
            _HYPHENED_PARTICLE.match(w.text)
            and w.text.split("-", 1)[1][:1].isupper()
            and not w.place
            and not (i > 0 and self.words[i - 1].low == "eid")  # "Eid al-Adha", "Eid al-Fitr": the feast
        ):
            return True  # "Rama al-Hassan", "[NAAM] al-Jaburi"
        if self.capitalised(w):
            if cue:
                if w.low in self.lex.stop or w.low in _CUES or self.org_word(w):
                    return False
                # after "moeder", "zoon": a listed name (also a common one: "Oma Bos") or no ordinary word;
                # after "mevrouw", "heet": any capitalised word
                return (
                    cue != "kin"
                    or self.words[i - 1].text == ":"  # "Moeder: Yoko, 06 …"
                    or w.low in self.lex.first_names
                    or w.low in self.lex.surnames
                    or not self.ordinary(w)
                    or self.aged(i)
                    or self.stated_age(i)  # "haar zoontje Sipho is 2"
                )
            if self.brand(w) and self.apposed_kin(i) and w.low not in self.lex.stop:
                return True  # "Heineken, vader van Luuk": a surname, though also a brand
            if w.low in _CUES or self.brand(w) or self.org_word(w) or self.after_abbreviation(i):
                return False
            if self.inverted_subject(i) and w.low not in self.lex.stop:
                return True  # "Kan Kok bijzondere bijstand krijgen?"
            if self.aged(i) and w.low not in self.lex.stop:
                return True  # "Ecrin (8)"
            if self.placed(i):
                return False
            if (
                i > 0
                and self.words[i - 1].low in _ARTICLES
                # "voor de Scholing": an ordinary word after a lower-case article, even if a surname list has it
                and (not self.listed(w) or (self.ordinary(w) and self.words[i - 1].text.islower()))
                and not (
                    i > 1
                    and self.words[i - 2].kind == "word"
                    and self.capitalised(self.words[i - 2])
                    and not self.sentence_initial(i - 2)
                    and not self.org_word(self.words[i - 2])  # "Stichting De Hoop"
                )
            ):
                return False  # "de Tozo", "het Jeugdfonds", "een Taalcafé"; a surname reads "De Kruijff"
            if self.sentence_initial(i) and w.low in self.lex.ordinary:
                # "Jonge ouders" is no name, "Roos Bakker vraagt" and "Tim heeft geen jas" are, and so is
                # "Storm is 4": an age stated of it
                return (
                    (self.listed(w) and (self.next_capitalised(i) or self.acts(i) or self.owner(i) or self.in_class(i)))
                    or (w.low in self.lex.first_names and (self.owner(i) or self.says(i)))  # "Storm zijn vader
                    # zit vast", "Bloem heeft vandaag gezegd: …": a flower says nothing
                    or self.apposed_kin(i)  # "en Hoop, haar jongste, mag …"
                    or self.stated_age(i)  # "Daan z'n moeder", "Amber uit groep 5"
                    or (w.text.isupper() and self.capitalised_name(w))  # "NOVA (03-03-2021) heeft", "MULDER, KEES"
                    # "Koning werkt als zzp'er", "Kok en haar zoon": a surname that is a common word too
                    or (
                        w.low in self.lex.surnames
                        and not self.org_word(w)
                        and self.does_as_person(i, common=w.low in self.lex.common)
                    )
                    or (w.low in self.lex.surnames and self.with_own_family(i))
                    or (w.low in self.lex.first_names and self.aged_van(i))  # "Lieve van 3 heeft nog geen …"
                )
            return (
                self.listed(w)
                or self.unknown(w)
                or self.owner(i)
                or self.with_family(i)
                or self.stated_age(i)
                or self.apposed_kin(i)
                or self.child_of_kin(i)
            )  # "voor Vos en zijn dochters", "voor Storm, wordt 6", "voor Bloem, zijn dochter,"
        # Lower case: after a cue, or a listed first name followed by a name ("kerem yildiz").
        if w.low in self.lex.stop:
            return False
        if not cue and self.sentence_initial(i) and w.low in self.lex.first_names and self.listed(w) and self.acts(i):
            return True  # "roos en haar moeder slapen …", "tim heeft geen jas"
        if (
            not cue
            and i > 0
            and self.sentence_initial(i - 1)
            and self.words[i - 1].low in _MODALS_BEFORE_A_SUBJECT
            and w.low in self.lex.first_names
            and w.low not in self.lex.stop
            and w.low not in _CUES
        ):
            return True  # "kan dirk nog op zwemles?", "mag roos mee op kamp?": the subject, in lower case
        if not cue and any(0 <= k and self.sentence_initial(k) and self.first_name_pair(k) for k in (i, i - 2)):
            return True  # "pieter en klaas zijn de vaders", "anna-lena en jan-pieter gaan …"
        if not cue and self.sentence_initial(i) and w.low in self.lex.surnames and self.speaks(i):
            return True  # "bos belde", "kok zegt dat …": a bare noun does not call or say
        if cue and w.low in _SPEECH_VERBS | _SAID | _PERSON_VERBS:
            return False  # "een moeder appte: …": what she did, not her name
        if cue in ("title", "kin") and self.ordinary(w) and i > 1 and self.words[i - 2].low in _ARTICLES:
            return False  # "dat het gezin krap zit": "het gezin" is no form of address before a name
        if cue in ("naming", "title"):
            return self.listed(w) or not self.ordinary(w)
        if cue == "kin":
            return (
                (self.listed(w) and w.low not in self.lex.ordinary)
                or self.unknown(w)
                or self.plain_first_name(w)  # "dochter sara", "zoon kees"
                or (w.low in self.lex.first_names and (self.years_old(i) or self.bare_age(i)))  # "dochter bloem 6"
            )
        if (
            i > 1
            and self.words[i - 1].low == "van"
            and self.words[i - 2].low in _KIN_CUES
            and (self.plain_first_name(w) or self.unknown(w))
        ):
            return True  # "de moeder van jasmijn", "de oma van jurelien"
        if self.unknown(w) and not self.english(w) and self.referred_to(i):
            return True  # "verwijs ik abrehet naar …", "zou jij yonas adviseren", "begeleid tigist al jaren"
        if (
            self.context_before(i)
            and w.low in self.lex.first_names
            and w.low not in self.lex.common
            and self.unknown(w)
        ):
            return True  # "ik sprak met jantine over …"
        if (self.plain_first_name(w) or (w.low in self.lex.first_names and not self.ordinary(w))) and i + 1 < len(
            self.words
        ):
            # the next name word, past a particle run ("maria da graça lopes")
            after = min(self.particle_run(i + 1), len(self.words) - 1)
            nxt = self.words[after]
            if after > i + 1 and nxt.kind == "word" and not nxt.place and nxt.low in self.lex.interfix_surnames:
                return True  # "julia de wit"
            if (
                nxt.kind == "word"
                and not self.ordinary(nxt)
                and nxt.low not in self.lex.stop
                and (nxt.low in self.lex.surnames or self.unknown(nxt))
            ):
                return True  # "kerem yildiz"
        if self.unknown(w) and i + 1 < len(self.words):
            nxt = self.words[i + 1]
            if nxt.kind == "word" and self.unknown(nxt) and (self.context_before(i) or self.unknown_pair(i)):
                return True  # "begeleid zuleika pieternella", "groetjes ioana popescu"
        if self.lower_case_first_name(w):
            return True  # "ik heb net tomasz aan de lijn", "cristina, 06…"
        if (w.low in self.lex.first_names and w.low not in self.lex.common or self.unknown(w)) and self.owner(i):
            return True  # "anja haar kinderen", "guus zijn moeder", "mehret haar tweeling"
        if w.low in self.lex.first_names and w.low not in self.lex.stop and self.in_class(i):
            return True  # "zoë uit mijn groep", "mo uit 2b"
        if self.bare_age(i) and (
            self.lower_case_first_name(w)
            or (
                (self.unknown(w) or (w.low in self.lex.first_names and w.low not in _MONTHS | _WEEKDAYS))
                and (
                    self.listed_with_ages(i)
                    or (i > 0 and self.words[i - 1].low in _BEFORE_A_CHILD)
                    # "andrei 3 gaat niet", "sterre 8 vertelde": the age, then what the child does
                    or (i + 2 < len(self.words) and self.words[i + 2].low in _PERSON_VERBS | _SPEECH_VERBS)
                )
            )
        ):
            return True  # "rishi 6", "roos 8 en storm 5", "andrei 3 gaat niet"
        if self.aged(i) or self.years_old(i):
            # "xiao (6)", "jun (15)", "roos (6)"; not "drie kinderen (3, 6, 9)", though a surname list has "Kinderen"
            return (
                w.low in self.lex.first_names
                or self.unknown(w)
                or (self.listed(w) and not self.ordinary(w))
                # a short name that no list has, with its age between brackets: "kev (16)"
                or (self.aged(i) and len(w.low) >= 2 and w.low.isalpha() and not self.ordinary(w))
            )
        # The subject of the message, a word that is no Dutch word at all: "mevlana kan …", "dimitar werkt …".
        return self.sentence_initial(i) and self.unknown(w) and self.acts(i)

    def first_name_pair(self, i: int) -> bool:
        """Words i and i + 2 are first names in lower case that are no ordinary words, joined by "en" and
        followed by what people do: "pieter en klaas zijn …", "anna-lena en jan-pieter gaan …"."""
        words, lex = self.words, self.lex

        def first_name(w: _Word) -> bool:
            parts = self.parts(w)
            return (
                w.kind == "word"
                and w.text.islower()
                and w.low not in lex.common
                and w.low not in lex.stop
                and all(p in lex.first_names and p not in lex.common for p in parts)
            )

        return (
            i + 3 < len(words)
            and words[i + 1].low == "en"
            and first_name(words[i])
            and first_name(words[i + 2])
            and words[i + 3].low in _PERSON_VERBS | {"zijn", "hebben", "gaan", "komen", "wonen", "willen", "mogen"}
        )

    def child_of_kin(self, i: int) -> bool:
        """A capitalised first name that is no Dutch word, whose parent or relative is named before it:
        "de vader van Ama" (a name list's common word, also an abbreviation in capitals)."""
        w = self.words[i]
        return (
            i > 1
            and self.words[i - 1].low == "van"
            and self.words[i - 2].low in _KIN_CUES
            and w.low in self.lex.first_names
            and not self.ordinary(w)
        )

    def stated_age(self, i: int) -> bool:
        """Word i is followed by its age: "Storm is 4", "Amber, 21,", "Storm, wordt 6"."""
        following = [w.text.lower() if w.kind != "num" else "#" for w in self.words[i + 1 : i + 5]]
        for verb in (["is", "#"], ["wordt", "#"], [",", "wordt", "#"]):
            k = i + len(verb)
            if following[: len(verb)] == verb and len(self.words[k].text) <= 2:
                unit = self.words[k + 1].low if k + 1 < len(self.words) else ""
                if unit in ("weken", "maanden") and i > 0 and self.words[i - 1].low in _BEFORE_A_CHILD:
                    return True  # "Kleine Bloem is 6 maanden": a baby's age
                return unit not in (
                    "%", "procent", "euro", "keer", "uur", "minuten", "weken", "maanden", "dagen", "cent",
                )  # fmt: skip
        return following[:3] == [",", "#", ","]

    def plain_first_name(self, w: _Word) -> bool:
        """A listed first name that is no frequent or function word ("sara", "kees"; not "will", "jun")."""
        low = w.low
        return (
            low in self.lex.first_names
            and low not in self.lex.common
            and low not in self.lex.stop
            and low not in self.lex.frequent
            and len(low) >= 3
            and low.isalpha()
        )

    def years_old(self, i: int) -> bool:
        """Word i is followed by an age: "tesfalem 17 jaar", "noah 18"."""
        w = self.words
        return i + 2 < len(w) and w[i + 1].kind == "num" and w[i + 2].low in ("jaar", "jr", "jaar,", "maanden")

    def bare_age(self, i: int) -> bool:
        """Word i is followed by a bare age, as a phone-typed list of children has it: "rishi 6 en priya 9",
        "lars 10 tess 8" (not "groep 5", "10 euro", "2 weken": no unit may follow)."""
        w = self.words
        if not (i + 1 < len(w) and w[i + 1].kind == "num" and len(w[i + 1].text) <= 2 and int(w[i + 1].text) <= 25):
            return False
        return i + 2 >= len(w) or w[i + 2].kind != "word" or w[i + 2].low not in _AFTER_A_NUMBER

    def listed_with_ages(self, i: int) -> bool:
        """Word i and its neighbour each followed by a bare age: "roos 8 en storm 5", "lars 10 tess 8"."""
        w = self.words
        if not self.bare_age(i):
            return False
        k = i + 2
        if k < len(w) and w[k].low in ("en", ",", "&"):
            k += 1
        after = (
            k < len(w)
            and w[k].kind == "word"
            and self.bare_age(k)
            and (w[k].low in self.lex.first_names or self.unknown(w[k]))
        )
        j = i - 1
        if j >= 0 and w[j].low in ("en", ",", "&"):
            j -= 1
        before = j >= 1 and w[j].kind == "num" and w[j - 1].kind == "word" and self.bare_age(j - 1)
        return after or before

    def unknown_pair(self, i: int) -> bool:
        """Words i and i + 1, typed in lower case, are both no word any list or dictionary knows, and no
        third such word is beside them: a first name and surname of an origin the name lists lack ("olha
        shevchenko", "pawel wisniewski"), not a run of foreign words."""
        words = self.words
        if i + 1 >= len(words) or not (words[i].text.islower() and words[i + 1].text.islower()):
            return False
        around = [words[k] for k in (i - 1, i + 2) if 0 <= k < len(words)]
        return not any(w.kind == "word" and w.text.islower() and self.unknown(w) for w in around)

    def lower_case_first_name(self, w: _Word) -> bool:
        """A first name typed in lower case that is no word of its own in Dutch or English, no
        function word and no abbreviation ("youssef", "dimitar"; not "sam" of "sam&", not "bso")."""
        low = w.low
        return (
            low in self.lex.first_names
            and low not in self.lex.common
            and low not in self.lex.stop
            and len(low) >= 3
            and low.isalpha()
            and (not self.ordinary(w) or low in self.lex.bare_first_names)
            and not self.english(w)
            and low not in self.lex.english
            and bool(re.search(r"[aeiouy]", low))
        )

    def in_class(self, i: int) -> bool:
        """Word i is followed by the class it is in: "uit mijn groep", "uit groep 6", "uit 2b", "hier uit groep 5"."""
        words = self.words
        if i + 1 < len(words) and words[i + 1].low in ("hier", "daar"):
            i += 1
        if not (i + 2 < len(words) and words[i + 1].low == "uit"):
            return False
        nxt = words[i + 2]
        return nxt.low in ("mijn", "onze", "groep", "klas") or bool(_CLASS_CODE.fullmatch(nxt.text))

    def owner(self, i: int) -> bool:
        """Word i is followed by "zijn"/"haar" and a family word: "jamal zijn moeder", "amal haar zoon"."""
        words = self.words
        return (
            i + 2 < len(words)
            and words[i + 1].low in ("zijn", "haar", "z'n", "d'r")
            and words[i + 2].kind == "word"
            and (words[i + 2].low in _KIN_CUES or words[i + 2].low in ("kinderen", "kind", "kids"))
        )

    def month_acts(self, i: int) -> bool:
        """Month i (capitalised in mid-sentence) does something or is someone, and no word before it
        makes it a time ("in April gaat de aanvraag open", "vanaf Juni is er …")."""
        words = self.words
        before = words[i - 1].low if i > 0 else ""
        # "voor Juni, die in augustus 4 wordt": for someone who turns four
        who = i + 2 < len(words) and words[i + 1].text == "," and words[i + 2].low in ("die", "wie")
        if who and before not in _BEFORE_A_TIME - {"voor", "en"}:
            return True
        # "in januari gaat April naar groep 3": the verb before its subject
        return before not in _BEFORE_A_TIME and (self.acts(i) or self.apposed_kin(i) or before in _PERSON_VERBS)

    def apposed_kin(self, i: int, only_named: bool = False) -> bool:
        """Word i is followed by who it is in the family: after a comma ("en Hoop, haar jongste, mag …",
        "voor Bloem, zijn dochter, …", "Heineken, vader van Luuk") or between brackets ("Helmond (vader)",
        "Zwolle (de achternaam, …)"). only_named: only the forms that say so of a name, not "haar zoon"
        after a comma, which also follows a place ("woont in Veendam, haar zoon …")."""
        words = self.words
        if i + 3 >= len(words) or words[i + 1].text not in (",", "("):
            return False
        first, second = words[i + 2].low, words[i + 3].low
        if words[i + 1].text == "(":
            # "Helmond (vader) belde", "Zwolle (de achternaam, ze wonen in Kampen)"
            return (first in _KIN_CUES and words[i + 3].text in (")", ",")) or "achternaam" in (first, second)
        if first in _KIN_CUES and second == "van":
            # "Heineken, vader van Luuk en Tess, heeft …"; not "3531 AK Utrecht, baby van 3 maanden"
            return i + 4 < len(words) and words[i + 4].kind == "word" and not (i > 0 and words[i - 1].blocked)
        return (
            not only_named
            and first in ("haar", "zijn", "hun", "z'n", "d'r", "mijn", "onze", "de")
            and (second in _KIN_CUES or second in ("jongste", "oudste", "middelste"))
        )

    def acts(self, i: int) -> bool:
        """Word i is followed by a verb in the third person ("Tim heeft", "Roos woont") or by "en
        haar/zijn" ("roos en haar moeder"): the subject of the sentence, a person."""
        words = self.words
        following = [w.text.lower() if w.kind != "num" else "#" for w in words[i + 1 : i + 4]]
        if following[:3] == [",", "#", ","] or following[:2] == ["is", "#"]:
            return True  # "Amber, 21, woont …", "Storm is 4 en …"
        if (
            following[:1] == ["("]
            and i + 3 < len(words)
            and words[i + 3].text == ")"
            and (words[i + 2].place in ("gemeente", "place") or self.demonym(words[i + 2]))
        ):
            return True  # "Aster (Eritrea) is …", "Florin (Roemeens)"
        if i + 1 >= len(words) or words[i + 1].kind != "word":
            return False
        nxt = words[i + 1].low
        if nxt in _PERSON_VERBS:
            return True
        if nxt == "uit" and i + 2 < len(words) and words[i + 2].place in ("gemeente", "place"):
            return True  # "Lucia uit Kaapverdië heeft …"
        return nxt == "en" and i + 2 < len(words) and words[i + 2].low in ("haar", "zijn", "hun")

    def after_first_name_word(self, i: int) -> bool:
        """Word i, a listed surname, follows a capitalised word that is a name too: "Hoop Brouwer", "Roos
        Bakker" (the first of them may be an ordinary word as well)."""
        w = self.words
        return (
            i > 0
            and w[i - 1].kind == "word"
            and self.capitalised(w[i - 1])
            and (w[i - 1].low in self.lex.first_names or w[i - 1].low in self.lex.surnames)
            and w[i - 1].low not in self.lex.stop | _CUES
            and not w[i - 1].place
            and self.listed(w[i])
            and w[i].low in self.lex.surnames
            # an ordinary word opening the sentence ("Goede Bakker in de buurt?") only when the two act
            and (not (self.sentence_initial(i - 1) and self.ordinary(w[i - 1])) or self.acts(i))
        )

    def names_itself(self, i: int) -> bool:
        """Word i calls itself something, or is what it calls itself: "Mees noemt zichzelf Meesje"."""
        w = self.words
        if not self.capitalised(w[i]) or w[i].low in self.lex.stop | _CUES | _INSTITUTIONS | _PLACES_OF_A_NEIGHBOURHOOD:
            return False
        before = i >= 2 and w[i - 1].low in ("zichzelf", "zich") and w[i - 2].low in _CALL_VERBS
        after = i + 2 < len(w) and w[i + 1].low in _CALL_VERBS and w[i + 2].low in ("zichzelf", "zich")
        return before or (after and w[i].low in self.lex.first_names | self.lex.surnames)

    def titles_a_work(self, i: int) -> bool:
        """Word i is a work's kind with its title in quotes after it: "Webinar 'Armoede en …'"."""
        w = self.words
        return w[i].low in _WORKS_WITH_A_TITLE and i + 1 < len(w) and w[i + 1].text in _QUOTES

    def in_quoted_title(self, i: int) -> bool:
        """Word i stands in quotes right after a work's kind: "het lied 'Lieve Sterre'"."""
        w = self.words
        k = i - 1
        while k >= 0 and w[k].text not in _QUOTES and i - k <= 8:
            k -= 1
        return k >= 1 and w[k].text in _QUOTES and self.titles_a_work(k - 1)

    def with_own_family(self, i: int) -> bool:
        """Word i is followed by "en haar/zijn" and a family word: "Kok en haar zoon", "Vos en zijn kinderen"."""
        w = self.words
        return (
            i + 3 < len(w)
            and w[i + 1].low == "en"
            and w[i + 2].low in ("haar", "zijn", "hun")
            and w[i + 3].low in _KIN_CUES
        )

    def aged_van(self, i: int) -> bool:
        """Word i is followed by "van" and a child's age, then a verb: "Lieve van 3 heeft …"."""
        w = self.words
        return (
            i + 3 < len(w)
            and w[i + 1].low == "van"
            and w[i + 2].kind == "num"
            and w[i + 2].text.isdigit()
            and int(w[i + 2].text) <= 23
            and w[i + 3].low in _PERSON_VERBS
        )

    def inverted_subject(self, i: int) -> bool:
        """Word i is a capitalised surname right after a verb that opens a question: "Kan Kok bijzondere
        bijstand krijgen?", "Heeft Bakker al gebeld?" — the subject, a person."""
        w = self.words
        return (
            i > 0
            and self.sentence_initial(i - 1)
            and w[i - 1].low in _PERSON_VERBS | {"kunnen", "mogen", "moeten", "willen"}
            and w[i - 1].low not in ("is", "was", "wordt", "werd", "heet", "staat", "zit", "zat", "gaat", "ging")
            and w[i].low in self.lex.surnames
            and w[i].low not in _INSTITUTIONS | _PLACES_OF_A_NEIGHBOURHOOD  # "Kan School de kosten dragen?"
            and not self.org_word(w[i])
            and not self.brand(w[i])
            and not w[i].place
        )

    def does_as_person(self, i: int, common: bool = False) -> bool:
        """Word i is followed by a verb only a person does ("Bakker wil geen hulp", "Mulder heeft schulden"):
        a bare noun starts no such sentence without an article ("de bakker wil …"). A `common` word (storm,
        koning, berg) may "have" things as a word too ("Storm heeft veel schade gedaan"): for it "heeft" says
        nothing, unless what follows is a verb of saying ("Koning heeft gisteren gebeld") or what only a
        person or household has ("Berg heeft een energieschuld")."""
        words = self.words
        if words[i].low in _INSTITUTIONS | _PLACES_OF_A_NEIGHBOURHOOD:
            return False  # "School heeft gebeld": the school
        if common and i + 1 < len(words) and words[i + 1].low in ("heeft", "had") and not self.says(i):
            # unless what it has only a person or household has: "Berg heeft een energieschuld"
            return any(_held_by_a_person(w.low) for w in words[i + 2 : i + 5] if w.kind == "word")
        if i + 2 < len(words) and words[i + 2].low in _SUBJECTS | {"men", "er", "het"}:
            return False  # "Thuis heeft ze geen bureau": the subject comes after the verb
        return i + 1 < len(words) and words[i + 1].low in _DOES_AS_PERSON

    def surname_like_a_hamlet(self, i: int) -> bool:
        """Words i, i+1 open the sentence as a surname with a particle that is also the name of a hamlet
        (not a gemeente), and a verb only a person does follows: "De Boer heeft schulden"."""
        words = self.words
        return (
            i + 2 < len(words)
            and self.sentence_initial(i)
            and words[i].low in _PARTICLES
            and words[i].place == words[i + 1].place == "place"
            and words[i + 1].kind == "word"
            and self.capitalised(words[i + 1])
            and words[i + 1].low in self.lex.interfix_surnames  # the part after the particle: "boer"
            and self.does_as_person(i + 1)
        )

    def speaks(self, i: int) -> bool:
        """Word i is followed by a verb of saying or calling: "Visser belde", "kok zegt", "groen vraagt"."""
        return i + 1 < len(self.words) and self.words[i + 1].low in _SPEECH_VERBS

    def says(self, i: int) -> bool:
        """Word i is followed by a verb of saying, also in the perfect: "Bloem zei", "Bloem heeft vandaag
        gezegd", "Storm had al verteld"."""
        if self.speaks(i):
            return True
        after = [w.low for w in self.words[i + 1 : i + 5]]
        return after[:1] in (["heeft"], ["had"]) and any(x in _SAID for x in after[1:])

    def by_someone(self, i: int, j: int) -> bool:
        """ "van" at i before the name at j says whose work it is (_by_someone)."""
        return j == i + 1 and _by_someone(self.words, i)

    def named_as(self, i: int) -> bool:
        """Word i is what someone is called: "een meisje dat Storm heet", "die hoop heet"."""
        words = self.words
        return (
            0 < i < len(words) - 1
            and words[i - 1].low in ("die", "dat")
            and words[i + 1].low in ("heet", "heette", "heten")
            and words[i].low not in self.lex.stop
            and words[i].low not in _CUES
        )

    def other_greeting(self, i: int) -> bool:
        """Word i is (part of) a greeting in another language that opens the message: "Salam, is …",
        "Dzień dobry, …", "Selam! Heeft …"; not "Selam, 14, wil op voetbal" (a child and her age)."""
        words = self.words
        start = i - 1 if i > 0 and words[i - 1].low in _OTHER_GREETINGS else i
        if words[start].low not in _OTHER_GREETINGS or not self.sentence_initial(start):
            return False
        end = start + 1 if start + 1 < len(words) and words[start + 1].low in _OTHER_GREETINGS else start
        if end < i or end + 1 >= len(words) or words[end + 1].text not in (",", "!"):
            return False
        after = words[end + 2] if end + 2 < len(words) else None
        return after is None or (after.kind == "word" and (after.low in self.lex.stop or after.low in _QUESTION_WORDS))

    def called(self, i: int) -> bool:
        """Word i is given as what someone is called, whatever word it is: "Rivier heet de baby", "Zomer is
        de achternaam", "Groen — zo heet het gezin —", "de baby gaat Storm heten", "achternaam Mars"."""
        words, w = self.words, self.words[i]
        if w.kind != "word" or w.low in self.lex.stop or w.low in _CUES or len(w.low) < 2:
            return False
        after = [x.low for x in words[i + 1 : i + 8] if x.text not in ("—", "–", "-", ",")]
        before = words[i - 1].low if i > 0 else ""
        person = _KIN_CUES | {"gezin", "familie", "fam"}
        return (
            # "X heet de baby", "X heet ze", "X heten ze allebei"
            (
                after[:1] in (["heet"], ["heette"], ["heten"])
                and len(after) > 1
                and (
                    after[1] in ("ze", "hij", "zij") or after[1] in ("de", "het") and after[2:3] and after[2] in person
                )
            )
            # "X is de achternaam", "X is haar roepnaam", "X is de naam van de baby" (not "… van ons lokaal")
            or (
                after[:1] == ["is"]
                and len(after) > 2
                and after[1] in ("de", "zijn", "haar", "hun", "mijn")
                and (
                    after[2] in ("achternaam", "voornaam", "roepnaam", "familienaam", "gezinsnaam")
                    or after[2] == "naam"
                    and after[3:4] == ["van"]
                    and bool(set(after[4:6]) & person)
                )
            )
            # "X — zo heet het gezin"
            or (after[:2] in (["zo", "heet"], ["zo", "heten"]))
            # a case opened with the family's name: "Berg – vader, 2 kinderen, Kampen."
            or (
                (i == 0 or words[i - 1].text == "\n")
                and w.text[:1].isupper()
                and i + 1 < len(words)
                and words[i + 1].text in ("—", "–", "-")
                and after[:1] in (["vader"], ["moeder"], ["gezin"], ["ouders"])
            )
            # "gaat X heten", "zal X heten"
            or (before in ("gaat", "gaan", "zal", "zullen", "moet", "wordt") and after[:1] == ["heten"])
            or self.after_name_label(i)
        )

    def after_name_label(self, i: int) -> bool:
        """A capital right after a name label without its colon: "achternaam Mars", "roepnaam Mo", and
        after a particle "ACHTERNAAM EL HADDAOUI", "achternaam van Dijk" (in capitals too: a form)."""
        words, w = self.words, self.words[i]
        if w.kind != "word" or not w.text[:1].isupper() or w.low in self.lex.stop or i == 0:
            return False
        labels = ("achternaam", "voornaam", "roepnaam", "familienaam")
        return words[i - 1].low in labels or (
            i > 1 and words[i - 1].low in _PARTICLES and words[i - 2].low in ("achternaam", "familienaam")
        )

    def personal_title_before(self, i: int) -> bool:
        """A form of address right before word i ("mevrouw", "dhr."), not a word that merely cues a name
        ("gezin", "familie") nor the letters of a postcode ("7511 HR Enschede")."""
        k = i - 1
        if k >= 0 and self.words[k].text == ".":
            k -= 1
        return (
            k >= 0
            and self.words[k].kind == "word"
            and self.words[k].low in _PERSONAL_TITLES
            and not (
                self.words[k].text.isupper()
                and len(self.words[k].text) > 1
                and k > 0
                and self.words[k - 1].kind == "num"
            )
        )

    def nicknamed(self, i: int) -> bool:
        """Word i is the name someone goes by: "iedereen noemt Rojin 'Roj'", "ze noemen hem Jojo", "heet op
        school 'Kees'", "door iedereen Jojo wordt genoemd" — a nickname is as much the child as the name."""
        words, w = self.words, self.words[i]
        if w.kind != "word" or w.low in self.lex.stop or w.low in _CUES or w.place or len(w.low) < 2:
            return False
        quoted = 0 < i < len(words) - 1 and words[i - 1].text in _QUOTES and words[i + 1].text in _QUOTES
        before = [x for x in words[max(0, i - 5) : i] if not (x.kind == "punct" and x.text in _QUOTES)]
        lows = [x.low for x in before]
        after = [x.low for x in words[i + 1 : i + 3]]
        if after[:2] in (["wordt", "genoemd"], ["werd", "genoemd"]) or after[:1] == ["genoemd"]:
            # not "wat wordt de Kindregeling genoemd?": a name takes no article
            return (self.capitalised(w) or quoted) and not (lows and lows[-1] in _ARTICLES)
        if (
            len(lows) >= 2
            and lows[-2] in _CALL_VERBS
            and (lows[-1] in _OBJECT_PRONOUNS or self.capitalised(before[-1]))
        ):
            return quoted or lows[-1] in _OBJECT_PRONOUNS  # "noemt Rojin 'Roj'", "noemen hem Jojo"
        # an aside after a name: "Chukwuemeka (11), op school Emeka, zegt …", "(thuis Mo)"
        k = i - 1
        while k >= 0 and words[k].kind == "word" and words[k].low in ("op", "school", "thuis", "roepnaam", "bijnaam"):
            k -= 1
        aside = [x.low for x in words[k + 1 : i]]
        if (
            aside in (["op", "school"], ["thuis"], ["roepnaam"], ["bijnaam"])
            and k >= 0
            and words[k].text in (",", "(")
            and self.capitalised(w)
            and i + 1 < len(words)
            and words[i + 1].text in (",", ")")
        ):
            return True
        # "heet op school 'Kees'", "heet thuis Mo"
        heet = [k for k, low in enumerate(lows) if low in ("heet", "heette", "heten")]
        return (
            bool(heet)
            and (quoted or self.capitalised(w))
            and all(low in _WHERE_CALLED for low in lows[heet[-1] + 1 :])
            and len(lows) - heet[-1] - 1 <= 3
        )

    def possessive_owner(self, i: int) -> bool:
        """Word i is a name with a possessive 's before a family word or friend: "juni's ouders",
        "Noor's vriendinnetje"; not a plural with 's ("de baby's moeder" is rare, "oma's" no name)."""
        words = self.words
        w = words[i]
        if not _POSSESSIVE.search(w.text) or i + 1 >= len(words) or words[i + 1].kind != "word":
            return False
        base = w.low[:-2]
        return (
            len(base) >= 2
            and (words[i + 1].low in _KIN_CUES or words[i + 1].low in _FRIENDS)
            and (base in self.lex.first_names or base in _MONTHS or base not in self.lex.ordinary)
            and base not in self.lex.stop
        )

    def with_family(self, i: int) -> bool:
        """Word i is followed by "en zijn/haar" and a family word: "Vos en zijn dochters"."""
        words = self.words
        return i + 1 < len(words) and words[i + 1].low == "en" and self.owner(i + 1)

    def placed(self, i: int) -> bool:
        """Word i names a part of a place: after "in"/"uit"/"wijk" ("in de Bijlmer", "uit Overvecht"),
        or right after a place ("Den Haag Escamp", "Rotterdam Charlois")."""
        words = self.words
        j = i - 1
        if (
            j >= 0
            and words[j].kind == "word"
            and words[j].place in ("gemeente", "place")
            and self.capitalised(words[j])
            and (
                not self.name_word(words[j])
                or (j > 0 and words[j - 1].kind == "word" and words[j - 1].place == words[j].place)
            )
        ):  # "Den Haag"
            return True
        while j >= 0 and words[j].kind == "word" and words[j].low in ("de", "het", "'t"):
            j -= 1
        return j >= 0 and words[j].kind == "word" and words[j].low in _LOCATIVES

    def bare_word(self, i: int) -> bool:
        """Word i alone, capitalised, an ordinary word and a surname but no first name, without a cue,
        an age or a coordinated name: emphasis ("zonder Stroom"), not someone called Stroom."""
        words, w = self.words, self.words[i]
        if (
            not self.capitalised(w)
            or w.low not in self.lex.ordinary
            or w.low in self.lex.first_names
            or self.cue_before(i)
            or self.aged(i)
            or self.owner(i)
            or self.with_family(i)
            or self.named_as(i)
            or self.apposed_kin(i)  # "en Hoop, haar jongste, …"
            or (self.month_as_name(i) and self.month_acts(i))  # "voor Juni, die in augustus 4 wordt"
            or (self.sentence_initial(i) and self.speaks(i))  # "Visser belde vanochtend"
            or (self.sentence_initial(i) and self.does_as_person(i))  # "Mulder heeft schulden"
            or self.with_own_family(i)  # "Kok en haar zoon"
            or self.inverted_subject(i)  # "Kan Kok bijzondere bijstand krijgen?"
            or self.after_first_name_word(i)  # "Hoop Brouwer is pas bevallen"
        ):
            return False
        for link, other in ((i - 1, i - 2), (i + 1, i + 2)):
            if 0 <= other < len(words) and words[link].low in ("en", ",", "&", "of") and words[other].kind == "word":
                if other > i and words[other].low in _PARTICLES and other + 1 < len(words):
                    other = self.particle_run(other)  # "Berg, Mulder en El Amrani zijn …"
                if (
                    other < len(words)
                    and words[other].kind == "word"
                    and self.capitalised(words[other])
                    and (self.listed(words[other]) or self.unknown(words[other]))
                ):
                    return False
        return True

    def organisation(self, i: int, j: int) -> bool:
        """Words i..j, taken for a name without a cue, are rather (part of) an organisation's or a
        programme's name: followed by an institution word in lower case ("Edith Stein college"), holding
        an English word ("Cruyff Court"), or after a capitalised ordinary word mid-sentence ("Zomerkamp
        Pieter Pan", "Sint X")."""
        words = self.words
        if self.cue_before(i) or self.aged(j) or any(self.cue_before(k) for k in range(i, j + 1)):
            return False
        if self.apposed_kin(j) or (i == j and self.month_as_name(i) and self.month_acts(i)):
            return False  # "voor Bloem, zijn dochter, …", "voor Juni, die in augustus 4 wordt": a person
        span = [w for w in words[i : j + 1] if w.kind == "word" and w.low not in _PARTICLES]
        if not span or not all(self.capitalised(w) for w in span):
            return False
        if (
            j + 1 < len(words)
            and words[j + 1].kind == "word"
            and words[j + 1].low in _INSTITUTIONS
            and len(words[j + 1].low) > 4
        ):
            return True
        if j + 2 < len(words) and words[j + 1].low in _ENGLISH_LINKS and self.capitalised(words[j + 2]):
            return True  # "Back to School", "Sport for All"
        k = j + 1
        while k < len(words) and words[k].low in _PARTICLES and words[k].low not in _WEAK_PARTICLES:
            k += 1
        if (
            k < len(words)
            and words[k].kind == "word"
            and words[k].text[:1].isupper()
            and _ends_in_institution(words[k].low)
        ):
            return True  # a school named after someone: "de Vincent van Goghschool", "Anne Frankschool"
        k = i - 1
        if k > 0 and words[k].low in ("de", "het", "'t"):
            k -= 1  # "buurthuis De Kaap", "kindcentrum Het Palet"
        if (
            k >= 0
            and words[k].kind == "word"
            and len(words[k].low) > 4
            and (words[k].low in _INSTITUTIONS or words[k].low in _PLACES_OF_A_NEIGHBOURHOOD)
        ):
            return True  # "Scouting Titus Brandsma", also where it opens the sentence
        first = span[0]
        if (
            first.low in self.lex.ordinary
            and not self.name_word(first)
            and first.low not in _CUES
            and not self.sentence_initial(i)
            and len(first.low) > 3
        ):
            return True  # "Zomerkamp Pieter Pan"
        if any(self.english(w) for w in span) and not (
            len(span) == 2
            and (
                (self.plain_first_name(span[0]) and not self.english(span[0]))
                or (self.unknown(span[1]) and not self.english(span[1]))
            )
        ):
            return True  # "Cruyff Court", "Mind Your Money"; but "Ibrahim Sow" and "Taras Melnyk" are persons
        k = i - 1
        if k >= 0 and words[k].text == ".":
            k -= 1
        if k >= 0 and words[k].low in ("sint", "st") and self.capitalised(words[k]):
            return True  # "Sint Vincentius", "St. Jozef"
        k = i - 1  # not across the end of a sentence: "… in Kanaleneiland. Abdelkader (vader, 52)"
        if (
            k >= 0
            and words[k].kind == "word"
            and self.capitalised(words[k])
            and not words[k].blocked
            and words[k].low not in _CUES
            and words[k].low not in self.lex.stop
            and not self.name_word(words[k])
            and not self.sentence_initial(k)
            and self.ordinary(words[k])
            and len(words[k].low) > 3
            and not words[k].place
        ):
            return True
        return False

    def thing(self, k: int) -> bool:
        """Word k names a thing, not a person: a place or knowledge-base name, a website, an
        abbreviation ("KPN"), a capital inside a word ("PostNL"), a word after an article ("de Makro"),
        or a capitalised ordinary word that is no name ("Marktplaats")."""
        words = self.words
        w = words[k]
        if w.blocked:
            return False  # client data found otherwise: "Djenifer en Kelvin, Kerkstraat 4" lists no shops
        if w.kind == "word" and w.place and not self.demonym(w):
            return True  # also the "com" of "Bol.com"; "Russisch" says who people are
        if w.kind != "word" or not w.text[:1].isupper():
            return False
        if self.listed(w) or w.low in self.lex.first_names or w.low in self.lex.world_first_names:
            return False
        return (
            (len(w.text) > 1 and w.text.isupper() and not self.shouting)
            or self.brand(w)
            or (k > 0 and words[k - 1].low in _ARTICLES)
            or (self.ordinary(w) and not self.name_word(w) and not self.sentence_initial(k) and not self.demonym(w))
        )

    def listed_with_things(self, i: int, j: int) -> bool:
        """Words i..j (one name word, maybe after a particle) stand in a list with a thing and no cue or
        age: "KPN of Ziggo", "de Action of de Zeeman", "Pendrecht en Ommoord" — a list of shops or
        places, not of people."""
        words = self.words
        content = [k for k in range(i, j + 1) if words[k].kind == "word" and words[k].low not in _PARTICLES]
        if len(content) != 1 or self.cue_before(i) or self.aged(j) or self.years_old(j):
            return False
        # Not a comma alone: "Yilmaz, Kerkstraat 14", "in Oss, Stijn 12 wil …"
        links = ("en", "of", "&", "versus", "vs")
        before = i - 1 >= 0 and words[i - 1].low in links and i - 2 >= 0 and self.thing(i - 2)
        k = j + 2
        while k < len(words) and words[k].kind == "word" and words[k].low in ("de", "het", "'t"):
            k += 1  # "de Wibra of de Primark"
        after = j + 1 < len(words) and words[j + 1].low in links and k < len(words) and self.thing(k)
        return before or after or self.enumerated_with_thing(i, j)

    def enumerated_with_thing(self, i: int, j: int) -> bool:
        """Words i..j are one member of an enumeration of single words with commas that ends in "en" or
        "of" ("Vinted, Marktplaats of de Action", "Jumbo, Plus, Vomar of Hoogvliet"), and another
        member is a thing."""
        words, members, conjunction = self.words, [], False

        def member(k: int, step: int) -> int | None:
            """The word of the member at k (past an article, reading leftwards or rightwards)."""
            if 0 <= k < len(words) and words[k].kind == "word" and words[k].low in ("de", "het", "'t") and step > 0:
                k += 1
            return k if 0 <= k < len(words) and words[k].kind == "word" else None

        for step, start in ((-1, i - 1), (1, j + 1)):
            k = start
            while 0 <= k < len(words) and words[k].low in (",", "en", "of"):
                conjunction = conjunction or words[k].low != ","
                m = member(k + step, step)
                if m is None:
                    break
                members.append(m)
                k = m + step
                if step < 0 and k >= 0 and words[k].low in ("de", "het", "'t"):
                    k -= 1
        # Every member but the last is capitalised: "Hoi allemaal, Selin en Kerem" is a greeting and two names.
        last = max(members, default=i)
        return (
            conjunction
            and len(members) >= 2
            and all(words[m].text[:1].isupper() for m in members if m != last)
            and any(self.thing(m) for m in members)
        )

    def bracketed_list_with_things(self, i: int, j: int) -> bool:
        """Words i..j stand in a list of three or more between brackets, with no age or number in it, after
        a word that is no family word, and another member is a thing: "woningcorporaties (Mitros,
        Portaal, Bo-Ex)", "supermarkten (Albert Heijn, Jumbo, Plus, Vomar)"."""
        words = self.words
        left = i - 1
        while left >= 0 and (words[left].kind == "word" or words[left].low in (",", "&")):
            left -= 1
        right = j + 1
        while right < len(words) and (words[right].kind == "word" or words[right].low in (",", "&")):
            right += 1
        if not (left >= 1 and words[left].text == "(" and right < len(words) and words[right].text == ")"):
            return False
        if words[left - 1].kind == "word" and (words[left - 1].low in _KIN_CUES or self.listed(words[left - 1])):
            return False  # "kinderen (Bloem, Ties en Noor)"
        inside = range(left + 1, right)
        if sum(words[k].text == "," for k in inside) < 2 or any(words[k].kind == "num" for k in inside):
            return False
        return any(self.thing(k) for k in inside if not i <= k <= j)

    def institution(self, w: _Word) -> bool:
        return (
            w.kind == "word"
            and self.capitalised(w)
            and not self.listed(w)
            and w.low not in self.lex.stop
            and (w.low in _INSTITUTIONS or any(w.low.endswith(x) for x in _INSTITUTIONS if len(x) > 4))
        )

    def aged(self, i: int) -> bool:
        """Word i is followed by an age between brackets: "Ecrin (8)", also with who or which class:
        "Abdelkader (vader, 52)", "Bram (groep 4)", "Li (Li Wei Chen, 16)", or a date of birth."""
        w = self.words
        if i + 3 >= len(w) or w[i + 1].text != "(":
            return False
        k = i + 2
        while k < len(w) and w[k].text != ")" and k < i + 10:
            k += 1
        inside = w[i + 2 : k]
        if k >= len(w) or w[k].text != ")" or not any(t.kind == "num" for t in inside):
            return False
        return all(
            t.kind == "num"
            or t.text == ","
            or t.low in _AGE_UNITS
            or t.low in _KIN_CUES
            or (t.kind == "word" and t.text[:1].isupper() and not t.place and not t.blocked)
            or t.blocked  # client data found already: "Fleur (geb. 12/09/2017)"
            for t in inside
        )

    def next_capitalised(self, i: int) -> bool:
        j = i + 1
        if j < len(self.words) and self.words[j].kind == "word" and self.words[j].low in _PARTICLES:
            j = self.particle_run(j)
        if j >= len(self.words):
            return False
        w = self.words[j]
        return (
            w.kind == "word"
            and self.capitalised(w)
            and not self.excluded(w, in_name=True)
            and not self.org_word(w)
            and (self.listed(w) or not self.demonym(w))
        ) or self.aged(i)

    def after_abbreviation(self, i: int) -> bool:
        """ "GGD Hollands Noorden": capitalised words after an abbreviation name an organisation."""
        if self.shouting:
            return False  # IN CAPITALS every word looks like an abbreviation
        j = i - 1
        while (
            j >= 0
            and self.words[j].kind == "word"
            and self.capitalised(self.words[j])
            and not self.words[j].text.isupper()
        ):
            j -= 1
        return (
            j >= 0
            and j < i
            and self.words[j].kind == "word"
            and len(self.words[j].text) > 1
            and self.words[j].text.isupper()
        )

    def referred_to(self, i: int) -> bool:
        """Word i is the one a professional refers, advises or guides: right after such a verb ("begeleid
        tigist"), after the verb and its subject ("verwijs ik abrehet"), or between a subject and such a
        verb ("zou jij yonas adviseren")."""
        words = self.words

        def low(k: int) -> str:
            return words[k].low if 0 <= k < len(words) and words[k].kind == "word" else ""

        return (
            low(i - 1) in _REFERRING_VERBS
            or (low(i - 1) in _SUBJECTS and low(i - 2) in _REFERRING_VERBS)
            or (low(i - 1) in _SUBJECTS and low(i + 1) in _REFERRING_VERBS)
        )

    def context_before(self, i: int) -> bool:
        return i > 0 and self.words[i - 1].low in _CONTEXT_CUES

    def org_word(self, w: _Word) -> bool:
        """A hyphenated word ending in an ordinary one ("Nowruz-uitgaven", "Nibud-budgetplan"), the first
        half of a compound left open ("Tolk- en Vertaalcentrum"), or a word ending in an institution
        ("Rabobank", "Cultuurfonds")."""
        if w.kind == "word" and w.end - w.start > len(w.text):
            return True  # the tokenizer took the "-" off: "Tolk-" of "Tolk- en Vertaalcentrum"
        if "-" in w.text:
            last = w.text.rsplit("-", 1)[1]
            if (
                bool(last)
                and last[0].islower()
                and last.lower() not in _PARTICLES
                and (last.lower() in self.lex.ordinary or self._compound(last.lower()))
            ):
                return True
            # "de Prins Willem-Alexanderschool": a school named after someone is still a school
            tail = last.lower()
            return tail not in self.lex.first_names and tail not in self.lex.surnames and _ends_in_institution(tail)
        return _ends_in_institution(w.low) and not self.listed(w)

    def joins(self, i: int, lowercase_ok: bool) -> bool:
        """Word i continues a name next to it."""
        w = self.words[i]
        before = self.words[i - 1] if i > 0 else None
        if (
            before is not None
            and before.kind == "word"
            and "-" in before.text
            and before.text.rsplit("-", 1)[1].lower() in _PARTICLES
            and w.text[:1].isupper()
            and not w.blocked
        ):
            return True  # "Oudshoorn-van Beek", also when Beek is a gemeente too
        if (
            self.capitalised(w)
            and w.low in _MONTHS
            and not (i + 1 < len(self.words) and self.words[i + 1].kind == "num")
        ):
            return True  # "Chen Mei"
        if (
            self.excluded(w, in_name=True)
            or w.low in _PARTICLES
            or self.brand(w)
            or self.org_word(w)
            or self.institution(w)
        ):
            return False
        if self.capitalised(w):
            return (w.low not in _CUES or self.listed(w)) and not (self.demonym(w) and not self.listed(w))
        return (
            lowercase_ok
            and w.low not in self.lex.stop
            and w.low not in _ADVERBS
            and (w.low in self.lex.first_names or w.low in self.lex.surnames or not self.ordinary(w))
        )

    def particle_run(self, i: int) -> int:
        """Index after the particles starting at i that lead into a name word; i when none."""
        j = i
        while (
            j < len(self.words)
            and self.words[j].kind == "word"
            and self.words[j].low in _PARTICLES
            and not self.words[j].blocked
            and not self.words[j].place
        ):
            j += 1
        if j == i:
            return i
        run = [w.low for w in self.words[i:j]]
        if len(run) == 1 and run[0] in _WEAK_PARTICLES:
            return i
        return j


def find_names(text: str, claimed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of people's names in `text`, outside the `claimed` spans."""
    if _shouted(text):
        # "GIULIA ROSSI UIT WEERT": capitals say little here; read it also as typed in lower case.
        return _merged(_find_names(text, claimed) + _find_names(text.lower(), claimed))
    return _find_names(text, claimed)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _find_names(text: str, claimed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    lex = lexicon()
    words = _tokens(text, claimed)
    if not any(w.kind == "word" and not w.blocked for w in words):
        return []
    _protect(words, lex)
    ctx = _Context(words, lex)
    n = len(words)
    in_name = [False] * n
    lowercase_chain = [False] * n
    for i in range(n):
        if ctx.seed(i):
            in_name[i] = True
            lowercase_chain[i] = ctx.cue_before(i) == "naming" or not ctx.capitalised(words[i])
        elif ctx.surname_like_a_hamlet(i):
            in_name[i] = in_name[i + 1] = True
        # A particle-led surname: "mw. de Boer", "van den Berg", "ter Horst".
        elif (
            words[i].kind == "word"
            and words[i].low in _PARTICLES
            and not words[i].blocked
            and not words[i].place
            and not _verb_ben(words, i)
        ):
            j = ctx.particle_run(i)
            if j > i and j < n:
                target = words[j]
                cue = ctx.cue_before(i)
                after_name = i > 0 and in_name[i - 1]
                if (
                    not cue
                    and not after_name
                    and not ctx.aged(j)
                    and ((i > 0 and words[i - 1].low in _LOCATIVES) or words[i].low in _WEAK_PARTICLES)
                ):
                    continue  # "in de Bijlmer", "uit de Kempen"
                if (
                    not cue
                    and not after_name
                    and target.place
                    and words[i].low == "van"
                    and i > 0
                    and words[i - 1].kind == "word"
                    and words[i - 1].text.islower()
                ):
                    continue  # "de rest van Limburg", "het noorden van Groningen": of a place
                if not cue and i > 0 and (words[i - 1].low in _INSTITUTIONS or ctx.after_abbreviation(i)):
                    continue  # "Stichting De Hoop", "IKC De Vlieger": the organisation's own name
                if not cue and not (i > 0 and in_name[i - 1]) and ctx.by_someone(i, j):
                    continue  # "het rapport van Vrooman", "Schaarste van Mullainathan": by, no particle
                if (
                    not cue
                    and not after_name
                    and words[i].text == "de"
                    and j == i + 1
                    and ctx.ordinary(target)
                    and i > 0
                    and words[i - 1].kind == "word"
                    and words[i - 1].text.islower()
                ):
                    continue  # "voor de Scholing", "naar de Bakker": an article before an ordinary word
                if (
                    cue == "kin"
                    and words[i].low in _WEAK_PARTICLES
                    and ctx.ordinary(target)
                    and target.low not in lex.surnames
                ):
                    continue  # "kinderen uit de Schilderswijk": a place they come from, not a surname
                lower_ok = (
                    (
                        cue in ("naming", "title")
                        and (
                            not ctx.ordinary(target)
                            # "fam. de graaf", "mevrouw van dijk": a surname that goes with a particle (the list
                            # holds the part after it), even when it is an ordinary word too
                            or (target.low in lex.interfix_surnames and target.low not in _CUES | lex.stop)
                        )
                    )
                    or (
                        cue == "kin"
                        and (
                            " ".join(w.low for w in words[i : j + 1]) in lex.interfix_surnames
                            or (
                                target.low in lex.surnames
                                and target.low not in lex.stop
                                and target.low not in _CUES
                                and j == i + 1
                                and words[i].low != "van"
                                and j + 1 < n
                                and words[j + 1].kind == "word"
                                and words[j + 1].low in _PERSON_VERBS
                            )
                        )
                    )
                )  # "moeder de wit zegt"
                ok_target = (
                    target.kind == "word"
                    and not target.blocked
                    and target.place not in ("kb",)
                    # "aan de Van Karnebeekstraat": the particle belongs to the street
                    and not (target.place == "place" and _PLACE_WORD.fullmatch(target.low))
                    and (ctx.capitalised(target) or lower_ok)
                    and not ctx.brand(target)
                    and not ctx.org_word(target)
                    and not ctx.titles_a_work(j)  # "voor de Scholing 'Kansengelijkheid …'"
                    # "schulden van het Rijk": an ordinary word after "het" is the thing ("van het Reve" is a name)
                    and not (words[j - 1].low == "het" and ctx.ordinary(target))
                )
                if ok_target and target.place == "gemeente":
                    # "van Putten" is a surname only after a cue or a first name, never a KB gemeente; after a
                    # surname it says where someone is from ("wethouder Koster van Zaanstad").
                    ok_target = (
                        bool(cue or after_name)
                        and target.low not in lex.kb_gemeenten
                        and words[i].low not in _WEAK_PARTICLES
                        and not (after_name and words[i].low == "van" and words[i - 1].low not in lex.first_names)
                    )
                if ok_target and not (
                    target.low in _MONTHS
                    or target.low in _HOLIDAYS
                    or target.low in _WEEKDAYS
                    or target.text.isupper()
                    and len(target.text) > 1
                ):
                    # Without a cue or first name: a listed surname ("de Vries"), or after a double particle
                    # ("van den", "ter") any capitalised word that is no ordinary one.
                    strong = j - i > 1 or words[i].low in ("ter", "ten", "el", "al", "ben", "bin", "ait", "dos", "da")
                    surname = (
                        target.low in lex.surnames and target.low not in lex.stop and target.low not in _CUES
                    ) or (strong and ctx.unknown(target))
                    only_first_name = target.low in lex.first_names and target.low not in lex.surnames
                    # "moeder van Yusuf" is Yusuf's mother, not mrs van Yusuf.
                    if (cue or after_name or surname) and not (
                        only_first_name and words[i].low == "van" and j == i + 1
                    ):
                        for k in range(i, j + 1):
                            in_name[k] = True
    # Grow each name over its neighbours: capitalised words, particles leading into a name word, initials.
    changed = True
    nicknames: set[int] = set()  # nicknames between brackets after a name: names whatever word they are
    after_nicknames: set[int] = set()  # the surname after them: a name, though alone it looks like a word
    while changed:
        changed = False
        for i in range(n):
            if not in_name[i]:
                continue
            # a nickname alone between brackets right after a name, made of that name ("Temitope Balogun
            # (Tope)", "Kelly-Ann Doran (Kel)"), whatever word it is too
            j = i + 2
            if (
                j + 1 < n
                and words[i + 1].text == "("
                and words[j + 1].text == ")"
                and not in_name[j]
                and words[j].kind == "word"
                and ctx.capitalised(words[j])
                and not ctx.excluded(words[j], in_name=True)
                and len(words[j].low) >= 3
                and any(
                    words[j].low in words[k].low or words[j].low[:3] == words[k].low[:3]
                    for k in range(max(0, i - 3), i + 1)
                    if in_name[k] and words[k].kind == "word" and words[k].low not in _PARTICLES
                )
            ):
                in_name[j] = True
                nicknames.add(j)
                changed = True
            # the surname after a name and its nickname between brackets: "Jeremiah (Jerry) Pinas",
            # "Anna (Annie) Bakker", though a surname list calls it a word too
            j = i + 2
            if (
                i >= 2
                and words[i - 1].text == "("
                and in_name[i - 2]
                and j < n
                and words[i + 1].text == ")"
                and j not in after_nicknames
                and words[j].kind == "word"
                and ctx.capitalised(words[j])
                and not ctx.excluded(words[j], in_name=True)
                and (words[j].low in lex.surnames or not ctx.ordinary(words[j]))
                and not ctx.org_word(words[j])
                and not ctx.brand(words[j])
            ):
                after_nicknames.add(j)
                if not in_name[j]:
                    in_name[j] = True
                    changed = True
            # right
            j = i + 1
            if j < n and not in_name[j]:
                if words[j].kind == "word" and ctx.joins(j, lowercase_chain[i]):
                    in_name[j] = True
                    lowercase_chain[j] = lowercase_chain[i]
                    changed = True
                elif words[j].kind == "word" and words[j].low in _PARTICLES:
                    k = ctx.particle_run(j)
                    if (
                        k > j
                        and k < n
                        and words[k].kind == "word"
                        and not ctx.excluded(words[k], in_name=True)
                        and not ctx.brand(words[k])
                        and not ctx.org_word(words[k])
                        and (ctx.capitalised(words[k]) or lowercase_chain[i])
                        and words[k].low not in _CUES
                        # "wethouder Koster van Zaanstad": where the person is from, after a surname (after a
                        # first name only, "Anne van Bergen", it is her surname)
                        and not (
                            words[j].low == "van"
                            and k == j + 1
                            and words[k].place == "gemeente"
                            and words[i].low not in lex.first_names
                        )
                    ):
                        for m in range(j, k + 1):
                            in_name[m] = True
                            lowercase_chain[m] = lowercase_chain[i]
                        changed = True
            # "mevrouw Ter Beek": after a title and a particle, a place is the surname's
            j = i + 1
            if (
                j < n
                and not in_name[j]
                and words[i].low in _PARTICLES
                and words[j].place in ("gemeente", "place")
                and ctx.capitalised(words[j])
                and ctx.personal_title_before(i)
            ):
                in_name[j] = True
                changed = True
            # "Kofi jr.", "Jan Jansen sr.": the suffix belongs to the name
            j = i + 1
            if j < n and not in_name[j] and words[j].low in _NAME_SUFFIXES and words[i].kind == "word":
                in_name[j] = True
                changed = True
            # left: a short or common first name before a capitalised name ("Li Wei", "Mei Chen"); a month
            # only with a capital in mid-sentence, where Dutch writes months in lower case ("voor April Smit")
            j = i - 1
            if (
                j >= 0
                and not in_name[j]
                and words[j].kind == "word"
                and ctx.capitalised(words[i])
                and ctx.capitalised(words[j])
                and (
                    ctx.month_as_name(j)
                    or (
                        words[j].low in lex.first_names
                        and words[j].low not in lex.stop
                        and words[j].low not in _PARTICLES
                        and words[j].low not in _MONTHS
                        and words[j].low not in _GREETINGS
                        and not ctx.excluded(words[j], in_name=True)
                    )
                )
            ):
                in_name[j] = True
                changed = True
            # left: an unknown word in lower case that opens a sentence, right before a capitalised name
            # ("sutini Pawiroredjo is 3x niet verschenen"): its first name, typed without a capital
            j = i - 1
            if (
                j >= 0
                and not in_name[j]
                and words[j].kind == "word"
                and words[j].text[:1].islower()
                and ctx.capitalised(words[i])
                and ctx.sentence_initial(j)
                and ctx.unknown(words[j])
                and words[j].low not in lex.stop
                and words[j].low not in _PARTICLES | _GREETINGS | _SIGN_OFFS
                and not ctx.excluded(words[j], in_name=True)
            ):
                in_name[j] = True
                changed = True
            # a capital letter without a dot between name words: "Tjon A Fat", "Jan P Jansen"
            j = i + 1
            if (
                j + 1 < n
                and not in_name[j]
                and words[j].kind == "word"
                and len(words[j].text) == 1
                and words[j].text.isupper()
                and words[j + 1].kind == "word"
                and ctx.capitalised(words[j + 1])
                and not ctx.excluded(words[j + 1], in_name=True)
                and words[j + 1].low not in _CUES
                and words[j + 1].low not in lex.stop
                and ctx.capitalised(words[i])
            ):
                in_name[j] = in_name[j + 1] = True
                changed = True
            # coordinated: "(Ola en Piotr)", "Daan, Lotte en Sem", "narin en rojhat", "Dmytro en Taras
            # Melnyk", and lists with ages: "bartosz 10, oliwia 8, szymon 6"
            aged_next = i + 3 < n and words[i + 1].kind == "num" and words[i + 2].low in (",", "en")
            aged_prev = i >= 3 and words[i - 1].kind == "num" and words[i - 2].low in (",", "en")
            for j, link in ((i + 2, i + 1), (i - 2, i - 1), (i + 3, i + 2), (i - 3, i - 2)):
                if abs(j - i) == 3 and not (
                    (aged_next and j == i + 3 and j + 1 < n and words[j + 1].kind == "num")
                    or (aged_prev and j == i - 3 and words[j + 1].kind == "num")
                ):
                    continue
                if not (0 <= j < n) or in_name[j] or words[link].low not in ("en", ",", "&", "+"):
                    continue
                w = words[j]
                if (
                    w.kind == "word"
                    and not ctx.excluded(w, in_name=True)
                    and w.low not in _CUES
                    and w.low not in lex.stop
                    and not (w.low in _GREETINGS and ctx.sentence_initial(j))  # "Hoi, Ingrid hier"
                    and not ctx.brand(w)
                    and not ctx.org_word(w)
                    and (
                        (
                            ctx.capitalised(w)
                            and not (ctx.demonym(w) and not ctx.listed(w))  # "…, Indonesisch-Nederlands gezin"
                            and (
                                ctx.listed(w)
                                or not ctx.ordinary(w)
                                or w.place == "place"
                                or (j + 1 < n and ctx.capitalised(words[j + 1]) and ctx.unknown(words[j + 1]))
                                # an ordinary word between two names ("Roos, Storm en Jip"), or one that
                                # does what people do with a name ("Stef en Hoop zijn de kinderen")
                                or (
                                    abs(j - i) == 2
                                    and 0 <= 2 * j - i < n
                                    and in_name[2 * j - i]
                                    and words[(j + (2 * j - i)) // 2].low in ("en", ",", "&")
                                )
                                or (
                                    j == i + 2
                                    and j + 1 < n
                                    and words[j + 1].low in _PERSON_VERBS | {"zijn", "hebben", "wonen", "komen", "gaan"}
                                )
                                # a word before "en" and a first name with a surname: "om Lama en Hamza
                                # Al-Hussein" share the surname ("Dmytro en Taras Melnyk")
                                or (
                                    j == i - 2
                                    and words[link].low in ("en", "&")
                                    and i + 1 < n
                                    and in_name[i + 1]
                                    and ctx.capitalised(words[i + 1])
                                    and not ctx.sentence_initial(j)
                                )
                                # a first name that is also a word, right after a name and "en": "voor Lotte
                                # en Storm niet betalen"
                                or (j == i + 2 and words[link].low in ("en", "&") and w.low in lex.first_names)
                                # a list of surnames, ordinary words too: "Vos, Berg en Smit uit groep 6"
                                or (
                                    w.low in lex.surnames and words[i].low in lex.surnames and ctx.capitalised(words[i])
                                )
                                # "Vos, Mark, vader van twee", "staat Vos, Teun (groep 4)": surname, comma,
                                # first name
                                or (
                                    j == i - 2
                                    and words[link].low == ","
                                    and w.low in lex.surnames
                                    and words[i].low in lex.first_names
                                    and (ctx.sentence_initial(j) or ctx.dossier_surname(j))
                                )
                            )
                        )
                        or (
                            lowercase_chain[i]
                            and not ctx.capitalised(w)
                            and (ctx.unknown(w) or ctx.plain_first_name(w))
                        )
                        # in lower case, a name and "en" and a word that opens the message, the pair doing
                        # what children do: "sky en rivier zijn de tweeling", "mo en lina hebben honger"
                        or (
                            not ctx.capitalised(w)
                            and not ctx.capitalised(words[i])
                            and words[link].low == "en"
                            and abs(j - i) == 2
                            and ctx.sentence_initial(min(i, j))
                            and max(i, j) + 1 < n
                            and words[max(i, j) + 1].low in _PERSON_VERBS | {"zijn", "hebben"}
                            and w.low.isalpha()
                        )
                    )
                ):
                    in_name[j] = True
                    lowercase_chain[j] = lowercase_chain[i] and not ctx.capitalised(w)
                    changed = True
            # left: capitalised words and particles, initials ("J.P. de Vries", "A. Bakker")
            j = i - 1
            if j >= 0 and not in_name[j]:
                w = words[j]
                if (
                    w.kind == "word"
                    and not ctx.excluded(w)
                    and ctx.capitalised(w)
                    and w.low not in _CUES
                    and w.low not in lex.stop
                    and w.low not in _GREETINGS
                    and not ctx.brand(w)
                    and not ctx.org_word(w)
                    and not (
                        ctx.sentence_initial(j)
                        and w.low in lex.ordinary
                        and not ctx.listed(w)
                        and w.low not in _PARTICLES
                        and not ctx.after_first_name_word(i)  # "Hoop Brouwer is pas bevallen"
                    )
                ):
                    in_name[j] = True
                    changed = True
                elif (
                    w.kind == "word"
                    and lowercase_chain[i]
                    and (ctx.plain_first_name(w) or (ctx.unknown(w) and w.low not in lex.stop and not ctx.english(w)))
                    and not ctx.excluded(w)
                ):
                    in_name[j] = True  # "jan willem", "nana akua", "cosmin gheorghe"
                    lowercase_chain[j] = True
                    changed = True
                elif (
                    w.kind == "word"
                    and w.low in _PARTICLES
                    and w.low not in _WEAK_PARTICLES
                    and not w.blocked
                    and not w.place
                    and not _preposition_before_name(words, in_name, j, lex)
                ):
                    in_name[j] = True
                    changed = True
                elif (
                    w.text == "."
                    and j >= 1
                    and words[j - 1].kind == "word"
                    and len(words[j - 1].text) == 1
                    and words[j - 1].text.isupper()
                    and not in_name[j - 1]
                ):
                    in_name[j] = in_name[j - 1] = True
                    changed = True
    # Particles left dangling at either end of a name are not part of it ("de" in "de Alliantie").
    spans: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not in_name[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and in_name[j + 1]:
            j += 1
        run_end = j
        while (
            i <= j
            and words[i].kind == "word"
            and words[i].low in _PARTICLES
            and words[i].low in _WEAK_PARTICLES
            and not _initial(words, i)
        ):
            i += 1
        while j >= i and (words[j].kind == "word" and words[j].low in _PARTICLES):
            j -= 1
        # A form of address opens a name but is none of it: "collega mw. Ouali" leaves "mw." as written.
        while i <= j and (
            words[i].low in _PERSONAL_TITLES or (words[i].text == "." and i and words[i - 1].low in _PERSONAL_TITLES)
        ):
            i += 1
        if (j + 1 < n and (ctx.institution(words[j + 1]) or words[j + 1].low in _FOUNDATION_WORDS)) or (
            j > i and ctx.institution(words[j])
        ):
            pass  # "Sophia Kinderziekenhuis", "Prins Bernhard Cultuurfonds", "Ulu Camii": an institution, no person
        elif ctx.listed_with_things(i, j) or ctx.bracketed_list_with_things(i, j):
            pass  # "Vattenfall of Eneco", "de Makro en Lidl": shops and places are listed together
        elif i == j and (i in nicknames or ctx.nicknamed(i) or ctx.called(i)):
            spans.append((words[i].start, words[i].end))  # what a child is called: "door iedereen Jojo genoemd"
        elif i > 1 and words[i - 1].low == "van" and words[i - 2].low in _EPONYMOUS:
            pass  # "de ziekte van Crohn", "het syndroom van Down": named after someone, no client
        elif (
            j > i
            and words[j].text[:1].isupper()
            and _PLACE_WORD.fullmatch(words[j].low)
            and words[j].low not in lex.surnames  # "Dirk Verkade"
        ):
            pass  # "op de Johan de Wittstraat": a street named after someone (with a number it is an address)
        elif i == j and ctx.bare_word(i) and i not in after_nicknames:
            pass  # "Gezin zonder Stroom": an ordinary word that is also a surname, alone, is the word
        elif i <= j and ctx.organisation(i, j) and not _coordinated_with_name(words, in_name, i, j):
            pass  # "Cruyff Court", "Back to School", "Zomerkamp Pieter Pan", "Edith Stein college"
        elif i <= j and any(w.kind == "word" and w.low not in _PARTICLES for w in words[i : j + 1]):
            start, end = words[i].start, words[j].end
            if spans and not text[spans[-1][1] : start].strip():
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        i = run_end + 1
    return _with_repeats(words, spans, lex)


def _initial(words: list[_Word], i: int) -> bool:
    """ "T." in "mw. T. Sewnath": an initial, though "t" is also the particle of "van 't Hof"."""
    w = words[i]
    return len(w.text) == 1 and w.text.isupper() and i + 1 < len(words) and words[i + 1].text == "."


def _verb_ben(words: list[_Word], i: int) -> bool:
    """ "ben" after "ik" is the verb, not the particle of "Hanan ben Ali": "Ik ben Koen"."""
    return words[i].low == "ben" and i > 0 and words[i - 1].low == "ik"


def _preposition_before_name(words: list[_Word], in_name: list[bool], j: int, lex: Lexicon) -> bool:
    """The particle-like word j before a name is a word of the sentence, not part of the surname: a
    surname particle stands right before the surname, so not before a first name ("de moeder van
    Fatima", "het boek van Kim Putters") and "ben" after "ik" is the verb ("Ik ben Koen")."""
    name = words[j + 1]
    if _verb_ben(words, j) or _by_someone(words, j):
        return True
    first_name_only = name.low in lex.first_names and name.low not in lex.surnames
    followed_by_surname = (
        j + 2 < len(words)
        and in_name[j + 2]
        and words[j + 2].kind == "word"
        and words[j + 2].low not in _PARTICLES
        and words[j + 2].text[:1].isupper()
    )
    return words[j].low == "van" and (first_name_only or followed_by_surname)


def _by_someone(words: list[_Word], i: int) -> bool:
    """ "van" at i says whose work follows, after a thing made ("het rapport van Cok Vrooman") or a
    quoted title ("uit 'Schaarste' van Mullainathan"): a preposition, not a surname's particle. A
    family word ("de moeder van de Vries") or a small word ("met van Dijk") before it leaves it one."""
    if words[i].low != "van" or i == 0:
        return False
    before = words[i - 1]
    return before.text in ('"', "'", "”", "’") or (
        before.kind == "word" and before.text.islower() and before.low in _WORKS | _EPONYMOUS
    )


def _shouted(text: str) -> bool:
    """Typed in capitals throughout (three words or more)."""
    letters = [c for c in text if c.isalpha()]
    return len(re.findall(r"[^\W\d_]{2,}", text)) >= 3 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _coordinated_with_name(words: list[_Word], in_name: list[bool], i: int, j: int) -> bool:
    """Words i..j stand next to a name, joined by "en" or "&": "Dushendra Sillé en Keven Wawoe" are two
    people, whatever "Keven" means on its own (not a comma: "spreekt weinig Nederlands, Chen (11) …")."""
    links = ("en", "&")
    before = i >= 2 and words[i - 1].low in links and in_name[i - 2] and words[i - 2].kind == "word"
    after = j + 2 < len(words) and words[j + 1].low in links and in_name[j + 2] and words[j + 2].kind == "word"
    return before or after


def _with_repeats(words: list[_Word], spans: list[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int]]:
    """A name found once is a name everywhere in the message: "Nina (Nina de Ruiter) is 16", "Sofiia
    (5) … kan Sofiia naar de peuteropvang?" — the other mention often lacks the cue the first had."""
    inside = [w for w in words if any(s <= w.start and w.end <= e for s, e in spans)]
    found = {
        _unaccented(_POSSESSIVE.sub("", w.low))  # "Sophie's moeder … Sophie is 4"; "Wiśniewska of Wisniewska"
        for w in inside
        if w.kind == "word"
        and len(w.low) >= 3
        and w.low not in _PARTICLES
        and w.low not in lex.stop
        and w.low not in _CUES
    }
    extra = [
        (w.start, w.end)
        for w in words
        if w.kind == "word"
        and _unaccented(w.low) in found
        and not w.blocked
        and not w.place
        and not any(s <= w.start and w.end <= e for s, e in spans)
    ]
    return sorted(spans + extra) if extra else spans


def _unaccented(low: str) -> str:
    """ "wiśniewska" → "wisniewska": a name typed once with its accents and once without."""
    return "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))


# What only a person or household has: "Winter heeft een betalingsachterstand", "Berg heeft twee kinderen".
_HELD_ENDINGS = ("schuld", "schulden", "achterstand", "uitkering", "aanmaning", "aanmaningen", "toeslag", "toeslagen")
_HELD_WORDS = {"kinderen", "kind", "zoon", "dochter", "zoontje", "dochtertje", "baan", "bijstand", "bewindvoerder"}


def _held_by_a_person(low: str) -> bool:
    return low in _HELD_WORDS or low.endswith(_HELD_ENDINGS)
