"""Faults in production: the action server down, PostgreSQL restarted under
traffic, Redis down. The patient always gets a reply (never silence, never a
500), and answers resume without a manual step."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

import redis
import requests

from bot import settings
from bot.dialogue.responses import response_text
from bot.runtime.rest_client import new_sender
from tests.support.running_bot import split_feedback
from tests.support.services import REDIS_URL, user_texts

UNAVAILABLE = "can't look that up right now"
QUESTION = "what causes acne scars?"


def ask(url: str, sender: str, text: str = QUESTION) -> str:
    response = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60)
    assert response.status_code == 200, response.text
    answer, _ = split_feedback(response.json())
    return "\n".join(m.get("text", "") for m in answer)


def answered(text: str) -> bool:
    return text.rstrip().endswith(settings.DISCLAIMER) and UNAVAILABLE not in text


def until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_action_server_down_gets_a_polite_reply_then_answers_resume(deployment):
    sender = new_sender(deployment.urls[0])
    assert answered(ask(deployment.urls[0], sender))
    deployment.stop_actions()
    try:
        for url in deployment.urls:
            reply = ask(url, sender)
            assert UNAVAILABLE in reply and "contact the clinic" in reply
            # Red flags never wait for the action server, not even on a conversation's first turn.
            for text, alert in (
                ("my eye went dark after my filler", "utter_emergency"),
                ("i want to kill myself", "utter_crisis"),
            ):
                first_turn = ask(url, new_sender(url), text)
                assert first_turn == response_text(alert)
    finally:
        deployment.start_actions()
    assert all(answered(ask(url, sender)) for url in deployment.urls)


def _postgres_cluster() -> list[str]:
    version = sorted(path.name for path in Path("/etc/postgresql").iterdir())[-1]
    return ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main"]


def test_postgres_restarted_during_traffic_recovers_by_itself(deployment):
    replies: list[tuple[int, str]] = []
    senders = [new_sender(deployment.urls[0]) for _ in range(4)]
    sent = {number: 0 for number in range(4)}
    stop = threading.Event()

    def traffic(number: int) -> None:
        http = requests.Session()
        turn = 0
        while not stop.is_set():
            url = deployment.urls[turn % 2]
            turn += 1
            response = http.post(
                f"{url}/webhooks/rest/webhook", json={"sender": senders[number], "message": QUESTION}, timeout=60
            )
            answer, _ = split_feedback(response.json())
            replies.append((response.status_code, "\n".join(m.get("text", "") for m in answer)))
            sent[number] += 1

    workers = [threading.Thread(target=traffic, args=(n,)) for n in range(4)]
    for worker in workers:
        worker.start()
    try:
        time.sleep(2)
        subprocess.run([*_postgres_cluster(), "restart"], check=True, timeout=120)
        # Recovered: both servers answer from the tracker store again.
        assert until(lambda: all(answered(ask(url, new_sender(url))) for url in deployment.urls), 60)
    finally:
        stop.set()
        for worker in workers:
            worker.join()
    assert replies and all(status == 200 and text for status, text in replies)
    assert any(answered(text) for _, text in replies[-8:])
    logs = "".join(deployment.log(f"rasa-{port}").read_text() for port in (5205, 5206))
    assert "Tracker store unreachable (OperationalError); retrying." in logs  # the restart hit traffic
    assert "Falling back to use the 'InMemoryTrackerStore'" not in logs
    # Every turn, including those taken while PostgreSQL restarted, is in the tracker store.
    for number, count in sent.items():
        assert len(user_texts(settings.configured_tracker_store_url(deployment.env), senders[number])) == count


def test_redis_down_is_logged_and_the_patient_still_gets_a_reply(deployment):
    sender = new_sender(deployment.urls[1])
    assert answered(ask(deployment.urls[1], sender))
    redis.Redis.from_url(REDIS_URL).shutdown(nosave=True)
    try:
        reply = ask(deployment.urls[1], sender)
        assert UNAVAILABLE in reply
        log = deployment.log("rasa-5206").read_text()
        assert (
            "Could not answer a rest message: rasa.core.lock_store.LockError (caused by redis.exceptions.ConnectionError)" in log
        )
    finally:
        subprocess.run(
            ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "--port", "6379", "--save", "", "--appendonly", "no"],
            check=True,
        )
        until(lambda: _redis_up(), 10)
    assert until(lambda: answered(ask(deployment.urls[1], sender)), 30)


def _redis_up() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError:
        return False
