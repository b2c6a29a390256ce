"""Run in Rasa's environment: Rasa's own action-result validation against rasa_patches' version,
on valid and invalid action server answers. Prints one JSON line per case."""

import json
import time

from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from rasa_patches.action_result_validation import _validate_action_result as patched

original = RemoteAction._validate_action_result
CASES = {
    "geldig": {
        "events": [{"event": "slot", "name": "behoefte", "value": "fiets"}],
        "responses": [{"text": "Voor fiets: Stichting Leergeld"}],
    },
    "leeg": {},
    "events geen lijst": {"events": "slot"},
    "onbekend event": {"events": [{"event": "bestaat-niet"}]},
    "slot zonder naam": {"events": [{"event": "slot", "value": 1}]},
    "responses geen lijst": {"responses": {"text": "x"}},
    # What our actions really return (actions/common.py): several slots, some holding lists and objects.
    "kennisantwoord": {
        "events": [
            {"event": "slot", "name": "laatste_vraag", "value": {"kind": "fonds", "need": "fiets", "age": 10}},
            {"event": "slot", "name": "getoond", "value": 3.0},
            {
                "event": "slot",
                "name": "laatste_bronnen",
                "value": [{"titel": f"Bron {i}", "url": f"https://x/{i}"} for i in range(5)],
            },
            {"event": "slot", "name": "laatste_fondsen", "value": ["leergeld", "jeugdfonds", "kinderhulp"]},
            {
                "event": "slot",
                "name": "getoonde_records",
                "value": ["fonds:leergeld"],
                "timestamp": None,
                "metadata": None,
            },
            {"event": "bot", "text": "Voor fiets:", "data": {"buttons": []}, "metadata": {}},
            {
                "event": "user",
                "text": "hoi",
                "parse_data": {"intent": {"name": "groet", "confidence": 1.0}, "entities": []},
            },
        ],
        "responses": [{"text": "Voor fiets: Stichting Leergeld\nBron: Handreiking"}],
    },
    "event geen object": {"events": ["slot"]},
    "event zonder naam": {"events": [{"name": "x", "value": 1}]},
    "eventnaam geen tekst": {"events": [{"event": ["slot"], "name": "x"}]},
    "tijdstip als tekst": {"events": [{"event": "slot", "name": "x", "value": 1, "timestamp": "nu"}]},
    "events null": {"events": None},
    "geldig en ongeldig": {"events": [{"event": "slot", "name": "x", "value": 1}, {"event": "action"}]},
    "user met fout veld": {"events": [{"event": "user", "text": 5}]},
}


def outcome(validate, result):
    try:
        return {"ok": validate(RemoteAction, result)}
    except ValidationError as error:
        return {"error": error.message}


def seconds(validate, result, rounds=20):
    start = time.perf_counter()
    for _ in range(rounds):
        validate(RemoteAction, result)
    return (time.perf_counter() - start) / rounds


for name, result in CASES.items():
    print(json.dumps({"case": name, "rasa": outcome(original, result), "patched": outcome(patched, result)}))
print(
    json.dumps(
        {
            "case": "tijd",
            "rasa": seconds(original, CASES["kennisantwoord"]),
            "patched": seconds(patched, CASES["kennisantwoord"]),
        }
    )
)
