"""Fixtures for the chat page: its browser library, the web app, a fake Rasa, the real stack, Chromium."""

from __future__ import annotations

import subprocess

import pytest

from bot.config import PROJECT_ROOT

from .browser import ChatPage, ensure_chromium, start_chromium
from .servers import start_fake_rasa, start_web


@pytest.fixture(scope="session")
def web_assets() -> None:
    """socket.io-client in node_modules (npm ci when package-lock.json changed)."""
    result = subprocess.run([str(PROJECT_ROOT / "scripts" / "setup_web.sh")], capture_output=True, text=True)
    assert result.returncode == 0, "scripts/setup_web.sh mislukte:\n" + result.stdout + result.stderr


@pytest.fixture(scope="session")
def web_logs(tmp_path_factory):
    return tmp_path_factory.mktemp("web-logs")


@pytest.fixture(scope="session")
def fake_rasa(web_logs) -> str:
    proc, base = start_fake_rasa(web_logs)
    yield base
    proc.stop()


@pytest.fixture(scope="session")
def web_fake(web_assets, fake_rasa, web_logs) -> str:
    """The web app, its widget talking to the fake Rasa."""
    proc, base = start_web(fake_rasa, web_logs)
    yield base
    proc.stop()


@pytest.fixture(scope="session")
def web_real(web_assets, running_stack) -> str:
    """The chat page the stack started (as `make run` does), its widget talking to that Rasa.

    Its own page, not one on another port: Rasa accepts the widget's websocket only from CORS_ORIGINS."""
    return f"http://127.0.0.1:{running_stack.web_port}"


@pytest.fixture(scope="session")
def driver(tmp_path_factory):
    ensure_chromium()
    browser = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield browser
    browser.quit()


@pytest.fixture
def chat(driver) -> ChatPage:
    driver.set_window_size(1000, 900)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return ChatPage(driver)
