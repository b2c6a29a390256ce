"""Starting the real cluster the way `make run-cluster` does (scripts/run_cluster.sh): two Rasa instances,
one action server, the chat page and nginx, with PostgreSQL and Redis shared. Used by tests/cluster and
bench/load.py --cluster."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from bot.config import PROJECT_ROOT
from tests.stack import launch, terminate


class Cluster:
    """One `scripts/run_cluster.sh` process group. Ports: Rasa on `base`, `base`+1, …; nginx, Redis, chat page
    and action server just above them (all within base … base+9)."""

    def __init__(self, state: Path, base: int, instances: int = 2, env: dict[str, str] | None = None):
        self.state, self.instances = state, instances
        self.rasa_ports = [base + i for i in range(instances)]
        self.nginx_port, self.redis_port, self.web_port, self.actions_port = base + 5, base + 6, base + 7, base + 8
        self.url = f"http://127.0.0.1:{self.nginx_port}"
        self.env = {
            **os.environ,
            "RASA_PORT": str(base),
            "RASA_INSTANCES": str(instances),
            "NGINX_PORT": str(self.nginx_port),
            "REDIS_PORT": str(self.redis_port),
            "WEB_PORT": str(self.web_port),
            "ACTIONS_PORT": str(self.actions_port),
            "STATE_DIR": str(state),
            "KB_DATABASE_URL": f"sqlite:///{state / 'kb.sqlite'}",
            **(env or {}),
        }
        self.proc: subprocess.Popen | None = None
        self.ready_after = 0.0

    def instance_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.rasa_ports[index]}"

    def rasa_pid(self, index: int) -> int:
        """The process of Rasa instance `index`, a child of the cluster's supervisor."""
        listing = subprocess.run(
            ["ps", "-ww", "-o", "pid=,args=", "--ppid", str(self.proc.pid)], capture_output=True, text=True
        ).stdout
        port = f"--port {self.rasa_ports[index]} "
        found = [int(line.split()[0]) for line in listing.splitlines() if "rasa_runtime run" in line and port in line]
        assert len(found) == 1, listing
        return found[0]

    def start(self, timeout: float = 900) -> None:
        started = time.monotonic()
        try:
            self.proc, self.banner = launch(
                "run_cluster.sh", self.env, self.state, timeout, "Het cluster startte niet zoals bij `make run-cluster`"
            )
        except RuntimeError:
            self._stop_redis()  # run_cluster.sh starts Redis as a daemon: it outlives the process group
            raise
        self.ready_after = time.monotonic() - started

    def stop(self) -> None:
        if self.proc is None:
            return
        terminate(self.proc, grace=40)
        self.proc = None
        self._stop_redis()

    def _stop_redis(self) -> None:
        subprocess.run(
            [str(PROJECT_ROOT / "scripts" / "redis.sh"), "stop"], env=self.env, capture_output=True, check=False
        )
