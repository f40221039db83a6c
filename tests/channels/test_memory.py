import uuid

import pytest
import redis

from bot.channels.memory import ChannelMemory

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture(params=["local", pytest.param("redis", marks=pytest.mark.integration)])
def memory(request):
    if request.param == "local":
        return ChannelMemory()
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError as error:
        pytest.fail(f"Redis is not reachable at {REDIS_URL} (start it, see README): {error}")
    return ChannelMemory(REDIS_URL)


def test_a_message_id_is_new_once(memory):
    message_id = uuid.uuid4().hex
    assert memory.first_time("telegram", message_id)
    assert not memory.first_time("telegram", message_id)
    assert memory.first_time("twilio", message_id)


def test_options_are_remembered_per_sender(memory):
    sender = f"+1555{uuid.uuid4().int % 10**7:07d}"
    assert memory.options("twilio", sender) == []
    memory.remember_options("twilio", sender, ["/ask_causes", "/ask_treatment"])
    assert memory.options("twilio", sender) == ["/ask_causes", "/ask_treatment"]
    assert memory.options("twilio", sender + "0") == []


@pytest.mark.integration
def test_two_instances_share_the_memory_in_redis():
    message_id = uuid.uuid4().hex
    assert ChannelMemory(REDIS_URL).first_time("messenger", message_id)
    assert not ChannelMemory(REDIS_URL).first_time("messenger", message_id)


@pytest.mark.parametrize("url", [None, pytest.param(REDIS_URL, marks=pytest.mark.integration)], ids=["in memory", "redis"])
def test_turns_are_counted_per_conversation_and_shared_in_redis(url):
    conversation = f"rest:{uuid.uuid4().hex}"
    local = ChannelMemory()
    # in Redis, each server's own ChannelMemory sees the same count
    memories = [ChannelMemory(url) if url else local for _ in range(3)]
    assert [memory.count_turn(conversation) for memory in memories] == [1, 2, 3]
    assert memories[0].count_turn(conversation + "x") == 1


def test_unreachable_redis_answers_rather_than_stays_silent(caplog):
    memory = ChannelMemory("redis://127.0.0.1:1/0")
    assert memory.first_time("telegram", "1") and memory.first_time("telegram", "1")
    assert memory.options("twilio", "+15550001111") == []
    assert memory.count_turn("rest:abc") == 1
    assert "Channel memory unavailable (ConnectionError)" in caplog.text


@pytest.mark.integration
def test_no_key_in_redis_shows_a_patients_phone_number():
    """Redis keeps options and turn counts for a day; a key holding the number
    would tell anyone who can list keys who wrote to the clinic."""
    number = f"+1555{uuid.uuid4().int % 10**7:07d}"
    memory = ChannelMemory(REDIS_URL)
    memory.remember_options("twilio", number, ["/ask_causes"])
    memory.count_turn(f"twilio:{number}")
    assert memory.options("twilio", number) == ["/ask_causes"]
    keys = [key.decode() for key in redis.Redis.from_url(REDIS_URL).scan_iter("acnebot:*")]
    assert keys and not [key for key in keys if number[1:] in key]
