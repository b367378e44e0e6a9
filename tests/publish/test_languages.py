"""Tests of report_lib.publish.languages and the ``translations`` command: editions of one page source, stale text."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from report_lib import cli, paths
from report_lib.publish.languages import LanguageBlockError, page_for_language, text_hash, translation_problems
from report_lib.publish.toc import page_sources

EN = "## Deployment\nAbout {glue:md}`share` of banks deploy on premise."
ZH = "## 部署方式\n约 {glue:md}`share` 的银行采用本地部署。"
FRONT = "---\nkernelspec:\n  name: python3\n---\n"
CODE = "```{code-cell} ipython3\n:tags: [remove-cell]\nx = 1\n```\n"


def page(en: str = EN, zh: str = ZH, translates: str | None = None, between: str = "") -> str:
    """Return a page source with one en/zh pair around a code cell."""
    translates = text_hash(EN) if translates is None else translates
    return (f"{FRONT}\n(deployment)=\n::::{{lang}} en\n{en}\n::::\n\n::::{{lang}} zh\n:translates: {translates}\n{zh}\n"
            f"::::\n{between}\n{CODE}")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_text_hash_is_sha256_of_the_stripped_body():
    """The hash is the first 12 hex digits of sha256 of the body without surrounding blank lines and space."""
    assert text_hash(f"\n\n{EN}\n \n") == hashlib.sha256(EN.encode("utf-8")).hexdigest()[:12]


@pytest.mark.parametrize("lang, kept, dropped", [("en", EN, ZH), ("zh", ZH, EN)])
def test_page_for_language_keeps_one_language(lang, kept, dropped):
    """An edition keeps its blocks' bodies (no fences, no :translates:) and the unmarked text, not the other language."""
    text = page_for_language(page(), lang)
    assert kept in text and dropped not in text
    assert "::::" not in text and ":translates:" not in text
    assert CODE in text and "(deployment)=" in text and text.startswith(FRONT)


def test_nested_block_is_an_error():
    with pytest.raises(LanguageBlockError, match="inside"):
        page_for_language("::::{lang} en\n::::{lang} zh\n::::\n", "en")


def test_translated_page_has_no_problems(tmp_path):
    assert translation_problems(write(tmp_path, page())) == []


def test_edited_english_without_new_translation_is_stale(tmp_path):
    """Changing the English paragraph but not the Chinese block (nor its hash) is reported as stale, with the line."""
    problems = translation_problems(write(tmp_path, page(en=EN.replace("About", "Nearly"))))
    assert len(problems) == 1 and "stale translation" in problems[0] and f"{tmp_path / 'page.md'}:12:" in problems[0]


@pytest.mark.parametrize("text, reason", [
    (page(zh="## Deployment\n{glue:md}`share`"), "no Chinese text"),
    (page(zh="## 部署方式\n约 42% 的银行采用本地部署。"), "glued names differ"),
    (page(between="\nSome English prose nobody translated.\n"), "text outside lang blocks"),
    (f"{FRONT}\n::::{{lang}} en\n{EN}\n::::\n\n{CODE}", "en block without a zh block"),
    (page().replace(f":translates: {text_hash(EN)}\n", ""), "lacks ':translates:"),
])
def test_each_problem_is_reported(tmp_path, text, reason):
    problems = translation_problems(write(tmp_path, text))
    assert any(reason in p for p in problems), problems


def test_translations_check_fails_on_a_stale_page(tmp_path, monkeypatch, capsys):
    """``python -m report_lib translations --check`` exits non-zero and names the stale page."""
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: page\n", encoding="utf-8")
    write(tmp_path, page(en=EN + " Edited."))
    monkeypatch.setattr(paths, "PROJECT_ROOT", tmp_path)
    assert cli.main(["translations", "--check"]) == 1
    assert "stale translation" in capsys.readouterr().out
    write(tmp_path, page())
    assert cli.main(["translations", "--check"]) == 0


def test_editing_a_real_chapter_paragraph_makes_it_stale(tmp_path):
    """The check sees a changed English paragraph of a real chapter whose translation was not updated."""
    source = (paths.PROJECT_ROOT / "chapters" / "01_background.md").read_text(encoding="utf-8")
    edited = source.replace("This chapter sets the scene", "This chapter briefly sets the scene", 1)
    assert edited != source
    assert translation_problems(write(tmp_path, source)) == []
    assert any("stale translation" in p for p in translation_problems(write(tmp_path, edited)))


@pytest.mark.parametrize("source", page_sources(paths.PROJECT_ROOT), ids=lambda p: p.name)
def test_every_page_source_is_translated(source):
    """Every page the book shows (and the variants' overview) has a current Chinese translation of all its prose."""
    assert translation_problems(source) == []
