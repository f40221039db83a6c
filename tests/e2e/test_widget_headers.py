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
