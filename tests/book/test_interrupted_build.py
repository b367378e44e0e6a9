"""A build killed at any moment, or started twice, never leaves a half site.

A temporary copy of the project with three pages is built with the real command
(``python -m report_lib build``), killed with SIGKILL at several moments (early, mid-build,
and inside the swap, right after the new tree is exchanged in), then built again; a second
build started while one runs must stop with "another build is running".
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from report_lib import paths
from report_lib.publish import up_to_date
from report_lib.publish.lock import RUNNING, lock_path

pytestmark = pytest.mark.slow

TOC = "format: jb-book\nroot: intro\nchapters:\n  - file: reference/data_of_record\n  - file: reference/glossary\n"
SWAP_HOOK = """
import sys, time
from pathlib import Path
import report_lib.publish.lock as lock
exchange = lock._exchange
def paused(new, target):
    done = exchange(new, target)
    (target.parent / "swap-reached").write_text("")
    time.sleep(120)
    return done
lock._exchange = paused
from report_lib.cli import main
sys.exit(main(sys.argv[1:]))
"""
"""Runs the build with a pause inside the swap (after the exchange, before the old tree is deleted)."""


@pytest.fixture()
def book(tmp_path: Path) -> Path:
    """A copy of the project whose toc has the introduction and the two reference pages it links to."""
    root = tmp_path / "book"
    root.mkdir()
    for name in ("_config.yml", "intro.md", "requirements.txt", "pyproject.toml"):
        shutil.copy(paths.PROJECT_ROOT / name, root / name)
    for name in ("src", "_templates", "reference"):
        shutil.copytree(paths.PROJECT_ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "_toc.yml").write_text(TOC)
    return root


def start(root: Path, *args: str, hook: str | None = None) -> subprocess.Popen:
    command = [sys.executable, *(["-c", hook] if hook else ["-m", "report_lib"]), "build", "--no-variants",
               "--data", str(paths.DEFAULT_DATA_DIR), *args]
    return subprocess.Popen(command, cwd=root, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(root / "src")}, start_new_session=True)


def finish(process: subprocess.Popen) -> tuple[int, str]:
    _, err = process.communicate(timeout=600)
    return process.returncode, err


def kill(process: subprocess.Popen) -> None:
    """SIGKILL the build and everything it started (jupyter-book, kernels)."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def site_of(root: Path) -> dict[str, bytes]:
    """Every file of the published site with its bytes."""
    html = root / "_build" / "html"
    return {p.relative_to(html).as_posix(): p.read_bytes() for p in sorted(html.rglob("*")) if p.is_file()}


def stamp(root: Path, text: str) -> None:
    """Mark the published site so a later check can tell which build it is."""
    (root / "_build" / "html" / "build-id.txt").write_text(text)


def forget_executed_pages(root: Path) -> None:
    """Delete the executed pages of every edition and the last good build's inputs stamp, so the next build
    executes the pages again (seconds of work) instead of finding the book current."""
    for edition in (root / "_build").glob("edition-*"):
        shutil.rmtree(edition)
    up_to_date.forget(root, "html")


def test_killed_builds_leave_last_good_site(book):
    """Killed at 2 s, 5 s and inside the swap: the site is the last good one or the complete new one."""
    code, err = finish(start(book))
    assert code == 0, err[-3000:]
    stamp(book, "good")
    good = site_of(book)
    for seconds in (2, 5):
        forget_executed_pages(book)  # else the cached build may finish before the kill
        process = start(book)
        time.sleep(seconds)
        kill(process)
        assert site_of(book) == good, f"killed at {seconds} s: the site changed"
    forget_executed_pages(book)
    process = start(book, hook=SWAP_HOOK)
    reached = book / "_build" / "swap-reached"
    deadline = time.monotonic() + 600
    while not reached.exists():
        assert process.poll() is None and time.monotonic() < deadline, "the build ended before its swap"
        time.sleep(0.2)
    kill(process)
    swapped = site_of(book)
    assert "build-id.txt" not in swapped and swapped.keys() == good.keys() - {"build-id.txt"}, \
        "killed inside the swap: the site is neither the old nor the complete new one"
    assert list((book / "_build").glob(".staging*"))  # the old tree, left for the next build to remove
    code, err = finish(start(book))
    assert code == 0, err[-3000:]
    assert not list((book / "_build").glob(".staging*"))
    assert (book / "_build" / "html" / "index.html").is_file()


def test_second_build_stops_while_first_runs(book):
    """A build started while another runs exits non-zero with one line; the site stays intact."""
    code, err = finish(start(book))
    assert code == 0, err[-3000:]
    stamp(book, "good")
    good = site_of(book)
    forget_executed_pages(book)
    first = start(book)
    deadline = time.monotonic() + 60
    while not lock_path(book).exists() or lock_path(book).read_text().strip() != str(first.pid):
        assert time.monotonic() < deadline, "the first build never took the lock"
        time.sleep(0.1)
    code, err = finish(start(book))
    assert (code, err) == (1, f"{RUNNING}\n")
    assert site_of(book) == good
    code, err = finish(first)
    assert code == 0, err[-3000:]
    assert (book / "_build" / "html" / "index.html").is_file()
