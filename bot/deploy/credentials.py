"""Writes the credentials.yml Rasa runs with: the base file plus Teams and Slack when configured.

    python -m bot.deploy.credentials --base credentials.yml --out var/credentials.yml [--rasa-url URL]

A channel is switched on by its environment variables (all of its required ones, or none):
  Teams: TEAMS_APP_ID, TEAMS_APP_PASSWORD, and TEAMS_TENANT_ID (single-tenant, the default since
         Microsoft creates no new multi-tenant bots) or TEAMS_MULTI_TENANT=ja (an existing
         multi-tenant registration); optional TEAMS_ISSUERS, TEAMS_OPENID_URL, TEAMS_TOKEN_URL
  Slack: SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (Events API, Slack posts to our webhook), or
         SLACK_BOT_TOKEN, SLACK_APP_TOKEN (Socket Mode, we connect to Slack: no public URL);
         optional SLACK_API_URL
Secrets are not copied into the file: it holds ${VARIABLE} references, which Rasa fills in from
the environment when it reads the file. Prints one line per channel for the start banner.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

TEAMS_CLASS = "channels.teams.TeamsInput"
SLACK_CLASS = "channels.slack.SlackEventsInput"
SLACK_SOCKET_MODE_CLASS = "channels.slack_socket_mode.SlackSocketModeInput"
TEAMS_PATH = "/webhooks/botframework/webhook"
SLACK_PATH = "/webhooks/slack/webhook"


class CredentialsError(ValueError):
    """A channel is half configured; the message names what is missing (in Dutch)."""


@dataclass(frozen=True)
class Channel:
    name: str  # as the user knows it
    cls: str  # the Rasa input channel class
    path: str | None  # its webhook; None when the assistant connects out (Slack Socket Mode)
    required: dict  # credential key -> environment variable
    optional: dict
    fixed: dict  # settings that are not configurable
    # settings that depend on each other: environment -> credential keys (raises CredentialsError)
    checked: Callable[[Mapping[str, str]], dict] | None = None
    checked_vars: tuple[str, ...] = ()
    # For a channel with two ways to connect (Slack): which way the environment asks for, and its name.
    applies: Callable[[Mapping[str, str]], bool] | None = None
    mode: str = ""

    @property
    def variables(self) -> list[str]:
        return [*self.required.values(), *self.optional.values(), *self.checked_vars]


_TENANT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$")  # a GUID or a domain (contoso.onmicrosoft.com)
_YES, _NO = {"ja", "1", "true", "yes"}, {"nee", "0", "false", "no", ""}


def teams_tenancy(env: Mapping[str, str]) -> dict:
    """Single-tenant (TEAMS_TENANT_ID) unless TEAMS_MULTI_TENANT says it is an existing multi-tenant bot."""
    tenant = env.get("TEAMS_TENANT_ID", "").strip()
    multi = env.get("TEAMS_MULTI_TENANT", "").strip().lower()
    if multi not in _YES | _NO:
        raise CredentialsError(f"TEAMS_MULTI_TENANT: verwacht 'ja' of 'nee', gevonden {multi!r}.")
    issuers = env.get("TEAMS_ISSUERS", "").strip()
    bad = [i for i in re.split(r"[\s,]+", issuers) if i and not i.startswith("https://")]
    if bad:
        raise CredentialsError(
            f"TEAMS_ISSUERS: elke issuer is een https-adres (bijvoorbeeld https://api.botframework.com), "
            f"gevonden {bad[0]!r}."
        )
    if multi in _YES:
        if tenant:
            raise CredentialsError(
                "Teams: TEAMS_TENANT_ID en TEAMS_MULTI_TENANT=ja sluiten elkaar uit. Zet alleen TEAMS_TENANT_ID "
                "(single-tenant), of alleen TEAMS_MULTI_TENANT=ja voor een bestaande multi-tenant registratie."
            )
        return {"multi_tenant": True}
    if not tenant:
        raise CredentialsError(
            "Teams: TEAMS_TENANT_ID ontbreekt. Microsoft maakt sinds 31 juli 2025 geen multi-tenant bots meer "
            "aan: zet TEAMS_TENANT_ID op de tenant-id (Directory-id) van de Azure Bot. Alleen voor een bestaande "
            "multi-tenant registratie: TEAMS_MULTI_TENANT=ja."
        )
    if not _TENANT.match(tenant):
        raise CredentialsError(f"TEAMS_TENANT_ID: verwacht een tenant-id (GUID) of domeinnaam, gevonden {tenant!r}.")
    return {"tenant_id": "${TEAMS_TENANT_ID}"}


def _socket_mode(env: Mapping[str, str]) -> bool:
    return bool(env.get("SLACK_APP_TOKEN", "").strip())


def slack_socket_mode(env: Mapping[str, str]) -> dict:
    """Socket Mode needs the app-level token, and has no use for a signing secret."""
    if not env.get("SLACK_APP_TOKEN", "").strip().startswith("xapp-"):
        raise CredentialsError(
            "SLACK_APP_TOKEN: verwacht een app-token dat met 'xapp-' begint (Slack-app › Basic Information › "
            "App-Level Tokens, scope connections:write); de bot-token (xoxb-…) hoort in SLACK_BOT_TOKEN."
        )
    if env.get("SLACK_SIGNING_SECRET", "").strip():
        raise CredentialsError(
            "Slack: SLACK_APP_TOKEN (Socket Mode) en SLACK_SIGNING_SECRET (Events API) sluiten elkaar uit. "
            "Zet alleen SLACK_APP_TOKEN als de assistent zelf verbinding maakt met Slack (geen openbaar adres "
            "nodig), of alleen SLACK_SIGNING_SECRET als Slack de webhook aanroept."
        )
    return {}


CHANNELS = [
    Channel(
        "Teams",
        TEAMS_CLASS,
        TEAMS_PATH,
        required={"app_id": "TEAMS_APP_ID", "app_password": "TEAMS_APP_PASSWORD"},
        optional={"issuers": "TEAMS_ISSUERS", "openid_url": "TEAMS_OPENID_URL", "token_url": "TEAMS_TOKEN_URL"},
        fixed={},
        checked=teams_tenancy,
        checked_vars=("TEAMS_TENANT_ID", "TEAMS_MULTI_TENANT"),
    ),
    Channel(
        "Slack",
        SLACK_CLASS,
        SLACK_PATH,
        required={"slack_token": "SLACK_BOT_TOKEN", "slack_signing_secret": "SLACK_SIGNING_SECRET"},
        optional={"api_url": "SLACK_API_URL"},
        # Answers go in a thread under the question; one conversation per user per channel.
        fixed={"use_threads": True, "conversation_granularity": "channel"},
        applies=lambda env: not _socket_mode(env),
        mode="Events API",
    ),
    Channel(
        "Slack",
        SLACK_SOCKET_MODE_CLASS,
        None,
        required={"slack_token": "SLACK_BOT_TOKEN", "app_token": "SLACK_APP_TOKEN"},
        optional={"api_url": "SLACK_API_URL"},
        fixed={"use_threads": True, "conversation_granularity": "channel"},
        checked=slack_socket_mode,
        applies=_socket_mode,
        mode="Socket Mode",
    ),
]


def channel_block(channel: Channel, env: Mapping[str, str]) -> dict | None:
    """The credentials of one channel as ${VAR} references, None when it is off."""
    if channel.applies is not None and not channel.applies(env):
        return None
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
    if channel.checked:
        block.update(channel.checked(env))
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
    for name in dict.fromkeys(channel.name for channel in CHANNELS):
        ways = [channel for channel in CHANNELS if channel.name == name]
        running = [channel for channel in ways if channel in on]
        if running:
            channel = running[0]
            if channel.path:
                lines.append(f"  {name + ':':10} aan, webhook {rasa_url}{channel.path}")
            else:
                lines.append(f"  {name + ':':10} aan ({channel.mode}: de assistent maakt zelf verbinding)")
            continue
        options = []
        for channel in ways:
            needed = [*channel.required.values(), *channel.checked_vars[:1]]
            option = f"{', '.join(needed[:-1])} en {needed[-1]}"
            options.append(option + (f" voor {channel.mode}" if len(ways) > 1 else ""))
        lines.append(f"  {name + ':':10} uit (zet {', of '.join(options)})")
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
