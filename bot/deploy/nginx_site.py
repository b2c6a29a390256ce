"""The cluster's nginx site on this machine: deploy/nginx/armoede-assistent-cluster.conf with only its
ports and log paths moved, inside a minimal nginx.conf like Debian's (make run-cluster, tests/cluster).

    python -m bot.deploy.nginx_site STATE_DIR/nginx

Reads NGINX_PORT, WEB_PORT, RASA_PORT and RASA_INSTANCES (instances on RASA_PORT, RASA_PORT+1, …);
writes nginx.conf and site.conf in the given directory and prints the path of nginx.conf.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from bot.config import PROJECT_ROOT

SITE = PROJECT_ROOT / "deploy" / "nginx" / "armoede-assistent-cluster.conf"
SITE_WEB = "127.0.0.1:8000"
SITE_ACCESS_LOG = "/var/log/nginx/armoede-assistent.access.log"
# The Rasa servers of an upstream in the site: consecutive `server 127.0.0.1:50xx …;` lines.
_RASA_SERVERS = re.compile(r"(?:^([ \t]*)server 127\.0\.0\.1:50\d\d( [^;\n]*)?;\n)+", re.MULTILINE)


def rasa_ports(env=os.environ) -> list[int]:
    first, count = int(env.get("RASA_PORT", "5005")), int(env.get("RASA_INSTANCES", "2"))
    return [first + i for i in range(count)]


def local_site(text: str, nginx_port: int, web_port: int, ports: list[int], log_dir: Path) -> str:
    """The site with its listen address, upstream ports and access log moved; nothing else changes."""

    def servers(match: re.Match) -> str:
        indent, options = match.group(1), match.group(2) or ""
        return "".join(f"{indent}server 127.0.0.1:{port}{options};\n" for port in ports)

    text = _RASA_SERVERS.sub(servers, text)
    return (
        text.replace("listen 80;", f"listen 127.0.0.1:{nginx_port};")
        .replace("listen [::]:80;", "")
        .replace(SITE_WEB, f"127.0.0.1:{web_port}")
        .replace(SITE_ACCESS_LOG, str(log_dir / "nginx.access.log"))
    )


def main_config(directory: Path, site: Path) -> str:
    """A minimal nginx.conf that includes the site in http {}, as Debian's does, with every file under `directory`."""
    temp = {name: directory / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(parents=True, exist_ok=True)
    # As root nginx's workers would run as nobody, who cannot write the request-body files here.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        user + f"pid {directory / 'nginx.pid'};\n"
        f"error_log {directory / 'error.log'};\n"
        "daemon off;\nworker_processes 1;\n"
        "events { worker_connections 1024; }\n"
        "http {\n"
        f"  client_body_temp_path {temp['body']}; proxy_temp_path {temp['proxy']};\n"
        f"  fastcgi_temp_path {temp['fastcgi']}; uwsgi_temp_path {temp['uwsgi']}; scgi_temp_path {temp['scgi']};\n"
        f"  include {site};\n"
        "}\n"
    )


def write(directory: Path, env=os.environ) -> Path:
    directory = directory.resolve()
    directory.mkdir(parents=True, exist_ok=True)
    log_dir = Path(env.get("STATE_DIR", "var")).resolve() / "log"
    log_dir.mkdir(parents=True, exist_ok=True)
    site = directory / "site.conf"
    site.write_text(
        local_site(
            SITE.read_text(),
            int(env.get("NGINX_PORT", "8080")),
            int(env.get("WEB_PORT", "8000")),
            rasa_ports(env),
            log_dir,
        )
    )
    config = directory / "nginx.conf"
    config.write_text(main_config(directory, site))
    return config


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("Gebruik: python -m bot.deploy.nginx_site MAP", file=sys.stderr)
        sys.exit(2)
    print(write(Path(sys.argv[1])))
