from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher


@pytest.fixture
def dispatcher():
    return CollectingDispatcher()
