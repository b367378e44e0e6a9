"""Tests of report_lib.publish.incremental: Sphinx's environment is kept only from a successful render."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import report_lib.publish.incremental as incremental


@pytest.fixture()
def renders(monkeypatch) -> list[dict]:
    """Replace Jupyter Book by a fake that notes each call, writes a page and a doctree, and fails on request."""
    calls: list[dict] = []

    def fake(book: Path, builder: str, out: Path, env=None, capture=False):
        build = out / "_build"
        calls.append({"doctree_kept": (build / ".doctrees" / "env.pickle").is_file()})
        (build / ".doctrees").mkdir(parents=True, exist_ok=True)
        (build / ".doctrees" / "env.pickle").write_text("env")
        (build / builder).mkdir(parents=True, exist_ok=True)
        (build / builder / "index.html").write_text((book / "page.ipynb").read_text())
        code = 1 if "fail" in (book / "page.ipynb").read_text() else 0
        return subprocess.CompletedProcess(["jupyter-book"], code), build / builder

    monkeypatch.setattr(incremental, "jupyter_book", fake)
    return calls


def test_nothing_changed_starts_nothing_a_change_renders_with_the_kept_environment(tmp_path, renders):
    """Second render with the same inputs: skipped; a changed page: rendered, the environment kept."""
    book, out = tmp_path / "book", tmp_path / "out"
    book.mkdir()
    (book / "page.ipynb").write_text("one")
    for _ in range(2):
        result, built = incremental.render_incrementally(book, "html", out, stamp="env-1")
        assert result.returncode == 0 and (built / "index.html").read_text() == "one"
    assert len(renders) == 1
    (book / "page.ipynb").write_text("two!")
    incremental.render_incrementally(book, "html", out, stamp="env-1")
    incremental.render_incrementally(book, "html", out, stamp="env-2")
    assert [call["doctree_kept"] for call in renders] == [False, True, True]


def test_after_a_failed_render_the_next_one_starts_from_nothing(tmp_path, renders):
    """A failed render is never skipped next time, and its environment is dropped."""
    book, out = tmp_path / "book", tmp_path / "out"
    book.mkdir()
    (book / "page.ipynb").write_text("one")
    incremental.render_incrementally(book, "html", out)
    (book / "page.ipynb").write_text("fail")
    assert incremental.render_incrementally(book, "html", out)[0].returncode == 1
    assert incremental.render_incrementally(book, "html", out)[0].returncode == 1
    assert [call["doctree_kept"] for call in renders] == [False, True, False]
