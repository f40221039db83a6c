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

        @widget.route("/", methods=["GET"])
        async def page(request: Request) -> HTTPResponse:
            return await _file("index.html", "text/html")

        @widget.route("/<name:(widget\\.js|widget\\.css)>", methods=["GET"])
        async def asset(request: Request, name: str) -> HTTPResponse:
            return await _file(name, "text/javascript" if name.endswith(".js") else "text/css")

        return widget


async def _file(name: str, mime: str) -> HTTPResponse:
    return await response.file(WEB_DIR / name, mime_type=mime, headers={"Cache-Control": "no-cache"})
