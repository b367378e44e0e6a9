"""The cache of the executed pages, proved on a two-page book in both language editions.

Page ``reads_policies`` reads ``reference/policies.csv``, page ``reads_glossary`` reads
``reference/glossary.csv`` (both also read what opening a page reads). The book is built
once; each test first brings it up to date, then changes something, runs
:func:`report_lib.publish.editions.write_editions` (both editions, one batch) again and reads
what each page did from the progress lines.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from report_lib import paths
from report_lib.publish import cache
from report_lib.publish.editions import write_editions
from report_lib.publish.languages import edition_root
from report_lib.publish.languages import EDITIONS

pytestmark = pytest.mark.slow

PAGE = """---
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# {title}

```{{code-cell}} ipython3
:tags: [parameters, remove-cell]

lang = "en"
data_dir = None
```

```{{code-cell}} ipython3
from report_lib.page.page import open_page

page = open_page(data_dir, lang)
print("rows:", len(page.data.table("{table}")))
```
"""
PAGES = {"reads_policies": "policies", "reads_glossary": "glossary"}
DATA_FILE = {"reads_policies": "reference/policies.csv", "reads_glossary": "reference/glossary.csv"}


def make_book(root: Path) -> Path:
    """Write the two-page book (no report part, so no variants) and a copy of the data of record."""
    root.mkdir(parents=True, exist_ok=True)
    for name, table in PAGES.items():
        (root / f"{name}.md").write_text(PAGE.format(title=name, table=table), encoding="utf-8")
    (root / "_config.yml").write_text("title: t\nsphinx:\n  extra_extensions: [report_lib.page.sphinx_ext]\n",
                                      encoding="utf-8")
    (root / "_toc.yml").write_text("format: jb-book\nroot: reads_policies\nchapters:\n  - file: reads_glossary\n",
                                   encoding="utf-8")
    shutil.copytree(paths.DEFAULT_DATA_DIR, root / "data")
    return root


def build(root: Path) -> dict[str, str]:
    """Generate every edition of the book at ``root``; return ``{"<lang>/<page>": "executed" | "cached"}``."""
    lines: list[str] = []
    results = write_editions(root, root / "data", EDITIONS, variants=False, log=lines.append)
    assert not [r for r in results.values() if isinstance(r, Exception)], results
    return {line.split("] ")[1].split(":")[0]: line.split(": ")[1].split(" ")[0] for line in lines
            if line.startswith("pages [")}


def executed(status: dict[str, str]) -> set[str]:
    return {name for name, what in status.items() if what == "executed"}


def every(pages) -> set[str]:
    return {f"{lang}/{page}" for lang in EDITIONS for page in pages}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The book with both editions generated once (every page executed)."""
    root = make_book(tmp_path_factory.mktemp("cached") / "book")
    assert executed(build(root)) == every(PAGES)
    return root


def notebook_of(root: Path, lang: str, page: str) -> Path:
    return edition_root(root, lang) / f"{page}.ipynb"


def test_no_change_executes_nothing_and_rewrites_nothing(built):
    """A second generation reuses every page and leaves every generated file's mtime alone."""
    build(built)
    files = [p for lang in EDITIONS for p in edition_root(built, lang).rglob("*") if p.is_file()]
    before = {p: p.stat().st_mtime_ns for p in files}
    status = build(built)
    assert status and set(status.values()) == {"cached"} and set(status) == every(PAGES)
    assert {p: p.stat().st_mtime_ns for p in files} == before


def test_one_data_file_executes_exactly_its_readers_in_every_edition(built):
    """policies.csv changed: the page that read it runs again in both editions; the other page does not."""
    build(built)
    record = nbformat.read(notebook_of(built, "en", "reads_policies"), as_version=4).metadata[cache.METADATA_KEY]
    assert DATA_FILE["reads_policies"] in record["read"] and DATA_FILE["reads_glossary"] not in record["read"]
    policies = built / "data" / DATA_FILE["reads_policies"]
    policies.write_text(policies.read_text(encoding="utf-8").replace("Digital China", "Digital  China", 1),
                        encoding="utf-8")
    assert executed(build(built)) == every(["reads_policies"])
    glossary = built / "data" / DATA_FILE["reads_glossary"]
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("Customer", "Client", 1), encoding="utf-8")
    assert executed(build(built)) == every(["reads_glossary"])
    assert executed(build(built)) == set()


def test_a_corrupted_entry_is_executed_again_never_shown(built):
    """A truncated notebook and one whose output was edited fail their check: both run again, the edit is gone."""
    build(built)
    truncated, edited = notebook_of(built, "en", "reads_policies"), notebook_of(built, "zh", "reads_glossary")
    good = nbformat.read(edited, as_version=4)
    truncated.write_bytes(truncated.read_bytes()[:200])
    tampered = nbformat.read(edited, as_version=4)
    cell = next(c for c in tampered.cells if c.cell_type == "code" and c.outputs)
    cell.outputs[0]["text"] = "rows: 999999\n"
    nbformat.write(tampered, edited)
    assert executed(build(built)) == {"en/reads_policies", "zh/reads_glossary"}
    shown = nbformat.read(edited, as_version=4)
    assert "999999" not in nbformat.writes(shown)
    assert [c.outputs for c in shown.cells if c.cell_type == "code"] == \
        [c.outputs for c in good.cells if c.cell_type == "code"]
    assert nbformat.read(truncated, as_version=4).metadata[cache.METADATA_KEY]["key"]


def test_a_library_change_executes_everything(built, tmp_path, monkeypatch):
    """The same library elsewhere keys the same; one changed module re-executes every page of every edition."""
    library = tmp_path / "report_lib"
    shutil.copytree(cache.LIBRARY, library, ignore=shutil.ignore_patterns("__pycache__"))
    build(built)
    monkeypatch.setattr(cache, "LIBRARY", library)
    assert executed(build(built)) == set()
    module = library / "run_record.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# a change\n", encoding="utf-8")
    assert executed(build(built)) == every(PAGES)


def test_a_build_with_nothing_changed_does_nothing_and_a_data_change_builds_again(built, capsys):
    """build_html: the second build finds the published book current; a changed data file makes it build (from cache)."""
    from report_lib.publish import up_to_date
    from report_lib.publish.site import build_html

    assert build_html(root=built, data_dir=built / "data") == 0
    site = built / "_build" / "html"
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()}
    capsys.readouterr()
    assert build_html(root=built, data_dir=built / "data") == 0
    assert "Nothing changed since the last good build" in capsys.readouterr().out
    assert {p: p.stat().st_mtime_ns for p in site.rglob("*") if p.is_file()} == before
    policies = built / "data" / DATA_FILE["reads_policies"]
    policies.write_text(policies.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not up_to_date.book_is_current(built, built / "data", "html", None)[0]
    assert build_html(root=built, data_dir=built / "data") == 0
    assert "Nothing changed" not in capsys.readouterr().out
