"""The aspect of a treatment a question asks about (cost, sessions, how long the
results last, pain, downtime, risks, doing it at home, how it works), and the
sentence that answers it, both from data/aspects.yml.

An entry answers an aspect only in its own `aspects:` block, taken from the
documents. Otherwise the reply says the sources don't cover that aspect and who
can answer it, so a question about pain never gets the treatment's general text
as if that were the answer.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot import settings

ASPECTS_FILE = settings.PROJECT_ROOT / "data" / "aspects.yml"
WHO = ("dermatologist", "clinic")


class AspectsError(ValueError):
    """data/aspects.yml cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class Aspect:
    name: str
    what: str
    ask: str
    patterns: tuple[re.Pattern, ...]


@dataclass(frozen=True)
class AspectTexts:
    aspects: tuple[Aspect, ...]
    who: dict[str, str]
    not_covered: str
    general_follows: str
    subjects: dict[str, str]
    # Treatments and scar types the documents may not name: {name: patterns}.
    other_subjects: dict[str, tuple[re.Pattern, ...]]


@lru_cache(maxsize=1)
def load_aspects(path: Path = ASPECTS_FILE) -> AspectTexts:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        aspects = []
        for name, spec in (raw.get("aspects") or {}).items():
            if spec.get("ask") not in WHO:
                raise AspectsError(f"{path.name}: aspect '{name}' must have ask: {' or '.join(WHO)}")
            if _fields(str(spec.get("what", ""))) != {"subject"}:
                raise AspectsError(f"{path.name}: aspect '{name}' needs a `what` with {{subject}} and no other placeholder")
            patterns = tuple(re.compile(pattern, re.IGNORECASE) for pattern in spec.get("patterns") or [])
            if not patterns:
                raise AspectsError(f"{path.name}: aspect '{name}' has no patterns")
            aspects.append(Aspect(name, spec["what"], spec["ask"], patterns))
        who = {key: str(value) for key, value in (raw.get("who") or {}).items()}
        if set(who) != set(WHO) or any(_fields(text) - {"contact"} for text in who.values()):
            raise AspectsError(
                f"{path.name}: `who` must give a sentence for each of {', '.join(WHO)}, with no placeholder but {{contact}}"
            )
        if _fields(str(raw.get("not_covered", ""))) != {"what", "who"}:
            raise AspectsError(f"{path.name}: `not_covered` must use {{what}} and {{who}} and no other placeholder")
        return AspectTexts(
            tuple(aspects),
            who,
            str(raw["not_covered"]),
            str(raw["general_follows"]),
            {str(k): str(v) for k, v in (raw.get("subjects") or {}).items()},
            {
                str(name): tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)
                for name, patterns in (raw.get("other_subjects") or {}).items()
            },
        )
    except AspectsError:
        raise
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError, ValueError, re.error) as error:
        raise AspectsError(f"{path.name} cannot be used: {error}") from error


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def aspect_names() -> tuple[str, ...]:
    return tuple(aspect.name for aspect in load_aspects().aspects)


def asked_aspect(question: str) -> Aspect | None:
    """The first aspect whose patterns match the question, or None."""
    text = " ".join(question.lower().split())
    return next((a for a in load_aspects().aspects if any(p.search(text) for p in a.patterns)), None)


# "does juvederm hurt and how long does it last": at most this many aspects are answered.
MAX_ASPECTS = 3


def asked_aspects(question: str) -> list[Aspect]:
    """Every aspect the question asks, in the order asked. Words that an aspect
    listed earlier in data/aspects.yml already matched are not read again as
    another ("how long does the swelling last" is downtime, not also how long
    the results last)."""
    text = " ".join(question.lower().split())
    taken: list[tuple[int, int, Aspect]] = []
    for aspect in load_aspects().aspects:
        spans = [match.span() for pattern in aspect.patterns for match in pattern.finditer(text)]
        free = [span for span in spans if not any(span[0] < end and start < span[1] for start, end, _ in taken)]
        if free:
            taken.append((*min(free), aspect))
    return [aspect for _, _, aspect in sorted(taken, key=lambda item: item[0])][:MAX_ASPECTS]


def subject_label(treatment: str | None) -> str:
    subjects = load_aspects().subjects
    return subjects.get(treatment or "general", treatment or "")


def not_covered_text(aspect: Aspect, treatment: str | None) -> str:
    texts = load_aspects()
    who = texts.who[aspect.ask].format(contact=settings.clinic_contact())
    return texts.not_covered.format(what=aspect.what.format(subject=subject_label(treatment)), who=who)


def other_subjects_named(question: str) -> list[tuple[str, tuple[re.Pattern, ...]]]:
    """The treatments and scar types of `other_subjects` the question names, in
    the order named, each with its patterns."""
    found = []
    for name, patterns in load_aspects().other_subjects.items():
        starts = [match.start() for pattern in patterns for match in pattern.finditer(question)]
        if starts:
            found.append((min(starts), name, patterns))
    return [(name, patterns) for _, name, patterns in sorted(found, key=lambda item: item[0])]


def not_named_text(subject: str) -> str:
    texts = load_aspects()
    return texts.not_covered.format(what=subject, who=texts.who["dermatologist"])


def general_follows_text() -> str:
    return load_aspects().general_follows
