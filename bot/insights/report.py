"""`make report`: the staff report for a period, from the tracker store and the
ratings in the knowledge store."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from bot import settings
from bot.insights.messages import read_answers, read_messages, read_ratings
from bot.insights.redaction import known_words, redact
from bot.insights.render import Period, write
from bot.insights.summary import Summary, answer_quality, summarise

DAY = 86400.0


def _data_texts(*patterns: str) -> list[str]:
    return [path.read_text(encoding="utf-8") for pattern in patterns for path in sorted(settings.PROJECT_ROOT.glob(pattern))]


def report_words() -> frozenset[str]:
    """The words redaction keeps: the training data's lower-case words, and every
    word of the documents, the curated entries, the vocabulary and the other data
    files (risk contexts and aspects name medicines and brands)."""
    return known_words(
        _data_texts("data/nlu/*.yml"),
        _data_texts("data/documents/*", "data/knowledge/*", "data/nlu/vocabulary.yml", "data/*.yml"),
    )


def make_report(
    url: str,
    days: float,
    retention_days: float,
    folder: Path,
    now: float | None = None,
    knowledge_url: str | None = None,
) -> tuple[Summary, list[Path]]:
    """Read the last `days` days (never more than `retention_days`) of the tracker
    store at `url` and of the ratings in the knowledge store (default: the
    configured one), and write the report's files."""
    if days <= 0:
        raise ValueError("the period must be at least part of a day")
    now = time.time() if now is None else now
    since = now - min(days, retention_days) * DAY
    known = report_words()
    # The same unanswered wording comes back often: redact each once.
    summary = summarise(read_messages(url, since), lru_cache(maxsize=100_000)(lambda text: redact(text, known)))
    # Ratings are kept by the day: a day that began before `since` is left out whole.
    first_day = datetime.fromtimestamp(since, tz=timezone.utc).date() + timedelta(days=1)
    ratings = read_ratings(knowledge_url or settings.database_url(), first_day)
    summary.quality = answer_quality(read_answers(url, since), ratings)
    period = Period(_day(since), _day(now), min(days, retention_days), retention_days)
    return summary, write(summary, period, folder)


def _day(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).strftime("%Y-%m-%d %H:%M")
