"""Load on the cluster (`bench/load.py --cluster`): one and then two Rasa instances behind nginx.

For each, starts the cluster the way `make run-cluster` does (tests/cluster/cluster.py) with a fresh
PostgreSQL database (scripts/postgres.sh) and its own Redis, and measures:
- 40 conversations at once × 10 turns (the scripts of bench/load.py, 0–1 s think time) over REST through
  nginx: p50/p95/p99 to the answer, errors, and in PostgreSQL the user messages lost and duplicated;
- capacity: turns offered at a fixed rate (open loop, each conversation one turn at a time) in steps of
  STEP_SECONDS, up to the highest rate with p95 ≤ 300 ms and no errors; with two instances also with
  each conversation always at the same instance (what round-robin costs);
- memory: resident (RSS) and proportional (PSS) size of each Rasa instance and of the other parts.

Run with Rasa's python: .venv/rasa/bin/python bench/load.py --cluster
CLUSTER_BENCH_PORT (default 5930): the first Rasa instance; the cluster uses that port up to +8.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

import aiohttp
import psycopg2

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.load import TURNS, percentile, script  # noqa: E402
from bot.failure import NO_ANSWER_TEXT  # noqa: E402
from tests.cluster.cluster import Cluster  # noqa: E402

BASE = int(os.environ.get("CLUSTER_BENCH_PORT", 5930))
CONVERSATIONS = 40
TARGET_P95_MS = 300
RATES = [2, 4, 6, 8, 10, 12, 14, 16, 20, 24, 28, 32]  # turns per second offered
STEP_SECONDS = 12


class Turns:
    def __init__(self) -> None:
        self.latencies_ms: list[float] = []
        self.errors: list[str] = []
        self.sent: dict[str, list[tuple[str, bool]]] = {}  # sender -> (question, answered) in order
        self.seconds = 0.0


async def turn(http: aiohttp.ClientSession, url: str, sender: str, question: str, run: Turns) -> None:
    start = time.perf_counter()
    try:
        async with http.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": question}) as r:
            body = await r.json(content_type=None) if r.content_type == "application/json" else None
            status = r.status
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        run.errors.append(f"{sender}: {exc!r}")
        run.sent.setdefault(sender, []).append((question, False))
        return
    answered = status == 200 and isinstance(body, list) and bool(body)
    answered = answered and not any(m.get("text") == NO_ANSWER_TEXT for m in body)
    run.sent.setdefault(sender, []).append((question, answered))
    if answered:
        run.latencies_ms.append((time.perf_counter() - start) * 1000)
    else:
        run.errors.append(f"{sender}: HTTP {status} {str(body)[:80]}")


async def conversations(url: str, prefix: str) -> Turns:
    run = Turns()

    async def one(index: int, http: aiohttp.ClientSession) -> None:
        questions, pauses = script(index)
        for question, pause in zip(questions, pauses, strict=True):
            await asyncio.sleep(pause)
            await turn(http, url, f"{prefix}-{index}", question, run)

    start = time.perf_counter()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as http:
        await asyncio.gather(*(one(i, http) for i in range(CONVERSATIONS)))
    run.seconds = time.perf_counter() - start
    return run


async def offered(url, rate: float, prefix: str) -> Turns:
    """Turns at `rate` per second for STEP_SECONDS; each conversation waits for its answer before its next turn.
    `url`: where every turn goes, or a function giving each conversation its own address."""
    run, busy, tasks = Turns(), set(), []
    pool = [f"{prefix}-{i}" for i in range(int(rate * 3) + 10)]
    position = {sender: 0 for sender in pool}

    async def one(sender: str, http: aiohttp.ClientSession) -> None:
        questions = script(hash(sender) % 1000)[0]
        address = url(sender) if callable(url) else url
        await turn(http, address, sender, questions[position[sender] % TURNS], run)
        position[sender] += 1
        busy.discard(sender)

    start = time.perf_counter()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as http:
        for n in range(int(rate * STEP_SECONDS)):
            await asyncio.sleep(max(0.0, start + n / rate - time.perf_counter()))
            idle = next((s for s in pool if s not in busy), None)
            if idle is None:
                run.errors.append("geen vrij gesprek: de instanties lopen achter")
                continue
            busy.add(idle)
            tasks.append(asyncio.create_task(one(idle, http)))
        await asyncio.gather(*tasks)
    run.seconds = time.perf_counter() - start
    return run


async def capacity(url, prefix: str) -> tuple[float, list[str]]:
    held, lines = 0.0, []
    for rate in RATES:
        run = await offered(url, rate, f"{prefix}-{rate}")
        p95 = percentile(run.latencies_ms, 95)
        lines.append(f"    {rate:3} beurten/s aangeboden: p95 {p95:5.0f} ms, fouten {len(run.errors)}")
        print(lines[-1], flush=True)
        if p95 > TARGET_P95_MS or run.errors:
            break
        held = rate
    return held, lines


def stored_problems(database: str, run: Turns) -> tuple[int, int]:
    """User messages lost (answered but not stored) and duplicated (stored more often than sent)."""
    lost = duplicated = 0
    with psycopg2.connect(database) as conn, conn.cursor() as cur:
        for sender, sent in run.sent.items():
            cur.execute(
                "SELECT data::json->>'text' FROM events WHERE sender_id = %s AND type_name = 'user' ORDER BY id",
                (sender,),
            )
            stored = Counter(row[0] for row in cur.fetchall())
            asked = Counter(q for q, _ in sent)
            answered = Counter(q for q, ok in sent if ok)
            lost += sum(max(0, answered[q] - stored[q]) for q in answered)
            duplicated += sum(max(0, stored[q] - asked[q]) for q in stored)
    return lost, duplicated


def memory_mb(pid: int) -> tuple[float, float]:
    """RSS and PSS of a process (PSS shares pages, such as libraries, fairly between processes)."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, amount = line.split(":", 1)
        values[name] = int(amount.split()[0]) / 1024
    return values["Rss"], values["Pss"]


def fresh_database() -> tuple[str, str]:
    server = subprocess.run([str(ROOT / "scripts" / "postgres.sh")], check=True, capture_output=True, text=True)
    admin = server.stdout.strip().replace("postgresql+psycopg://", "postgresql://")
    name = f"bench_cluster_{uuid.uuid4().hex[:8]}"
    conn = psycopg2.connect(admin)
    conn.autocommit = True
    conn.cursor().execute(f'CREATE DATABASE "{name}"')
    conn.close()
    return admin, admin.rsplit("/", 1)[0] + "/" + name


def drop_database(admin: str, url: str) -> None:
    conn = psycopg2.connect(admin)
    conn.autocommit = True
    conn.cursor().execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
    conn.close()


async def warm_up(cluster: Cluster) -> None:
    """Three whole conversations on each instance first: its first turns of each kind are slow (TensorFlow
    prepares its graphs per instance), and would otherwise count against whichever measurement comes first."""
    async with aiohttp.ClientSession() as http:
        for index in range(cluster.instances):
            url = cluster.instance_url(index) + "/webhooks/rest/webhook"
            for conversation in range(3):
                for question in script(1000 + conversation)[0]:
                    await http.post(url, json={"sender": f"warm-{index}-{conversation}", "message": question})


def part_memory(cluster: Cluster) -> list[str]:
    listing = subprocess.run(
        ["ps", "-ww", "-o", "pid=,args=", "--ppid", str(cluster.proc.pid)], capture_output=True, text=True
    ).stdout
    lines = []
    for row in listing.splitlines():
        pid, args = int(row.split()[0]), row.split(None, 1)[1]
        rss, pss = memory_mb(pid)
        label = next(
            (name for key, name in (("rasa_runtime", "Rasa"), ("rasa_sdk", "action server"), ("bot.web", "chatpagina"),
                                    ("nginx", "nginx")) if key in args),
            args[:30],
        )  # fmt: skip
        if label == "Rasa":
            label += " :" + args.split("--port ")[1].split()[0]
        lines.append(f"    {label:16} RSS {rss:6.0f} MB   PSS {pss:6.0f} MB")
    return lines


def measure(instances: int) -> dict:
    admin, database = fresh_database()
    state = Path(tempfile.mkdtemp(prefix=f"cluster-bench-{instances}-"))
    cluster = Cluster(state, BASE, instances=instances, env={"TRACKER_STORE_URL": database})
    print(f"\n== {instances} Rasa-instantie(s) achter nginx (poort {BASE}…, status in {state})", flush=True)
    cluster.start()
    try:
        print(f"  opgestart in {cluster.ready_after:.0f} s (ook voorbereiden: kennisbank, lookups, model)", flush=True)
        asyncio.run(warm_up(cluster))
        run = asyncio.run(conversations(cluster.url, f"bench{instances}-{uuid.uuid4().hex[:6]}"))
        lost, duplicated = stored_problems(database.replace("postgresql+psycopg://", "postgresql://"), run)
        memory = part_memory(cluster)
        held, steps = asyncio.run(capacity(cluster.url, f"cap{instances}-{uuid.uuid4().hex[:6]}"))
        sticky = None
        if instances > 1:
            # The same, but each conversation always at one instance (directly, as nginx could not choose by
            # conversation): what round-robin costs, since then every turn reads its conversation from PostgreSQL.
            print("  elk gesprek steeds bij dezelfde instantie:", flush=True)
            ports = {}

            def address(sender: str) -> str:
                return cluster.instance_url(ports.setdefault(sender, len(ports) % instances))

            sticky, _ = asyncio.run(capacity(address, f"vast{instances}-{uuid.uuid4().hex[:6]}"))
    finally:
        cluster.stop()
        drop_database(admin, database)
    return {
        "run": run,
        "lost": lost,
        "duplicated": duplicated,
        "memory": memory,
        "capacity": held,
        "sticky": sticky,
        "steps": steps,
    }


def main() -> int:
    results = {n: measure(n) for n in (1, 2)}
    print(f"\n{CONVERSATIONS} gesprekken tegelijk × {TURNS} beurten over REST door nginx, denktijd 0–1 s")
    failed = False
    for n, result in results.items():
        run, samples = result["run"], result["run"].latencies_ms
        print(
            f"  {n} instantie(s): {len(samples)}/{CONVERSATIONS * TURNS} beurten in {run.seconds:5.1f} s   "
            f"p50 {percentile(samples, 50):4.0f} ms   p95 {percentile(samples, 95):4.0f} ms   "
            f"p99 {percentile(samples, 99):4.0f} ms   fouten {len(run.errors)}   "
            f"verloren {result['lost']}   dubbel {result['duplicated']}"
        )
        for error in run.errors[:5]:
            print(f"    - {error}")
        failed |= bool(run.errors or result["lost"] or result["duplicated"])
    for n, result in results.items():
        print(f"  capaciteit, {n} instantie(s): {result['capacity']:g} beurten/s met p95 ≤ {TARGET_P95_MS} ms")
        if result["sticky"] is not None:
            print(f"  capaciteit, {n} instanties, elk gesprek steeds bij dezelfde: {result['sticky']:g} beurten/s")
    for n, result in results.items():
        print(f"  geheugen na de belasting, {n} instantie(s):")
        print("\n".join(result["memory"]))
    return 1 if failed else 0
