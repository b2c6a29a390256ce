"""deploy/nginx/armoede-assistent.conf: `nginx -t` accepts it inside an http block as Debian's nginx.conf
includes sites, and a real nginx with it sends each path where it belongs (two small loopback servers stand
in for the chat page and Rasa and echo what they get): page, /socket.io/ with websocket upgrade,
/webhooks/, the REST channel closed, request size and rate limits.

nginx comes from Debian's package (scripts/setup_nginx.sh installs it as root)."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from bot.config import PROJECT_ROOT
from tests.stack import RASA_PORT

SITE = PROJECT_ROOT / "deploy" / "nginx" / "armoede-assistent.conf"
# This test's own ports, next to the stacks (tests/stack.py: +10 web, +50 actions).
NGINX_PORT, WEB_STAND_IN, RASA_STAND_IN = RASA_PORT + 7, RASA_PORT + 8, RASA_PORT + 9


@pytest.fixture(scope="module")
def nginx() -> str:
    result = subprocess.run([str(PROJECT_ROOT / "scripts" / "setup_nginx.sh")], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip("nginx kon niet geïnstalleerd worden:\n" + result.stderr[-2000:])
    return result.stdout.strip()


def main_config(tmp_path: Path, site: Path) -> Path:
    """A minimal nginx.conf around the site, like Debian's (sites are included in http {}), all files in tmp."""
    config = tmp_path / "nginx.conf"
    temp = {name: tmp_path / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(exist_ok=True)
    # As root nginx's workers run as nobody, who cannot write the request-body files under pytest's tmp.
    user = "user root;\n" if os.geteuid() == 0 else ""
    config.write_text(
        user + f"pid {tmp_path / 'nginx.pid'};\n"
        f"error_log {tmp_path / 'error.log'};\n"
        "daemon off;\n"
        "events { worker_connections 64; }\n"
        "http {\n"
        f"  client_body_temp_path {temp['body']}; proxy_temp_path {temp['proxy']};\n"
        f"  fastcgi_temp_path {temp['fastcgi']}; uwsgi_temp_path {temp['uwsgi']}; scgi_temp_path {temp['scgi']};\n"
        f"  include {site};\n"
        "}\n"
    )
    return config


def check(nginx: str, tmp_path: Path, site: Path) -> subprocess.CompletedProcess:
    config = main_config(tmp_path, site)
    return subprocess.run(
        [nginx, "-t", "-q", "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(config)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def local_copy(tmp_path: Path) -> Path:
    """The site with its ports moved to this test's, and its access log in tmp."""
    text = (
        SITE.read_text()
        .replace("listen 80;", f"listen 127.0.0.1:{NGINX_PORT};")
        .replace("listen [::]:80;", "")
        .replace("127.0.0.1:8000", f"127.0.0.1:{WEB_STAND_IN}")
        .replace("127.0.0.1:5005", f"127.0.0.1:{RASA_STAND_IN}")
        .replace("/var/log/nginx/armoede-assistent.access.log", str(tmp_path / "access.log"))
    )
    site = tmp_path / "site.conf"
    site.write_text(text)
    return site


def test_nginx_accepts_the_site(nginx, tmp_path):
    result = check(nginx, tmp_path, SITE)
    assert result.returncode == 0, result.stderr


def test_nginx_rejects_a_broken_site(nginx, tmp_path):
    """The check above can fail."""
    broken = tmp_path / "kapot.conf"
    broken.write_text(SITE.read_text().replace("proxy_pass http://armoede_rasa;", "proxy_pass http://armoede_rasa", 1))
    result = check(nginx, tmp_path, broken)
    assert result.returncode != 0 and "kapot.conf" in result.stderr


class Echo(BaseHTTPRequestHandler):
    """Answers with who it is, the path and the headers nginx sent."""

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = json.dumps({"server": self.server.name, "path": self.path, "headers": dict(self.headers)}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, *args) -> None:
        pass


def stand_in(name: str, port: int) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), Echo)
    server.name = name
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def proxy(nginx, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("nginx")
    servers = [stand_in("web", WEB_STAND_IN), stand_in("rasa", RASA_STAND_IN)]
    config = main_config(tmp_path, local_copy(tmp_path))
    proc = subprocess.Popen(
        [nginx, "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(config)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{NGINX_PORT}"
    deadline = time.time() + 20
    while True:
        try:
            requests.get(base + "/", timeout=1)
            break
        except requests.ConnectionError:
            assert proc.poll() is None and time.time() < deadline, proc.stderr.read().decode()
            time.sleep(0.2)
    yield base
    proc.terminate()
    proc.wait(timeout=20)
    for server in servers:
        server.shutdown()


def test_paths_go_to_the_right_part(proxy):
    page = requests.get(proxy + "/", timeout=5).json()
    assert page["server"] == "web" and page["headers"]["X-Forwarded-For"] == "127.0.0.1"
    polling = requests.get(proxy + "/socket.io/?EIO=4&transport=polling", timeout=5).json()
    assert polling["server"] == "rasa" and polling["path"].startswith("/socket.io/")
    teams = requests.post(proxy + "/webhooks/botframework/webhook", json={"type": "message"}, timeout=5).json()
    assert teams["server"] == "rasa" and teams["path"] == "/webhooks/botframework/webhook"
    # Rasa's REST channel and its HTTP API are not reachable through the site.
    assert requests.post(proxy + "/webhooks/rest/webhook", json={"sender": "x"}, timeout=5).status_code == 404
    assert requests.get(proxy + "/status", timeout=5).json()["server"] == "web"


def test_websocket_upgrade_is_passed_to_rasa(proxy):
    headers = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}  # fmt: skip
    seen = requests.get(proxy + "/socket.io/?EIO=4&transport=websocket", headers=headers, timeout=5).json()
    assert seen["server"] == "rasa"
    assert seen["headers"]["Upgrade"] == "websocket" and seen["headers"]["Connection"] == "upgrade"
    plain = requests.get(proxy + "/socket.io/?EIO=4&transport=polling", timeout=5).json()
    assert plain["headers"]["Connection"] == "close" and "Upgrade" not in plain["headers"]


def test_request_size_is_limited(proxy):
    message = {"message": "x" * 20_000}
    assert requests.post(proxy + "/socket.io/?EIO=4&transport=polling", json=message, timeout=5).status_code == 413
    # A Teams activity may be larger than a chat message.
    assert requests.post(proxy + "/webhooks/botframework/webhook", json=message, timeout=5).status_code == 200


def test_rate_is_limited_per_client(proxy):
    codes = [requests.get(proxy + "/socket.io/?EIO=4&transport=polling", timeout=5).status_code for _ in range(60)]
    assert codes[0] == 200 and 429 in codes, codes
    time.sleep(1.5)  # the bucket refills
    assert requests.get(proxy + "/socket.io/?EIO=4&transport=polling", timeout=5).status_code == 200
