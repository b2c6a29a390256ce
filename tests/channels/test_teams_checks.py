"""channels/teams.py's own checks, in Rasa's environment, against the fake Microsoft; no stack needed.

The probe (teams_probe.py) runs the real TeamsInput; the judging happens here.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from tests.channels.fake_microsoft import APP_ID, APP_PASSWORD, TENANT_ID

RASA_PYTHON = PROJECT_ROOT / ".venv" / "rasa" / "bin" / "python"
PROBE = Path(__file__).resolve().parent / "teams_probe.py"
DELAY = 2.0
OTHER_CLOUD = "https://api.botframework.us"


@pytest.fixture(scope="module")
def probe(fake_microsoft) -> dict:
    settings = {
        "app_id": APP_ID,
        "app_password": APP_PASSWORD,
        "tenant_id": TENANT_ID,
        "openid_url": fake_microsoft.openid_url,
        "token_url": fake_microsoft.token_url,
        "issuers": f"https://api.botframework.com, {OTHER_CLOUD}",
        "activity": fake_microsoft.activity("hallo", "a:conv-probe"),
        "tokens": {"genuine": fake_microsoft.token(), "other_cloud": fake_microsoft.token(iss=OTHER_CLOUD)},
    }
    fetches_before = fake_microsoft.metadata_requests
    fake_microsoft.metadata_delay = DELAY
    try:
        result = subprocess.run(
            [str(RASA_PYTHON), str(PROBE)],
            input=json.dumps(settings),
            capture_output=True,
            text=True,
            timeout=300,
            cwd=PROJECT_ROOT,
        )
    finally:
        fake_microsoft.metadata_delay = 0.0
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    report["metadata_fetches"] = fake_microsoft.metadata_requests - fetches_before
    return report


def test_slow_metadata_does_not_block_the_event_loop(probe):
    assert probe["slow_metadata"] == [200] * 5
    # The keys really came from the slow fake (the check waited for them) ...
    assert probe["slow_metadata_seconds"] >= DELAY
    # ... while the loop went on serving others (a blocking fetch would stall it for the whole delay).
    assert probe["longest_loop_stall"] < 0.5, f"de event loop stond {probe['longest_loop_stall']:.2f} s stil"


def test_one_fetch_serves_simultaneous_activities(probe):
    # Five at once on the first instance, one for the second instance (its own keys).
    assert probe["metadata_fetches"] == 2


def test_issuers_are_configurable(probe):
    assert probe["default_issuers"] == [200, 401], "standaard alleen https://api.botframework.com"
    assert probe["configured_issuers"] == [200, 200]


def test_settings_that_cannot_work_are_refused_in_dutch(probe):
    assert "tenant_id ontbreekt" in probe["no_tenant"] and "multi_tenant" in probe["no_tenant"]
    assert "https-adressen" in probe["bad_issuers"]
    assert probe["multi_tenant_token_url"] == "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"
