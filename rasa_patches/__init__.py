"""Measured fixes to Rasa 3.6 itself, installed when Rasa imports our channels (channels/redacting.py).

Each module patches one thing, says why, and has a test that the behaviour is unchanged.
"""
from .action_result_validation import install as install_action_result_validation
from .event_types import install as install_event_types


def install() -> None:
    install_action_result_validation()
    install_event_types()
