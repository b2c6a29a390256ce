"""Load: 20 conversations at once, 10 turns each, over REST and then over socketio (the chat page's channel).

Starts its own stack (tests/stack.py, as `make run`) in a temporary state directory. Each
conversation is a fixed script (seeded) of fund, werkwijze and follow-up questions with 0-1 s
think time between turns. Prints p50/p95/p99 latency (to the first bot message) and errors per
channel, and checks:
- every turn got at least one bot message, and over socketio exactly as many as the same turn of
  the same script over REST (more would be a reply from another conversation, fewer a lost one);
- the tracker store ($STATE_DIR/gesprekken.sqlite, table events) holds every user message of every
  conversation exactly once, in order.

Run with Rasa's python (python-socketio lives there): .venv/rasa/bin/python bench/load.py
LOAD_BENCH_PORT (default 5908) chooses Rasa's port; the chat page and action server use +10 and +50.
`--cluster`: 40 conversations through nginx to one and to two Rasa instances, with capacity and memory
(bench/cluster_load.py).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bot.failure import NO_ANSWER_TEXT  # noqa: E402
from tests.socketio_chat import SocketioChat  # noqa: E402
from tests.stack import Stack  # noqa: E402

PORT = int(os.environ.get("LOAD_BENCH_PORT", 5908))
CONVERSATIONS = 20
TURNS = 10
SEED = 20261124
QUIET_S = 0.8  # socketio: a turn's messages are complete after this long without another

FUNDS = [
    "welk fonds betaalt een fiets voor een kind van 10?",
    "wie betaalt een laptop voor school voor een kind van 14?",
    "welk fonds vergoedt zwemles voor een kind van 6?",
    "wie helpt met de contributie van voetbal voor een kind van 9?",
    "is er een fonds voor babyspullen?",
]
WERKWIJZEN = [
    "hoe begin ik over geldzorgen met een puber?",
    "hoe bouw ik vertrouwen op met ouders?",
    "welke signalen van armoede zie je bij een baby?",
    "wat is een warme overdracht?",
    "hoe bespreek ik geldzorgen met aanstaande ouders?",
]
FOLLOW_UPS = ["en voor een peuter?", "wie kan dat aanvragen?", "waar staat dat?", "andere fondsen?", "meer"]


def script(index: int) -> tuple[list[str], list[float]]:
    """The questions and think times of conversation `index`: the same on every run and on both channels."""
    rng = random.Random(SEED * 100 + index)
    questions = [rng.choice(FUNDS + WERKWIJZEN)]
    while len(questions) < TURNS:
        roll = rng.random()
        questions.append(rng.choice(FOLLOW_UPS if roll < 0.4 else FUNDS if roll < 0.7 else WERKWIJZEN))
    return questions, [rng.uniform(0, 1) for _ in range(TURNS)]


@dataclass
class Run:
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    counts: dict[str, list[int]] = field(default_factory=dict)  # conversation -> bot messages per turn
    answers: dict[str, list[str]] = field(default_factory=dict)  # conversation -> answer text per turn
    senders: dict[str, str] = field(default_factory=dict)  # conversation -> tracker sender id
    seconds: float = 0.0


async def rest_conversation(http: aiohttp.ClientSession, index: int, run: Run) -> None:
    name, sender = f"c{index}", f"load-rest-{index}"
    run.senders[name], run.counts[name], run.answers[name] = sender, [], []
    questions, pauses = script(index)
    for turn, (question, pause) in enumerate(zip(questions, pauses, strict=True)):
        await asyncio.sleep(pause)
        start = time.perf_counter()
        try:
            async with http.post(
                f"http://127.0.0.1:{PORT}/webhooks/rest/webhook", json={"sender": sender, "message": question}
            ) as response:
                body = await response.json(content_type=None) if response.status == 200 else None
                status = response.status
        except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
            run.errors.append(f"REST {name} beurt {turn}: {exc!r}")
            run.counts[name].append(-1)
            run.answers[name].append("")
            continue
        run.latencies_ms.append((time.perf_counter() - start) * 1000)
        if status != 200 or not isinstance(body, list):
            run.errors.append(f"REST {name} beurt {turn}: HTTP {status}")
            run.counts[name].append(-1)
            run.answers[name].append("")
            continue
        run.counts[name].append(len(body))
        run.answers[name].append("\n".join(m.get("text", "") for m in body))
        if not body:
            run.errors.append(f"REST {name} beurt {turn}: geen antwoord op {question!r}")
        if any(m.get("recipient_id") != sender for m in body):
            run.errors.append(f"REST {name} beurt {turn}: antwoord voor een ander gesprek")
        if any(m.get("text") == NO_ANSWER_TEXT for m in body):
            run.errors.append(f"REST {name} beurt {turn}: foutmelding in plaats van antwoord")


async def socketio_conversation(index: int, run: Run) -> None:
    name = f"c{index}"
    chat = SocketioChat(f"http://127.0.0.1:{PORT}")
    run.counts[name], run.answers[name] = [], []
    questions, pauses = script(index)
    try:
        session_id = await chat.connect(None)
        run.senders[name] = "web-" + session_id.split("-")[0]
        for turn, (question, pause) in enumerate(zip(questions, pauses, strict=True)):
            await asyncio.sleep(pause)
            first = len(chat.replies)
            start = time.monotonic()
            replies = await chat.say(question, quiet=QUIET_S)
            if replies:
                run.latencies_ms.append((chat.received_at[first] - start) * 1000)
            run.counts[name].append(len(replies))
            run.answers[name].append("\n".join(r.get("text", "") for r in replies))
            if not replies:
                run.errors.append(f"socketio {name} beurt {turn}: geen antwoord op {question!r}")
            if any(r.get("text") == NO_ANSWER_TEXT for r in replies):
                run.errors.append(f"socketio {name} beurt {turn}: foutmelding in plaats van antwoord")
    except Exception as exc:  # noqa: BLE001 — counted and reported, the other conversations go on
        run.errors.append(f"socketio {name}: {exc!r}")
    finally:
        await chat.close()


async def rest_phase() -> Run:
    run = Run()
    start = time.perf_counter()
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as http:
        await asyncio.gather(*(rest_conversation(http, i, run) for i in range(CONVERSATIONS)))
    run.seconds = time.perf_counter() - start
    return run


async def socketio_phase() -> Run:
    run = Run()
    start = time.perf_counter()
    await asyncio.gather(*(socketio_conversation(i, run) for i in range(CONVERSATIONS)))
    run.seconds = time.perf_counter() - start
    return run


async def warm_up(base: str) -> None:
    """One question over each channel, so the first measured turns do not pay for loading."""
    chat = SocketioChat(base)
    await chat.connect(None)
    await chat.say(FUNDS[0])
    await chat.close()
    async with aiohttp.ClientSession() as http:
        await http.post(f"{base}/webhooks/rest/webhook", json={"sender": "load-warmup", "message": WERKWIJZEN[0]})


def tracker_check(store: Path, run: Run) -> list[str]:
    """Every conversation's user events, in order, equal the questions sent: each exactly once."""
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as conn:
        rows = conn.execute("SELECT sender_id, data FROM events WHERE type_name = 'user' ORDER BY id").fetchall()
    stored: dict[str, list[str]] = {}
    for sender, data in rows:
        stored.setdefault(sender, []).append(json.loads(data).get("text"))
    problems = []
    for name, sender in run.senders.items():
        expected = script(int(name[1:]))[0]
        if stored.get(sender) != expected:
            problems.append(
                f"{sender}: opgeslagen {len(stored.get(sender, []))} gebruikersberichten, "
                f"verwacht {len(expected)} (elk precies één keer)"
            )
    return problems


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def report(label: str, run: Run) -> None:
    turns = CONVERSATIONS * TURNS
    samples = run.latencies_ms
    print(
        f"{label:9} {len(samples):4}/{turns} beurten in {run.seconds:5.1f} s   "
        f"p50 {statistics.median(samples) if samples else float('nan'):6.0f} ms"
        f"   p95 {percentile(samples, 95):6.0f} ms   p99 {percentile(samples, 99):6.0f} ms   fouten {len(run.errors)}"
    )
    for error in run.errors[:10]:
        print(f"  - {error}")


def main() -> int:
    state = Path(tempfile.mkdtemp(prefix="load-bench-"))
    stack = Stack(state, PORT)
    print(f"Stack starten op poort {PORT} (status in {state})…", flush=True)
    stack.start()
    try:
        asyncio.run(warm_up(stack.url))
        rest = asyncio.run(rest_phase())
        socketio = asyncio.run(socketio_phase())
    finally:
        stack.stop()

    print(
        f"\n{CONVERSATIONS} gesprekken tegelijk x {TURNS} beurten, denktijd 0-1 s (seed {SEED}); "
        "latentie tot het eerste antwoordbericht"
    )
    report("REST", rest)
    report("socketio", socketio)

    mismatched = [
        f"{name} beurt {t}: REST {rc}, socketio {sc}"
        for name in rest.counts
        for t, (rc, sc) in enumerate(zip(rest.counts[name], socketio.counts.get(name, []), strict=False))
        if rc != sc or rc < 1
    ]
    print(
        f"antwoorden per beurt gelijk aan REST (>= 1, niets van een ander gesprek): "
        f"{CONVERSATIONS * TURNS - len(mismatched)}/{CONVERSATIONS * TURNS}"
    )
    for line in mismatched[:10]:
        print(f"  - {line}")

    same = sum(
        a == b
        for name in rest.answers
        for a, b in zip(rest.answers[name], socketio.answers.get(name, []), strict=False)
    )
    print(f"socketio-antwoord woordelijk gelijk aan REST-antwoord op dezelfde beurt: {same}/{CONVERSATIONS * TURNS}")

    store = state / "gesprekken.sqlite"
    if store.exists():
        problems = tracker_check(store, rest) + tracker_check(store, socketio)
        print(
            f"gespreksopslag ({store.name}): {2 * CONVERSATIONS - len(problems)}/{2 * CONVERSATIONS} gesprekken "
            "met elk gebruikersbericht precies één keer"
        )
        for line in problems[:10]:
            print(f"  - {line}")
    else:
        problems = ["geen gespreksopslag gevonden"]
        print(f"gespreksopslag: {store} bestaat niet (TRACKER_STORE_URL gezet?); niet gecontroleerd")
    failed = rest.errors or socketio.errors or mismatched or problems
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--cluster"]:
        from bench.cluster_load import main as cluster_main

        sys.exit(cluster_main())
    if sys.argv[1:]:
        print("Gebruik: bench/load.py [--cluster]", file=sys.stderr)
        sys.exit(2)
    sys.exit(main())
