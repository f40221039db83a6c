import hashlib
import hmac

from twilio.request_validator import RequestValidator

from bot.channels.signatures import (
    check_messenger,
    check_telegram,
    check_twilio,
    messenger_signature,
    twilio_signature,
)

BODY = b'{"object":"page","entry":[]}'


def test_telegram_secret_token():
    assert check_telegram("s3cret-token", "s3cret-token") is None
    assert check_telegram("s3cret-token", None)[0] == 401
    assert check_telegram("s3cret-token", "")[0] == 401
    assert check_telegram("s3cret-token", "s3cret-tokeN")[0] == 403
    assert check_telegram("s3cret-token", "s3cret")[0] == 403


def test_messenger_sha256_signature_of_the_raw_body():
    expected = "sha256=" + hmac.new(b"app-secret", BODY, hashlib.sha256).hexdigest()
    assert messenger_signature("app-secret", BODY) == expected
    assert check_messenger("app-secret", BODY, expected) is None
    assert check_messenger("app-secret", BODY, None)[0] == 401
    assert check_messenger("app-secret", BODY + b" ", expected)[0] == 403
    assert check_messenger("other-secret", BODY, expected)[0] == 403
    sha1 = "sha1=" + hmac.new(b"app-secret", BODY, hashlib.sha1).hexdigest()
    assert check_messenger("app-secret", BODY, sha1)[0] == 403


def test_twilio_signature_is_twilios_own():
    url = "https://clinic.example/webhooks/twilio/webhook"
    form = {"From": "+15550001111", "Body": "what causes acne scars?", "MessageSid": "SM1"}
    signature = twilio_signature("auth-token", url, form)
    assert RequestValidator("auth-token").validate(url, form, signature)
    assert check_twilio("auth-token", url, form, signature) is None
    assert check_twilio("auth-token", url, form, None)[0] == 401
    assert check_twilio("auth-token", url, {**form, "Body": "changed"}, signature)[0] == 403
    assert check_twilio("auth-token", url.replace("https", "http"), form, signature)[0] == 403
