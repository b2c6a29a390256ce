"""The sample Teams app manifest is valid JSON within the limits Teams checks on upload."""

from __future__ import annotations

import json
import re

from bot.config import PROJECT_ROOT

MANIFEST = PROJECT_ROOT / "docs" / "teams" / "manifest.json"
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def test_manifest_fields_and_limits():
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    assert manifest["manifestVersion"] == "1.16"
    assert GUID.match(manifest["id"]) and manifest["bots"][0]["botId"] == manifest["id"]
    assert len(manifest["name"]["short"]) <= 30 and len(manifest["name"]["full"]) <= 100
    assert len(manifest["description"]["short"]) <= 80 and len(manifest["description"]["full"]) <= 4000
    assert manifest["icons"] == {"color": "color.png", "outline": "outline.png"}
    bot = manifest["bots"][0]
    assert set(bot["scopes"]) <= {"personal", "team", "groupChat"}
    for command in bot["commandLists"][0]["commands"]:
        assert len(command["title"]) <= 32 and len(command["description"]) <= 128, command
