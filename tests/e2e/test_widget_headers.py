"""The widget's page and files carry security headers, a charset, and answer HEAD."""

import requests


def test_the_demo_page_has_a_content_security_policy(bot_url):
    response = requests.get(f"{bot_url}/webhooks/widget/", timeout=10)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'self'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"


def test_the_script_and_style_sheet_declare_utf_8_and_answer_head(bot_url):
    for name, mime in (("widget.js", "text/javascript"), ("widget.css", "text/css")):
        for method in ("GET", "HEAD"):
            response = requests.request(method, f"{bot_url}/webhooks/widget/{name}", timeout=10)
            assert response.status_code == 200
            assert response.headers["Content-Type"] == f"{mime}; charset=utf-8"
            assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_other_sites_may_not_call_the_rest_channel_unless_configured(bot_url):
    """CORS is off by default (ACNEBOT_CORS_ORIGINS names the sites that embed the widget)."""
    response = requests.options(
        f"{bot_url}/webhooks/rest/webhook",
        timeout=10,
        headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"},
    )
    assert "Access-Control-Allow-Origin" not in response.headers


def test_the_action_server_listens_on_loopback_only(bot_url):
    import psutil

    from tests.support.running_bot import ACTION_PORT

    listening = [c.laddr.ip for c in psutil.net_connections(kind="tcp") if c.status == "LISTEN" and c.laddr.port == ACTION_PORT]
    assert listening and set(listening) <= {"127.0.0.1"}
