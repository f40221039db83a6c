"""The staff report written out: `insights.md`, `insights.html` (one
self-contained file, its charts as embedded PNG images) and `candidate-nlu.yml`
(the unanswered questions as NLU examples with the intent left blank)."""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass
from pathlib import Path

from bot.insights.summary import HANDLING, Served, Summary

TOP = 15


@dataclass(frozen=True)
class Period:
    start: str
    end: str
    days: float
    retention_days: float


def _table(header: tuple[str, ...], rows: list[tuple]) -> list[list[str]]:
    return [list(header), *[[str(cell) for cell in row] for row in rows]]


def _rated(name: str, served: Served, show_served: bool = True) -> tuple:
    share = f"{served.helpful / served.rated:.0%}" if served.rated else "–"
    ratings = (served.helpful, served.not_helpful, share)
    return (name, served.served, *ratings) if show_served else (name, *ratings)


RATED = ("served", "👍 helpful", "👎 not helpful", "helpful share of ratings")


def sections(summary: Summary) -> list[tuple[str, list[list[str]]]]:
    """The report's tables, each a title and rows (the first row its header)."""
    share = lambda count: f"{count / summary.messages:.1%}" if summary.messages else "–"  # noqa: E731
    quality = summary.quality
    return [
        (
            "Conversations and messages per day",
            _table(
                ("day", "conversations", "messages"),
                [(day, count, summary.messages_per_day[day]) for day, count in summary.conversations_per_day.items()],
            ),
        ),
        (
            "How each message was handled",
            _table(
                ("handling", "messages", "share", "what the patient got"),
                [(kind, summary.handling[kind], share(summary.handling[kind]), meaning) for kind, meaning in HANDLING.items()],
            ),
        ),
        (
            "Answers by how they were made, and their ratings",
            _table(("answer", *RATED), [_rated(kind, served) for kind, served in quality.by_kind.items()]),
        ),
        (
            "Knowledge entries: times served and ratings (least helpful first)",
            _table(
                ("entry", *RATED),
                [
                    _rated(key, served)
                    for key, served in sorted(quality.by_entry.items(), key=lambda item: (-item[1].not_helpful, -item[1].served))
                ],
            ),
        ),
        (
            "Passages quoted from the documents: ratings",
            _table(
                ("passage (document#position)", *RATED[1:]),
                [_rated(p, served, False) for p, served in quality.by_passage.items()],
            ),
        ),
        ("Questions by topic", _table(("topic", "questions"), summary.topics.most_common())),
        ("Scar types asked about", _table(("scar type", "messages"), summary.scar_types.most_common())),
        ("Treatments asked about", _table(("treatment", "messages"), summary.treatments.most_common())),
        (
            "Most common unanswered questions (redacted; near-duplicates counted together)",
            _table(
                ("question", "times", "other wordings"),
                [(c.text, c.count, len(c.wordings) - 1) for c in summary.unanswered[:TOP]],
            ),
        ),
    ]


def headline(summary: Summary, period: Period) -> list[str]:
    kinds = summary.quality.by_kind.values()
    served, rated, helpful = (sum(s.served for s in kinds), sum(s.rated for s in kinds), sum(s.helpful for s in kinds))
    return [
        f"Period: {period.start} to {period.end} (UTC; the last {period.days:g} days; nothing older than the "
        f"{period.retention_days:g} days of retention is read).",
        f"{summary.conversations} conversations, {summary.messages} patient messages.",
        f"Fallback rate (not understood): {summary.rate('not understood'):.1%}. "
        f"Out-of-scope rate: {summary.rate('out of scope'):.1%}.",
        f"Medical answers: {served} given, {rated} rated ({helpful} helpful, {rated - helpful} not helpful).",
        f"Booking requests: {summary.booking_taps + summary.booking_typed} "
        f"({summary.booking_taps} taps on the booking button, {summary.booking_typed} typed).",
    ]


def markdown(summary: Summary, period: Period) -> str:
    lines = ["# What patients asked", "", *[f"- {line}" for line in headline(summary, period)]]
    for title, rows in sections(summary):
        lines += ["", f"## {title}", ""]
        if len(rows) == 1:
            lines.append("None in this period.")
            continue
        lines.append("| " + " | ".join(rows[0]) + " |")
        lines.append("| " + " | ".join("---" for _ in rows[0]) + " |")
        lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows[1:]]
    return "\n".join(lines) + "\n"


def _png(figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def charts(summary: Summary) -> list[tuple[str, str]]:
    """(title, base64 PNG) for each chart."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    made = []
    days = list(summary.messages_per_day)
    figure, axes = pyplot.subplots(figsize=(9, 3.2))
    axes.plot(days, list(summary.conversations_per_day.values()), marker="o", label="conversations")
    axes.plot(days, list(summary.messages_per_day.values()), marker="o", label="messages")
    axes.set_ylabel("per day")
    axes.set_ylim(bottom=0)
    axes.set_title("Conversations and messages per day")
    axes.legend()
    # A label for every day of a year would be unreadable (and slow to draw).
    axes.set_xticks(days[:: max(1, len(days) // 12)])
    axes.tick_params(axis="x", labelrotation=60, labelsize=7)
    made.append(("Conversations and messages per day", _png(figure)))
    pyplot.close(figure)

    kinds = [kind for kind in HANDLING if summary.handling[kind]]
    figure, axes = pyplot.subplots(figsize=(9, 3.2))
    axes.barh(kinds[::-1], [summary.handling[kind] for kind in kinds[::-1]], color="#2f6f8f")
    axes.set_xlabel("messages")
    axes.set_title("How each message was handled")
    made.append(("How each message was handled", _png(figure)))
    pyplot.close(figure)

    topics = summary.topics.most_common()
    figure, axes = pyplot.subplots(figsize=(9, 3.6))
    axes.barh([t for t, _ in topics[::-1]], [n for _, n in topics[::-1]], color="#8f5a2f")
    axes.set_xlabel("questions")
    axes.set_title("Questions by topic")
    made.append(("Questions by topic", _png(figure)))
    pyplot.close(figure)
    return made


def html_page(summary: Summary, period: Period) -> str:
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>What patients asked</title>",
        "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2a30}"
        "table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #c8d3d8;padding:.25rem .6rem;"
        "text-align:left;vertical-align:top}th{background:#eef3f5}img{max-width:100%}</style></head><body>",
        "<h1>What patients asked</h1><ul>",
        *[f"<li>{html.escape(line)}</li>" for line in headline(summary, period)],
        "</ul>",
    ]
    if summary.messages:
        for title, image in charts(summary):
            parts.append(f"<figure><img alt='{html.escape(title)}' src='data:image/png;base64,{image}'></figure>")
    for title, rows in sections(summary):
        parts.append(f"<h2>{html.escape(title)}</h2>")
        if len(rows) == 1:
            parts.append("<p>None in this period.</p>")
            continue
        parts.append("<table><tr>" + "".join(f"<th>{html.escape(cell)}</th>" for cell in rows[0]) + "</tr>")
        parts += ["<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows[1:]]
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def candidate_nlu(summary: Summary) -> str:
    """Every clustered unanswered wording as Rasa NLU examples with the intent
    left blank, for a maintainer to label and move into data/nlu/."""
    lines = [
        "# Unanswered questions from `make report` (redacted), grouped with their near-duplicates.",
        "# Fill in each intent, check the wording, and move the examples you keep into data/nlu/",
        "# (README: Improving answers from the report). Training never reads this file.",
        'version: "3.1"',
        "nlu:",
    ]
    for group in summary.unanswered:
        lines += [f"# asked {group.count} times", '- intent: ""', "  examples: |"]
        lines += [f"    - {wording}" for wording in group.wordings]
    return "\n".join(lines) + "\n"


# The files a report writes; each quotes patients' messages (redacted).
REPORT_FILES = ("insights.md", "insights.html", "candidate-nlu.yml")


def write(summary: Summary, period: Period, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    texts = (markdown(summary, period), html_page(summary, period), candidate_nlu(summary))
    for name, text in zip(REPORT_FILES, texts, strict=True):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        # Unanswered questions are patients' words, redacted: for the clinic's staff only.
        path.chmod(0o600)
        written.append(path)
    return written
