import json

import pytest

from bot.channels import conversation_ids
from bot.channels.rest import MAX_MESSAGE_CHARS, UNKNOWN_SENDER, request_problem


@pytest.mark.parametrize(
    "body, status, reason",
    [
        (b"hello", 400, "The body must be JSON in UTF-8"),
        (b'{"sender": "a", "message": "\xff\xfe"}', 400, "The body must be JSON in UTF-8"),
        (b"[1, 2]", 400, "The body must be a JSON object"),
        (b'{"message": "hi"}', 400, '"sender" must be a non-empty string'),
        (b'{"sender": "  ", "message": "hi"}', 400, '"sender" must be a non-empty string'),
        (b'{"sender": "a"}', 400, '"message" must be a string'),
        (b'{"sender": "a", "message": 42}', 400, '"message" must be a string'),
        (json.dumps({"sender": "a", "message": "x" * (MAX_MESSAGE_CHARS + 1)}).encode(), 413, '"message" is longer than'),
    ],
)
def test_bad_requests_get_a_status_and_a_clear_reason(body, status, reason):
    problem = request_problem(body)
    assert problem is not None and problem[0] == status and problem[1].startswith(reason)


@pytest.mark.parametrize("message", ["", "   ", "😭 ما هي ندبات حب الشباب", "<script>alert(1)</script>", "x" * MAX_MESSAGE_CHARS])
def test_any_string_message_of_a_sensible_length_goes_through(message):
    assert request_problem(json.dumps({"sender": conversation_ids.issue(), "message": message}).encode()) is None


def forged_ids():
    issued = conversation_ids.issue()
    random_part, signature = issued.split(".")
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    return {
        "made up": "patient-1",
        "a phone number": "+15550001111",
        "a UUID, as the old widget made": "0d5c3f1e-9a8b-4c7d-8e6f-5a4b3c2d1e0f",
        "one character of the signature changed": f"{random_part}.{flipped}",
        "another random part under the same signature": f"{conversation_ids.issue().split('.')[0]}.{signature}",
        "an id issued for another channel": conversation_ids.issue("telegram"),
        "the signature alone": signature,
        "a signature of non-ASCII letters": f"{random_part}." + "é" * 32,
    }


@pytest.mark.parametrize("name", list(forged_ids()))
def test_a_sender_the_server_did_not_issue_is_refused(name):
    sender = forged_ids()[name]
    assert request_problem(json.dumps({"sender": sender, "message": "what causes acne scars?"}).encode()) == (401, UNKNOWN_SENDER)


def test_issued_ids_are_unguessable_and_each_is_new():
    ids = {conversation_ids.issue() for _ in range(1000)}
    assert len(ids) == 1000
    assert all(len(sender.split(".")[0]) >= 22 for sender in ids)  # 128 random bits


def test_the_key_file_is_made_once_whole_and_owner_only(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    path = tmp_path / "var" / "secret-key"
    with ThreadPoolExecutor(max_workers=8) as pool:
        keys = set(pool.map(lambda _: conversation_ids._key_file(path), range(32)))
    assert len(keys) == 1 and len(keys.pop()) >= conversation_ids.MIN_KEY_CHARS
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["secret-key"]  # no temporary file left


def test_a_short_key_or_a_production_profile_without_a_key_is_refused(monkeypatch):
    monkeypatch.setenv("ACNEBOT_SECRET_KEY", "too-short")
    conversation_ids.secret_key.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="at least 32 characters"):
            conversation_ids.secret_key()
        monkeypatch.delenv("ACNEBOT_SECRET_KEY")
        monkeypatch.setenv("ACNEBOT_REDIS_URL", "redis://127.0.0.1:6379/0")
        conversation_ids.secret_key.cache_clear()
        with pytest.raises(RuntimeError, match="ACNEBOT_SECRET_KEY must be set with ACNEBOT_REDIS_URL"):
            conversation_ids.secret_key()
    finally:
        monkeypatch.undo()
        conversation_ids.secret_key.cache_clear()
