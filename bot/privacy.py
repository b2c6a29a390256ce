"""Detecting and redacting client data in a message before anything stores or logs it.

Professionals are asked to keep questions anonymous, but some will type a name, a BSN or
an address anyway. Every incoming message passes `redact` first; only the redacted text is
kept. The placeholders keep the sentence readable for the NLU ("mevrouw [NAAM] vraagt …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.privacy_names import find_names
from bot.privacy_spoken import source_span, spelled_out

_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|"
    # English: "born 12 March 2018"
    "january|february|march|may|june|july|october|oct"
)

# A day of the month written out: "geboren negen mei 2023".
_DAY_WORDS = (
    "eenentwintig|tweeëntwintig|drieëntwintig|vierentwintig|vijfentwintig|zesentwintig|zevenentwintig|"
    "achtentwintig|negenentwintig|eenendertig|dertig|twintig|dertien|veertien|vijftien|zestien|zeventien|"
    "achttien|negentien|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf"
)

_NAME_WORD = r"(?:IJ|[A-ZÀ-Ý])[a-zà-ÿ'’-]+"  # "IJsselkade": the Dutch IJ is one capital
_STREET_SUFFIX = (
    r"straat|laan|weg|plein|gracht|kade|singel|dreef|hof|pad|steeg|dijk|park|markt|baan|"
    r"erf|veld|wal|plantsoen|boulevard|allee|hoven|kamp|haven|veste|burcht|"
    # Frisian: "Tsjerkepaed", "Skoallestrjitte", "Tsjerkewei", "Lytse Leane"
    r"paed|strjitte|wei|dyk|leane|loane"
)

# Two-letter Dutch words and units that may follow a number: "1500 op", "2024 is" are no postcode.
_TWO_LETTER_WORDS = (
    "al|aan|af|de|du|en|er|ga|ik|in|is|je|ja|me|na|nu|of|om|op|te|tv|uw|we|ze|zo|nl|ok|km|kg|cm|mm|ml|pm|am|"
    "ma|di|wo|do|vr|za|zo|mb|gb|hd|eu|bv|nv|uv|vs|db|pc|jr|st|"
    # English: "from 2023 or newer", "in 2024 to apply"
    "or|to|at|it|on|as|by|if|so|up|us|an|my|he|be|no"
)

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("E-MAIL", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    (
        # dictated: "kim punt jansen zevenentachtig at hotmail punt com", "info apenstaartje gezinsbode punt nl"
        "E-MAIL",
        re.compile(
            r"\b[\w-]+(?:\s+(?:punt|streepje|underscore|min)\s+[\w-]+)*(?:\s+[\w-]+)?\s+(?:at|apenstaartje)\s+"
            r"[\w-]+(?:\s+punt\s+[\w-]+)*\s+punt\s+(?:com|nl|net|org|be|eu|info|de)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "IBAN",
        re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d{4}){2}\s?\d{2}\b|\bNL\d{2}[A-Z]{4}\d{10}\b", re.IGNORECASE),
    ),
    (
        "GEBOORTEDATUM",
        re.compile(
            r"\b(?:geboren|geb\.?|geboortedatum|gebdat|born|dob|d\.o\.b\.?|date of birth)\s*(?:op|on|:)?\s*(?:de\s+)?"
            rf"(?:\d{{1,2}}[-/.]\d{{1,2}}(?:[-/.](?:\d{{2,4}}|['’]\d{{2}}))?(?!\d)|\d{{1,2}}\s+(?:{_MONTHS})\.?(?:\s+\d{{4}})?"
            rf"|\d{{4}}-\d{{2}}-\d{{2}}|(?:{_DAY_WORDS})\s+(?:{_MONTHS})\.?\s+(?:19|20)\d{{2}}"
            # English order: "born March 12, 2018"
            rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?)",
            re.IGNORECASE,
        ),
    ),
    (
        # A birthday is the date of birth without the year: "wordt 7 op 18 december", "jarig op 3-4" (the age stays)
        "GEBOORTEDATUM",
        re.compile(
            r"\b(?:(?:wordt|werd)\s+\d{1,2}(?:\s+jaar)?|jarig|verjaardag(?:\s+is)?)\s+op\s+"
            rf"(?P<x>\d{{1,2}}(?:\s+(?:{_MONTHS})\b|[-/]\d{{1,2}}\b))"
            # the other order: "wordt op 17/10 8 jaar"
            rf"|\b(?:wordt|werd)\s+op\s+(?P<y>\d{{1,2}}(?:\s+(?:{_MONTHS})\b|[-/]\d{{1,2}}\b))(?=\s+\d{{1,2}}\b)",
            re.IGNORECASE,
        ),
    ),
    (
        "DATUM",
        re.compile(
            rf"\b(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}|"
            # a year with an apostrophe: "03-05-'95"
            rf"(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.]['’]\d{{2}}(?!\d)|"
            rf"(?:\d{{1,2}}|{_DAY_WORDS})\s+(?:{_MONTHS})\.?\s+(?:19|20)\d{{2}})\b",
            re.IGNORECASE,
        ),
    ),
    (
        "TELEFOON",
        re.compile(
            # a dash of any length between the digits: "06–44 12 98 76"
            r"(?<![\w-])(?:\+31|0031|0)(?:\s?[-.–—]\s?|\s)?(?!800\b|900\b|90[069]\b|88\b)(?:\(0\))?[1-9]"
            r"(?:(?:\s?[-.–—]\s?|\s)?\d){8}(?![\w-])"
            r"|(?<![\w+])(?:\+|00)(?!31)[1-9]\d{0,2}(?:[\s-]?\d){7,12}(?![\w-])"
            # the area code before a slash: "06/19284756", "020/612 34 56", "0546/123456"
            r"|(?<![\w/-])(?:0[1-9]/\s?\d(?:[\s-]?\d){7}|0[1-9]\d/\s?\d(?:[\s-]?\d){6}|0[1-9]\d{2}/\s?\d(?:[\s-]?\d){5})(?![\w/-])"
            # the area code in brackets: "(020) 612 34 56", "(0546) 12 34 56", "(06) 27 37 47 57"
            r"|(?<![\w-])\((?:0[1-9]\)\s?(?:[\s-]?\d){8}|0[1-9]\d\)\s?(?:[\s-]?\d){7}|0[1-9]\d{2}\)\s?(?:[\s-]?\d){6})(?![\w-])"
        ),
    ),
    (
        "ADRES",
        re.compile(
            rf"\b(?:(?:{_NAME_WORD}|van|de|der|den)\s+){{0,3}}(?:(?:(?:IJ|[A-ZÀ-Ý])[a-zà-ÿ'’]*-)*(?:IJ|[A-ZÀ-Ý])[a-zà-ÿ'’-]*(?:{_STREET_SUFFIX})|{_STREET_SUFFIX.title()}"
            # typed in lower case: "kerkstraat 12", "jan van galenstraat 5"
            rf"|(?:(?:van|der|den)\s+){{0,2}}[a-zà-ÿ][a-zà-ÿ'’-]+(?:{_STREET_SUFFIX}))"
            rf"(?:-(?:Oost|West|Noord|Zuid|Noordzijde|Zuidzijde|Oostzijde|Westzijde|Midden))?\s+\d{{1,5}}"
            r"(?!\s*(?:weken|week|dagen|dag|jaar|keer|kinderen|euro|uur|maanden|maand|x|%|procent)\b)"
            r"(?:[\s-]?bis\b|\s+bus\s+\d+|\s?[a-zA-Z]\b|-\d+|-?[IV]{1,3}\b|\s?hs\b)?"
        ),
    ),
    (
        # A street named by its street word alone, typed in lower case: "op de dreef 12", "van het hof 3".
        "ADRES",
        re.compile(
            rf"\b(?:de|het)\s+(?:{_STREET_SUFFIX})\s+\d{{1,4}}(?!\d)(?:\s?[a-zA-Z]\b|-\d+)?"
            r"(?!\s*(?:weken|week|dagen|dag|jaar|keer|kinderen|euro|uur|maanden|maand|x|%|procent|minuten|km|meter)\b)",
            re.IGNORECASE,
        ),
    ),
    (
        # The street word first: "Laan van Meerdervoort 612", "Weg naar Laren 4", "Plein 1813 nr 2" not
        "ADRES",
        re.compile(
            rf"\b(?:Laan|Weg|Dreef|Kade|Plein|Singel) (?:van|naar|op|der|de|den|tot)(?:\s+(?:de|den|der|het|'t))?"
            rf"\s+{_NAME_WORD}(?:[\s-]+{_NAME_WORD}){{0,2}}\s+\d{{1,5}}(?!\s*(?:weken|week|dagen|jaar|kinderen|euro|uur)\b)"
            r"(?:[\s-]?bis\b|\s?[a-zA-Z]\b|-\d+|-?[IV]{1,3}\b|\s?hs\b)?"
        ),
    ),
    (
        # A street without a street word, after moving or living there: "verhuisd naar Kraaiennest 83".
        # Only the group "x" is the address.
        "ADRES",
        re.compile(
            r"\b(?:verhuisd|verhuist|verhuizen|woont|wonen|woonachtig|woonadres|adres)\b:?\s+"
            r"(?:(?:naar|op|aan)\s+(?:de\s+|het\s+)?)?"
            rf"(?P<x>{_NAME_WORD}(?:\s+(?:van|de|der|den|{_NAME_WORD})){{0,2}}\s+\d{{1,5}}(?:\s?[a-zA-Z]\b|-\d+)?)"
            r"(?!\s*(?:weken|week|dagen|dag|jaar|keer|kinderen|euro|uur|maanden|maand|x|%|procent)\b)"
        ),
    ),
    (
        # A street without a street word, right before a postcode: "Ganzenhoef 41, 1103 AA Amsterdam".
        "ADRES",
        re.compile(
            rf"\b(?P<x>{_NAME_WORD}(?:\s+(?:van|de|der|den|{_NAME_WORD})){{0,2}}\s+\d{{1,5}}(?:\s?[a-zA-Z]\b|-\d+)?)"
            r"(?=,?\s+[1-9]\d{3}\s?[A-Z]{2}\b)"
        ),
    ),
    (
        "POSTCODE",
        re.compile(
            r"\b[1-9]\d{3}(?:\s{1,2}|-)?(?!SA|SD|SS)(?:[A-Z]{2}|(?!(?:" + _TWO_LETTER_WORDS + r")\b)[a-z]{2})\b"
            r"(?:\s+\d{1,5}[a-zA-Z]?)?"
        ),
    ),
]

_BSN_CANDIDATE = re.compile(
    r"(?<![\d-])(\d{3})[\s.]?(\d{2})[\s.]?(\d{2})[\s.]?(\d{2})(?![\d-])|(?<!\d)(\d{9})(?!\d)"
    # in threes: "612.965.314", "612 965 314"
    r"|(?<![\d.-])(\d{3})([\s.])(\d{3})\7(\d{3})(?![\d-]|\.\d)"
    # the way a BSN is printed: "1234.56.782", "7865 09 491"
    r"|(?<![\d.-])(\d{4})([\s.])(\d{2})\11(\d{3})(?![\d-]|\.\d)"
)


@dataclass(frozen=True)
class Span:
    """Where in the text given to `redact` client data was found (offsets into that text), and its kind."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Redaction:
    text: str
    found: tuple[str, ...]  # the kinds of client data found, e.g. ("BSN", "NAAM")
    spans: tuple[Span, ...] = ()  # each replaced stretch of the original text, in order

    @property
    def had_client_data(self) -> bool:
        return bool(self.found)


def elfproef(digits: str) -> bool:
    """The Dutch BSN check: Σ digit_i × (9 − i) for the first eight, minus the last, divisible by 11."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * (9 - i) for i, d in enumerate(digits[:8])) - int(digits[8])
    return total % 11 == 0


# Right after the word BSN, eight or nine digits are a BSN however they are grouped ("1234.56.782")
# and even when they fail the check: a mistyped BSN still points to a person.
_BSN_AFTER_CUE = re.compile(
    r"(?i:\bbsn|burgerservicenummer)(?:\W{0,3}[^\W\d]+){0,4}\W{0,12}(\d(?:[\s.-]?\d){7,8})(?![\d-])"
)


def _bsn_spans(text: str) -> list[Span]:
    spans = [
        Span(m.start(), m.end(), "BSN")
        for m in _BSN_CANDIDATE.finditer(text)
        if elfproef("".join(g for g in m.groups() if g and g.isdigit()))
    ]
    for m in _BSN_AFTER_CUE.finditer(text):
        if not _overlaps(m.start(1), m.end(1), spans):
            spans.append(Span(m.start(1), m.end(1), "BSN"))
    return spans


# Any country's IBAN, grouped by four or not ("BE14 0631 2345 6783"): only when its check digits hold, so a
# product or case number is not taken for one. Dutch IBANs are in _PATTERNS, checked or not (a typo still
# points to a person).
_ANY_IBAN = re.compile(r"\b([A-Z]{2}\d{2}(?:[\s-]?[A-Z0-9]{4}){2,7}(?:[\s-]?[A-Z0-9]{1,3})?)\b", re.IGNORECASE)


def iban_check(iban: str) -> bool:
    """ISO 13616: the country code and check digits moved to the end, letters as numbers, mod 97 is 1."""
    code = re.sub(r"[\s-]", "", iban).upper()
    if not 15 <= len(code) <= 34:
        return False
    digits = "".join(str(int(ch, 36)) for ch in code[4:] + code[:4])
    return int(digits) % 97 == 1


def _iban_spans(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), "IBAN") for m in _ANY_IBAN.finditer(text) if iban_check(m.group(1))]


def _overlaps(start: int, end: int, spans: list[Span]) -> bool:
    return any(s.start < end and start < s.end for s in spans)


# A postcode whose letters are also a word ("5911 ja"), typed in lower case: a postcode when its town follows.
# Not the small words between a year and a town ("sinds 2023 in Zwolle", "2024 is Venlo").
_BETWEEN_YEAR_AND_PLACE = {"in", "is", "en", "op", "te", "na", "al", "of", "om", "nu", "zo", "er", "de", "ik", "je"}
_WORD_POSTCODE = re.compile(r"\b[1-9]\d{3}\s?(?P<letters>" + _TWO_LETTER_WORDS + r")\b(?=\s+(?P<place>[^\W\d_]+))")


def _postcodes_before_a_place(text: str) -> list[Span]:
    from .privacy_lexicon import dutch_places

    places = dutch_places()
    return [
        Span(m.start(), m.end(), "POSTCODE")
        for m in _WORD_POSTCODE.finditer(text)
        if m["place"].lower() in places and m["letters"].lower() not in _BETWEEN_YEAR_AND_PLACE
    ]


# A date right after these words says when something holds or ends: no person's date.
_FROM_OR_UNTIL = re.compile(
    r"\b(?:sinds|vanaf|per|tot|uiterlijk|t/m|tot en met|ingang van|m\.i\.v\.)\s+$", re.IGNORECASE
)
# … and a date that opens a period: "loopt van 1 januari 2025 tot 31 december 2026".
_UNTIL_AFTER = re.compile(r"^\s*(?:tot|t/m|tot en met)\s", re.IGNORECASE)


def _data_spans(text: str) -> list[Span]:
    """Client data other than names, as typed: BSN, IBAN, postcode, dates, phone, address, e-mail."""
    spans = _bsn_spans(text) + _postcodes_before_a_place(text)
    spans += [span for span in _iban_spans(text) if not _overlaps(span.start, span.end, spans)]
    for label, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            group = next((g for g in ("x", "y") if g in pattern.groupindex and match.group(g)), None)
            start, end = match.span(group) if group else match.span()
            if label == "DATUM" and (_FROM_OR_UNTIL.search(text[:start]) or _UNTIL_AFTER.match(text[end:])):
                continue  # "sinds 1 augustus 2021", "vanaf 1 juli 2024": when a rule holds, not a birthday
            if not _overlaps(start, end, spans):
                spans.append(Span(start, end, label))
    return spans


def _dictated_spans(text: str, spans: list[Span]) -> list[Span]:
    """Client data in words, as speech-to-text writes it ("nul zes, achtenvijftig, …"): the typed forms'
    detectors on the text with its number words as digits (bot/privacy_spoken.py)."""
    rewritten, pieces = spelled_out(text)
    found: list[Span] = []
    for span in _data_spans(rewritten) if pieces else []:
        if any(p.start < span.end and span.start < p.end for p in pieces):
            start, end = source_span(pieces, span.start, span.end)
            if not _overlaps(start, end, spans + found):
                found.append(Span(start, end, span.kind))
    return found


def redact(text: str) -> Redaction:
    """The text with client data replaced by placeholders, which kinds were found, and where."""
    if not text:
        return Redaction(text or "", ())
    spans = _data_spans(text)
    spans += _dictated_spans(text, spans)
    claimed = [(s.start, s.end) for s in spans]
    spans += [Span(start, end, "NAAM") for start, end in find_names(text, claimed)]
    spans.sort(key=lambda s: s.start)
    pieces, at = [], 0
    for span in spans:
        pieces += [text[at : span.start], f"[{span.kind}]"]
        at = span.end
    pieces.append(text[at:])
    return Redaction("".join(pieces), tuple(dict.fromkeys(s.kind for s in spans)), tuple(spans))


REMINDER = (
    "Let op: je bericht bevatte gegevens die naar een cliënt kunnen leiden. Ik heb ze niet bewaard. "
    "Stel je vragen liefst anoniem, zonder namen, adressen, telefoonnummers of BSN."
)

# A message that is nothing but client data ("Fatima El Amrani, 06-…") holds no question: ask for one,
# rather than let the NLU guess a fund from what is left ("[NAAM], [TELEFOON]").
ONLY_CLIENT_DATA_REPLY = "Waar kan ik je mee helpen? " + REMINDER
_PLACEHOLDER = re.compile(r"\[[A-Z-]+\]")
_NO_QUESTION_WORDS = {
    "mevrouw",
    "mevr",
    "mw",
    "meneer",
    "mijnheer",
    "dhr",
    "heer",
    "familie",
    "fam",
    "gezin",
    "de",
    "van",
    "en",
    "bsn",
    "tel",
    "telefoon",
    "tel.nr",
    "adres",
    "mail",
    "email",
    "e-mail",
    "geboren",
    "geb",
    "iban",
    "postcode",
    "naam",
    "moeder",
    "vader",
    "kind",
    "kinderen",
    "zoon",
    "dochter",
}


def without_placeholders(redacted: str) -> str:
    """The redacted text without its placeholders, for what searches or matches on the words of a question:
    "[NAAM] (12) heeft geen fiets" → "(12) heeft geen fiets"; a search on "naam" would otherwise find what
    is about names."""
    return re.sub(r"\s{2,}", " ", _PLACEHOLDER.sub(" ", redacted)).strip()


def holds_a_question(redacted: str) -> bool:
    """Whether anything but placeholders, titles and labels is left of a redacted message."""
    rest = _PLACEHOLDER.sub(" ", redacted).lower()
    return any(word not in _NO_QUESTION_WORDS for word in re.findall(r"[^\W\d_][\w.-]*", rest))
