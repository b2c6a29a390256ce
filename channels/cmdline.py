"""`make shell`: Rasa's command-line chat, through normalise → redact → always-answer like every channel.

`rasa shell` starts a Rasa server with its `cmdline` channel (a plain RestInput under /webhooks/rest/)
and its console posts what is typed to that webhook (rasa/core/channels/console.py). The front door
(rasa_runtime) has Rasa start this class for the name `cmdline` instead: the same URL, so the
console is unchanged, but each message is redacted before Rasa stores, logs or parses it.
"""

from __future__ import annotations

from rasa.core.channels.rest import RestInput

from channels.redacting import RedactingRestInput


class RedactingCmdlineInput(RedactingRestInput):
    @classmethod
    def name(cls) -> str:
        return "cmdline"  # Rasa's configure_app starts the console for a channel of this name

    def url_prefix(self) -> str:
        return RestInput.name()  # where the console posts: /webhooks/rest/webhook
