"""Tests of report_lib.publish.lock: one build at a time, whole trees and files, leftovers recovered."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from report_lib import cli, paths
from report_lib.publish import lock
from report_lib.publish.lock import RUNNING, BuildRunning, build_lock, recover, replace_tree, write_atomically


def tree(folder: Path, **files: str) -> Path:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text)
    return folder


def test_second_lock_is_refused(tmp_path):
    """While one build holds the lock, another stops with 'another build is running'."""
    with build_lock(tmp_path):
        with pytest.raises(BuildRunning, match=RUNNING):
            with build_lock(tmp_path):
                pass
    with build_lock(tmp_path):  # released at the end of the block
        pass


def test_lock_of_a_killed_process_is_free(tmp_path):
    """The kernel releases the lock of a SIGKILLed build: no stale lock."""
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                               "from report_lib.publish.lock import build_lock\n"
                               "with build_lock(Path(sys.argv[1])):\n print('held', flush=True); time.sleep(60)",
                               str(tmp_path)], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(paths.PROJECT_ROOT / "src")})
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(BuildRunning):
        with build_lock(tmp_path):
            pass
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert lock.lock_path(tmp_path).exists()  # the file stays; the lock does not
    with build_lock(tmp_path):
        pass


def test_cli_says_another_build_is_running(tmp_path, monkeypatch, capsys):
    """Each writing command stops with one line and a non-zero exit, and touches nothing."""
    monkeypatch.setattr(paths, "PROJECT_ROOT", tmp_path)
    site = tree(tmp_path / "_build" / "html", **{"index.html": "last good"})
    with build_lock(tmp_path):
        for command in (["build"], ["variants"], ["pdf"], ["refresh-nbval", "--out", str(tmp_path / "refs")]):
            assert cli.main(command) == 1
            assert capsys.readouterr().err == f"{RUNNING}\n"
    assert (site / "index.html").read_text() == "last good"
    assert not (tmp_path / "refs").exists()


def test_replace_tree_is_one_step(tmp_path):
    """The target is the whole new tree afterwards; nothing is left aside."""
    new, target = tree(tmp_path / "new", **{"a.html": "new"}), tree(tmp_path / "html", **{"old.html": "old"})
    replace_tree(new, target)
    assert [p.name for p in target.iterdir()] == ["a.html"] and not new.exists()
    assert not (tmp_path / "html.old").exists()


def test_kill_after_exchange_leaves_new_tree(tmp_path, monkeypatch):
    """A build killed right after the exchange leaves the complete new tree; the old one waits in staging."""
    new, target = tree(tmp_path / "new", **{"a.html": "new"}), tree(tmp_path / "html", **{"old.html": "old"})

    def killed(path, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(lock.shutil, "rmtree", killed)
    with pytest.raises(KeyboardInterrupt):
        replace_tree(new, target)
    assert [p.name for p in target.iterdir()] == ["a.html"]
    assert [p.name for p in new.iterdir()] == ["old.html"]


def test_recover_puts_back_a_tree_left_aside(tmp_path):
    """A kill between the two renames of a two-step swap: the next build puts the old tree back."""
    build = tmp_path / "_build"
    tree(build / "html.old", **{"index.html": "last good"})
    tree(build / ".staging" / "_build" / "html", **{"index.html": "half"})
    tree(build / ".pdf-staging" / "x", **{"document.html": "half"})
    (build / ".site-static" / "chart-data").mkdir(parents=True)
    (build / ".site-static" / "chart-data" / ".c1.csv.partial").write_text("half")
    recover(tmp_path)
    assert (build / "html" / "index.html").read_text() == "last good"
    assert sorted(p.name for p in build.iterdir()) == [".site-static", "html"]
    assert not list((build / ".site-static" / "chart-data").iterdir())


def test_recover_drops_old_beside_published(tmp_path):
    """With the new tree in place, a leftover ``.old`` tree is deleted."""
    build = tmp_path / "_build"
    tree(build / "html", **{"index.html": "new"})
    tree(build / "html.old", **{"index.html": "old"})
    recover(tmp_path)
    assert (build / "html" / "index.html").read_text() == "new" and not (build / "html.old").exists()


def test_write_atomically_keeps_old_file_on_failure(tmp_path):
    """A write that fails midway leaves the old file and no temporary file."""
    target = tmp_path / "v.ipynb"
    target.write_text("old")

    class Half(str):
        def encode(self, *args):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_atomically(target, Half("new"))
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["v.ipynb"]
    write_atomically(target, "new")
    assert target.read_text() == "new"
