"""Validate the action server's answer with a schema validator built once, not on every turn.

Rasa 3.6's RemoteAction._validate_action_result calls jsonschema.validate(), which checks the
(large, constant) events schema itself before validating the answer: about 40 ms of CPU per
custom action on these machines, more than the action server and the knowledge-base query
together take, and it blocks Rasa's event loop for every other conversation meanwhile
(bench/rest_bench.py shows the difference). Same schema, same errors; only the checking of the
schema happens once.
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
def _validator():
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    try:
        # What jsonschema.validate() does after checking the schema: raise the best-matching error.
        error = best_match(_validator().iter_errors(result))
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
