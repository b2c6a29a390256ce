"""Helpers for the tests of `make review`, `make review-toepassen` and `make dekking`: a copy of the
project's data/, knowledge/ and tests/vragenbank/ to change, the commands as a maintainer runs them,
and headless Chromium for the pages."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT

BOT_PYTHON = str(PROJECT_ROOT / ".venv" / "bot" / "bin" / "python")
COPIED = ("data", "knowledge", "tests/vragenbank")


def project_copy(tmp_path: Path) -> Path:
    """data/, knowledge/ and tests/vragenbank/ in a folder of their own (the real ones are never changed)."""
    root = tmp_path / "project"
    for name in COPIED:
        shutil.copytree(PROJECT_ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def fingerprint(root: Path) -> dict[str, str]:
    """sha256 of every file under the copied folders: to see that nothing changed."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for name in COPIED
        for p in sorted((root / name).rglob("*.yml"))
    }


def bot(*args: str, store: str | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    # Not the settings of a surrounding `make test` either: its MAKELEVEL adds "Entering directory" lines.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("KB_DATABASE_URL", "KB_KNOWLEDGE_DIR", "MAKELEVEL", "MAKEFLAGS", "MFLAGS")
    }
    if store is not None:
        env["TRACKER_STORE_URL"] = store
    return subprocess.run(
        [BOT_PYTHON, "-m", "bot", *args], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def make(target: str, *variables: str, root: Path, store: str | None = None) -> subprocess.CompletedProcess:
    """`make <target>` exactly as docs/beheer.md writes it; MAP from the environment points at the copy."""
    # Not the settings of a surrounding `make test` either: its MAKELEVEL adds "Entering directory" lines.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("KB_DATABASE_URL", "KB_KNOWLEDGE_DIR", "MAKELEVEL", "MAKEFLAGS", "MFLAGS")
    }
    env["MAP"] = str(root)
    if store is not None:
        env["TRACKER_STORE_URL"] = store
    return subprocess.run(
        ["make", target, *variables], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def proposal(root: Path) -> list[dict]:
    return yaml.safe_load((root / "var" / "review" / "voorstel.yml").read_text(encoding="utf-8")) or []


def write_proposal(root: Path, entries: list[dict]) -> None:
    (root / "var" / "review" / "voorstel.yml").write_text(
        yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def screenshot_page(page: Path, shot: Path, tmp_path: Path, height: int = 1400):
    """Opens the page from disk in headless Chromium, saves a screenshot; returns (driver) for checks."""
    from tests.web.browser import ensure_chromium, start_chromium

    ensure_chromium()
    driver = start_chromium(tmp_path / "chromium-profile")
    driver.set_window_size(1200, height)
    driver.get(page.resolve().as_uri())
    driver.save_screenshot(str(shot))
    return driver


# The whole project, without environments, models and what runs leave behind; the real .venv is linked.
CLONE_IGNORED = (
    ".git",
    ".venv",
    "models",
    "node_modules",
    "var",
    "results",
    ".pytest_cache",
    "__pycache__",
    "artifacts",
)


def project_clone(directory: Path) -> Path:
    """A copy of the project in which a documented command runs exactly as written, changing only the copy."""
    shutil.copytree(PROJECT_ROOT, directory, ignore=shutil.ignore_patterns(*CLONE_IGNORED))
    (directory / ".venv").symlink_to((PROJECT_ROOT / ".venv").resolve())
    return directory


def run_in(directory: Path, command: list[str], timeout: int = 600, **extra: str) -> subprocess.CompletedProcess:
    """A command in `directory`, without the settings of this test run that would point it elsewhere."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("KB_DATABASE_URL", "KB_KNOWLEDGE_DIR", "BRONNEN_DIR", "MAKELEVEL", "MAKEFLAGS", "MFLAGS")
    }
    env.update(extra)
    return subprocess.run(command, cwd=directory, env=env, capture_output=True, text=True, timeout=timeout)
