"""Files that hold patients' conversations or the clinic's data are readable by
their owner only. SQLite creates its file with the process's umask (usually
0644, readable by every user of the machine), and its journal files copy the
database file's mode, so the file is created or tightened here first."""

from __future__ import annotations

import os
from pathlib import Path

OWNER_ONLY_FILE = 0o600
OWNER_ONLY_FOLDER = 0o700


def private_sqlite_file(path: Path) -> None:
    """Create the SQLite file at `path` (and its folder) readable by its owner only,
    or make an existing one so."""
    if str(path) in ("", ":memory:"):
        return
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=OWNER_ONLY_FOLDER)
    if path.exists():
        path.chmod(OWNER_ONLY_FILE)
    else:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, OWNER_ONLY_FILE))
