"""A hash of some files of a data folder, by their names and bytes: the cache key of what is computed from them.

In-process caches of the library (validated tables, a survey wave's figures) are keyed by
what their files hold, never by a path or an object, so a changed file is never answered
from the cache.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path


def files_hash(folder: Path, files: Iterable[str]) -> str:
    """Hash the name (relative to ``folder``) and bytes of every file of ``files``; a missing file hashes as missing."""
    digest = hashlib.sha256()
    for name in files:
        path = folder / name
        digest.update(name.encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"\0missing\0")
    return digest.hexdigest()
