import json

import pytest

from bot.channels.rest import MAX_MESSAGE_CHARS, request_problem


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
    assert request_problem(json.dumps({"sender": "patient-1", "message": message}).encode()) is None
