"""Checks of the built site's take-away charts: every chart links its CSV, PNG and SVG, which exist and open, and
its own address, an anchor from its key; the links read in the page's language (labels.csv)."""

from __future__ import annotations

import csv
import json
import re
import struct
from pathlib import Path
from xml.etree import ElementTree

from report_lib import paths
from test_built_site import SITE, pages

FIGURE = re.compile(r'<figure class="report-chart" id="([^"]+)">(.*?)</figure>', re.S)
LINK = re.compile(r'<a class="report-chart-(download|png|svg)" href="([^"]+)" download>([^<]+)</a>')
SPEC = re.compile(r"var spec = (\{.*?\});\n", re.S)
OWN = re.compile(r'<a class="report-chart-link" href="#([^"]+)" title="([^"]+)">')
KINDS = {"download": "csv", "png": "png", "svg": "svg"}
LABELS = {"csv": "footer.download", "png": "footer.chart_png", "svg": "footer.chart_svg", "link": "footer.chart_link"}


def labels() -> dict[str, dict[str, str]]:
    """The link texts of labels.csv, by language and kind."""
    with open(paths.PROJECT_ROOT / "data" / "reference" / "labels.csv", encoding="utf-8") as file:
        rows = {row["key"]: row for row in csv.DictReader(file)}
    return {lang: {kind: rows[key][lang] for kind, key in LABELS.items()} for lang in ("en", "zh")}


def title_of(figure: str) -> str:
    """The chart's title as drawn on the widest column (its Vega spec's title: text, or the last lines of a signal)."""
    text = json.loads(SPEC.search(figure).group(1))["title"]["text"]
    if isinstance(text, dict):
        text = json.loads(re.findall(r'\[(?:"(?:[^"\\]|\\.)*"(?:, )?)+\]', text["signal"])[-1])
    return "".join(text) if isinstance(text, list) else text


def charts() -> list[tuple[Path, str, str]]:
    """Every chart of the site: its page, its anchor and its HTML."""
    return [(page, anchor, body) for page in pages()
            for anchor, body in FIGURE.findall(page.read_text(encoding="utf-8"))]


def test_every_chart_offers_csv_png_svg_that_open():
    """Each chart links three files that exist: a CSV, a PNG (its header parses) and an SVG (XML holding the title)."""
    found = charts()
    assert len(found) >= 100 and any("zh" in p.relative_to(SITE).parts for p, _, _ in found)
    problems = []
    for page, anchor, body in found:
        links = {KINDS[kind]: (page.parent / href).resolve() for kind, href, _ in LINK.findall(body)}
        where = f"{page.relative_to(SITE)}#{anchor}"
        if set(links) != {"csv", "png", "svg"} or not all(f.is_file() for f in links.values()):
            problems.append(f"{where}: {sorted(links)}")
            continue
        png = links["png"].read_bytes()
        if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR" or min(struct.unpack(">II", png[16:24])) <= 0:
            problems.append(f"{where}: {links['png'].name} is not a PNG")
        svg = ElementTree.parse(links["svg"]).getroot()
        drawn = "".join(svg.itertext()).replace(" ", "")
        if not svg.tag.endswith("svg") or title_of(body).replace(" ", "") not in drawn:
            problems.append(f"{where}: {links['svg'].name} lacks the title {title_of(body)!r}")
    assert problems == [], "\n".join(problems[:20])


def test_every_chart_links_its_own_address_from_its_key():
    """Each chart's id is chart-<key>, unique on its page, the same in both editions, its files named after it;
    its '#' link points at it."""
    by_page: dict[str, list[str]] = {}
    for page, anchor, body in charts():
        assert re.fullmatch(r"chart-[a-z0-9]+(-[a-z0-9]+)*", anchor), anchor
        assert OWN.search(body).group(1) == anchor
        stem = Path(LINK.search(body).group(2)).stem
        assert stem.startswith(anchor.removeprefix("chart-")), (anchor, stem)
        by_page.setdefault(page.relative_to(SITE).as_posix(), []).append(anchor)
    for name, anchors in by_page.items():
        assert len(anchors) == len(set(anchors)), f"{name}: two charts share an address"
        if not name.startswith("zh/") and f"zh/{name}" in by_page:
            assert by_page[f"zh/{name}"] == anchors, f"{name}: the Chinese edition's charts have other addresses"


def test_link_texts_are_the_labels_of_the_page_language():
    """The footer's links read as labels.csv says, in English and in Chinese."""
    texts = labels()
    seen = set()
    for page, _, body in charts():
        lang = "zh" if "zh" in page.relative_to(SITE).parts[:1] else "en"
        shown = {KINDS[kind]: text for kind, _, text in LINK.findall(body)}
        shown["link"] = OWN.search(body).group(2)
        assert shown == texts[lang], f"{page.relative_to(SITE)}: {shown}"
        seen.add(lang)
    assert seen == {"en", "zh"}
