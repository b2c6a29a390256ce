"""Measured fixes to Rasa 3.6.21 itself, installed by the front door of every Rasa process
(rasa_runtime: `python -m rasa_runtime run|shell|train|test …`), which first checks the version.

Each module patches one thing and says why. All but one change only how fast Rasa does
something, and have a test that the behaviour is unchanged; action_call.py also sends the
action server less of the conversation, and its test shows the actions get all they read.

Rasa Open Source 3.6.21 is the last release of Rasa Open Source, so these patches do not drift
under a moving Rasa. Should the project ever move to another Rasa: every patch has its
equivalence test (tests/rasa/test_rasa_patches.py) against the Rasa it replaces; run each against
the new release, and drop any patch whose gain is gone (measure it again with bench/); only then
change RASA_VERSION in rasa_runtime/checks.py.
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
