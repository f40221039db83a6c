"""The staff report over the running bot's own tracker store, filled by real
conversations through the REST channel, and its HTML page in Chromium."""

from __future__ import annotations

import re

from bot.insights.report import make_report
from tests.support.browser import SCREENSHOTS, chromium
from tests.support.running_bot import split_feedback

# Wordings no other test sends: the report shows other tests' unanswered
# messages, and one of those contains "what causes acne scars?".
ANSWERED = ["what actually causes acne scars to form?", "why do scars form and how are they treated?"]
UNANSWERED = "whats a good recipe for banana bread, I need 3 loaves for Priya"


def test_the_report_counts_real_conversations_and_its_page_draws_its_charts(chat, bot_tracker_url, bot_store_url, tmp_path):
    # Other tests' conversations are in the same stores: count this test's as increments.
    before, _ = make_report(bot_tracker_url, days=1, retention_days=30, folder=tmp_path, knowledge_url=bot_store_url)
    for text in ANSWERED:
        _, feedback = split_feedback(chat.send(text))
    chat.send(feedback["buttons"][0]["payload"])  # 👍 for the second answer
    chat.ask(UNANSWERED)
    chat.send("/book_consultation")

    summary, written = make_report(bot_tracker_url, days=1, retention_days=30, folder=tmp_path, knowledge_url=bot_store_url)

    def several(report):
        served = report.quality.by_kind.get("several questions")
        return (served.served, served.helpful) if served else (0, 0)

    def answers(report):
        return sum(served.served for served in report.quality.by_kind.values())

    # Two answers given, the second (two questions) rated helpful, one booking tap.
    assert answers(summary) == answers(before) + 2
    assert several(summary) == (several(before)[0] + 1, several(before)[1] + 1)
    assert summary.booking_taps == before.booking_taps + 1

    assert summary.conversations >= 1
    assert summary.handling["medical question"] >= 1 and summary.handling["several questions"] >= 1
    assert summary.topics["What causes acne scars"] >= 2 and summary.topics["Treatments"] >= 1
    redacted = "whats a good recipe for banana bread, I need # loaves for [name]"
    assert any(redacted in cluster.wordings for cluster in summary.unanswered)
    pages = "\n".join(path.read_text() for path in written)
    assert redacted in pages
    assert not any(text in pages for text in ANSWERED) and "3 loaves" not in pages

    with chromium() as browser:
        page = browser.new_page()
        page.goto((tmp_path / "insights.html").as_uri())
        images = page.locator("img")
        assert images.count() == 3
        for index in range(3):
            image = images.nth(index)
            assert image.evaluate("img => img.complete && img.naturalWidth > 300 && img.naturalHeight > 100")
            assert image.is_visible()
        assert re.search(r"\d+ conversations, \d+ patient messages", page.inner_text("body"))
        assert page.locator("h2").count() == 9
        # README shows this page (results/screenshots/, copied to docs/insights.png).
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": 1100, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / "insights.png"), full_page=True)
