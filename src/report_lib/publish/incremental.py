"""Render a book of executed notebooks again only as far as its inputs changed.

:func:`render_incrementally` keeps Sphinx's output root between renders: its environment
(``_build/.doctrees``) lets Sphinx read again only the pages whose files changed (executed
notebooks keep their mtime while cached, generated files are written only when they
change). The environment is kept only from a render that succeeded: after a failure or a
kill the next render starts from nothing, so a page that warned (warnings are errors) is
read, and fails, again instead of being skipped as unchanged. When not one input changed
since the last successful render (same files with the same sizes and mtimes, same
environment key and variables), Jupyter Book is not started at all.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

from report_lib.publish.notebooks import jupyter_book

OUTPUTS = (".doctrees", "jupyter_execute", ".jupyter_cache")
"""What Sphinx, myst-nb and jupyter-cache keep under ``<out>/_build`` besides the builder's folder."""


def inputs_fingerprint(folders: list[Path], skip: list[Path], stamp: str) -> str:
    """Hash the path, size and mtime of every file under ``folders`` (``skip`` aside) and ``stamp``."""
    digest = hashlib.sha256(stamp.encode())
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and not any(path.is_relative_to(s) for s in skip):
                status = path.stat()
                digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def render_incrementally(book: Path, builder: str, out: Path, env: dict[str, str] | None = None,
                         inputs: tuple[Path, ...] = (), stamp: str = "",
                         capture: bool = False) -> tuple[subprocess.CompletedProcess, Path]:
    """Render ``book`` into ``out/_build/<builder>``, reusing what the last successful render left there.

    ``inputs`` are further folders the render reads (e.g. the project's templates) and ``stamp``
    anything else it depends on (e.g. :func:`report_lib.publish.cache.environment_key`); ``capture``
    keeps Jupyter Book's output in the result instead of printing it (renders side by side).
    Returns the finished process (a skipped render returns code 0) and the built folder.
    """
    build = out / "_build"
    marker, built = build / f".{builder}-complete", build / builder
    outputs = [built, marker, *(build / name for name in OUTPUTS)]
    def fingerprint() -> str:
        return inputs_fingerprint([book, *inputs], outputs, json.dumps([builder, stamp, env or {}], sort_keys=True))

    if marker.is_file() and built.is_dir():
        if marker.read_text() == fingerprint():
            return subprocess.CompletedProcess(["jupyter-book", "build", "(nothing changed)"], 0, "", ""), built
        marker.unlink()  # until this render succeeds, its environment is not to be trusted
    else:
        for kept in outputs:
            shutil.rmtree(kept, ignore_errors=True)
    result, built = jupyter_book(book, builder, out=out, env=env, capture=capture)
    if result.returncode == 0:
        build.mkdir(parents=True, exist_ok=True)
        marker.write_text(fingerprint())  # after the render: it may write into the book (static assets)
    return result, built
