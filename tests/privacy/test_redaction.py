"""Client data is found and redacted; ordinary professional questions stay as they are."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.privacy import elfproef, redact

HERE = Path(__file__).parent


def corpus(name: str) -> list[str]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


def test_recall_on_client_data():
    messages = corpus("client_data.txt")
    assert len(messages) >= 100
    missed = [m for m in messages if not redact(m).had_client_data]
    recall = 1 - len(missed) / len(messages)
    print(f"redactie-recall {recall:.3f} op {len(messages)} berichten")
    assert recall >= 0.99, f"recall {recall:.3f}; gemist: {missed}"


def test_false_positives_on_ordinary_questions():
    messages = corpus("ordinary.txt")
    assert len(messages) >= 100
    flagged = [(m, redact(m).text) for m in messages if redact(m).had_client_data]
    rate = len(flagged) / len(messages)
    print(f"vals-positief {rate:.3f} op {len(messages)} vragen")
    assert rate <= 0.02, f"te vaak geredigeerd ({rate:.3f}): {flagged}"


@pytest.mark.parametrize("text,expected", [
    ("Mevrouw Jansen vraagt een fiets voor haar zoon Mohammed van 10",
     "Mevrouw [NAAM] vraagt een fiets voor haar zoon [NAAM] van 10"),
    ("BSN 111222333 van de moeder", "BSN [BSN] van de moeder"),
    ("bel 06-12345678", "bel [TELEFOON]"),
    ("ze woont Kerkstraat 12a, 1234 AB Utrecht", "ze woont [ADRES], [POSTCODE] Utrecht"),
    ("geboren op 12-03-2015", "[GEBOORTEDATUM]"),
    ("mail piet@example.nl", "mail [E-MAIL]"),
    ("IBAN NL91ABNA0417164300", "IBAN [IBAN]"),
])
def test_placeholders_keep_the_question_readable(text, expected):
    assert redact(text).text == expected


def test_nine_digits_failing_the_elfproef_are_not_a_bsn():
    assert elfproef("111222333")
    assert not elfproef("123456789")
    assert redact("bestelnummer 123456789").text == "bestelnummer 123456789"
