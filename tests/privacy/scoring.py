"""`redact()` scored on the independent corpus, for the tests and as a printout.

    .venv/bot/bin/python -m tests.privacy.scoring [afstemmen] [MAP]   # figures, then every miss and false positive

MAP: a folder with afstemmen/ and vastgehouden/ like tests/privacy/onafhankelijk/ (a new writer's
files, measured once as they come in, before they join the corpus).

Scoring as tests/privacy/corpus.py defines it (a name token is caught when it no longer occurs as a
word in the output; other client data when its text no longer occurs; a false positive is an
ordinary question that changed), plus what would change the answer: a word of a knowledge-base name
(fund, organisation, programme, instrument, local example) or of a gemeente that is in the question
(with the client data left out) but no longer in the redacted text — in either file. For the held-out half
only the figures are printed: it is there to measure, not to tune on.
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from bot.kb.text import stopwords
from bot.privacy import redact
from bot.privacy_lexicon import KNOWLEDGE, lexicon
from tests.privacy.corpus import (
    HERE,
    Figures,
    client_messages,
    left_behind,
    name_token_count,
    only_persons,
    ordinary_questions,
    persons,
)

_KINDS = {
    "fondsen": "naam",
    "instrumenten": "naam",
    "interventies": "naam",
    "organisaties": "naam",
    "voorbeelden": "naam",
    "aanpakken": "naam",
}


@lru_cache(maxsize=1)
def kept_words() -> frozenset[str]:
    """Capitalised words of the knowledge base's names and its gemeenten, and every gemeente of the
    Netherlands: redacting one of these changes what the question is about."""
    names: list[str] = []
    for kind in _KINDS:
        for record in yaml.safe_load((KNOWLEDGE / f"{kind}.yml").read_text(encoding="utf-8")) or []:
            names.append(str(record.get("naam") or ""))
            if record.get("gemeente"):
                names.append(str(record["gemeente"]))
    # As written in the name: "Sam&" is the fund, "Sam" a first name ("Brandweerman Sam").
    words = {w for name in names for w in re.findall(r"[A-ZÀ-Ý][\w'’-]+&?", name)}
    words |= {m.title() for m in lexicon().municipalities if " " not in m and "-" not in m and "'" not in m}
    # "De", "Het" of "De Alliantie": a function word says nothing about what the question is about.
    return frozenset(w for w in words if w.lower() not in stopwords())


_ADDRESSES = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bhttps?://\S+|\bwww\.\S+")


def answer_changing(
    question: str, output: str, original: str | None = None, named: dict[str, list[str]] | None = None
) -> list[str]:
    """The kept words of the question (for a client message: its version without the client data,
    and only words the message itself has) that the redacted text no longer has, in any case:
    "Gezin met …" rewritten from "… — gezin uit Urk" lost nothing. An ordinary question that lost only
    the name of a real person (`named`, personen.yml) lost no fund or gemeente: "Groet, Lotte de Groot"."""
    if named and original is None and only_persons(question, output, named):
        return []
    if original is not None:
        # A word only inside an e-mail address or web address ("info@cjg-leiden.nl") is no word of the
        # question: a writer who moved "Leiden" from there into the rewording did not ask about Leiden.
        original = _ADDRESSES.sub(" ", original)
    return sorted(
        w
        for w in kept_words()
        if w in question  # a cheap test first: thousands of kept words, one message
        and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", question)
        and (original is None or re.search(rf"(?<!\w){re.escape(w)}(?!\w)", original, re.IGNORECASE))
        and not re.search(rf"(?<!\w){re.escape(w)}(?!\w)", output, re.IGNORECASE)
    )


@dataclass
class Score:
    figures: Figures = field(default_factory=Figures)
    misses: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)
    false_positives: list[tuple[str, str]] = field(default_factory=list)
    changed: list[tuple[str, str, list[str]]] = field(default_factory=list)
    per_kind: dict[str, list[int]] = field(default_factory=dict)  # kind: [spans, missed]
    seconds_per_message: float = 0.0

    def lines(self, label: str) -> list[str]:
        out = [self.figures.line(label)]
        out.append("  per soort: " + ", ".join(f"{k} {n - m}/{n}" for k, (n, m) in sorted(self.per_kind.items())))
        out.append(f"  vals-positieven die het antwoord veranderen: {len(self.changed)}")
        out.append(f"  tijd per bericht: {self.seconds_per_message * 1000:.2f} ms")
        return out


def score(half: str, folder: Path = HERE) -> Score:
    result = Score()
    f = result.figures
    lexicon()  # loaded once, outside the timing
    spent, count = 0.0, 0

    def timed(text: str) -> str:
        nonlocal spent, count
        started = time.perf_counter()
        out = redact(text).text
        spent += time.perf_counter() - started
        count += 1
        return out

    for message in client_messages(half, folder):
        output = timed(message.text)
        names, others = left_behind(message, output)
        f.name_tokens += name_token_count(message)
        f.names_missed += len(names)
        f.other_spans += sum(1 for s in message.spans if s.kind != "NAAM")
        f.others_missed += len(others)
        for span in message.spans:
            counts = result.per_kind.setdefault(span.kind, [0, 0])
            if span.kind == "NAAM":
                counts[0] += 1
                counts[1] += any(t in names for t in span.tokens())
            else:
                counts[0] += 1
                counts[1] += span in others
        if names or others:
            result.misses.append((message.text, output, names, [s.text for s in others]))
        lost = answer_changing(message.anonymous, output, message.text)
        if lost:
            result.changed.append((message.text, output, lost))
    named = persons(folder)
    for question in ordinary_questions(half, folder):
        output = timed(question)
        f.ordinary += 1
        if output != question:
            f.false_positives += 1
            f.person_false_positives += only_persons(question, output, named)
            result.false_positives.append((question, output))
        lost = answer_changing(question, output, named=named)
        if lost:
            result.changed.append((question, output, lost))
    result.seconds_per_message = spent / max(count, 1)
    return result


def main(argv: list[str]) -> None:
    half = argv[0] if argv else "afstemmen"
    result = score(half, Path(argv[1]) if len(argv) > 1 else HERE)
    print("\n".join(result.lines(half)))
    if half != "afstemmen":
        return  # the held-out half measures; what it misses is not shown, so nobody tunes to it
    print("\nGEMIST (bericht → uitvoer; naamdelen; overige):")
    for text, output, names, others in result.misses:
        print(f"- {text}\n  → {output}\n  {names} {others}")
    print("\nVALS-POSITIEF:")
    for question, output in result.false_positives:
        print(f"- {question}\n  → {output}")
    print("\nANTWOORD VERANDERD:")
    for question, output, lost in result.changed:
        print(f"- {question}\n  → {output}\n  {lost}")


if __name__ == "__main__":
    main(sys.argv[1:])
