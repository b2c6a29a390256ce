"""The cluster's pieces without a running cluster: REDIS_URL → Rasa's lock store in endpoints.yml (and the
Dutch errors when it cannot be used), the lock store's tickets under concurrency in a real Redis, the nginx
site as make run-cluster runs it, and the systemd unit per Rasa instance."""

from __future__ import annotations

import configparser
import difflib
import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml

from bot.config import PROJECT_ROOT
from bot.deploy.cluster import cluster_parts
from bot.deploy.nginx_site import SITE, write
from tests.stack import RASA_PORT

BOT_PYTHON = PROJECT_ROOT / ".venv" / "bot" / "bin" / "python"
RASA_PYTHON = PROJECT_ROOT / ".venv" / "rasa" / "bin" / "python"
REDIS_PORT = RASA_PORT + 69  # this module's own Redis, next to the cluster's ports (RASA_PORT + 60 …)


@pytest.fixture(scope="module")
def redis_url():
    env = {**os.environ, "REDIS_PORT": str(REDIS_PORT)}
    script = str(PROJECT_ROOT / "scripts" / "redis.sh")
    result = subprocess.run([script], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    yield result.stdout.strip()
    subprocess.run([script, "stop"], env=env, capture_output=True, timeout=60)


def endpoints(tmp_path: Path, redis_url: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("TRACKER_STORE_URL", "REDIS_URL")}
    env |= {"STATE_DIR": str(tmp_path), "ACTIONS_PORT": "5055"} | ({"REDIS_URL": redis_url} if redis_url else {})
    return subprocess.run(
        [BOT_PYTHON, "-m", "bot.deploy.endpoints", str(tmp_path / "endpoints.yml")],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_redis_script_is_idempotent(redis_url):
    again = subprocess.run(
        [str(PROJECT_ROOT / "scripts" / "redis.sh")],
        env={**os.environ, "REDIS_PORT": str(REDIS_PORT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 0 and again.stdout.strip() == redis_url == f"redis://127.0.0.1:{REDIS_PORT}/0"


def test_without_redis_url_there_is_no_lock_store_section(tmp_path):
    result = endpoints(tmp_path, None)
    assert result.returncode == 0, result.stderr
    assert "lock_store" not in yaml.safe_load((tmp_path / "endpoints.yml").read_text())


@pytest.mark.parametrize(
    "value,said",
    [
        ("http://127.0.0.1:6379/0", "wordt niet herkend"),
        ("redis://127.0.0.1:poort/0", "de poort is geen getal"),
        ("redis://127.0.0.1:6379/nul", "de database is een getal"),
        ("redis://127.0.0.1:1/0", "niet bereikbaar"),
    ],
)
def test_unusable_redis_url_stops_with_a_dutch_message(tmp_path, value, said):
    result = endpoints(tmp_path, value)
    assert result.returncode == 1
    assert "REDIS_URL" in result.stderr and said in result.stderr, result.stderr
    assert not (tmp_path / "endpoints.yml").exists()


def test_password_is_not_shown(tmp_path):
    result = endpoints(tmp_path, "http://:geheim123@127.0.0.1:6379/0")
    assert result.returncode == 1 and "geheim123" not in result.stderr and "***" in result.stderr


LOCK_PROBE = """
import json, sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Manager
from rasa.core.lock_store import LockStore
from rasa.utils.endpoints import read_endpoint_config

def tickets(args):
    path, conversation, barrier = args
    store = LockStore.create(read_endpoint_config(path, "lock_store"))
    barrier.wait()  # both take their tickets at the same moment, as two busy instances would
    return type(store).__name__, [store.issue_ticket(conversation, 60) for _ in range(100)]

path, conversation = sys.argv[1], sys.argv[2]
with Manager() as manager, ProcessPoolExecutor(2) as pool:
    barrier = manager.Barrier(2)
    results = list(pool.map(tickets, [(path, conversation, barrier)] * 2))
print(json.dumps({"store": results[0][0], "tickets": results[0][1] + results[1][1]}))
"""


def test_rasa_builds_the_lock_store_and_tickets_are_unique_across_processes(tmp_path, redis_url):
    """Two processes (as two instances) take 100 tickets each for one conversation at the same time: with
    Rasa's own RedisLockStore (read, change, write back) numbers are handed out twice; here never."""
    result = endpoints(tmp_path, redis_url)
    assert result.returncode == 0, result.stderr
    assert "Redis 127.0.0.1" in result.stdout
    config = yaml.safe_load((tmp_path / "endpoints.yml").read_text())["lock_store"]
    assert config == {
        "type": "stores.redis_lock.AtomicRedisLockStore",
        "url": "127.0.0.1",
        "port": REDIS_PORT,
        "db": 0,
        "key_prefix": "armoedeassistent",
        "lock_lifetime": 20,
    }
    found = lock_probe(tmp_path / "endpoints.yml")
    assert found["store"] == "AtomicRedisLockStore"
    assert sorted(found["tickets"]) == list(range(200))
    # The check can fail: Rasa's own RedisLockStore, same Redis, same load (about 120 distinct of 200).
    plain = tmp_path / "rasa-eigen.yml"
    own = {key: value for key, value in config.items() if key != "lock_lifetime"} | {"type": "redis"}
    plain.write_text(yaml.safe_dump({"lock_store": own}))
    # A race shows only when the two overlap; the start is synchronised, and three tries are allowed.
    tries = [lock_probe(plain, attempt) for attempt in range(3)]
    assert all(found["store"] == "RedisLockStore" for found in tries)
    assert any(len(set(found["tickets"])) < 200 for found in tries), [len(set(f["tickets"])) for f in tries]


def lock_probe(path: Path, attempt: int = 0) -> dict:
    probe = subprocess.run(
        [RASA_PYTHON, "-c", LOCK_PROBE, str(path), f"probe-{path.stem}-{os.getpid()}-{attempt}"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert probe.returncode == 0, probe.stderr
    return json.loads(probe.stdout.strip().splitlines()[-1])


def test_make_run_cluster_runs_the_deployed_nginx_site_with_only_ports_and_log_moved(tmp_path):
    env = {"STATE_DIR": str(tmp_path), "RASA_PORT": "7005", "RASA_INSTANCES": "3", "WEB_PORT": "7100",
           "NGINX_PORT": "7200"}  # fmt: skip
    config = write(tmp_path / "nginx", env)
    site = (tmp_path / "nginx" / "site.conf").read_text()
    changed = [
        line
        for line in difflib.unified_diff(SITE.read_text().splitlines(), site.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    allowed = ("listen ", "server 127.0.0.1:", "access_log ")
    assert changed and all(line[1:].strip() == "" or line[1:].strip().startswith(allowed) for line in changed), changed
    # Three instances in each of the two Rasa upstreams, the chat page on its port.
    assert site.count("server 127.0.0.1:7007 max_fails=1") == 2 and "server 127.0.0.1:7100;" in site
    nginx = subprocess.run([str(PROJECT_ROOT / "scripts" / "setup_nginx.sh")], capture_output=True, text=True)
    if nginx.returncode != 0:
        pytest.skip("nginx ontbreekt")
    checked = subprocess.run(
        [nginx.stdout.strip(), "-t", "-q", "-p", str(config.parent), "-e", str(config.parent / "error.log"), "-c",
         str(config)],
        capture_output=True,
        text=True,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr


def test_each_rasa_instance_runs_what_its_systemd_unit_runs(tmp_path):
    unit = configparser.ConfigParser(strict=False, interpolation=None, delimiters=("="))
    unit.optionxform = str
    unit.read_string((PROJECT_ROOT / "deploy" / "systemd" / "armoede-assistent-rasa@.service").read_text())
    exec_start = unit["Service"]["ExecStart"]
    assert exec_start == "/usr/bin/env RASA_PORT=%i /opt/armoede-assistent/scripts/start_rasa.sh"
    parts = cluster_parts(tmp_path, {"RASA_PORT": "7005", "RASA_INSTANCES": "2", "NGINX_PORT": "7200"})
    rasa = [part for part in parts if part.name.startswith("rasa-")]
    assert [(p.script, p.env) for p in rasa] == [
        ("scripts/start_rasa.sh", {"RASA_PORT": "7005"}),
        ("scripts/start_rasa.sh", {"RASA_PORT": "7006"}),
    ]
    assert [p.name for p in parts] == ["actions", "rasa-7005", "rasa-7006", "web", "nginx"]
    assert unit["Install"]["WantedBy"] == "armoede-assistent.target"
