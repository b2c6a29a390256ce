"""Measured fixes to Rasa 3.6 itself, installed when Rasa imports our channels (channels/redacting.py).

Each module patches one thing and says why. All but one change only how fast Rasa does
something, and have a test that the behaviour is unchanged; action_call.py also sends the
action server less of the conversation, and its test shows the actions get all they read.
"""
from .action_call import install as install_action_call
from .action_connection import install as install_action_connection
from .action_result_validation import install as install_action_result_validation
from .batched_nlu import install as install_batched_nlu
from .event_types import install as install_event_types
from .graph_runs import install as install_graph_runs
from .past_states import install as install_past_states


def install() -> None:
    install_action_call()
    install_action_connection()
    install_action_result_validation()
    install_batched_nlu()
    install_event_types()
    install_graph_runs()
    install_past_states()
