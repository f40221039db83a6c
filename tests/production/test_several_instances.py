"""Two Rasa servers, one action server, one PostgreSQL tracker store and one
Redis lock store: a conversation whose turns alternate between the servers
keeps its context, and 1000 interleaved messages are all answered and stored in
order."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from bot import settings
from bot.runtime.rest_client import new_sender
from tests.support.production import API_TOKEN
from tests.support.running_bot import split_feedback
from tests.support.services import user_texts

QUESTIONS = [
    "what causes acne scars?",
    "what types of acne scars are there?",
    "does picking cause scars?",
    "how are acne scars treated?",
    "how can I prevent acne scars?",
    "when should I see a doctor?",
    "which specialist treats acne scars?",
    "do acne scars go away?",
    "are acne scars genetic?",
    "what is a boxcar scar?",
    "what about ice pick scars?",
    "how are rolling scars treated?",
    "does microneedling help?",
    "what are hypertrophic scars?",
    "how are scars diagnosed?",
    "what does a laser do for scars?",
    "can chemical peels help?",
    "what is the difference between mild and severe acne?",
    "can acne scars affect my mood?",
    "what are the signs of acne scars?",
]


def say(url: str, sender: str, text: str, http=requests) -> list[dict]:
    response = http.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60)
    assert response.status_code == 200, response.text
    answer, _ = split_feedback(response.json())
    return answer


def test_a_conversation_keeps_its_context_across_servers(deployment):
    first, second = deployment.urls
    sender = new_sender(second)  # issued by one server, used on both
    say(first, sender, "hello")
    rolling = " ".join(m.get("text", "") for m in say(second, sender, "how are rolling scars treated?"))
    boxcar = " ".join(m.get("text", "") for m in say(first, sender, "what about boxcar scars?"))
    again = " ".join(m.get("text", "") for m in say(second, sender, "and how are they treated?"))
    assert "Rolling scars" in rolling
    # The follow-up on the other server knows the topic (treatment) from the first.
    assert "Boxcar scars" in boxcar and "treat" in boxcar.lower() and boxcar.rstrip().endswith(settings.DISCLAIMER)
    assert "Boxcar" in again and again.rstrip().endswith(settings.DISCLAIMER)
    assert user_texts(settings.configured_tracker_store_url(deployment.env), sender) == [
        "hello",
        "how are rolling scars treated?",
        "what about boxcar scars?",
        "and how are they treated?",
    ]


def test_1000_interleaved_messages_are_all_answered_and_stored_in_order(deployment):
    conversations = {new_sender(deployment.urls[n % 2]): QUESTIONS[n % 20 :] + QUESTIONS[: n % 20] for n in range(50)}

    def converse(item: tuple[int, tuple[str, list[str]]]) -> tuple[int, list[str]]:
        number, (sender, questions) = item
        http = requests.Session()
        answered, problems = 0, []
        for turn, question in enumerate(questions):
            url = deployment.urls[(number + turn) % 2]  # every turn on the other server
            texts = [m.get("text", "") for m in say(url, sender, question, http)]
            if not texts or any("can't look that up" in text for text in texts):
                problems.append(f"{sender} turn {turn}: {texts}")
            else:
                answered += 1
        return answered, problems

    with ThreadPoolExecutor(max_workers=50) as pool:
        outcomes = list(pool.map(converse, enumerate(conversations.items())))
    assert [p for _, found in outcomes for p in found] == []
    stored = {sender: user_texts(settings.configured_tracker_store_url(deployment.env), sender) for sender in conversations}
    assert sum(len(texts) for texts in stored.values()) == 1000
    for sender, questions in conversations.items():
        assert stored[sender] == questions, sender


def test_the_api_token_works_but_no_process_shows_it_on_its_command_line(deployment):
    """`ps` shows every user of the machine each process's command line."""
    for process in deployment.rasa:
        command_line = Path(f"/proc/{process.pid}/cmdline").read_bytes().decode("utf-8", "replace")
        assert "bot.runtime.rasa_launcher" in command_line and API_TOKEN not in command_line
    for url in deployment.urls:
        assert requests.get(f"{url}/status", timeout=10).status_code == 401
        assert requests.get(f"{url}/status", params={"token": API_TOKEN}, timeout=10).status_code == 200
