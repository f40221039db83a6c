"""`make shell`: clinic staff chat with the assistant in a terminal.

It talks to a running server's REST channel, as a patient's widget does, rather
than through `rasa shell`, whose button menu swallows typed text: here the
buttons of a reply are a numbered list, and staff either type a number or go
on typing a question of their own.
"""

from __future__ import annotations

from typing import Callable, Iterable, Optional

import requests

from bot.runtime import rest_client

INTRO = "Type a question and press Enter; type the number of an option to choose it; Ctrl-D or /quit ends."
PROMPT = "You: "
QUIT = {"/quit", "/exit"}


def show(replies: list[dict], write: Callable[[str], None]) -> list[dict]:
    """Print each reply's text and its buttons, numbered across the replies; the buttons, in order."""
    buttons: list[dict] = []
    for reply in replies:
        if reply.get("text"):
            prefix = "Assistant (URGENT): " if reply.get("alert") else "Assistant: "
            write(prefix + reply["text"])
        for button in reply.get("buttons") or []:
            buttons.append(button)
            write(f"  {len(buttons)}. {button['title']}")
    return buttons


def chat(base_url: str, lines: Iterable[str], write: Callable[[str], None] = print) -> None:
    """One conversation: each line is a question, or the number of an option last offered."""
    http = requests.Session()
    sender: Optional[str] = None
    buttons: list[dict] = []
    write(INTRO)
    for line in lines:
        text = line.strip()
        if text in QUIT:
            return
        if not text:
            continue
        message = text
        if text.isdecimal() and 1 <= int(text) <= len(buttons):
            message = buttons[int(text) - 1]["payload"]
            write(f"(chose: {buttons[int(text) - 1]['title']})")
        try:
            sender = sender or rest_client.new_sender(base_url, http)
            replies = rest_client.send(base_url, sender, message, http)
        except requests.HTTPError as error:
            body = error.response.text[:300] if error.response is not None else ""
            write(f"(the server refused the message: {body})")
            continue
        except requests.RequestException as error:
            write(f"(no answer from {base_url}: {type(error).__name__}; is the server running?)")
            continue
        buttons = show(replies, write)


def typed_lines() -> Iterable[str]:
    """What staff type, line by line, until Ctrl-D."""
    while True:
        try:
            yield input(PROMPT)
        except EOFError:
            return
