"""Fitting the assistant's replies to a messaging platform: splitting long text
at the platform's limit without cutting a word, and buttons as numbered options
where the platform has no buttons (SMS)."""

from __future__ import annotations

import re
from typing import Any, Iterable, Optional

# Where a long reply is best cut, best first: between paragraphs, between lines,
# after a sentence, between words.
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def split_text(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` characters, cut at the best break that
    keeps each piece at least half full; only a single word longer than the limit
    is ever cut inside."""
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = _best_cut(rest, limit)
        if cut is None:
            pieces.append(rest[:limit])
            rest = rest[limit:].lstrip()
            continue
        start, end = cut
        pieces.append(rest[:start].rstrip())
        rest = rest[end:].lstrip()
    if rest:
        pieces.append(rest)
    return pieces


def _best_cut(text: str, limit: int) -> Optional[tuple[int, int]]:
    window = text[: limit + 1]
    fallback = None
    for pattern in _BREAKS:
        matches = [m for m in pattern.finditer(window) if 0 < m.start() <= limit]
        if matches:
            last = matches[-1]
            if last.start() >= limit // 2:
                return last.start(), last.end()
            fallback = fallback or (last.start(), last.end())
    return fallback


NUMBERED_OPTIONS_PROMPT = "Reply with a number:"


def numbered_options(text: str, buttons: Iterable[dict[str, Any]]) -> str:
    """The text followed by the buttons as a numbered list to answer with a number."""
    lines = [f"{number}. {button['title']}" for number, button in enumerate(buttons, start=1)]
    if not lines:
        return text
    return f"{text}\n\n{NUMBERED_OPTIONS_PROMPT}\n" + "\n".join(lines)


def chosen_option(message: str, payloads: list[str]) -> Optional[str]:
    """The payload of the option a reply like "2" or "2." picks, else None."""
    match = re.fullmatch(r"\s*(\d{1,2})\s*[.)]?\s*", message)
    if match is None:
        return None
    number = int(match.group(1))
    return payloads[number - 1] if 1 <= number <= len(payloads) else None


def short_title(title: str, limit: int) -> str:
    """A button title within a platform's limit, shortened at a word with an ellipsis."""
    if len(title) <= limit:
        return title
    shortened = title[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return shortened + "…"
