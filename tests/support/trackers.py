"""Trackers as the Rasa server sends them to the action server."""

from __future__ import annotations

from rasa_sdk import Tracker


def make_tracker(
    text: str,
    intent: str,
    entities: list[tuple[str, str]] = (),
    slots: dict | None = None,
    ranking: list[tuple[str, float]] = (),
) -> Tracker:
    """A tracker as the Rasa server sends it: the latest message parsed (its intent
    ranking `ranking`, or the intent alone), the slots so far."""
    confidences = list(ranking) or [(intent, 0.98)]
    latest_message = {
        "text": text,
        "intent": {"name": intent, "confidence": confidences[0][1]},
        "intent_ranking": [{"name": name, "confidence": confidence} for name, confidence in confidences],
        "entities": [{"entity": entity, "value": value} for entity, value in entities],
    }
    return Tracker(
        sender_id="patient",
        slots={"topic": None, "scar_type": None, "treatment": None, **(slots or {})},
        latest_message=latest_message,
        events=[{"event": "user", "text": text, "parse_data": latest_message}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )
