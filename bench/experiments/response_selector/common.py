"""Shared by the scripts of this experiment: where the scratch output goes, which bank turns count,
and how a record key becomes a Rasa intent name (Rasa reserves "/" for retrieval intents)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

OUT = Path(os.environ.get("RS_OUT", "/tmp/rs"))


def intent_name(key: str) -> str:
    """ "werkwijze:bespreken/wat" → "werkwijze__bespreken--wat": no ":" or "/" in a Rasa intent."""
    return key.replace(":", "__").replace("/", "--")


def key_of(intent: str) -> str:
    return intent.removeprefix("situatie/").replace("--", "/").replace("__", ":")


def turns_path(half: str) -> Path:
    return OUT / f"turns_{half}.json"


def bank_turns(half: str) -> list[dict]:
    """Every `antwoord` turn of one half of the bank, each on its own (a follow-up turn without its
    conversation: the same handicap for every method)."""
    from bot.beheer.vragenbank import read_bank

    turns = []
    for case in read_bank(halves=(half,)):
        for index, turn in enumerate(case.turns):
            if turn.kind == "antwoord":
                turns.append(
                    {
                        "id": f"{case.id}#{index}",
                        "question": turn.question,
                        "expected": list(turn.expected),
                        "hoe": any(e.startswith("hoe:") for e in turn.expected),
                        "first": index == 0,
                    }
                )
    return turns


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))
