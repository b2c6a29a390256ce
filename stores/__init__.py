"""Rasa tracker stores of this project (configured in $STATE_DIR/endpoints.yml by bot/deploy/endpoints.py)."""
