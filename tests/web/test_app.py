"""The aiohttp app without a browser: page, widget, stylesheet, CORS, settings, command line."""

from __future__ import annotations

import subprocess
import sys

import pytest
import pytest_asyncio
import requests
from aiohttp.test_utils import TestClient, TestServer

from bot.web.app import create_app
from bot.web.assets import AssetsMissing, widget_bundle
from bot.web.config import WebSettings, parse_origins

from .servers import Process, free_port

ALLOWED = "https://jgz.voorbeeld.nl"


@pytest_asyncio.fixture
async def client(web_assets):
    settings = WebSettings(
        rasa_url="http://rasa.voorbeeld.nl:5005", allowed_origins=parse_origins(f"http://localhost:8000, {ALLOWED}/")
    )
    async with TestClient(TestServer(create_app(settings))) as c:
        yield c


@pytest.mark.asyncio
async def test_page_is_served_with_the_configured_rasa_url(client):
    response = await client.get("/")
    assert response.status == 200 and response.content_type == "text/html"
    page = await response.text()
    assert '<html lang="nl">' in page
    assert 'src="/widget.js" data-rasa-url="http://rasa.voorbeeld.nl:5005"' in page
    assert 'name="viewport"' in page
    csp = response.headers["Content-Security-Policy"]
    assert (
        "script-src 'self'" in csp
        and "connect-src 'self' http://rasa.voorbeeld.nl:5005 ws://rasa.voorbeeld.nl:5005" in csp
    )


@pytest.mark.asyncio
async def test_rasa_url_is_escaped_in_the_page(web_assets):
    settings = WebSettings(rasa_url='http://x"><script>alert(1)</script>')
    async with TestClient(TestServer(create_app(settings))) as c:
        page = await (await c.get("/")).text()
    assert "<script>alert(1)" not in page and "&quot;&gt;&lt;script&gt;" in page


@pytest.mark.asyncio
async def test_widget_js_bundles_socket_io_and_our_code(client):
    response = await client.get("/widget.js")
    assert response.status == 200 and response.content_type == "application/javascript"
    body = await response.text()
    assert "Socket.IO v4" in body  # from node_modules/socket.io-client/dist
    assert "session_request" in body and "renderMarkdown" in body
    assert "Noem geen namen of andere herleidbare gegevens van cliënten" in body
    assert "sourceMappingURL" not in body
    again = await client.get("/widget.js", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status == 304


@pytest.mark.asyncio
async def test_widget_css_is_served(client):
    response = await client.get("/widget.css")
    assert response.status == 200 and response.content_type == "text/css"
    assert ".ac-widget" in await response.text()


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/", "/widget.js", "/widget.css"])
async def test_cors_only_for_configured_origins(client, path):
    allowed = await client.get(path, headers={"Origin": ALLOWED})
    assert allowed.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert "Origin" in allowed.headers["Vary"]
    local = await client.get(path, headers={"Origin": "http://localhost:8000"})
    assert local.headers["Access-Control-Allow-Origin"] == "http://localhost:8000"
    other = await client.get(path, headers={"Origin": "https://kwaadwillend.example"})
    assert other.status == 200 and "Access-Control-Allow-Origin" not in other.headers
    same = await client.get(path)
    assert "Access-Control-Allow-Origin" not in same.headers


@pytest.mark.asyncio
async def test_cors_preflight(client):
    headers = {"Access-Control-Request-Method": "GET"}
    ok = await client.options("/widget.js", headers={**headers, "Origin": ALLOWED})
    assert ok.status == 204 and ok.headers["Access-Control-Allow-Origin"] == ALLOWED
    assert "GET" in ok.headers["Access-Control-Allow-Methods"]
    refused = await client.options("/widget.js", headers={**headers, "Origin": "https://kwaadwillend.example"})
    assert refused.status == 403 and "Access-Control-Allow-Origin" not in refused.headers


def test_settings_from_environment():
    settings = WebSettings.from_env(
        {
            "WEB_PORT": "8123",
            "RASA_URL": "https://rasa.voorbeeld.nl/",
            "WEB_ALLOWED_ORIGINS": "https://a.nl, https://b.nl/ ,",
        }
    )
    assert settings.port == 8123 and settings.rasa_url == "https://rasa.voorbeeld.nl"
    assert settings.allowed_origins == {"https://a.nl", "https://b.nl"}
    defaults = WebSettings.from_env({})
    assert (defaults.port, defaults.rasa_url, defaults.allowed_origins) == (
        8000,
        "http://localhost:5005",
        {"http://localhost:8000"},
    )


def test_missing_socket_io_says_what_to_run(tmp_path):
    with pytest.raises(AssetsMissing, match="scripts/setup_web.sh"):
        widget_bundle(tmp_path / "node_modules")


def test_python_m_bot_web_serves_the_page(web_assets, tmp_path):
    port = free_port()
    proc = Process(
        [sys.executable, "-m", "bot", "web", "--host", "127.0.0.1", "--port", str(port)],
        tmp_path / "web.log",
        env={"RASA_URL": "http://localhost:5999"},
    )
    try:
        proc.wait_for(f"http://127.0.0.1:{port}/health")
        assert 'data-rasa-url="http://localhost:5999"' in requests.get(f"http://127.0.0.1:{port}/", timeout=5).text
    finally:
        proc.stop()
    assert "Chatpagina: http://127.0.0.1:" in (tmp_path / "web.log").read_text()


def test_cli_help_is_dutch():
    result = subprocess.run([sys.executable, "-m", "bot.web", "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "Rasa zoals de browser het bereikt" in result.stdout
