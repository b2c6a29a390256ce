"""Writes the credentials.yml Rasa runs with: the base file plus Teams and Slack when configured.

    python -m bot.deploy.credentials --base credentials.yml --out var/credentials.yml [--rasa-url URL]

A channel is switched on by its environment variables (all of its required ones, or none):
  Teams: TEAMS_APP_ID, TEAMS_APP_PASSWORD; optional TEAMS_TENANT_ID, TEAMS_OPENID_URL, TEAMS_TOKEN_URL
  Slack: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET; optional SLACK_API_URL
Secrets are not copied into the file: it holds ${VARIABLE} references, which Rasa fills in from
the environment when it reads the file. Prints one line per channel for the start banner.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

TEAMS_CLASS = "channels.teams.TeamsInput"
SLACK_CLASS = "channels.slack.SlackEventsInput"
TEAMS_PATH = "/webhooks/botframework/webhook"
SLACK_PATH = "/webhooks/slack/webhook"


class CredentialsError(ValueError):
    """A channel is half configured; the message names what is missing (in Dutch)."""


@dataclass(frozen=True)
class Channel:
    name: str  # as the user knows it
    cls: str  # the Rasa input channel class
    path: str  # its webhook
    required: dict  # credential key -> environment variable
    optional: dict
    fixed: dict  # settings that are not configurable


CHANNELS = [
    Channel(
        "Teams",
        TEAMS_CLASS,
        TEAMS_PATH,
        required={"app_id": "TEAMS_APP_ID", "app_password": "TEAMS_APP_PASSWORD"},
        optional={"tenant_id": "TEAMS_TENANT_ID", "openid_url": "TEAMS_OPENID_URL", "token_url": "TEAMS_TOKEN_URL"},
        fixed={},
    ),
    Channel(
        "Slack",
        SLACK_CLASS,
        SLACK_PATH,
        required={"slack_token": "SLACK_BOT_TOKEN", "slack_signing_secret": "SLACK_SIGNING_SECRET"},
        optional={"api_url": "SLACK_API_URL"},
        # Answers go in a thread under the question; one conversation per user per channel.
        fixed={"use_threads": True, "conversation_granularity": "channel"},
    ),
]


def channel_block(channel: Channel, env: Mapping[str, str]) -> dict | None:
    """The credentials of one channel as ${VAR} references, None when it is off."""
    present = {key: var for key, var in channel.required.items() if env.get(var, "").strip()}
    if not present:
        return None
    missing = [var for key, var in channel.required.items() if key not in present]
    if missing:
        given = ", ".join(present.values())
        raise CredentialsError(
            f"{channel.name} is half ingesteld: {given} is gezet maar {', '.join(missing)} ontbreekt. "
            f"Zet ook {' en '.join(missing)}, of haal {given} weg om {channel.name} uit te laten."
        )
    block = {key: "${" + var + "}" for key, var in channel.required.items()}
    block.update({key: "${" + var + "}" for key, var in channel.optional.items() if env.get(var, "").strip()})
    block.update(channel.fixed)
    return block


def build(base: dict, env: Mapping[str, str]) -> tuple[dict, list[Channel]]:
    credentials = dict(base or {})
    on = []
    for channel in CHANNELS:
        block = channel_block(channel, env)
        if block is not None:
            credentials[channel.cls] = block
            on.append(channel)
    return credentials, on


def banner(on: list[Channel], rasa_url: str) -> str:
    lines = []
    for channel in CHANNELS:
        if channel in on:
            lines.append(f"  {channel.name + ':':10} aan, webhook {rasa_url}{channel.path}")
        else:
            lines.append(f"  {channel.name + ':':10} uit (zet {' en '.join(channel.required.values())})")
    return "\n".join(lines)


def main(argv: list[str] | None = None, env: Mapping[str, str] = os.environ) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.deploy.credentials", description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="het basisbestand (credentials.yml)")
    parser.add_argument("--out", type=Path, required=True, help="waar het gegenereerde bestand komt")
    parser.add_argument("--rasa-url", default="http://localhost:5005", help="voor de webhook-adressen")
    args = parser.parse_args(argv)
    try:
        base = yaml.safe_load(args.base.read_text(encoding="utf-8")) or {}
        if not isinstance(base, dict):
            raise CredentialsError(f"{args.base}: verwacht kanalen als sleutels, vond {type(base).__name__}.")
        credentials, on = build(base, env)
    except (OSError, yaml.YAMLError, CredentialsError) as exc:
        print(f"!! Kanalen niet ingesteld: {exc}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        "# Gegenereerd door python -m bot.deploy.credentials uit "
        + str(args.base)
        + "; niet met de hand wijzigen.\n"
        + yaml.safe_dump(credentials, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    print(banner(on, args.rasa_url.rstrip("/")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
