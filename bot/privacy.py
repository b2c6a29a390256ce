"""Detecting and redacting client data in a message before anything stores or logs it.

Professionals are asked to keep questions anonymous, but some will type a name, a BSN or
an address anyway. Every incoming message passes `redact` first; only the redacted text is
kept. The placeholders keep the sentence readable for the NLU ("mevrouw [NAAM] vraagt …").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
           "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec")

# Words after which a capitalised word is a person's name.
_TITLES = (r"mevrouw|mevr\.?|mw\.?|meneer|mijnheer|mr\.?|dhr\.?|de heer|heer|moeder|vader|mama|papa|mam|pap|"
           r"zoon|zoontje|dochter|dochtertje|broer|broertje|zus|zusje|opa|oma|tante|oom|neef|nicht|"
           r"cli[eë]nt|cli[eë]nte|pleegkind|pleegzoon|pleegdochter|baby|kind|jongen|meisje|puber|"
           r"partner|vriend|vriendin|echtgenoot|echtgenote|man|vrouw|juf|meester|"
           r"heet|genaamd|naam is|noemen hem|noemen haar")
_PARTICLES = r"(?:(?:van|de|der|den|het|ter|ten|te|in 't|van 't|'t|el|al|bin|ben|da|di|du|le|la|op)\s+)*"
_NAME_WORD = r"[A-ZÀ-Ý][a-zà-ÿ'’-]+"
_STREET_SUFFIX = (r"straat|laan|weg|plein|gracht|kade|singel|dreef|hof|pad|steeg|dijk|park|markt|baan|"
                  r"erf|veld|wal|plantsoen|boulevard|allee|hoven|kamp|haven|veste|burcht")

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("E-MAIL", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("IBAN", re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d{4}){2}\s?\d{2}\b|\bNL\d{2}[A-Z]{4}\d{10}\b",
                        re.IGNORECASE)),
    ("GEBOORTEDATUM", re.compile(
        r"\b(?:geboren|geb\.?|geboortedatum|gebdat)\s*(?:op|:)?\s*"
        rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|\d{{1,2}}\s+(?:{_MONTHS})\.?(?:\s+\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}})",
        re.IGNORECASE)),
    ("DATUM", re.compile(
        rf"\b(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.](?:19|20)\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}}|"
        rf"\d{{1,2}}\s+(?:{_MONTHS})\.?\s+(?:19|20)\d{{2}})\b", re.IGNORECASE)),
    ("TELEFOON", re.compile(
        r"(?<![\w-])(?:\+31|0031|0)[\s-]?(?!800\b|900\b|90[069]\b)(?:\(0\))?[1-9](?:[\s-]?\d){8}(?![\w-])")),
    ("ADRES", re.compile(
        rf"\b(?:(?:{_NAME_WORD}|van|de|der|den)\s+){{0,3}}(?:[A-ZÀ-Ý][a-zà-ÿ'’-]*(?:{_STREET_SUFFIX})|{_STREET_SUFFIX.title()})\s+\d{{1,5}}"
        r"(?:\s?[a-zA-Z]\b|-\d+)?")),
    ("POSTCODE", re.compile(r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b(?:\s+\d{1,5}[a-zA-Z]?)?")),
    ("NAAM", re.compile(
        rf"(?<![\w])(?P<title>(?i:{_TITLES}))\s+(?P<name>{_PARTICLES}{_NAME_WORD}(?:\s+{_PARTICLES}{_NAME_WORD})?)")),
]

_BSN_CANDIDATE = re.compile(r"(?<![\d-])(\d{3})[\s.]?(\d{2})[\s.]?(\d{2})[\s.]?(\d{2})(?![\d-])|(?<!\d)(\d{9})(?!\d)")

# Capitalised words after a title that are not names: organisations, places, weekdays …
_NOT_NAMES = {"Sport", "Cultuur", "Kinderhulp", "Leergeld", "Nederland", "Jeugdfonds", "Stichting", "Fonds",
              "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag", "JGZ", "CJG",
              "VVE", "GGD", "Natuur", "Home", "Start", "Centering", "Jarige", "Job"}


@dataclass(frozen=True)
class Redaction:
    text: str
    found: tuple[str, ...]     # the kinds of client data found, e.g. ("BSN", "NAAM")

    @property
    def had_client_data(self) -> bool:
        return bool(self.found)


def elfproef(digits: str) -> bool:
    """The Dutch BSN check: Σ digit_i × (9 − i) for the first eight, minus the last, divisible by 11."""
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * (9 - i) for i, d in enumerate(digits[:8])) - int(digits[8])
    return total % 11 == 0


def _redact_bsn(text: str, found: list[str]) -> str:
    def replace(match: re.Match) -> str:
        digits = "".join(g for g in match.groups() if g)
        if elfproef(digits):
            found.append("BSN")
            return "[BSN]"
        return match.group(0)
    return _BSN_CANDIDATE.sub(replace, text)


def redact(text: str) -> Redaction:
    """The text with client data replaced by placeholders, and which kinds were found."""
    if not text:
        return Redaction(text or "", ())
    found: list[str] = []
    result = _redact_bsn(text, found)
    for label, pattern in _PATTERNS:
        if label == "NAAM":
            result = pattern.sub(lambda m: _name(m, found), result)
            continue

        def replace(match: re.Match, label=label) -> str:
            found.append(label)
            return f"[{label}]"
        result = pattern.sub(replace, result)
    return Redaction(result, tuple(dict.fromkeys(found)))


def _name(match: re.Match, found: list[str]) -> str:
    name = match.group("name")
    words = [w for w in name.split() if w[:1].isupper()]
    if not words or all(w in _NOT_NAMES for w in words):
        return match.group(0)
    found.append("NAAM")
    return f"{match.group('title')} [NAAM]"


REMINDER = ("Let op: je bericht bevatte gegevens die naar een cliënt kunnen leiden. Ik heb ze niet bewaard. "
            "Stel je vragen liefst anoniem, zonder namen, adressen, telefoonnummers of BSN.")
