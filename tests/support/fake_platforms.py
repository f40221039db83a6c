"""A local stand-in for the messaging platforms' APIs (Telegram's Bot API,
Meta's Send API, Twilio's Messages API): it answers as they do and records every
call, so the channels can be tested with no network."""

from __future__ import annotations

import itertools
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Call:
    platform: str
    method: str  # the API method: sendMessage, messages, Messages
    query: dict
    data: dict  # the JSON body, or the form with one value per field


class FakePlatforms:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        platforms = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, answer = platforms._handle(self.path, self.headers.get("Content-Type") or "", body)
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()

    def _handle(self, path: str, content_type: str, body: bytes) -> tuple[int, dict]:
        url = urlsplit(path)
        if content_type.startswith("application/json"):
            data = json.loads(body or b"{}")
        else:
            data = {key: values[0] for key, values in parse_qs(body.decode(), keep_blank_values=True).items()}
        platform, *rest = url.path.strip("/").split("/")
        method = rest[-1].removesuffix(".json")
        with self._lock:
            self.calls.append(Call(platform, method, parse_qs(url.query), data))
            number = next(self._ids)
        if platform == "telegram":
            if method == "sendMessage":
                chat = {"id": int(data["chat_id"]), "type": "private"}
                return 200, {"ok": True, "result": {"message_id": number, "date": 0, "chat": chat, "text": data["text"]}}
            return 200, {"ok": True, "result": True}
        if platform == "graph":
            return 200, {"recipient_id": data["recipient"]["id"], "message_id": f"m_{number}"}
        if platform == "twilio":
            return 201, {
                "sid": f"SM{number:032d}",
                "to": data["To"],
                "from": data["From"],
                "body": data["Body"],
                "status": "queued",
            }
        return 404, {"error": "unknown platform"}

    def sent(self, platform: str, method: str, **where) -> list[dict]:
        """The bodies of the calls made to one API method, filtered by field values."""
        with self._lock:
            calls = list(self.calls)
        return [
            call.data
            for call in calls
            if call.platform == platform
            and call.method == method
            and all(str(call.data.get(key)) == str(value) for key, value in where.items())
        ]
