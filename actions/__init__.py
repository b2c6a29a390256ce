"""Rasa custom actions: read the tracker, ask bot.questions, send the reply. Nothing more."""
