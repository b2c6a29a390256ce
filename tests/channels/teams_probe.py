"""Runs channels/teams.py's checks in Rasa's environment, against the fake Microsoft, and prints what happened as JSON.

Run with Rasa's python (channels/teams.py needs Rasa):
    .venv/rasa/bin/python tests/channels/teams_probe.py < settings.json
tests/channels/test_teams_checks.py starts the fake, makes the tokens, runs this and judges the output.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from channels.teams import TeamsInput  # noqa: E402

TICK = 0.02


async def loop_stalls(stop: asyncio.Event) -> float:
    """The longest time the event loop did not get to run this coroutine (beyond its own sleep)."""
    worst, last = 0.0, time.monotonic()
    while not stop.is_set():
        await asyncio.sleep(TICK)
        now = time.monotonic()
        worst, last = max(worst, now - last - TICK), now
    return worst


async def statuses(teams: TeamsInput, tokens: list[str], activity: dict) -> list[int]:
    refusals = await asyncio.gather(*(teams.check_activity(f"Bearer {t}", activity) for t in tokens))
    return [r.status if r is not None else 200 for r in refusals]


def channel(settings: dict, **extra) -> TeamsInput:
    base = {key: settings[key] for key in ("app_id", "app_password", "tenant_id", "openid_url", "token_url")}
    return TeamsInput.from_credentials({**base, **extra})


async def main(settings: dict) -> dict:
    report: dict = {}
    activity, tokens = settings["activity"], settings["tokens"]

    # Five activities at once while Microsoft's metadata is slow: the loop keeps running, one fetch serves all.
    teams = channel(settings)
    stop = asyncio.Event()
    watcher = asyncio.create_task(loop_stalls(stop))
    start = time.monotonic()
    report["slow_metadata"] = await statuses(teams, [tokens["genuine"]] * 5, activity)
    report["slow_metadata_seconds"] = time.monotonic() - start
    stop.set()
    report["longest_loop_stall"] = await watcher

    report["default_issuers"] = await statuses(teams, [tokens["genuine"], tokens["other_cloud"]], activity)
    configured = channel(settings, issuers=settings["issuers"])
    report["configured_issuers"] = await statuses(configured, [tokens["genuine"], tokens["other_cloud"]], activity)

    for name, extra in {"no_tenant": {"tenant_id": None}, "bad_issuers": {"issuers": "http://nep.example.org"}}.items():
        try:
            channel(settings, **extra)
            report[name] = None
        except ValueError as exc:
            report[name] = str(exc)
    multi = channel(settings, tenant_id=None, token_url=None, multi_tenant=True)
    report["multi_tenant_token_url"] = multi.token.token_url
    return report


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(json.load(sys.stdin)))))
