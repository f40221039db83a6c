"""The production deployment the tests start: its ports and its API token."""

import uuid

ACTION_PORT = 5255
RASA_PORTS = (5205, 5206)
API_TOKEN = f"api-token-{uuid.uuid4().hex}"
