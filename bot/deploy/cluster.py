"""Starts the cluster's parts and keeps them running (`make run-cluster`, via scripts/run_cluster.sh).

    python -m bot.deploy.cluster --log-dir var/cluster/log --ready-message "…"

The parts are those of `make run` (bot/deploy/supervisor.py, same rules for restarts and giving up),
with Rasa started RASA_INSTANCES times (on RASA_PORT, RASA_PORT+1, …: each the command the systemd unit
armoede-assistent-rasa@<port>.service runs) and nginx in front (scripts/start_nginx.sh). The Rasa
instances start side by side, so the cluster is up in about the time of one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.deploy.nginx_site import rasa_ports
from bot.deploy.supervisor import POLL_SECONDS, Part, Stop, Supervisor, answers, now_text, parts_from_env


@dataclass
class ClusterPart(Part):
    env: dict[str, str] = field(default_factory=dict)  # on top of the supervisor's environment


def cluster_parts(log_dir: Path, env=os.environ) -> list[ClusterPart]:
    """actions, rasa-<port> for each instance, web, nginx: in start order."""
    single = {part.name: part for part in parts_from_env(log_dir)}

    def like(part: Part, **changes) -> ClusterPart:
        fields = {k: getattr(part, k) for k in ("name", "script", "health_url", "start_seconds", "start_message")}
        made = ClusterPart(**{**fields, **changes})
        made.log = log_dir / f"{made.name}.log"
        return made

    rasa = single["rasa"]
    parts = [like(single["actions"])]
    for port in rasa_ports(env):
        parts.append(
            like(
                rasa,
                name=f"rasa-{port}",
                health_url=f"http://127.0.0.1:{port}/",
                start_message=f">> Rasa starten op poort {port}…",
                env={"RASA_PORT": str(port)},
            )
        )
    parts.append(like(single["web"]))
    nginx_port = env.get("NGINX_PORT", "8080")
    parts.append(
        ClusterPart("nginx", "scripts/start_nginx.sh", f"http://127.0.0.1:{nginx_port}/", 60,
                    f">> nginx starten op poort {nginx_port}…", log=log_dir / "nginx.log")
    )  # fmt: skip
    return parts


class ClusterSupervisor(Supervisor):
    def spawn(self, part: ClusterPart, first: bool) -> None:
        log = open(part.log, "w" if first else "a")
        if not first:
            log.write(f"\n=== {now_text()} make run-cluster: {part.name} opnieuw gestart na: {part.last_exit}\n")
            log.flush()
        part.process = subprocess.Popen(
            [str(self.root / part.script)],
            cwd=self.root,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **part.env},
        )
        log.close()
        part.started_at, part.healthy, part.restart_at = time.monotonic(), False, None

    def start_in_order(self) -> None:
        """As the supervisor's, but the Rasa instances start together."""
        groups: list[list[Part]] = []
        for part in self.parts:
            if groups and part.name.startswith("rasa-") and groups[-1][0].name.startswith("rasa-"):
                groups[-1].append(part)
            else:
                groups.append([part])
        for group in groups:
            for part in group:
                print(part.start_message, flush=True)
                self.spawn(part, first=True)
            for part in group:
                deadline = part.started_at + part.start_seconds
                while not answers(part.health_url):
                    self.check_signal()
                    if part.process.poll() is not None:
                        self.give_up(part, "")
                    if time.monotonic() > deadline:
                        print(
                            f"!! {part.name} niet bereikbaar na {part.start_seconds} s; zie {part.log}", file=sys.stderr
                        )
                        raise Stop(1)
                    time.sleep(POLL_SECONDS)
                part.healthy = True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.deploy.cluster",
        description="Start de action server, meerdere Rasa-instanties, de chatpagina en nginx en houd ze draaiende.",
    )
    parser.add_argument("--log-dir", type=Path, required=True, help="map voor de logboeken, één per onderdeel")
    parser.add_argument("--ready-message", default="", help="tekst op stdout zodra alles draait")
    args = parser.parse_args(argv)
    args.log_dir.mkdir(parents=True, exist_ok=True)
    return ClusterSupervisor(cluster_parts(args.log_dir)).run(args.ready_message)


if __name__ == "__main__":
    sys.exit(main())
