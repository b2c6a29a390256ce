"""Rasa input channels that redact client data before Rasa stores or logs a message."""
