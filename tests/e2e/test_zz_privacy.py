"""Privacy of the running servers. Named to run after the other end-to-end tests,
so the log check covers every message they sent."""
import requests

from tests.e2e.conftest import BOT_LOGS, SENT, Chat


def test_the_http_api_is_off_without_a_token(bot_url):
    Chat(bot_url, "someone-else").send("what causes acne scars")
    for path in ("/conversations/someone-else/tracker", "/conversations/someone-else/messages", "/model/parse", "/status"):
        response = requests.get(f"{bot_url}{path}", timeout=10)
        assert response.status_code in (404, 405), path
        assert "what causes acne scars" not in response.text


def test_the_servers_logs_hold_no_message_text(bot_url):
    Chat(bot_url, "log-check").send("my unmistakable question about boxcar scars and lasers")
    logs = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in BOT_LOGS)
    assert "Action endpoint is up and running" in logs  # the logs are the real servers' logs
    distinctive = sorted({message for message in SENT if len(message) >= 15})
    assert len(distinctive) > 50
    assert [message for message in distinctive if message in logs] == []

