"""Validate the action server's answer without re-checking Rasa's schema on every turn.

Rasa 3.6's RemoteAction._validate_action_result calls jsonschema.validate(), which checks the
(large, constant) events schema itself before validating the answer: about 40 ms of CPU per
custom action on these machines, and it blocks Rasa's event loop for every other conversation
meanwhile. Even with the schema checked once, each event is tried against all 23 event schemas
of a `oneOf` (about 6 ms per turn with our slot events, bench/rest_bench.py).

The schema's 23 alternatives each fix `event` to a different constant, so an event can only
match the one alternative named by its own `event` field: a valid answer is recognised by
checking each event against that alternative alone. Anything that does not pass that quick
check goes through the full validator, so the verdict and the error message stay Rasa's own
(tests/rasa/compare_action_validation.py compares both on valid and invalid answers).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def _full_validator():
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@lru_cache(maxsize=1)
def _quick_validators():
    """(validator of the answer with any events, {event name: validator of one such event})."""
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    item = schema["properties"]["events"]["items"]
    common = {key: value for key, value in item.items() if key != "oneOf"}
    per_event = {}
    for alternative in item["oneOf"]:
        name = alternative["properties"]["event"]["const"]
        if name in per_event:  # two alternatives for one name: leave that name to the full validator
            per_event[name] = None
        else:
            per_event[name] = cls({**common, "allOf": [alternative]})
    events_any = {
        **schema,
        "properties": {**schema["properties"], "events": {**schema["properties"]["events"], "items": {}}},
    }
    return cls(events_any), per_event


def _surely_valid(result: Any) -> bool:
    answer_validator, per_event = _quick_validators()
    if not answer_validator.is_valid(result):
        return False
    for event in result.get("events") or []:
        name = event.get("event") if isinstance(event, dict) else None
        validator = per_event.get(name) if isinstance(name, str) else None
        if validator is None or not validator.is_valid(event):
            return False
    return True


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    if _surely_valid(result):
        return True
    try:
        # What jsonschema.validate() does after checking the schema: raise the best-matching error.
        error = best_match(_full_validator().iter_errors(result))
        if error is not None:
            raise error
        return True
    except ValidationError as e:
        e.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise e


def install() -> None:
    RemoteAction._validate_action_result = _validate_action_result
