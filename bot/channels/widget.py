"""Serves the website chat widget and a demo clinic page from the Rasa server.

Registered in credentials.yml; Rasa mounts it at /webhooks/widget/. The widget
talks to the REST channel of the same server.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import settings

WEB_DIR = settings.PROJECT_ROOT / "web"


class WidgetChannel(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "widget"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        widget = Blueprint("widget_files", __name__)

        @widget.route("/", methods=["GET", "HEAD"])
        async def page(request: Request) -> HTTPResponse:
            if not settings.demo_page_enabled():
                return response.json({"error": "The demo page is turned off."}, status=404)
            return await _file("index.html", "text/html; charset=utf-8", {"Content-Security-Policy": _page_policy()})

        @widget.route("/<name:(widget\\.js|widget\\.css)>", methods=["GET", "HEAD"])
        async def asset(request: Request, name: str) -> HTTPResponse:
            mime = "text/javascript; charset=utf-8" if name.endswith(".js") else "text/css; charset=utf-8"
            return await _file(name, mime)

        return widget


def _page_policy() -> str:
    """The demo page loads only this server's script, style sheet and replies."""
    return (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        f"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors {settings.frame_ancestors()}"
    )


async def _file(name: str, mime: str, headers: dict | None = None) -> HTTPResponse:
    return await response.file(
        WEB_DIR / name, mime_type=mime,
        headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff", **(headers or {})},
    )
