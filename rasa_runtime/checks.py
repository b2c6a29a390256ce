"""The front door's two refusals, in plain Python (no Rasa needed to read or test them).

1. Rasa must be exactly RASA_VERSION: rasa_patches/ replaces functions of that release's code.
2. Every input channel Rasa would start must be one of REDACTING_CHANNELS: the project's channels,
   which send each message through normalise → redact → always-answer (channels/redacting.py)
   before Rasa stores, logs or parses it. Rasa's own channels (`rest`, `socketio`, `slack`,
   `botframework`, …) would store client data as typed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

RASA_VERSION = "3.6.21"

# Class path -> what it is. Each of these wraps Rasa's on_new_message in channels.redacting.redacting
# (tests/channels, tests/privacy and tests/runtime check that it does).
REDACTING_CHANNELS = {
    "channels.redacting.RedactingRestInput": "REST",
    "channels.socketio_sessions.SignedSessionSocketIOInput": "chatpagina (socketio)",
    "channels.teams.TeamsInput": "Microsoft Teams",
    "channels.slack.SlackEventsInput": "Slack",
    "channels.slack_socket_mode.SlackSocketModeInput": "Slack (Socket Mode)",
    # Not for credentials files: the front door serves `rasa shell`'s command-line chat with it.
    "channels.cmdline.RedactingCmdlineInput": "terminal (make shell)",
}


class RefusedStart(Exception):
    """Rasa is not started; the message says why, in Dutch."""


def check_rasa_version(found: str) -> None:
    if found != RASA_VERSION:
        raise RefusedStart(
            f"Rasa {found} gevonden, maar dit project draait alleen op Rasa {RASA_VERSION}. De aanpassingen in "
            f"rasa_patches/ zijn geschreven tegen precies die versie (ze vervangen functies uit Rasa's eigen "
            f"code) en zijn op een andere versie niet getest. Installeer de vastgezette versie met `make setup` "
            f"(requirements/rasa.txt)."
        )


def class_path(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


def refused_channels(names: Iterable[str], builtin: Mapping[str, str]) -> list[tuple[str, str]]:
    """(name, class path) of each channel that does not redact; `builtin` maps Rasa's short names
    (`rest`, `socketio`, …) to the class Rasa would start for them."""
    refused = []
    for name in names:
        path = builtin.get(name, name)
        if path not in REDACTING_CHANNELS:
            refused.append((name, path))
    return refused


def check_channels(
    names: Iterable[str], builtin: Mapping[str, str], credentials_file: str | None, connector: str | None = None
) -> None:
    """Refuses to start when any of the channels Rasa would start does not redact."""
    refused = refused_channels(names, builtin)
    if not refused:
        return
    where = (
        f"in {credentials_file}"
        if not connector
        else f"gekozen met --connector {connector}"
        if credentials_file
        else f"(--connector {connector}, of Rasa's eigen keuze zonder credentials-bestand)"
    )
    listed = "; ".join(f"'{name}'" + (f" ({path})" if path != name else "") for name, path in refused)
    allowed = ", ".join(
        f"{path} ({what})"
        for path, what in REDACTING_CHANNELS.items()
        if path != "channels.cmdline.RedactingCmdlineInput"
    )
    raise RefusedStart(
        f"Rasa start niet: kanaal {listed} {where} gaat niet door normaliseren → redigeren → altijd antwoord "
        f"(channels/redacting.py). Via dat kanaal zou Rasa cliëntgegevens (BSN, telefoonnummer, naam …) "
        f"opslaan en loggen zoals ze getypt zijn. Gebruik een kanaal van het project: {allowed}."
    )
