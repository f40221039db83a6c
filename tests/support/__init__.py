"""What several test modules share: trackers as Rasa sends them, the services
the tests use, the running bot's ports and logs, a patient's REST conversation,
and the messaging platforms faked on loopback. Test modules import from here,
never from one another or from a conftest file."""
