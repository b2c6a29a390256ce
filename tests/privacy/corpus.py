"""The independent privacy corpus (tests/privacy/onafhankelijk/) and how it is scored.

Written by someone who had seen neither bot/privacy.py nor the older corpora. Two halves:
afstemmen/ (may be looked at while improving the redaction) and vastgehouden/ (held out: it
only measures). Client data in a message is marked [[SOORT:tekst]]; each message also comes
as `anoniem`, the same question without the client data.

Scoring works on whatever text came out — of `redact()`, or as stored by the running assistant:
a name token (each word of a NAAM span, particles such as "van" or "de" aside) counts as caught
when it no longer occurs as a word in that text; another span when its text no longer occurs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).parent / "onafhankelijk"
HALVES = ("afstemmen", "vastgehouden")
_MARK = re.compile(r"\[\[([A-Z-]+):(.+?)\]\]")
# Particles are ordinary words that also occur outside names; the identifying parts are the rest.
PARTICLES = {
    "van",
    "de",
    "der",
    "den",
    "het",
    "'t",
    "te",
    "ter",
    "ten",
    "in",
    "op",
    "la",
    "le",
    "du",
    "da",
    "di",
    "dos",
    "das",
    "del",
    "von",
    "vd",
    "v.d.",
    # the particles of Arabic and Berber surnames (issue #17 names them): "El Amrani", "Ait Taleb"
    "el",
    "al",
    "ben",
    "bin",
    "ait",
}


@dataclass(frozen=True)
class Span:
    kind: str
    text: str

    def tokens(self) -> list[str]:
        """The identifying words of a name (initials and particles aside)."""
        words = [w.strip(".,;:()'’\"") for w in self.text.split()]
        return [w for w in words if len(w) > 1 and w.lower() not in PARTICLES and not re.fullmatch(r"(\w\.)+\w?", w)]


@dataclass(frozen=True)
class ClientMessage:
    half: str
    marked: str
    anonymous: str

    @property
    def text(self) -> str:
        return _MARK.sub(lambda m: m.group(2), self.marked)

    @property
    def without(self) -> str:
        """The same message with its client data cut out (what "the same message without them" is,
        word for word; `anonymous` is a writer's rewording, which the NLU may read differently)."""
        text = _MARK.sub("", self.marked)
        text = re.sub(r"\(\s*\)", "", text)
        text = re.sub(r"\s+([,.?!:;)])", r"\1", text)
        text = re.sub(r",+\s*([,.?!])", r"\1", text)
        text = re.sub(r"([(])\s+", r"\1", text)
        return re.sub(r"\s{2,}", " ", text).strip(" ,")

    @property
    def spans(self) -> list[Span]:
        return [Span(m.group(1), m.group(2)) for m in _MARK.finditer(self.marked)]


def _present(word: str, text: str) -> bool:
    return re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text, re.IGNORECASE) is not None


def left_behind(message: ClientMessage, output: str) -> tuple[list[str], list[Span]]:
    """(name tokens still in `output`, other spans still in `output`). A word that also occurs in the
    message outside its client data (a name that is also an ordinary word used elsewhere) is not judged."""
    outside = _MARK.sub(" ", message.marked)
    names = [
        t
        for s in message.spans
        if s.kind == "NAAM"
        for t in s.tokens()
        if _present(t, output) and not _present(t, outside)
    ]
    others = [s for s in message.spans if s.kind != "NAAM" and s.text in output]
    return names, others


def name_token_count(message: ClientMessage) -> int:
    outside = _MARK.sub(" ", message.marked)
    return sum(1 for s in message.spans if s.kind == "NAAM" for t in s.tokens() if not _present(t, outside))


def _items(folder: Path, pattern: str) -> list:
    items: list = []
    for path in sorted(folder.glob(pattern)):
        items += yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return items


def client_messages(half: str, folder: Path = HERE) -> list[ClientMessage]:
    """clientgegevens*.yml of that half (a second file came from a second writer, as independent)."""
    return [
        ClientMessage(half, item["bericht"], item["anoniem"]) for item in _items(folder / half, "clientgegevens*.yml")
    ]


def ordinary_questions(half: str, folder: Path = HERE) -> list[str]:
    return [str(q) for q in _items(folder / half, "gewone_vragen*.yml")]


def persons(folder: Path = HERE) -> dict[str, list[str]]:
    """Ordinary question → the real people it names who are no client (personen.yml, written blind)."""
    path = folder / "personen.yml"
    if not path.exists():
        return {}
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {" ".join(str(e["tekst"]).split()): [str(p) for p in e["personen"]] for e in entries}


def only_persons(question: str, output: str, named: dict[str, list[str]]) -> bool:
    """The redaction of an ordinary question took out nothing but names of real people who are no
    client ("Groet, [NAAM], sociaal werker"): each [NAAM] stands for (part of) such a name, a particle
    before it aside ("Groetjes van Wendy" → "Groetjes [NAAM]") or one word with it ("Burgemeester
    Aboutaleb"), and no other placeholder came in."""
    question, output = " ".join(question.split()), " ".join(output.split())
    people = named.get(question)
    if not people or "[NAAM]" not in output or re.search(r"\[(?!NAAM\])[A-Z-]+\]", output):
        return False
    pattern = "(.+?)".join(re.escape(part) for part in output.split("[NAAM]"))
    found = re.fullmatch(pattern, question)
    if found is None:
        return False
    for removed in found.groups():
        words = removed.split()
        while words and words[0].lower() in PARTICLES:
            words = words[1:]
        core = " ".join(words)
        # the name or part of it, or the name with the word before it ("Burgemeester Aboutaleb")
        if not core or not any(
            core in person or (person in core and len(words) <= len(person.split()) + 1) for person in people
        ):
            return False
    return True


@dataclass
class Figures:
    name_tokens: int = 0
    names_missed: int = 0
    other_spans: int = 0
    others_missed: int = 0
    ordinary: int = 0
    false_positives: int = 0
    person_false_positives: int = 0  # of those, only a real person who is no client (only_persons)

    @property
    def recall(self) -> float:
        return 1 - self.names_missed / self.name_tokens if self.name_tokens else 1.0

    @property
    def other_recall(self) -> float:
        return 1 - self.others_missed / self.other_spans if self.other_spans else 1.0

    @property
    def false_positive_rate(self) -> float:
        return self.false_positives / self.ordinary if self.ordinary else 0.0

    @property
    def non_person_false_positive_rate(self) -> float:
        """False positives that took out something else than a person's name: a fund, a shop, a word."""
        return (self.false_positives - self.person_false_positives) / self.ordinary if self.ordinary else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label}: recall op naamdelen {self.recall:.3f} ({self.name_tokens - self.names_missed}/"
            f"{self.name_tokens}), overige gegevens {self.other_recall:.3f} "
            f"({self.other_spans - self.others_missed}/{self.other_spans}), vals-positief "
            f"{self.false_positive_rate:.3f} ({self.false_positives}/{self.ordinary}; "
            f"zonder de {self.person_false_positives} die alleen de naam van een persoon die geen cliënt is "
            f"weglaten: {self.non_person_false_positive_rate:.3f})"
        )
