"""Personal circumstances and self-treatment plans that a reply must address
before any general information (data/risk_contexts.yml): a skin reaction in
progress, treating scars oneself, pregnancy or breastfeeding, isotretinoin,
darker skin, under-18s."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot import settings

RISK_CONTEXTS_FILE = settings.PROJECT_ROOT / "data" / "risk_contexts.yml"


class RiskContextsError(ValueError):
    """data/risk_contexts.yml cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class RiskContext:
    name: str
    patterns: tuple[re.Pattern, ...]
    caution: str
    # The whole reply to a message no answer fits (a skin reaction, a plan to treat oneself).
    standalone: bool = False


@lru_cache(maxsize=1)
def load_risk_contexts(path: Path = RISK_CONTEXTS_FILE) -> tuple[RiskContext, ...]:
    try:
        raw = (yaml.safe_load(path.read_text(encoding="utf-8")) or {})["contexts"]
        contexts = []
        for name, spec in raw.items():
            patterns = tuple(re.compile(pattern, re.IGNORECASE) for pattern in spec.get("patterns") or [])
            caution = " ".join(str(spec.get("caution") or "").split())
            if not patterns or not caution:
                raise RiskContextsError(f"{path.name}: context '{name}' needs patterns and a caution")
            contexts.append(RiskContext(name, patterns, caution, bool(spec.get("standalone"))))
        return tuple(contexts)
    except RiskContextsError:
        raise
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError, re.error) as error:
        raise RiskContextsError(f"{path.name} cannot be used: {error}") from error


def risk_contexts(text: str) -> list[RiskContext]:
    """The contexts the message mentions, in the file's order."""
    lowered = " ".join(text.lower().split())
    return [context for context in load_risk_contexts() if any(p.search(lowered) for p in context.patterns)]


def cautions(text: str, standalone_only: bool = False) -> list[str]:
    return [context.caution for context in risk_contexts(text) if context.standalone or not standalone_only]
