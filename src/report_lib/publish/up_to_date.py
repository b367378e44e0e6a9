"""Whether the published book is current: nothing it is built from has changed since the last good build.

A build that finds every input as the last successful build left it has nothing to do, so
it stops before starting Python's heavy imports, kernels or Sphinx (what ``make`` does with
timestamps, here by content). The inputs are every file of the project that a build can
read (page sources, toc and config, templates, the library, the locked requirements; the
folders in :data:`NOT_INPUTS` aside) and every file of the data folder, with the data
folder's path and the build's options. Their hash is written to :data:`STAMP` after a
build that published every edition, and removed when a build starts; a build that fails
or is killed leaves no stamp, so the next one runs. Erring on the side of too many inputs
costs only a build that finds every page in the cache.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from report_lib.publish.languages import EDITIONS, SITE_FOLDER

STAMP = ".book-inputs"
"""File in ``_build/<builder>/..`` holding the inputs' hash of the published book."""
NOT_INPUTS = frozenset({"_build", ".git", ".venv", ".tools", ".ci", "tests", "benchmarks", "examples", "variants",
                        "__pycache__", ".pytest_cache", ".ipynb_checkpoints"})
"""Folders no build reads: outputs, tools, tests, examples (a wave given as ``DATA`` is hashed as the data folder)."""
NOTHING_CHANGED = "Nothing changed since the last good build: {site} is current (data in {data})."


def _files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.iterdir()):
        if path.is_dir() and path.name not in NOT_INPUTS:
            found += _files(path)
        elif path.is_file():
            found.append(path)
    return found


def inputs_key(root: Path, data_dir: Path, options: dict) -> str:
    """Hash every input of a build of the book at ``root`` from ``data_dir`` with ``options`` (path and bytes of each file)."""
    digest = hashlib.sha256(json.dumps({"data": str(data_dir.resolve()), **options}, sort_keys=True).encode())
    for folder in (root, data_dir):
        for path in _files(folder):
            digest.update(str(path.resolve()).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def stamp_path(root: Path, builder: str) -> Path:
    """Return where the published ``builder`` output's inputs hash is kept."""
    return root / "_build" / f"{STAMP}-{builder}"


def is_current(root: Path, builder: str, key: str, outputs: list[Path]) -> bool:
    """True when the last good build had the inputs ``key`` and every file of ``outputs`` is still there."""
    stamp = stamp_path(root, builder)
    return stamp.is_file() and stamp.read_text() == key and all(p.is_file() for p in outputs)


def forget(root: Path, builder: str) -> None:
    """Remove the stamp: a build is under way, and only its success says the book is current again."""
    stamp_path(root, builder).unlink(missing_ok=True)


def record(root: Path, builder: str, key: str) -> None:
    """Write the stamp after a build that published every edition from the inputs ``key``."""
    path = stamp_path(root, builder)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(key)


def book_is_current(root: Path, data_dir: Path, builder: str, variants: bool | None) -> tuple[bool, str]:
    """Return whether the published site of every edition is current, and the inputs key to record after a build.

    ``variants`` is the build's option as given (None: as the toc says).
    """
    key = inputs_key(root, data_dir, {"builder": builder, "variants": variants})
    pages = [root / "_build" / builder / SITE_FOLDER[lang] / "index.html" for lang in EDITIONS]
    return is_current(root, builder, key, pages), key
