"""Checking that a webhook call really comes from the messaging platform.

Every comparison is constant-time (hmac.compare_digest), so response timing
tells an attacker nothing about how much of a forged signature was right.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any, Mapping, Optional

from twilio.request_validator import RequestValidator

# What a webhook's check found: None when it passed, else (status, reason).
Rejection = Optional[tuple[int, str]]

MISSING = 401
WRONG = 403


def _equal(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8"))


def check_telegram(secret_token: str, header: Optional[str]) -> Rejection:
    """Telegram sends the secret_token given to setWebhook in X-Telegram-Bot-Api-Secret-Token."""
    if not header:
        return MISSING, "missing X-Telegram-Bot-Api-Secret-Token"
    if not _equal(secret_token, header):
        return WRONG, "wrong X-Telegram-Bot-Api-Secret-Token"
    return None


def messenger_signature(app_secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(app_secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def check_messenger(app_secret: str, body: bytes, header: Optional[str]) -> Rejection:
    """Meta signs the raw body with the app secret: X-Hub-Signature-256: sha256=<hex>."""
    if not header:
        return MISSING, "missing X-Hub-Signature-256"
    if not _equal(messenger_signature(app_secret, body), header.strip()):
        return WRONG, "wrong X-Hub-Signature-256"
    return None


def twilio_signature(auth_token: str, url: str, form: Mapping[str, Any]) -> str:
    """Twilio's signature of a webhook call: HMAC-SHA1 of the URL and the form
    fields in name order (computed by Twilio's own library). `form` is a dict of
    values or a dict of lists with getlist(), as Sanic's request.form is."""
    return RequestValidator(auth_token).compute_signature(url, form)


def check_twilio(auth_token: str, url: str, form: Mapping[str, Any], header: Optional[str]) -> Rejection:
    """X-Twilio-Signature, computed over the public URL registered with Twilio (the
    server behind a proxy cannot know it) and the form fields."""
    if not header:
        return MISSING, "missing X-Twilio-Signature"
    if not _equal(twilio_signature(auth_token, url, form), header.strip()):
        return WRONG, "wrong X-Twilio-Signature"
    return None
