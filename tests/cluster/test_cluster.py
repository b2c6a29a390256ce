"""What must hold across Rasa instances (make run-cluster), each on the real running cluster: two Rasa
instances behind nginx, one PostgreSQL for the conversations, one Redis for Rasa's lock store and the
Slack retries. One cluster for the whole module, started the way `make run-cluster` starts it."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import threading
import time
import uuid
from functools import cache

import pytest
import requests
from sqlalchemy import create_engine, text

from bot.failure import NO_ANSWER_TEXT
from bot.privacy import REMINDER
from tests.channels.fake_slack import message_event, signed_headers
from tests.cluster.cluster import Cluster
from tests.databases import create_database, drop_database
from tests.stack import RASA_PORT

pytestmark = pytest.mark.e2e

# The cluster's own ports, above the shared stack's (tests/stack.py uses +10 … +50).
CLUSTER_BASE = RASA_PORT + 60
FUND = "welk fonds betaalt een fiets voor een kind van 10?"
WERKWIJZE = "hoe begin ik over geldzorgen met een puber?"


@pytest.fixture(scope="module")
def cluster_database(postgres_server) -> str:
    url = create_database(postgres_server, prefix="cluster")
    yield url
    drop_database(postgres_server, url)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, cluster_database, channel_env, model) -> Cluster:
    running = Cluster(
        tmp_path_factory.mktemp("cluster"), CLUSTER_BASE, env={**channel_env, "TRACKER_STORE_URL": cluster_database}
    )
    try:
        running.start()
    except RuntimeError as exc:
        pytest.fail(str(exc))
    yield running
    running.stop()


@pytest.fixture(scope="module")
def database(cluster_database):
    return create_engine(cluster_database)


def say(base: str, sender: str, message: str, timeout: float = 90) -> tuple[int, str]:
    response = requests.post(
        f"{base}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=timeout
    )
    body = response.json() if response.headers.get("content-type", "").startswith("application/json") else []
    return response.status_code, "\n".join(m.get("text", "") for m in body)


def events(database, sender: str) -> list[tuple[str, str | None, float, dict]]:
    with database.connect() as conn:
        rows = conn.execute(
            text("SELECT type_name, action_name, timestamp, data FROM events WHERE sender_id = :s ORDER BY id"),
            {"s": sender},
        ).fetchall()
    return [(kind, action, stamp, json.loads(data)) for kind, action, stamp, data in rows]


def user_texts(database, sender: str) -> list[str]:
    return [data.get("text") for kind, _, _, data in events(database, sender) if kind == "user"]


def conversation(base_for_turn, questions: list[str]) -> list[str]:
    sender = f"cluster-{uuid.uuid4().hex[:10]}"
    answers = []
    for turn, question in enumerate(questions):
        status, answer = say(base_for_turn(turn), sender, question)
        assert status == 200 and answer, (turn, question, status)
        answers.append(answer)
    return answers


def test_banner_names_the_one_address(cluster):
    assert f"Chatten:   http://localhost:{cluster.nginx_port}" in cluster.banner
    assert "2 Rasa-instanties" in cluster.banner


def test_turns_alternating_between_instances_keep_context(cluster):
    """Follow-ups, "waar staat dat?" and "meer" answered as in a conversation on one instance."""
    questions = [FUND, "en voor een peuter?", WERKWIJZE, "waar staat dat?", "meer", "en voor een peuter?"]
    one = conversation(lambda turn: cluster.instance_url(0), questions)
    alternating = conversation(lambda turn: cluster.instance_url(turn % 2), questions)
    assert alternating == one
    assert "Bespreken met jongeren" in alternating[3]  # the source of the werkwijze, not of the fund


def test_conversation_cache_never_serves_a_stale_tracker(cluster, database):
    """Write through A (which then keeps the conversation in memory), write through B, then A again:
    A must answer from B's turn (stores/cached_sql.py compares event count and last id with the database)."""
    a, b = cluster.instance_url(0), cluster.instance_url(1)
    answers = conversation(lambda turn: [a, a, b, a][turn], [FUND, "en voor een peuter?", WERKWIJZE, "waar staat dat?"])
    # Without B's turn (what A's kept tracker holds) the same question has another answer: staleness would show.
    stale = conversation(lambda turn: a, [FUND, "en voor een peuter?", "waar staat dat?"])
    assert "Bespreken met jongeren" in answers[3] and "Overzicht fondsen" in stale[2]
    assert answers[3] != stale[2]


def test_simultaneous_messages_of_one_conversation_are_handled_one_after_the_other(cluster, database):
    """Two messages sent at the same moment to different instances: Redis's lock makes the second wait, so
    each turn is stored whole, after the other, and the second turn saw the first (nothing lost)."""
    problems = []
    for attempt in range(8):
        sender = f"lock-{uuid.uuid4().hex[:10]}"
        assert say(cluster.instance_url(0), sender, "hallo")[0] == 200
        barrier, results = threading.Barrier(2), {}

        def send(index: int, message: str, sender=sender, barrier=barrier, results=results) -> None:
            barrier.wait()
            results[index] = say(cluster.instance_url(index), sender, message)

        threads = [threading.Thread(target=send, args=(0, FUND)), threading.Thread(target=send, args=(1, WERKWIJZE))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert all(status == 200 and answer for status, answer in results.values()), results
        stored = events(database, sender)
        turns: list[list[tuple]] = []
        for event in stored:
            if event[0] == "user":
                turns.append([])
            if turns:
                turns[-1].append(event)
        if [t[0][3].get("text") for t in turns][1:] not in ([FUND, WERKWIJZE], [WERKWIJZE, FUND]):
            problems.append(f"poging {attempt}: opgeslagen {[t[0][3].get('text') for t in turns]}")
            continue
        for turn in turns:
            names = [e[1] for e in turn if e[0] == "action"]
            if names[-1:] != ["action_listen"]:
                problems.append(f"poging {attempt}: beurt niet afgesloten: {names}")
        # The second turn began after the first had ended.
        if turns[2][0][2] < turns[1][-1][2]:
            problems.append(f"poging {attempt}: beurten door elkaar ({turns[1][-1][2]} > {turns[2][0][2]})")
    assert not problems, problems


def test_the_privacy_reminder_comes_once_per_conversation_across_instances(cluster):
    """The reminder to ask anonymously is given once per conversation (channels/reminders.py): with
    REDIS_URL the instances share what they reminded, so the turn on B does not remind again."""
    sender = f"cluster-{uuid.uuid4().hex[:10]}"
    answers = []
    for base, message in (
        (cluster.instance_url(0), "Mevrouw Jansen vraagt een fiets voor haar zoon van 10"),
        (cluster.instance_url(1), "En haar dochter Sanne de Vries (8) heeft geen winterjas"),
        (cluster.instance_url(0), "Fatima El Amrani zoekt hulp bij schulden"),
    ):
        response = requests.post(
            f"{base}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=90
        )
        assert response.status_code == 200
        answers.append("\n".join(m.get("text", "") for m in response.json()))
    assert [REMINDER in answer for answer in answers] == [True, False, False], answers


def test_the_rest_channel_is_round_robin_through_nginx(cluster):
    before = [log_lines(cluster, port) for port in cluster.rasa_ports]
    sender = f"rr-{uuid.uuid4().hex[:8]}"
    for _ in range(6):
        assert say(cluster.url, sender, "hallo")[0] == 200
    served = [log_lines(cluster, port) - count for port, count in zip(cluster.rasa_ports, before, strict=True)]
    assert all(count >= 2 for count in served), served


def log_lines(cluster: Cluster, port: int) -> int:
    """Requests nginx sent to the instance on `port`: its access log names the upstream of each."""
    path = cluster.state / "log" / "nginx.access.log"
    if not path.exists():
        return 0
    return sum(1 for line in path.read_text().splitlines() if f"upstream=127.0.0.1:{port}" in line)


# -- Slack -----------------------------------------------------------------------------------------------


def slack_post(base: str, body: bytes, retry: int | None = None) -> requests.Response:
    headers = signed_headers(body)
    if retry is not None:
        headers |= {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
    return requests.post(f"{base}/webhooks/slack/webhook", data=body, headers=headers, timeout=30)


def settled(fake, where: str, seconds: float = 30) -> list[dict]:
    deadline = time.time() + seconds
    while not fake.posts_in(where) and time.time() < deadline:
        time.sleep(0.2)
    time.sleep(2)
    return fake.posts_in(where)


def test_slack_retry_on_the_other_instance_gets_no_second_answer(cluster, fake_slack):
    where = "D" + uuid.uuid4().hex[:9].upper()
    body = json.dumps(message_event("hallo", where)).encode()
    assert slack_post(cluster.instance_url(0), body).status_code == 200
    first = settled(fake_slack, where)
    assert len(first) == 1, first
    for number, base in enumerate([cluster.instance_url(1), cluster.url, cluster.instance_url(0)], start=1):
        assert slack_post(base, body, retry=number).status_code < 300
    time.sleep(3)
    assert fake_slack.posts_in(where) == first


def test_slack_events_are_remembered_in_redis(cluster):
    """The shared memory is Redis (REDIS_URL), not the instances: the seen keys are there, with their hour."""
    import socket

    with socket.create_connection(("127.0.0.1", cluster.redis_port), timeout=5) as conn:
        conn.sendall(b"KEYS armoedeassistent:slack:gezien:event:*\r\n")
        time.sleep(0.3)
        reply = conn.recv(65536).decode()
    assert reply.startswith("*") and int(reply[1:].split("\r\n")[0]) >= 1, reply


# -- socket.io ---------------------------------------------------------------------------------------------


class Polling:
    """socket.io over engine.io long-polling (what the widget falls back to behind a proxy), with requests."""

    def __init__(self, base: str):
        self.base, self.http = base, requests.Session()
        opened = self.http.get(f"{base}/socket.io/?EIO=4&transport=polling", timeout=10)
        assert opened.status_code == 200, opened.text
        self.sid = json.loads(opened.text[1:])["sid"]
        self.post("40")
        assert self.get().startswith("40")

    def url(self, base: str | None = None) -> str:
        return f"{base or self.base}/socket.io/?EIO=4&transport=polling&sid={self.sid}"

    def post(self, packet: str) -> None:
        assert self.http.post(self.url(), data=packet, timeout=10).status_code == 200

    def get(self) -> str:
        return self.http.get(self.url(), timeout=30).text

    def session(self, session_id: str | None) -> str:
        self.post("42" + json.dumps(["session_request", {"session_id": session_id}]))
        packets = self.get()
        found = re.search(r'42\["session_confirm","([^"]+)"\]', packets)
        assert found, packets
        return found.group(1)


def test_a_chat_session_issued_by_one_instance_is_valid_on_the_other(cluster):
    """The signing secret of the chat sessions is shared (one STATE_DIR, or SOCKETIO_SESSION_SECRET): a
    browser that reconnects to the other instance continues its conversation instead of getting a new one."""
    issued = Polling(cluster.instance_url(0)).session(None)
    assert Polling(cluster.instance_url(1)).session(issued) == issued
    made_up = issued.split("-")[0] + "-" + "0" * 32
    assert Polling(cluster.instance_url(1)).session(made_up) != made_up  # the check itself can fail


def test_socketio_needs_sticky_routing_and_nginx_gives_it(cluster):
    """engine.io keeps a connection in the memory of the instance that opened it: the other instance does not
    know it. Through nginx every request of one client reaches the same instance."""
    direct = Polling(cluster.instance_url(0))
    assert direct.http.get(direct.url(cluster.instance_url(1)), timeout=10).status_code == 400
    through = Polling(cluster.url)
    session_id = through.session(None)
    for _ in range(6):
        assert through.session(session_id) == session_id


# -- one instance dies -------------------------------------------------------------------------------------


def stored_as_sent(stored: list[str], turns: list[tuple[str, str]]) -> bool:
    """Whether the stored user messages are the sent ones in order, each once: every answered turn stored, a turn
    that got the failure message stored or not (the instance may have died before or after saving it). Tried every
    way, since one question may be sent several times in a row."""

    @cache
    def fits(turn: int, row: int) -> bool:
        if turn == len(turns):
            return row == len(stored)
        question, kind = turns[turn]
        if row < len(stored) and stored[row] == question and fits(turn + 1, row + 1):
            return True
        return kind != "antwoord" and fits(turn + 1, row)

    return fits(0, 0)


def test_stored_as_sent_allows_only_failed_turns_to_be_missing():
    sent = [("fiets", "antwoord"), ("fiets", "foutmelding"), ("fiets", "antwoord"), ("meer", "antwoord")]
    assert stored_as_sent(["fiets", "fiets", "meer"], sent)
    assert stored_as_sent(["fiets", "fiets", "fiets", "meer"], sent)
    assert not stored_as_sent(["fiets", "meer"], sent)  # an answered turn lost
    assert not stored_as_sent(["fiets", "fiets", "fiets", "fiets", "meer"], sent)  # one stored twice
    assert not stored_as_sent(["fiets", "meer", "fiets"], sent)  # out of order


QUESTIONS = [FUND, WERKWIJZE, "en voor een peuter?", "waar staat dat?", "meer", "wie betaalt een laptop voor school?"]


def test_killing_an_instance_mid_load_moves_traffic_and_loses_nothing(cluster, database, fake_slack):
    """12 conversations through nginx; one Rasa instance is killed (-9) in the middle. Every turn gets an answer
    or the Dutch failure message; PostgreSQL holds every answered turn exactly once and nothing twice. The
    supervisor starts the instance again; a Slack retry that reaches it then still gets no second answer."""
    where = "D" + uuid.uuid4().hex[:9].upper()
    slack_body = json.dumps(message_event("hallo", where)).encode()
    assert slack_post(cluster.instance_url(0), slack_body).status_code == 200
    assert len(settled(fake_slack, where)) == 1

    outcomes: dict[str, list[tuple[str, str]]] = {}

    def run(index: int) -> None:
        rng = random.Random(index)
        sender = f"kill-{index}-{uuid.uuid4().hex[:6]}"
        outcomes[sender] = []
        for _ in range(8):
            question = rng.choice(QUESTIONS)
            time.sleep(rng.uniform(0.1, 0.5))
            try:
                status, answer = say(cluster.url, sender, question)
            except requests.RequestException as exc:
                outcomes[sender].append((question, f"fout: {exc!r}"))
                continue
            if status == 200 and answer and answer != NO_ANSWER_TEXT:
                outcomes[sender].append((question, "antwoord"))
            elif answer == NO_ANSWER_TEXT:
                outcomes[sender].append((question, "foutmelding"))
            else:
                outcomes[sender].append((question, f"HTTP {status}: {answer!r}"))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(12)]
    for thread in threads:
        thread.start()
    time.sleep(2.0)
    killed = cluster.rasa_pid(0)
    os.kill(killed, signal.SIGKILL)
    for thread in threads:
        thread.join(timeout=300)

    kinds = [kind for turns in outcomes.values() for _, kind in turns]
    assert len(kinds) == 12 * 8
    assert set(kinds) <= {"antwoord", "foutmelding"}, [k for k in kinds if k not in ("antwoord", "foutmelding")]
    assert kinds.count("antwoord") >= len(kinds) - 12, kinds  # at most the turns that were in flight
    problems = [
        f"{sender}: opgeslagen {stored}, gestuurd {turns}"
        for sender, turns in outcomes.items()
        if not stored_as_sent(stored := user_texts(database, sender), turns)
    ]
    assert not problems, problems

    # The supervisor starts the killed instance again; Redis still knows the Slack event.
    deadline = time.time() + 240
    while time.time() < deadline:
        try:
            if requests.get(cluster.instance_url(0) + "/", timeout=2).status_code == 200:
                break
        except requests.RequestException:
            pass
        time.sleep(1)
    assert cluster.rasa_pid(0) != killed
    assert slack_post(cluster.instance_url(0), slack_body, retry=2).status_code < 300
    time.sleep(3)
    assert len(fake_slack.posts_in(where)) == 1
