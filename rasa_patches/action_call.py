"""Send the action server the current turn, not the whole conversation.

Rasa 3.6 sends every custom action the full tracker: all events of the conversation, as JSON
(RemoteAction._action_call_format with EventVerbosity.ALL). Our actions read only the slots,
the latest message and its input channel (actions/common.py), which the tracker state carries
apart from the events. So the request holds the same state with only the events from the
latest user message on. Two gains:

- Less of the conversation leaves Rasa: the action server sees the question it answers and
  the remembered slots, not the professional's earlier questions (data minimisation).
- Encoding and decoding the history no longer grows with the conversation: in a conversation
  of ten questions about 2 ms of each knowledge turn (py-spy on bench/rest_bench.py).

For maintainers writing a new action: `tracker.events` in the action server holds this turn
only. tests/rasa/test_rasa_patches.py compares the request with Rasa's own.
"""

from __future__ import annotations

from typing import Any

import rasa
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

_original_action_call_format = RemoteAction._action_call_format


def current_turn(tracker: DialogueStateTracker) -> list:
    """The events from the latest user message on (all events when there is none yet)."""
    turn = []
    for event in reversed(tracker.events):
        turn.append(event)
        if isinstance(event, UserUttered):
            break
    turn.reverse()
    return turn


def action_call_format(self: RemoteAction, tracker: DialogueStateTracker, domain: Domain) -> dict[str, Any]:
    """Rasa's request (same fields, same domain rule), with the current turn's events."""
    tracker_state = tracker.current_state(EventVerbosity.NONE)
    tracker_state["events"] = [event.as_dict() for event in current_turn(tracker)]
    result = {
        "next_action": self._name,
        "sender_id": tracker.sender_id,
        "tracker": tracker_state,
        "version": rasa.__version__,
    }
    if not self._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(self.name()):
        result["domain"] = domain.as_dict()
    return result


def install() -> None:
    RemoteAction._action_call_format = action_call_format
