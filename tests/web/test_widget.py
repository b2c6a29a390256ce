"""The widget in headless Chromium against a fake Rasa socketio server (tests/web/fake_rasa.py).

Covers what does not need the real assistant: Markdown, links, buttons, escaping of markup
from both sides, the conversation across a reload, keyboard use, phone width, embedding.
"""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .servers import free_port

XSS_INPUTS = ["<script>window.__xss=1</script>", '<img src=x onerror="window.__xss=1">']


def test_markdown_answer(chat, web_fake):
    chat.open(web_fake)
    bubble = chat.ask("opmaak", expect="Stichting Leergeld")
    assert bubble.find_element(By.CSS_SELECTOR, "p strong").text == "Stichting Leergeld"
    assert [li.text for li in bubble.find_elements(By.CSS_SELECTOR, "ul li")] == ["fiets", "laptop voor school"]
    assert bubble.find_element(By.CSS_SELECTOR, "li em").text == "school"
    links = {a.text: a for a in bubble.find_elements(By.TAG_NAME, "a")}
    assert set(links) == {"site", "Handreiking", "https://example.org/pad"}
    for a in links.values():
        assert a.get_attribute("href").startswith("https://")
        assert a.get_attribute("target") == "_blank" and "noopener" in a.get_attribute("rel").split()
    assert bubble.find_elements(By.TAG_NAME, "br"), "regels in een alinea horen op aparte regels te staan"
    assert chat.console_errors() == []


def test_buttons_send_payload_and_show_title(chat, web_fake):
    chat.open(web_fake)
    chat.ask("knoppen", expect="Hoe oud")
    buttons = chat.driver.find_elements(By.CSS_SELECTOR, ".ac-log > .ac-quick .ac-choice")
    assert [b.text for b in buttons] == ["Baby", "<b>Peuter</b>"]  # a title is text, never markup
    before = len(chat.bubbles("bot"))
    buttons[0].click()
    chat.wait_for_bot(before, expect='/inform{"leeftijd": "baby"}')  # the payload went to Rasa
    assert chat.texts("user")[-1] == "Jij: Baby"  # the title is shown
    assert not chat.driver.find_elements(By.CSS_SELECTOR, ".ac-log > .ac-quick")


def test_user_markup_is_shown_as_text(chat, web_fake):
    chat.open(web_fake)
    for attack in XSS_INPUTS:
        echo = chat.ask(attack, expect="Je zei:")  # the fake Rasa echoes it back too
        assert echo.get_attribute("textContent") == "Assistent: Je zei: " + attack
        assert chat.texts("user")[-1] == "Jij: " + attack
    log = chat.driver.find_element(By.CSS_SELECTOR, ".ac-log")
    assert not log.find_elements(By.CSS_SELECTOR, "script, img")
    assert not chat.xss_fired()


def test_bot_markup_is_inert(chat, web_fake):
    chat.open(web_fake)
    bubble = chat.ask("xss", expect="<script>")
    assert "<img src=x onerror=" in bubble.get_attribute("textContent")
    assert not bubble.find_elements(By.CSS_SELECTOR, "script, img")
    assert not bubble.find_elements(By.TAG_NAME, "a"), "een javascript:-link mag geen link worden"
    # The same through the widget's own receive/render path, and the renderer on its own.
    chat.driver.execute_script("""
        window.ArmoedeChat.instances[0].receive({text: '<img src=x onerror="window.__xss=1"> **vet**',
                                                 quick_replies: [{title: '<img src=x onerror="window.__xss=1">',
                                                                  payload: 'x'}]});""")
    chat.wait(lambda d: "**" not in chat.texts("bot")[-1] and "vet" in chat.texts("bot")[-1], "bericht niet getoond")
    assert not chat.driver.find_elements(By.CSS_SELECTOR, ".ac-log img, .ac-log script")
    assert not chat.xss_fired()


RENDER_CASES = [
    ("**vet** en *cursief*", "<p><strong>vet</strong> en <em>cursief</em></p>"),
    ("regel 1\nregel 2", "<p>regel 1<br>regel 2</p>"),
    (
        "Kijk:\n- een\n- **[twee](https://a.nl/x)**",
        '<p>Kijk:</p><ul><li>een</li><li><strong><a href="https://a.nl/x" target="_blank" '
        'rel="noopener noreferrer">twee</a></strong></li></ul>',
    ),
    ("<b>geen html</b> & <i>", "<p>&lt;b&gt;geen html&lt;/b&gt; &amp; &lt;i&gt;</p>"),
    ("[klik](javascript:alert(1))", "<p>[klik](javascript:alert(1))</p>"),
    (
        "[klik](data:text/html,<script>alert(1)</script>)",
        "<p>[klik](data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;)</p>",
    ),
    (
        '[x](https://a.nl/" onmouseover="alert(1))',  # no attribute injection: only the url is linked
        '<p>[x](<a href="https://a.nl/" target="_blank" rel="noopener noreferrer">https://a.nl/</a>'
        '" onmouseover="alert(1))</p>',
    ),
    (
        "zie https://a.nl/p.",
        '<p>zie <a href="https://a.nl/p" target="_blank" rel="noopener noreferrer">https://a.nl/p</a>.</p>',
    ),
    ("2 * 3 en 4 * 5", "<p>2 * 3 en 4 * 5</p>"),
]


def test_renderer(chat, web_fake):
    chat.open(web_fake)
    rendered = chat.driver.execute_script(
        """
        return arguments[0].map(function (text) {
          var div = document.createElement('div');
          div.appendChild(window.ArmoedeChat.renderMarkdown(text));
          return div.innerHTML;
        });""",
        [case[0] for case in RENDER_CASES],
    )
    assert rendered == [case[1] for case in RENDER_CASES]
    assert not chat.xss_fired()


def test_conversation_survives_reload(chat, web_fake, fake_rasa):
    chat.open(web_fake)
    chat.ask("eerste vraag", expect="Je zei: eerste vraag")
    session = chat.session_id()
    assert session and len(session) == 65, "de widget hoort het id te bewaren dat de server uitgaf"
    chat.open(web_fake, fresh=False)
    assert chat.texts("user") == ["Jij: eerste vraag"]
    assert chat.texts("bot") == ["Assistent: Je zei: eerste vraag"]
    chat.ask("tweede vraag", expect="Je zei: tweede vraag")
    log = requests.get(f"{fake_rasa}/log", timeout=5).json()
    requests_for_session = [e for e in log if e["event"] == "session_request" and e["session_id"] == session]
    assert requests_for_session, "na het herladen moet de widget de sessie vragen die de server uitgaf"
    sent = [e for e in log if e["event"] == "user_uttered" and e["message"] in ("eerste vraag", "tweede vraag")]
    assert {e["session_id"] for e in sent} == {session}


def test_only_redacted_questions_are_kept(chat, web_fake):
    chat.open(web_fake)
    chat.ask("mevrouw Jansen met bsn 111222333 vraagt om een fiets", expect="Je zei:")
    shown = chat.texts("user")[-1]
    assert shown == "Jij: mevrouw [NAAM] met bsn [BSN] vraagt om een fiets"
    stored = chat.driver.execute_script("return JSON.stringify(Object.assign({}, localStorage))")
    assert "Jansen" not in stored and "111222333" not in stored and "[NAAM]" in stored
    chat.open(web_fake, fresh=False)
    assert chat.texts("user")[-1] == shown


def test_new_conversation(chat, web_fake):
    chat.open(web_fake)
    chat.ask("iets", expect="Je zei: iets")
    old = chat.session_id()
    chat.driver.find_element(By.CSS_SELECTOR, ".ac-reset").click()
    assert chat.texts("user") == [] and chat.texts("bot") == []
    assert chat.session_id() != old
    chat.ask("opnieuw", expect="Je zei: opnieuw")


def test_keyboard_and_screen_reader(chat, web_fake):
    chat.open(web_fake)
    d = chat.driver
    label = d.find_element(By.CSS_SELECTOR, "label.ac-label")
    assert label.text == "Stel je vraag" and label.get_attribute("for") == chat.input.get_attribute("id")
    log = d.find_element(By.CSS_SELECTOR, ".ac-log")
    assert (log.get_attribute("role"), log.get_attribute("aria-live")) == ("log", "polite")
    assert (
        d.find_element(By.CSS_SELECTOR, ".ac-privacy").text
        == "Noem geen namen of andere herleidbare gegevens van cliënten."
    )
    assert d.find_element(By.CSS_SELECTOR, ".ac-send").text == "Verstuur"
    # Keyboard only: Tab to the field, type, Enter; Tab moves on to the send button with a visible focus ring.
    d.find_element(By.TAG_NAME, "body").click()
    body = d.switch_to.active_element
    for _ in range(12):
        body.send_keys(Keys.TAB)
        body = d.switch_to.active_element
        if body.get_attribute("id") == chat.input.get_attribute("id"):
            break
    else:
        pytest.fail("het invoerveld is niet met Tab te bereiken")
    before = len(chat.bubbles("bot"))
    body.send_keys("met het toetsenbord", Keys.ENTER)
    chat.wait_for_bot(before, "Je zei: met het toetsenbord")
    assert d.switch_to.active_element.get_attribute("id") == chat.input.get_attribute("id")
    d.switch_to.active_element.send_keys(Keys.TAB)
    focused = d.switch_to.active_element
    assert focused.get_attribute("class").split()[-1] == "ac-send"
    assert focused.value_of_css_property("outline-style") != "none"
    assert float(focused.value_of_css_property("outline-width").rstrip("px")) >= 2


def test_phone_width(chat, web_fake, artifacts):
    d = chat.driver
    d.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": True}
    )
    chat.open(web_fake)
    chat.ask("opmaak", expect="Stichting Leergeld")
    chat.ask("een heel lange vraag zonder spaties: " + "x" * 120, expect="Je zei")
    assert d.execute_script("return document.documentElement.scrollWidth") <= 360
    assert d.execute_script("return document.documentElement.scrollHeight <= innerHeight"), (
        "alleen het gesprek scrolt, niet de pagina"
    )
    for selector in (".ac-input", ".ac-send", ".ac-privacy", ".ac-reset"):
        rect = d.execute_script(
            "return arguments[0].getBoundingClientRect().toJSON()", d.find_element(By.CSS_SELECTOR, selector)
        )
        assert rect["left"] >= 0 and rect["right"] <= 360, f"{selector} valt buiten 360 px: {rect}"
    d.save_screenshot(str(artifacts / "webchat-360.png"))


@pytest.fixture
def other_site(tmp_path, web_fake, fake_rasa):
    """A page on another origin that embeds the widget with one script tag."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Andere site</title></head>'
        "<body><h1>Site van de GGD</h1><p>Tekst van de site.</p>"
        f'<script src="{web_fake}/widget.js" data-rasa-url="{fake_rasa}"></script></body></html>',
        encoding="utf-8",
    )
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), partial(SimpleHTTPRequestHandler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()


def test_embedded_with_one_script_tag(chat, other_site):
    d = chat.driver
    d.get(other_site)
    d.execute_script("localStorage.clear()")
    d.get(other_site)
    launcher = chat.wait(lambda _: d.find_element(By.CSS_SELECTOR, ".ac-launcher"), "geen chatknop op de pagina")
    assert launcher.text == "Chat met de armoede-assistent" and launcher.get_attribute("aria-expanded") == "false"
    assert launcher.value_of_css_property("position") == "fixed"  # widget.css came along
    assert not d.find_element(By.CSS_SELECTOR, ".ac-floating").is_displayed()
    launcher.click()
    assert d.find_element(By.CSS_SELECTOR, ".ac-privacy").is_displayed()
    assert d.switch_to.active_element.get_attribute("class") == "ac-input"
    chat.ask("vanaf een andere site", expect="Je zei: vanaf een andere site")
    assert d.execute_script("return typeof window.io") == "undefined"  # socket.io stays inside the widget
    d.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not d.find_element(By.CSS_SELECTOR, ".ac-floating").is_displayed()
    assert d.switch_to.active_element.get_attribute("class").split()[-1] == "ac-launcher"


def test_reload_opens_at_the_latest_message(chat, web_fake, artifacts):
    """A phone (390×844) reloads a long conversation: the newest messages are in view, not the welcome."""
    d = chat.driver
    d.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
    )
    chat.open(web_fake)
    chat.ask("opmaak", expect="Stichting Leergeld")
    for number in range(1, 13):
        chat.ask(f"vraag nummer {number}", expect=f"Je zei: vraag nummer {number}")
    chat.open(web_fake, fresh=False)
    assert chat.texts("bot")[-1] == "Assistent: Je zei: vraag nummer 12"
    log = d.find_element(By.CSS_SELECTOR, ".ac-log")
    assert d.execute_script("return arguments[0].scrollHeight > 2 * arguments[0].clientHeight", log), (
        "het gesprek is te kort om iets te bewijzen"
    )
    # Wait until connected (the status line changes the log's height), then look without scrolling ourselves.
    chat.wait(lambda _: not d.find_element(By.CSS_SELECTOR, ".ac-status").text, "de widget maakte geen verbinding")

    def in_view(element) -> bool:
        return d.execute_script(
            "var r = arguments[0].getBoundingClientRect(), v = arguments[1].getBoundingClientRect();"
            "return r.top >= v.top - 1 && r.bottom <= v.bottom + 1",
            element,
            log,
        )

    last_bot, last_user = chat.bubbles("bot")[-1], chat.bubbles("user")[-1]
    assert in_view(last_bot) and in_view(last_user), (
        "na het herladen staat het nieuwste bericht niet in beeld (scrollTop "
        + str(d.execute_script("return arguments[0].scrollTop", log))
        + ")"
    )
    assert not in_view(d.find_element(By.CSS_SELECTOR, ".ac-welcome")), "de widget opent bovenaan het gesprek"
    d.save_screenshot(str(artifacts / "webchat-390-herladen.png"))
