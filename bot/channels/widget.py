"""Serves the website chat widget and a demo clinic page from the Rasa server.

Registered in credentials.yml; Rasa mounts it at /webhooks/widget/. The widget
talks to the REST channel of the same server. Its words are the clinic's, from
data/messages.yml: they are put into the script as it is served, so a clinic
changes them without touching JavaScript.
"""

from __future__ import annotations

import json
from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import settings
from bot.channels.rest import MAX_MESSAGE_CHARS
from bot.dialogue.canned_replies import offer_topics_text, topic_menu
from bot.dialogue.messages import widget_words

WEB_DIR = settings.PROJECT_ROOT / "web"
# Where widget.js takes its words and limits; the file as it is in web/ has none and says so.
SERVED_MARKER = "{} /* filled in by the server */"
_HEADERS = {"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"}


def widget_script() -> str:
    """widget.js with the clinic's words and the server's message limit in place."""
    source = (WEB_DIR / "widget.js").read_text(encoding="utf-8")
    if SERVED_MARKER not in source:
        raise RuntimeError(f"web/widget.js has lost its marker {SERVED_MARKER!r}")
    served = {
        "words": widget_words(settings.clinic_contact()),
        "privacy_notice": settings.PRIVACY_NOTICE,
        "disclaimer": settings.DISCLAIMER,
        "welcome": offer_topics_text(understood=True),
        "starters": topic_menu(),
        "max_message_chars": MAX_MESSAGE_CHARS,
    }
    # ensure_ascii: the script reads the same whatever charset the host page declares.
    return source.replace(SERVED_MARKER, json.dumps(served, ensure_ascii=True))


class WidgetChannel(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "widget"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        widget = Blueprint("widget_files", __name__)
        script = widget_script()  # read once, at start: a broken messages file stops the server here

        @widget.route("/", methods=["GET", "HEAD"])
        async def page(request: Request) -> HTTPResponse:
            if not settings.demo_page_enabled():
                return response.json({"error": "The demo page is turned off."}, status=404)
            if not request.path.endswith("/"):
                # Sanic serves /webhooks/widget too, where the page's relative links would miss.
                return response.redirect(request.path + "/", status=301)
            return await response.file(
                WEB_DIR / "index.html",
                mime_type="text/html; charset=utf-8",
                headers={**_HEADERS, "Content-Security-Policy": _page_policy()},
            )

        @widget.route("/widget.js", methods=["GET", "HEAD"])
        async def javascript(request: Request) -> HTTPResponse:
            body = "" if request.method == "HEAD" else script
            return response.text(body, content_type="text/javascript; charset=utf-8", headers=_HEADERS)

        @widget.route("/widget.css", methods=["GET", "HEAD"])
        async def style_sheet(request: Request) -> HTTPResponse:
            return await response.file(WEB_DIR / "widget.css", mime_type="text/css; charset=utf-8", headers=_HEADERS)

        return widget


def _page_policy() -> str:
    """The demo page loads only this server's script, style sheet and replies."""
    return (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        f"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors {settings.frame_ancestors()}"
    )
