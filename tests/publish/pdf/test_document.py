"""Tests of report_lib.publish.pdf.document: one printable document from the single-page HTML."""

from __future__ import annotations

from report_lib.publish.pdf.document import Cover, body_and_entries, column_shares, contents_html, document_html

SINGLEHTML = """<html><body><article class="bd-article">
<section id="intro"><h1>Intro<a class="headerlink" href="#intro">#</a></h1>
<p>See the <a href="#document-reference/glossary">glossary</a>.</p><script>alert(1)</script>
<div class="toctree-wrapper compound">
<span id="document-chapters/01_a"></span><section id="a"><h2>1. A</h2>
<section id="a-one"><h3>A one</h3><details><summary>More</summary>hidden</details>
<table><thead><tr><th>Id</th><th>Note</th></tr></thead>
<tbody><tr><td>c1_card_growth_2018</td><td>a long note</td></tr></tbody></table></section></section>
<span id="document-reference/glossary"></span><section id="g"><h2>Glossary</h2>
<section id="a-one"><h3>Terms</h3><a href="#a-one">here</a></section></section>
</div></section></article></body></html>"""


def parsed():
    return body_and_entries(SINGLEHTML, "intro", ["chapters/01_a", "reference/glossary"],
                            {"chapters/01_a": "The report"})


def test_every_page_title_becomes_h1_in_order():
    """Page titles are h1 with a page anchor, sections h2; the contents list them in order."""
    body, entries = parsed()
    assert [(e.anchor, e.level) for e in entries] == [
        ("page-intro", 1), ("page-chapters-01-a", 1), ("page-chapters-01-a--a-one", 2),
        ("page-reference-glossary", 1), ("page-reference-glossary--a-one", 2)]
    assert entries[1].part == "The report"
    assert '<h1 id="page-chapters-01-a">1. A</h1>' in body and "<h2>A one</h2>" in body
    assert body.index("Intro") < body.index("1. A") < body.index("Glossary")


def test_screen_only_elements_are_removed_or_opened():
    """Heading anchors, scripts and the toctree go; details are open; page links reach the title."""
    body, _ = parsed()
    assert "headerlink" not in body and "<script" not in body and "toctree-wrapper" not in body
    assert "<details open" in body
    assert 'href="#page-reference-glossary"' in body


def test_tables_get_widths_and_break_points():
    """Tables get column widths that add up to the page; identifiers may break after underscores."""
    body, _ = parsed()
    assert "<colgroup>" in body and "c1_\u200bcard_\u200bgrowth_\u200b2018" in body


def test_column_shares_fit_and_favour_long_text():
    """Shares add up to 1; a column of long notes gets more than a column of short ids."""
    shares = column_shares([["c1_x", "a note " * 20, "由2018年的17%下滑至2022年的2.46%"]] * 3)
    assert abs(sum(shares) - 1) < 1e-9
    assert shares[1] > shares[0]


def test_contents_show_page_numbers_when_known():
    """The contents carry the page number of each entry after the first printing."""
    _, entries = parsed()
    assert 'class="number">7<' in contents_html(entries, {"page-chapters-01-a": 7})
    document = document_html(Cover("Title", "《标题》", ("Edition of 2026-01-01.",)), "<p>x</p>", entries)
    assert document.index("Title") < document.index("Contents") < document.index("<p>x</p>")


def test_ids_shared_by_pages_are_made_unique():
    """A section id two pages use gets each page's prefix, and a link in that page follows it."""
    body, _ = parsed()
    assert 'id="page-chapters-01-a--a-one"' in body and 'id="page-reference-glossary--a-one"' in body
    assert 'href="#page-reference-glossary--a-one"' in body


def test_print_stylesheet_uses_only_theme_colours():
    """print.css names colours only as var(--report-...), and every one it names is in the theme's palette."""
    import re

    from report_lib.present.theme import css_variables
    from report_lib.publish.pdf.document import PRINT_CSS, print_css

    css = PRINT_CSS.read_text(encoding="utf-8")
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgb\(", css)
    defined = set(re.findall(r"--(report-[\w-]+):", css_variables()))
    assert set(re.findall(r"var\(--(report-[\w-]+)\)", css)) <= defined
    assert print_css().startswith(css_variables())
