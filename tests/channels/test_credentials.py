"""The credentials generator (bot/deploy/credentials.py) and how scripts/run.sh uses it; no stack needed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from bot.config import PROJECT_ROOT
from bot.deploy import credentials

BASE = PROJECT_ROOT / "credentials.yml"
TEAMS = {"TEAMS_APP_ID": "app-id-123", "TEAMS_APP_PASSWORD": "teams-geheim-xyz", "TEAMS_TENANT_ID": "tenant-1"}
SLACK = {"SLACK_BOT_TOKEN": "xoxb-geheim-abc", "SLACK_SIGNING_SECRET": "slack-geheim-def"}
CHANNEL_VARS = [var for channel in credentials.CHANNELS for var in channel.variables]


def generate(tmp_path, env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in CHANNEL_VARS}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "bot.deploy.credentials",
            "--base",
            str(BASE),
            "--out",
            str(tmp_path / "credentials.yml"),
            "--rasa-url",
            "http://localhost:5005",
        ],
        cwd=PROJECT_ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
    )


def test_no_channel_variables_gives_the_base(tmp_path):
    result = generate(tmp_path, {})
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load((tmp_path / "credentials.yml").read_text()) == yaml.safe_load(BASE.read_text())
    assert "Teams:     uit" in result.stdout and "Slack:     uit" in result.stdout


def test_both_channels_on_with_references_not_secrets(tmp_path):
    result = generate(tmp_path, {**TEAMS, **SLACK, "SLACK_API_URL": "http://x/api/"})
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "credentials.yml").read_text()
    config = yaml.safe_load(written)
    assert config[credentials.TEAMS_CLASS] == {
        "app_id": "${TEAMS_APP_ID}",
        "app_password": "${TEAMS_APP_PASSWORD}",
        "tenant_id": "${TEAMS_TENANT_ID}",
    }
    slack = config[credentials.SLACK_CLASS]
    assert slack["slack_token"] == "${SLACK_BOT_TOKEN}" and slack["api_url"] == "${SLACK_API_URL}"
    assert slack["use_threads"] is True
    for secret in [*TEAMS.values(), *SLACK.values()]:
        assert secret not in written and secret not in result.stdout + result.stderr
    assert "http://localhost:5005/webhooks/botframework/webhook" in result.stdout
    assert "http://localhost:5005/webhooks/slack/webhook" in result.stdout


def test_teams_is_single_tenant_unless_an_existing_multi_tenant_bot(tmp_path):
    without_tenant = {k: v for k, v in TEAMS.items() if k != "TEAMS_TENANT_ID"}
    result = generate(tmp_path, without_tenant)
    assert result.returncode == 1
    assert "TEAMS_TENANT_ID ontbreekt" in result.stderr and "TEAMS_MULTI_TENANT=ja" in result.stderr
    assert not (tmp_path / "credentials.yml").exists()

    result = generate(tmp_path, {**without_tenant, "TEAMS_MULTI_TENANT": "ja"})
    assert result.returncode == 0, result.stderr
    block = yaml.safe_load((tmp_path / "credentials.yml").read_text())[credentials.TEAMS_CLASS]
    assert block["multi_tenant"] is True and "tenant_id" not in block

    both = generate(tmp_path, {**TEAMS, "TEAMS_MULTI_TENANT": "ja"})
    assert both.returncode == 1 and "sluiten elkaar uit" in both.stderr


@pytest.mark.parametrize(
    "env,field",
    [
        ({"TEAMS_TENANT_ID": "tenant/../x"}, "TEAMS_TENANT_ID"),
        ({"TEAMS_MULTI_TENANT": "misschien"}, "TEAMS_MULTI_TENANT"),
        ({"TEAMS_ISSUERS": "https://api.botframework.com http://nep.example.org"}, "TEAMS_ISSUERS"),
    ],
)
def test_bad_teams_setting_names_the_variable(tmp_path, env, field):
    result = generate(tmp_path, {**TEAMS, **env})
    assert result.returncode == 1
    assert result.stderr.startswith(f"!! Kanalen niet ingesteld: {field}:"), result.stderr


def test_issuers_are_configurable(tmp_path):
    issuers = "https://api.botframework.com, https://api.botframework.us"
    assert generate(tmp_path, {**TEAMS, "TEAMS_ISSUERS": issuers}).returncode == 0
    block = yaml.safe_load((tmp_path / "credentials.yml").read_text())[credentials.TEAMS_CLASS]
    assert block["issuers"] == "${TEAMS_ISSUERS}"


def test_rasa_fills_in_the_references(tmp_path):
    """Rasa's own YAML reader turns ${VAR} into the value from its environment."""
    assert generate(tmp_path, {**TEAMS, **SLACK}).returncode == 0
    code = "import json, sys, rasa.shared.utils.io as io; print(json.dumps(io.read_config_file(sys.argv[1])))"
    result = subprocess.run(
        [str(PROJECT_ROOT / ".venv/rasa/bin/python"), "-c", code, str(tmp_path / "credentials.yml")],
        env={**os.environ, **TEAMS, **SLACK},
        capture_output=True,
        text=True,
        timeout=120,
    )
    config = yaml.safe_load(result.stdout.strip().splitlines()[-1])
    assert config[credentials.TEAMS_CLASS]["app_password"] == TEAMS["TEAMS_APP_PASSWORD"]
    assert config[credentials.SLACK_CLASS]["slack_signing_secret"] == SLACK["SLACK_SIGNING_SECRET"]


@pytest.mark.parametrize(
    "env,missing",
    [
        ({"TEAMS_APP_ID": "x"}, "TEAMS_APP_PASSWORD"),
        ({"TEAMS_APP_PASSWORD": "geheim-1"}, "TEAMS_APP_ID"),
        ({"SLACK_BOT_TOKEN": "xoxb-geheim-2"}, "SLACK_SIGNING_SECRET"),
        ({"SLACK_SIGNING_SECRET": "geheim-3", **TEAMS}, "SLACK_BOT_TOKEN"),
    ],
)
def test_half_configured_channel_is_a_clear_error(tmp_path, env, missing):
    result = generate(tmp_path, env)
    assert result.returncode == 1
    assert f"{missing} ontbreekt" in result.stderr and "half ingesteld" in result.stderr
    assert not (tmp_path / "credentials.yml").exists()
    for value in env.values():
        assert value == "x" or value not in result.stderr + result.stdout


def test_run_sh_stops_on_a_half_configured_channel(tmp_path):
    """`make run` stops before training and starting anything, naming the missing variable."""
    env = {k: v for k, v in os.environ.items() if k not in CHANNEL_VARS}
    env.update(
        {
            "STATE_DIR": str(tmp_path),
            "KB_DATABASE_URL": f"sqlite:///{tmp_path / 'kb.sqlite'}",
            "RASA_PORT": "6190",
            "ACTIONS_PORT": "6191",
            "WEB_PORT": "6192",
            "SLACK_BOT_TOKEN": "xoxb-geheim-4",
        }
    )
    result = subprocess.run(
        [str(PROJECT_ROOT / "scripts" / "run.sh")],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "SLACK_SIGNING_SECRET ontbreekt" in result.stderr
    assert "READY" not in result.stdout and "Model" not in result.stderr
    assert "xoxb-geheim-4" not in result.stdout + result.stderr


SOCKET_MODE = {"SLACK_BOT_TOKEN": "xoxb-geheim-abc", "SLACK_APP_TOKEN": "xapp-1-geheim-ghi"}


def test_slack_socket_mode_with_the_app_token(tmp_path):
    """SLACK_APP_TOKEN instead of SLACK_SIGNING_SECRET: Socket Mode, no webhook, no Events API channel."""
    result = generate(tmp_path, {**SOCKET_MODE, "SLACK_API_URL": "http://x/api/"})
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "credentials.yml").read_text()
    config = yaml.safe_load(written)
    assert credentials.SLACK_CLASS not in config
    assert config[credentials.SLACK_SOCKET_MODE_CLASS] == {
        "slack_token": "${SLACK_BOT_TOKEN}",
        "app_token": "${SLACK_APP_TOKEN}",
        "api_url": "${SLACK_API_URL}",
        "use_threads": True,
        "conversation_granularity": "channel",
    }
    assert "Slack:     aan (Socket Mode" in result.stdout and "/webhooks/slack" not in result.stdout
    for secret in SOCKET_MODE.values():
        assert secret not in written and secret not in result.stdout + result.stderr


def test_slack_off_names_both_ways(tmp_path):
    result = generate(tmp_path, {})
    assert "SLACK_SIGNING_SECRET voor Events API, of SLACK_BOT_TOKEN en SLACK_APP_TOKEN voor Socket Mode" in (
        result.stdout
    )


@pytest.mark.parametrize(
    "env,message",
    [
        ({"SLACK_APP_TOKEN": "xapp-1-geheim-5"}, "SLACK_BOT_TOKEN ontbreekt"),
        ({**SOCKET_MODE, "SLACK_APP_TOKEN": "xoxb-geheim-6"}, "SLACK_APP_TOKEN: verwacht een app-token"),
        ({**SOCKET_MODE, "SLACK_SIGNING_SECRET": "geheim-7"}, "sluiten elkaar uit"),
    ],
)
def test_bad_socket_mode_setting_is_a_clear_error(tmp_path, env, message):
    result = generate(tmp_path, env)
    assert result.returncode == 1 and message in result.stderr, result.stderr
    assert not (tmp_path / "credentials.yml").exists()
    for value in env.values():
        assert value not in result.stderr + result.stdout


def test_rasa_starts_the_socket_mode_channel_from_the_file(tmp_path):
    """The written file, read by Rasa's own channel factory through the front door's check."""
    assert generate(tmp_path, SOCKET_MODE).returncode == 0
    code = (
        "import sys, rasa_runtime, rasa.core.run as run\n"
        "rasa_runtime._guard_channels()\n"
        "channels = run.create_http_input_channels(None, sys.argv[1])\n"
        "print([(type(c).__name__, c.name(), c.url_prefix(), getattr(c, 'app_token', None)) for c in channels])"
    )
    result = subprocess.run(
        [str(PROJECT_ROOT / ".venv/rasa/bin/python"), "-c", code, str(tmp_path / "credentials.yml")],
        cwd=PROJECT_ROOT,
        env={**os.environ, **SOCKET_MODE},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "('SlackSocketModeInput', 'slack', 'slack_socket_mode', 'xapp-1-geheim-ghi')" in result.stdout
