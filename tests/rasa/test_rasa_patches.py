"""rasa_patches changes how fast Rasa does something, never what it does."""

from __future__ import annotations

import json
import os
import subprocess

from bot.config import PROJECT_ROOT

RASA_PYTHON = str(PROJECT_ROOT / ".venv" / "rasa" / "bin" / "python")


def run_in_rasa(*args: str, timeout: int = 600) -> list[str]:
    """Run Rasa's python with these arguments (a script or -c CODE); the lines it printed."""
    result = subprocess.run(
        [RASA_PYTHON, *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()


def compare_in_rasa(script: str, *args: str) -> dict:
    """Run a tests/rasa/ comparison script in Rasa's environment; its last line is a JSON outcome."""
    return json.loads(run_in_rasa(str(PROJECT_ROOT / "tests/rasa" / script), *args)[-1])


def test_action_result_validation_accepts_and_rejects_exactly_like_rasa():
    lines = run_in_rasa(str(PROJECT_ROOT / "tests/rasa/compare_action_validation.py"))
    cases = {c["case"]: c for c in map(json.loads, lines)}
    timing = cases.pop("tijd")
    assert cases["geldig"]["patched"] == {"ok": True}
    assert sum("error" in c["patched"] for c in cases.values()) >= 3
    for name, case in cases.items():
        assert case["patched"] == case["rasa"], name
    print(f"validatie per actie: Rasa {timing['rasa'] * 1000:.1f} ms, gepatcht {timing['patched'] * 1000:.2f} ms")


PATCHED_MODULES = (
    "from rasa.core.actions.action import RemoteAction; "
    "from rasa.shared.core.events import Event; "
    "from rasa.shared.core.domain import Domain; "
    "from rasa.utils.endpoints import EndpointConfig; "
    "from rasa.engine.runner.dask import DaskGraphRunner; "
    "from rasa.core.processor import MessageProcessor; "
    "from rasa.nlu.classifiers.diet_classifier import DIETClassifier; "
    "print(RemoteAction._action_call_format.__module__, EndpointConfig.request.__module__, "
    "RemoteAction._validate_action_result.__module__, Event.resolve_by_type.__module__, "
    "DaskGraphRunner.run.__module__, Domain.states_for_tracker_history.__module__, "
    "MessageProcessor.parse_message.__module__, DIETClassifier.process.__module__)"
)


def test_the_front_door_installs_the_patches_and_loading_a_channel_does_not():
    """rasa_runtime installs them (from Rasa's plugin hook, as `python -m rasa_runtime …` starts);
    importing channels.redacting, as Rasa does for credentials.yml, changes nothing in Rasa."""
    hook = (
        "from rasa_runtime import _plugin; from rasa.plugin import plugin_manager; "
        "plugin_manager().register(_plugin('run')); "
        "plugin_manager().hook.configure_commandline(cmdline_arguments=None); "
    )
    outcomes = []
    for before in ("import channels.redacting; ", hook):
        outcomes.append(run_in_rasa("-c", before + PATCHED_MODULES)[-1])
    channel_only, front_door = outcomes
    assert "rasa_patches" not in channel_only
    assert front_door == (
        "rasa_patches.action_call rasa_patches.action_connection "
        "rasa_patches.action_result_validation "
        "rasa_patches.event_types rasa_patches.graph_runs "
        "rasa_patches.past_states rasa_patches.batched_nlu "
        "rasa_patches.batched_nlu"
    )


EVENT_TYPES_CHECK = """
import json
import rasa.shared.utils.common
from rasa.shared.core.events import Event, UserUttered
from rasa_patches import event_types

def outcome(resolve, name, default=None):
    try:
        found = resolve(name, default)
        return found.__name__ if found else None
    except ValueError as error:
        return str(error)

names = sorted({cls.type_name for cls in rasa.shared.utils.common.all_subclasses(Event)})
cases = [(n, None) for n in names] + [("topic", None), ("bestaat-niet", None), ("bestaat-niet", UserUttered)]
original = event_types._original_resolve_by_type
print(json.dumps({"names": len(names), "differ": [
    [n, outcome(original, n, d), outcome(event_types.resolve_by_type, n, d)]
    for n, d in cases if outcome(original, n, d) != outcome(event_types.resolve_by_type, n, d)]}))
"""


def test_event_types_resolve_exactly_like_rasa():
    outcome = json.loads(run_in_rasa("-c", EVENT_TYPES_CHECK)[-1])
    assert outcome["names"] >= 20 and outcome["differ"] == []


ACTION_CALL_CHECK = """
import json
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig
from rasa_sdk import Tracker
from rasa_patches import action_call

domain = Domain.load("domain.yml")
tracker = DialogueStateTracker("vergelijk", domain.slots)
tracker.update(SessionStarted())
tracker.update(ActionExecuted("action_listen"))
turns = [("welk fonds betaalt een fiets?", "ask_fondsen", [{"entity": "behoefte", "value": "fiets"}], "rest"),
         ("10 jaar", "inform", [{"entity": "leeftijd", "value": "10"}], "socketio")]
for text, intent, entities, channel in turns:
    tracker.update(UserUttered(text, {"name": intent, "confidence": 0.9}, entities, input_channel=channel))
    tracker.update(SlotSet(entities[0]["entity"], entities[0]["value"]))
    tracker.update(ActionExecuted("action_fondsen"))
    tracker.update(BotUttered("Voor fiets: Stichting Leergeld"))
    tracker.update(SlotSet("laatste_fondsen", ["leergeld"]))
    tracker.update(ActionExecuted("action_listen"))
tracker.update(UserUttered("wie kan dat aanvragen?", {"name": "ask_aanvragen", "confidence": 0.9}, [],
                           input_channel="rest"))

action = RemoteAction("action_aanvragen", EndpointConfig("http://127.0.0.1:1/webhook"))
rasas = action_call._original_action_call_format(action, tracker, domain)
ours = action_call.action_call_format(action, tracker, domain)
sdk_rasa, sdk_ours = Tracker.from_dict(rasas["tracker"]), Tracker.from_dict(ours["tracker"])
print(json.dumps({
    "same_apart_from_events": {**rasas, "tracker": {**rasas["tracker"], "events": None}}
                              == {**ours, "tracker": {**ours["tracker"], "events": None}},
    "events": [e["event"] for e in ours["tracker"]["events"]],
    "tail_of_rasas": ours["tracker"]["events"] == rasas["tracker"]["events"][-len(ours["tracker"]["events"]):],
    "rasa_events": len(rasas["tracker"]["events"]),
    "what_actions_read": [
        sdk_rasa.slots == sdk_ours.slots and sdk_ours.slots["laatste_fondsen"] == ["leergeld"],
        sdk_rasa.latest_message == sdk_ours.latest_message,
        sdk_rasa.get_latest_input_channel() == sdk_ours.get_latest_input_channel() == "rest",
    ],
}))
"""


def test_action_call_sends_the_current_turn_with_everything_actions_read():
    outcome = json.loads(run_in_rasa("-c", ACTION_CALL_CHECK)[-1])
    assert outcome["same_apart_from_events"]
    assert outcome["events"] == ["user"] and outcome["tail_of_rasas"] and outcome["rasa_events"] > 10
    assert outcome["what_actions_read"] == [True, True, True]


def test_action_connection_is_kept_and_answers_stay_rasas():
    outcome = compare_in_rasa("action_connection_check.py")
    expected = ["action_een", "action_twee", "HTTP 500", "action_drie"]
    assert outcome["rasa"] == {"answers": expected, "connections": 4}
    assert outcome["patched"] == {"answers": expected, "connections": 1}
    # A server that closes, restarts or is left idle: the next requests still get their answers.
    assert outcome["server_closes"] == {"answers": ["action_een", "action_twee"], "connections": 2}
    for phase in ("after_restart", "after_idle"):
        assert outcome[phase]["answers"] == ["action_een", "action_twee"], phase


def test_graph_runs_parse_and_choose_actions_exactly_like_rasa(model):
    outcome = compare_in_rasa("compare_graph_runs.py", model)
    assert outcome["patched"] and outcome["actions"] >= 16
    assert outcome["same"], (outcome["rasa"], outcome["ours"])


def test_batched_nlu_parses_like_rasa_one_message_at_a_time(model):
    outcome = compare_in_rasa("compare_batched_nlu.py", model)
    assert outcome["sentences"] > 200
    for size, group in outcome["groups"].items():
        assert group["differ"] == [], (size, group["differ"])
        assert group["largest_confidence_difference"] < 1e-4, size
        # The messages really went through the NLU and DIET together.
        assert group["largest_batch"] == min(int(size), outcome["sentences"])
        assert group["diet_batches"] >= max(1, group["batches"] - 1)
    assert outcome["failing_batch"] == {"good_same": [True, True, True], "failed": "RuntimeError('kapot')"}


def test_past_states_continue_the_kept_replay_and_equal_rasas_own(model, running_stack, tmp_path):
    """Real turns through the trained model and the stack's action server; every call of the
    patched replay is compared with Rasa's full one."""
    outcome = compare_in_rasa(
        "compare_past_states.py",
        model,
        f"http://127.0.0.1:{running_stack.actions_port}/webhook",
        str(tmp_path / "gesprekken.sqlite"),
    )
    assert outcome["differences"] == []
    assert outcome["replies"] >= 24
    # Most calls continue a kept replay; a restart, a new session and each new conversation start afresh.
    assert outcome["continued"] > 3 * outcome["fresh"] and outcome["fresh"] >= 5
    print(f"past states: {outcome['calls']} aanroepen, {outcome['continued']} vervolgd, {outcome['fresh']} vers")
