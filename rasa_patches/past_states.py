"""Dialogue states for the policies, replayed once per event instead of once per prediction.

For every prediction (two or three a turn) RulePolicy and MemoizationPolicy ask
Domain.states_for_tracker_history for the states of the whole conversation, and Rasa 3.6
replays every event since the session start to build them: 2–4 ms of Rasa's single event loop
per turn in a conversation of ten to twenty questions, growing with its length (py-spy on
bench/rest_bench.py). Here the replay is kept per conversation and per kind of request; when
the next request's applied events begin with exactly the events replayed before (the same
event objects, as the tracker store hands back the same tracker between turns), only the new
events are replayed. Reverted events, a new session or a tracker read back from the database
make a fresh replay, the same as Rasa's.

The loop body is Rasa's own (Domain.states_for_tracker_history in rasa/shared/core/domain.py,
3.6.21); tests/rasa/compare_past_states.py runs conversations through the trained model with
every result checked against Rasa's.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Optional

import rasa.shared.core.constants as core_constants
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted
from rasa.shared.core.trackers import DialogueStateTracker

# Replays kept: about four kinds of request per conversation, for as many conversations and as
# long as the tracker store keeps them (stores/cached_sql.py: 200, 30 minutes after last use).
KEPT_REPLAYS = 4 * 200
IDLE_SECONDS = 30 * 60


@dataclass
class _Replay:
    domain: Domain
    tracker: DialogueStateTracker  # the replayed tracker, after `events`
    events: list = field(default_factory=list)
    states: list = field(default_factory=list)
    last_ml_action_sub_state: Any = None
    turn_was_hidden: bool = False
    used_at: float = 0.0


_replays: OrderedDict[tuple, _Replay] = OrderedDict()
stats = {"fresh": 0, "continued": 0}


def _rule_only_key(rule_only_data: Optional[dict]) -> tuple:
    if not rule_only_data:
        return ()
    return tuple(sorted((name, tuple(values)) for name, values in rule_only_data.items()))


def _continues(applied: list, replayed: list) -> bool:
    if len(applied) < len(replayed):
        return False
    return all(a is b for a, b in zip(applied, replayed, strict=False))


def _step(
    domain: Domain,
    replay: _Replay,
    states: list,
    hide_rule_turn: bool,
    omit_unset_slots: bool,
    ignore_rule_only_turns: bool,
    rule_only_data: Optional[dict],
) -> tuple:
    """One pass of Rasa's loop for the replayed tracker as it is now; returns the loop's
    (last_ml_action_sub_state, turn_was_hidden) and appends to `states` what Rasa appends."""
    tr = replay.tracker
    last_ml_action_sub_state, turn_was_hidden = replay.last_ml_action_sub_state, replay.turn_was_hidden
    if ignore_rule_only_turns:
        if not turn_was_hidden:
            last_ml_action_sub_state = domain._get_prev_action_sub_state(tr)
        if not tr.followup_action and not tr.latest_action_name == tr.active_loop_name:
            turn_was_hidden = hide_rule_turn
        if turn_was_hidden:
            return last_ml_action_sub_state, turn_was_hidden

    state = domain.get_active_state(tr, omit_unset_slots=omit_unset_slots)
    if ignore_rule_only_turns:
        domain._remove_rule_only_features(state, rule_only_data)
        if states:
            domain._substitute_rule_only_user_input(state, states[-1])
        if last_ml_action_sub_state:
            state[core_constants.PREVIOUS_ACTION] = last_ml_action_sub_state
    states.append(domain._clean_state(state))
    return last_ml_action_sub_state, turn_was_hidden


def _own_copy(state: dict) -> dict:
    """Callers may change the states they get (e.g. drop the intent of the last one); the
    kept ones must not change with them. Below the second level states hold only tuples."""
    return {kind: dict(sub_state) for kind, sub_state in state.items()}


def states_for_tracker_history(
    self: Domain,
    tracker: DialogueStateTracker,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: Optional[dict] = None,
) -> list:
    key = (
        tracker.sender_id,
        tracker.is_rule_tracker,
        omit_unset_slots,
        ignore_rule_only_turns,
        _rule_only_key(rule_only_data),
    )
    applied = tracker.applied_events()
    replay = _replays.pop(key, None)
    if replay is None or replay.domain is not self or not _continues(applied, replay.events):
        replay = _Replay(self, tracker.init_copy())
        stats["fresh"] += 1
    else:
        stats["continued"] += 1

    for event in applied[len(replay.events) :]:
        if isinstance(event, ActionExecuted):
            replay.last_ml_action_sub_state, replay.turn_was_hidden = _step(
                self,
                replay,
                replay.states,
                event.hide_rule_turn,
                omit_unset_slots,
                ignore_rule_only_turns,
                rule_only_data,
            )
        replay.tracker.update(event)
        replay.events.append(event)

    replay.used_at = time.monotonic()
    _replays[key] = replay
    while len(_replays) > KEPT_REPLAYS or replay.used_at - next(iter(_replays.values())).used_at > IDLE_SECONDS:
        _replays.popitem(last=False)

    # Rasa's last pass (the state after all events) is not kept: the next event may change it.
    states = [_own_copy(state) for state in replay.states]
    _step(self, replay, states, False, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
    return states


def install() -> None:
    Domain.states_for_tracker_history = states_for_tracker_history
