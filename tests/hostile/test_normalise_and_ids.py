"""The channel layer's own parts: text normalisation and signed session ids (no stack needed)."""

from __future__ import annotations

import os
import stat

import pytest

from channels.normalise import MAX_CHARS, normalise
from channels.session_ids import SECRET_FILE, SessionSecretError, SessionSigner, load_secret


@pytest.mark.parametrize(
    "raw,expected",
    [
        (None, ""),
        ("", ""),
        (" \t\r\n ", ""),
        ("\x00\x07\x1b", ""),
        (["lijst"], ""),
        (10, "10"),
        ("fiets\x00voor\x1b kind", "fietsvoor kind"),
        ("\u202efiets\u202c", "fiets"),  # bidi override gone
        ("fi\u200bets", "fiets"),  # zero-width space gone
        ("e\u0301", "é"),  # NFC
        ("fiets\n\n\nvoor   kind", "fiets voor kind"),
        ("fiets \ud800 kind", "fiets kind"),  # lone surrogate (from a JSON \\ud800)
        ("مرحبا بك", "مرحبا بك"),
        ("👨\u200d👩\u200d👧", "👨\u200d👩\u200d👧"),  # other scripts and emoji stay
        ("/ welk fonds?", "welk fonds?"),  # no button's command: Rasa would log it whole as a failed one
        ("// (zoon) / groep 7", "(zoon) / groep 7"),
        ("/", ""),
        ("/greet", "/greet"),  # the commands of buttons stay
        ('/inform{"leeftijd": "10"}', '/inform{"leeftijd": "10"}'),
    ],
)
def test_normalise(raw, expected):
    assert normalise(raw).text == expected


def test_line_breaks_are_kept_for_the_redaction():
    """The NLU gets one line; the redaction the same text with a line break where the message had one
    (or more), so that a name on one line does not run on into the next."""
    result = normalise("Van: Saskia Meijer\r\n\r\nAan:\tteam Utrecht  \n Onderwerp: fiets")
    assert result.text == "Van: Saskia Meijer Aan: team Utrecht Onderwerp: fiets"
    assert result.lines == "Van: Saskia Meijer\nAan: team Utrecht\nOnderwerp: fiets"
    assert normalise("fiets\n\n\nvoor   kind").lines == "fiets\nvoor kind"


def test_long_text_is_cut_at_a_word():
    result = normalise("woord " * 1000)
    assert result.truncated and len(result.text) <= MAX_CHARS and result.text.endswith("woord")
    assert normalise("x" * 5000).text == "x" * MAX_CHARS
    lines = normalise("woord\n" * 1000)
    assert lines.truncated and lines.lines.endswith("woord") and lines.text == lines.lines.replace("\n", " ")


def test_signed_ids():
    signer = SessionSigner(b"s" * 32)
    session_id = signer.issue()
    nonce = session_id.split("-")[0]
    assert signer.sender_id(session_id) == f"web-{nonce}"
    assert signer.issue() != session_id
    assert SessionSigner(b"t" * 32).sender_id(session_id) is None  # another secret
    for forged in (nonce, f"{nonce}-{'0' * 32}", session_id.upper(), session_id + "0", None, 42, {"id": session_id}):
        assert signer.sender_id(forged) is None, forged


def test_secret_from_env_or_generated_file(tmp_path):
    assert load_secret({"SOCKETIO_SESSION_SECRET": "k" * 40}) == b"k" * 40
    with pytest.raises(SessionSecretError, match="SOCKETIO_SESSION_SECRET"):
        load_secret({"SOCKETIO_SESSION_SECRET": "kort"})
    first = load_secret({"STATE_DIR": str(tmp_path)})
    assert load_secret({"STATE_DIR": str(tmp_path)}) == first and len(first) == 64
    assert stat.S_IMODE(os.stat(tmp_path / SECRET_FILE).st_mode) == 0o600
    (tmp_path / SECRET_FILE).write_text("")
    with pytest.raises(SessionSecretError, match=SECRET_FILE):
        load_secret({"STATE_DIR": str(tmp_path)})
