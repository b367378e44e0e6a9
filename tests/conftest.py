"""Shared fixtures: the data of record, the source text, and a scratch copy of the data folder.

A test that cannot run for want of a system tool (Chromium, poppler, a CJK font, axe-core)
must not pass as skipped: :func:`pytest_runtest_makereport` turns such a skip (its reason
names the command that installs the tool) into a failure that keeps that hint.
"""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from report_lib import paths
from report_lib.data.dataset import load_dataset

ROOT = paths.PROJECT_ROOT

MISSING_TOOL_HINTS = ("make system-deps", "make test-deps", "npm install")
"""A skip whose reason names one of these set-up commands is a missing tool: it fails instead."""


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Report a skip for a missing system tool as a failure, keeping its hint."""
    outcome = yield
    report = outcome.get_result()
    if not report.skipped or hasattr(report, "wasxfail"):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    if any(hint in reason for hint in MISSING_TOOL_HINTS):
        report.outcome = "failed"
        report.longrepr = f"cannot run, a tool is missing (not a pass): {reason.removeprefix('Skipped: ')}"


SLOWEST_FIRST = ("tests/book/test_browser.py", "tests/publish/test_cache_editions.py", "tests/book/test_markup_in_data.py",
                 "tests/book/test_interrupted_build.py", "tests/publish/test_variants.py",
                 "tests/analysis/test_survey_spark.py")
"""The test files that take longest (``pytest --durations``), slowest first. pytest-xdist hands whole files to
its workers in collection order (``--dist loadfile``), so these start first and the workers finish together
instead of one working alone on a long file at the end."""


def pytest_collection_modifyitems(config, items):
    """Move the files of :data:`SLOWEST_FIRST` to the front, in that order (every other test keeps its place)."""
    missing = [path for path in SLOWEST_FIRST if not (ROOT / path).is_file()]
    if missing:
        raise pytest.UsageError(f"SLOWEST_FIRST in tests/conftest.py names files that do not exist: {missing}")
    rank = {path: index for index, path in enumerate(SLOWEST_FIRST)}

    def place(item) -> int:
        return rank.get(Path(str(item.fspath)).resolve().relative_to(ROOT).as_posix(), len(rank))

    items.sort(key=place)


@pytest.fixture(scope="session")
def dataset():
    """The validated data of record."""
    return load_dataset(paths.DEFAULT_DATA_DIR)


@pytest.fixture(scope="session")
def source_text() -> str:
    """The source report's text (env REPORT_SOURCE or ../shared/source/...)."""
    path = paths.source_text_path()
    if not path.is_file():
        pytest.fail(f"source text not found at {path}; set REPORT_SOURCE")
    return path.read_text(encoding="utf-8")


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the data folder."""
    target = tmp_path / "data"
    shutil.copytree(paths.DEFAULT_DATA_DIR, target)
    return target


def run_cli(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m report_lib ARGS`` as its own process and capture its output."""
    return subprocess.run([sys.executable, "-m", "report_lib", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def run_command(*args: str) -> subprocess.CompletedProcess:
    """Run the command line's ``main(ARGS)`` (what ``python -m report_lib ARGS`` runs) in this process.

    Its exit code and what it printed come back as from :func:`run_cli`, without the two
    seconds a new interpreter spends importing the library. Each command also has a test
    that runs it as its own process (:func:`run_cli` or ``make``), which proves the exit code
    and the streams reach the shell.
    """
    from report_lib.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return subprocess.CompletedProcess(["python", "-m", "report_lib", *args], code, out.getvalue(), err.getvalue())


def set_figure_value(data_dir: Path, figure_id: str, value: str) -> None:
    """Change one figure's value in ``data_dir``'s figures.csv (for tests that must see a change)."""
    def edit(rows: list[list[str]]) -> None:
        column = rows[0].index("value")
        for row in rows:
            if row[0] == figure_id:
                row[column] = value

    edit_csv(data_dir / "published" / "figures.csv", edit)


def edit_csv(path: Path, edit) -> None:
    """Read ``path`` as rows of fields, apply ``edit(rows)`` in place, write it back."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    edit(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
