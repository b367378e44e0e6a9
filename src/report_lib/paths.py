"""Where the book, its data and the source text live.

Every location can be overridden by an environment variable so that a researcher can
point the whole build at another data folder (``REPORT_DATA``) or another copy of the
source text (``REPORT_SOURCE``).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
"""The project checkout (holds ``_config.yml``) when installed with ``pip install -e .``."""

DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_SOURCE = PROJECT_ROOT.parent / "shared" / "source" / "report-2023-bank-marketing-digitalization.txt"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Return the data folder: ``override``, else env ``REPORT_DATA``, else ``data/``."""
    chosen = override or os.environ.get("REPORT_DATA") or DEFAULT_DATA_DIR
    return Path(chosen).resolve()


def source_text_path() -> Path:
    """Return the source report's text: env ``REPORT_SOURCE`` or ``../shared/source/...``."""
    return Path(os.environ.get("REPORT_SOURCE") or DEFAULT_SOURCE).resolve()


def book_root(start: Path | None = None) -> Path:
    """Return the nearest folder at or above ``start`` (default: cwd) that holds ``_config.yml``.

    Falls back to :data:`PROJECT_ROOT` when no such folder exists (e.g. a notebook run
    from a temporary directory).
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "_config.yml").is_file():
            return folder
    return PROJECT_ROOT


def site_static_dir(root: Path | None = None) -> Path:
    """Return the folder whose files the HTML build copies into ``_static/``.

    It holds generated assets (the vendored Vega bundle, chart data CSVs) and lives
    under ``_build/`` so nothing generated is ever committed.
    """
    return (root or book_root()) / "_build" / ".site-static"
