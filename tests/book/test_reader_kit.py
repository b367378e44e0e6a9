"""Checks of the built site for what a reader takes away: footers that name their sources, yes/no cells as
marks, the cite block of the introduction, and the data package (both languages, every page)."""

from __future__ import annotations

import html
import json
import re
import tomllib
from pathlib import Path

import pytest

from report_lib import paths
from report_lib.present.labels import Labels
from support.footer_fields import empty_fields

SITE = paths.PROJECT_ROOT / "_build" / "html"
LANGS = {"en": SITE, "zh": SITE / "zh"}
TABLE = re.compile(r"<table\b.*?</table>", re.S)
RAW_CELL = re.compile(r"<t[dh][^>]*>\s*(True|False|&lt;NA&gt;|<NA>|NaN|None)\s*</t[dh]>")
FOOTER = re.compile(r'<figcaption class="report-chart-footer">(.*?)</figcaption>', re.S)


def pages(lang: str) -> list[Path]:
    """Every HTML page of one edition (the Chinese site is the ``zh`` folder; fails when the site is not built)."""
    root = LANGS[lang]
    if not (root / "index.html").is_file():
        pytest.fail(f"no built site at {root}: run `make book` first")
    inside = sorted(p for p in root.rglob("*.html") if "_static" not in p.parts)
    return [p for p in inside if lang == "zh" or "zh" not in p.relative_to(root).parts[:1]]


def text_of(fragment: str, between: str = " ") -> str:
    """The text of an HTML fragment, its tags replaced by ``between``."""
    return html.unescape(re.sub(r"<[^>]+>", between, fragment))


@pytest.mark.parametrize("lang", LANGS)
def test_no_footer_has_an_empty_field(lang, dataset):
    """Every chart footer of every page names its source and fills every field ("Source: ." is a failure)."""
    label, footers, empty = Labels(dataset, lang), 0, []
    source = label("footer.source") + label("footer.colon")
    for page in pages(lang):
        for caption in FOOTER.findall(page.read_text(encoding="utf-8")):
            footer = text_of(caption)
            footers += 1
            assert footer.strip().startswith(source), f"{page.relative_to(SITE)}: {footer[:80]}"
            empty += [f"{page.relative_to(SITE)}: {e}" for e in empty_fields(footer, label)]
    assert footers > 50 and empty == []


def test_the_empty_field_check_can_fail(dataset):
    """The check finds the empty source of the six reference charts as they were printed before the fix."""
    assert empty_fields("Source: . Data: Policy documents (data/reference/policies.csv).", Labels(dataset))
    assert empty_fields("来源：。 数据：政策文件 (data/reference/policies.csv)。", Labels(dataset, "zh"))
    assert not empty_fields("Source: iResearch. Base: All respondents (n=120).", Labels(dataset))


@pytest.mark.parametrize("lang", LANGS)
def test_no_table_shows_a_raw_boolean(lang, dataset):
    """No cell of any table (reader's tables and charts' data tables) prints True, False or <NA>; yes/no cells are
    ✓ / ✗ named for screen readers in the page's language."""
    label = Labels(dataset, lang)
    raw, marks = [], 0
    for page in pages(lang):
        for table in TABLE.findall(page.read_text(encoding="utf-8")):
            raw += [f"{page.relative_to(SITE)}: {cell}" for cell in RAW_CELL.findall(table)]
            marks += table.count('class="report-mark"')
            named = re.findall(r'class="report-mark" role="img" aria-label="([^"]*)"', table)
            assert set(named) <= {label("cell.yes_said"), label("cell.no_said")}, page
    assert raw == [] and marks > 0


@pytest.mark.parametrize("lang", LANGS)
def test_the_introduction_says_how_to_cite_this_build(lang, dataset):
    """The introduction's cite block has the reference and a BibTeX entry in the page's language, with the edition's
    year, the version from pyproject.toml and a build date."""
    version = tomllib.loads((paths.PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    intro = text_of((LANGS[lang] / "intro.html").read_text(encoding="utf-8"), between="")  # highlighted BibTeX
    assert f"@misc{{bank-marketing-digitalization-2023-{lang}," in intro
    assert re.search(rf"version = \{{{re.escape(version)}\}}", intro)
    assert re.search(r"date = \{\d{4}-\d{2}-\d{2}\}", intro)
    assert intro.count(Labels(dataset, lang)("cite.author")) >= 2  # the reference and the BibTeX author


def test_the_data_package_lists_every_chart_csv_and_validates():
    """datapackage.json at the site's root lists every chart CSV of both editions, and frictionless validates it."""
    from frictionless import validate

    descriptor = json.loads((SITE / "datapackage.json").read_text(encoding="utf-8"))
    listed = {r["path"] for r in descriptor["resources"]}
    charts = {p.relative_to(SITE).as_posix() for folder in ("_static/chart-data", "zh/_static/chart-data")
              for p in (SITE / folder).glob("*.csv")}
    assert charts and charts <= listed and "data/published/figures.csv" in listed
    report = validate(str(SITE / "datapackage.json"))
    assert report.valid, [f"{t.name}: {e.type}: {e.note}" for t in report.tasks for e in t.errors][:10]
