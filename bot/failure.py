"""What the user reads when no answer could be made (the action server down, erroring or too slow).

Plain text without dependencies: the channels use it in Rasa's environment, the tests in the bot's.
"""

NO_ANSWER_TEXT = "Er ging iets mis: ik kan je vraag nu niet beantwoorden. Probeer het over een moment opnieuw."
