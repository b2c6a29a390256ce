"""Kennisbank en antwoorden van de armoede-assistent, los van Rasa's runtime."""
