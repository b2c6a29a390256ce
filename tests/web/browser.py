"""Headless Chromium (Debian's chromium + chromium-driver, via Selenium) and a driver for the chat widget."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from bot.config import PROJECT_ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


def ensure_chromium() -> None:
    """scripts/setup_browser.sh installs Chromium when it is missing (as root) or says how to."""
    result = subprocess.run([str(PROJECT_ROOT / "scripts" / "setup_browser.sh")], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("Chromium ontbreekt voor de browsertests:\n" + result.stderr)


def start_chromium(profile: Path) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1000,900",
        "--lang=nl-NL",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    return driver


class ChatPage:
    """The widget as a user sees it: type, press Enter, read the bubbles."""

    def __init__(self, driver: webdriver.Chrome):
        self.driver = driver

    def open(self, url: str, fresh: bool = True) -> ChatPage:
        self.driver.get(url)
        if fresh:
            self.driver.execute_script("localStorage.clear()")
            self.driver.get(url)
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".ac-input"), "het invoerveld verscheen niet")
        self.driver.get_log("browser")  # start each page with an empty console log
        return self

    def wait(self, condition, message: str, timeout: float = 60):
        return WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(condition, message)

    @property
    def input(self):
        return self.driver.find_element(By.CSS_SELECTOR, ".ac-input")

    def bubbles(self, who: str) -> list:
        return self.driver.find_elements(By.CSS_SELECTOR, f".ac-msg-{who}:not(.ac-welcome) .ac-bubble")

    def texts(self, who: str) -> list[str]:
        return [b.get_attribute("textContent") for b in self.bubbles(who)]

    def ask(self, question: str, expect: str | None = None, timeout: float = 60):
        """Type the question, press Enter, wait for a new bot message (containing `expect`); return it."""
        before = len(self.bubbles("bot"))
        self.input.send_keys(question, Keys.ENTER)
        return self.wait_for_bot(before, expect, timeout)

    def wait_for_bot(self, before: int, expect: str | None = None, timeout: float = 60):
        def answered(_):
            new = self.bubbles("bot")[before:]
            for bubble in new:
                if expect is None or expect.lower() in bubble.get_attribute("textContent").lower():
                    return bubble
            return False

        return self.wait(
            answered, f"geen antwoord met {expect!r}; laatste berichten: {self.texts('bot')[-3:]}", timeout
        )

    def session_id(self) -> str:
        return self.driver.execute_script(
            "var k = Object.keys(localStorage).find(function (k) { return k.indexOf('armoedeChat:') === 0; });"
            "return k ? JSON.parse(localStorage.getItem(k)).sessionId : null;"
        )

    def xss_fired(self) -> bool:
        return self.driver.execute_script("return typeof window.__xss !== 'undefined'")

    def console_errors(self) -> list[str]:
        return [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
