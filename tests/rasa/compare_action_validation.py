"""Run in Rasa's environment: Rasa's own action-result validation against rasa_patches' version,
on valid and invalid action server answers. Prints one JSON line per case."""
import json
import time

from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from rasa_patches.action_result_validation import _validate_action_result as patched

original = RemoteAction._validate_action_result
CASES = {
    "geldig": {"events": [{"event": "slot", "name": "behoefte", "value": "fiets"}],
               "responses": [{"text": "Voor fiets: Stichting Leergeld"}]},
    "leeg": {},
    "events geen lijst": {"events": "slot"},
    "onbekend event": {"events": [{"event": "bestaat-niet"}]},
    "slot zonder naam": {"events": [{"event": "slot", "value": 1}]},
    "responses geen lijst": {"responses": {"text": "x"}},
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
print(json.dumps({"case": "tijd", "rasa": seconds(original, CASES["geldig"]),
                  "patched": seconds(patched, CASES["geldig"])}))
