"""The chat page in headless Chromium against the real assistant (the stack `make run` starts)."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By

from .test_widget import XSS_INPUTS

pytestmark = pytest.mark.e2e


def test_chat_page_with_the_real_assistant(chat, web_real, artifacts):
    chat.open(web_real)

    try:
        fund = chat.ask("welk fonds betaalt een fiets voor een kind van 10?", expect="Stichting Leergeld")
    except TimeoutException as exc:
        pytest.fail(
            f"{exc.msg}\nKomt er via socketio niets terug, kijk dan in de log-map van de stack (rasa.log) naar "
            "\"coroutine 'AsyncServer.enter_room' was never awaited\" (RasaHQ/rasa#13027)."
        )
    links = [a for a in fund.find_elements(By.TAG_NAME, "a") if "Stichting Leergeld" in a.text]
    assert links, "Stichting Leergeld hoort een link te zijn:\n" + fund.get_attribute("textContent")
    assert links[0].get_attribute("href").startswith("http")
    assert links[0].get_attribute("target") == "_blank" and "noopener" in links[0].get_attribute("rel").split()
    assert "Bron:" in fund.get_attribute("textContent")

    talk = chat.ask("hoe begin ik over geldzorgen met een puber?", expect="Bespreken")
    assert talk.find_elements(By.CSS_SELECTOR, "strong"), "de kop van de werkwijze hoort vet te zijn"
    assert chat.driver.find_elements(By.CSS_SELECTOR, ".ac-log > .ac-quick .ac-choice"), "knoppen ontbreken"
    chat.driver.set_window_size(1000, 1300)  # room for both answers in the screenshot
    chat.driver.execute_script("var log = document.querySelector('.ac-log'); log.scrollTop = log.scrollHeight")
    chat.driver.save_screenshot(str(artifacts / "webchat.png"))
    chat.driver.set_window_size(1000, 900)

    # Reload: the conversation is still there, and Rasa continues it (same session).
    session = chat.session_id()
    user_before, bot_before = chat.texts("user"), chat.texts("bot")
    chat.open(web_real, fresh=False)
    assert chat.texts("user") == user_before and chat.texts("bot") == bot_before
    assert chat.session_id() == session
    follow_up = chat.ask("waar staat dat?", expect="Bespreken")  # the source of the last answer
    assert "Handreiking" in follow_up.get_attribute("textContent")

    # Client data typed anyway: Rasa redacts it and confirms the redacted text; only that is shown and kept.
    chat.ask("mevrouw Jansen met bsn 111222333 vraagt om een laptop voor haar zoon Daan")
    chat.wait(lambda _: "[BSN]" in chat.texts("user")[-1], "de vraag werd niet vervangen door de geredigeerde tekst")
    assert chat.texts("user")[-1] == "Jij: mevrouw [NAAM] met bsn [BSN] vraagt om een laptop voor haar zoon [NAAM]"
    stored = chat.driver.execute_script("return JSON.stringify(Object.assign({}, localStorage))")
    for secret in ("Jansen", "111222333", "Daan"):
        assert secret not in stored, f"{secret} staat in localStorage"
    chat.open(web_real, fresh=False)
    assert "Jansen" not in " ".join(chat.texts("user")) and "[BSN]" in chat.texts("user")[-1]

    for attack in XSS_INPUTS:
        before = len(chat.bubbles("bot"))
        chat.input.send_keys(attack, "\n")
        chat.wait_for_bot(before)
        assert chat.texts("user")[-1] == "Jij: " + attack
    assert not chat.driver.find_elements(By.CSS_SELECTOR, ".ac-log script, .ac-log img")
    assert not chat.xss_fired()
    assert chat.console_errors() == []
