"""Which channels of credentials.yml to open: those whose environment variables
are all set. Rasa stops at start-up on an unset ${VARIABLE}, so the server is
given a copy of credentials.yml without the channels that are not configured,
and a clear line says why each of those is off."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping

import yaml

_VARIABLE = re.compile(r"\$\{(\w+)\}")


def _variables(section: object) -> list[str]:
    values = section.values() if isinstance(section, dict) else []
    return [name for value in values for name in _VARIABLE.findall(str(value))]


def write_configured_channels(source: Path, target: Path, environ: Mapping[str, str]) -> list[str]:
    """Write to `target` the channels of `source` whose variables are all set in
    `environ` (still as ${VARIABLE}: the copy holds no secret); return one line
    per messaging channel saying whether it is on, and at which URL."""
    channels = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    kept, lines = {}, []
    for module_path, section in channels.items():
        variables = _variables(section)
        # A blank or whitespace-only value is no secret: the channel stays off.
        missing = [name for name in variables if not (environ.get(name) or "").strip()]
        if not variables:
            kept[module_path] = section
            continue
        # A channel's name (its URL) is its module's: bot.channels.telegram.TelegramChannel
        # is "telegram". Importing the class instead would load Rasa, TensorFlow and all,
        # into the process that only starts the servers.
        channel = module_path.rsplit(".", 2)[-2]
        if missing:
            lines.append(f"{channel} channel off: set {', '.join(missing)} to turn it on (docs/channels.md).")
        else:
            kept[module_path] = section
            lines.append(f"{channel} channel on at /webhooks/{channel}/webhook.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(yaml.safe_dump(kept, sort_keys=False), encoding="utf-8")
    return lines
