"""Page weight: a reader's first visit to any page of either edition loads at most 1.2 MB.

A page's first-visit bytes are the page itself plus every local file it loads when it loads,
counted uncompressed (as a static file server without compression serves them): scripts
(``<script src>``), stylesheets (``<link rel="stylesheet">``, following their ``@import``),
preloads and icons (``<link rel="preload|icon">``), images (``<img src>``) and what the
stylesheets reference with ``url()``: of each ``@font-face`` only its first source (the woff2 a
browser takes), every other ``url()`` in full. Each file counts once per page. A reference to a
local file that does not exist is an error too (a broken page is not a light one).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from test_built_site import SITE, pages

BUDGET = 1_200_000
"""Bytes a first visit may load (1.2 MB)."""
FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}", re.S)
URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?['"]?([^'")\s;]+)""")
LOADED_LINKS = {"stylesheet", "preload", "icon", "shortcut"}


class _Resources(HTMLParser):
    """Collects the URLs of the scripts, stylesheets, preloads, icons and images of an HTML page."""

    def __init__(self):
        super().__init__()
        self.scripts: list[str] = []
        self.stylesheets: list[str] = []
        self.other: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.scripts.append(attributes["src"])
        elif tag == "img" and attributes.get("src"):
            self.other.append(attributes["src"])
        elif tag == "link" and attributes.get("href"):
            rel = set((attributes.get("rel") or "").lower().split())
            if "stylesheet" in rel:
                self.stylesheets.append(attributes["href"])
            elif rel & LOADED_LINKS:
                self.other.append(attributes["href"])


def local_file(url: str, base: Path) -> Path | None:
    """Return the file a relative ``url`` names from the folder ``base``; None for data: and remote URLs."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return (base / unquote(parts.path)).resolve()


def stylesheet_files(sheet: Path, seen: set[Path]) -> list[Path]:
    """Return ``sheet`` and every local file it loads: imported sheets, each font face's first source, images."""
    if sheet in seen:
        return []
    seen.add(sheet)
    if not sheet.is_file():
        return [sheet]
    text = sheet.read_text(encoding="utf-8", errors="replace")
    found = [sheet]
    for url in IMPORT.findall(text):
        if (target := local_file(url, sheet.parent)) is not None:
            found += stylesheet_files(target, seen)
    faces = FONT_FACE.findall(text)
    urls = [m[1] for face in faces for m in URL.findall(face)[:1]]
    rest = FONT_FACE.sub("", IMPORT.sub("", text))
    urls += [m[1] for m in URL.findall(rest)]
    for url in urls:
        if (target := local_file(url, sheet.parent)) is not None and target not in seen:
            seen.add(target)
            found.append(target)
    return found


def first_visit_files(page: Path) -> list[Path]:
    """Return the page and every local file it loads on load, each once, in the order found."""
    parser = _Resources()
    parser.feed(page.read_text(encoding="utf-8"))
    seen: set[Path] = set()
    files = [page.resolve()]
    for url in parser.scripts + parser.other:
        if (target := local_file(url, page.parent)) is not None and target not in seen and target != files[0]:
            seen.add(target)
            files.append(target)
    for url in parser.stylesheets:
        if (target := local_file(url, page.parent)) is not None:
            files += stylesheet_files(target, seen)
    return files


def first_visit_bytes(page: Path) -> tuple[int, list[tuple[int, Path]], list[Path]]:
    """Return a page's first-visit bytes, its files by size (largest first) and the files it names that are missing."""
    files = first_visit_files(page)
    missing = [f for f in files if not f.is_file()]
    sizes = sorted(((f.stat().st_size, f) for f in files if f.is_file()), key=lambda item: -item[0])
    return sum(size for size, _ in sizes), sizes, missing


def report(page: Path, total: int, sizes: list[tuple[int, Path]], root: Path) -> str:
    """One line per page over budget: its bytes and its five largest files."""
    def name(path: Path) -> str:
        return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
    top = ", ".join(f"{name(f)} {size:,}" for size, f in sizes[:5])
    return f"{name(page)}: {total:,} bytes > {BUDGET:,} ({top})"


def test_every_page_first_visit_within_budget():
    """Every page of both editions, with what it loads on load, weighs at most BUDGET bytes."""
    checked, over, broken, heaviest = 0, [], [], (0, None)
    for page in pages():
        total, sizes, missing = first_visit_bytes(page)
        checked += 1
        heaviest = max(heaviest, (total, page), key=lambda item: item[0])
        if total > BUDGET:
            over.append(report(page, total, sizes, SITE))
        broken += [f"{page.relative_to(SITE)}: {f}" for f in missing]
    assert checked > 10 and any("zh" in p.relative_to(SITE).parts for p in pages()), "both editions are checked"
    assert broken == [], "pages load files that do not exist:\n" + "\n".join(broken[:10])
    assert over == [], f"{len(over)} of {checked} pages over budget:\n" + "\n".join(over[:20])
    print(f"heaviest page: {heaviest[1].relative_to(SITE)} {heaviest[0]:,} bytes of {BUDGET:,}")


@pytest.fixture()
def tiny_site(tmp_path: Path) -> Path:
    """A page with a script, a stylesheet importing another, a two-source font face, an image and a data: URI."""
    static = tmp_path / "_static"
    (static / "fonts").mkdir(parents=True)
    (static / "app.js").write_bytes(b"x" * 1000)
    (static / "fonts" / "icons.woff2").write_bytes(b"f" * 300)
    (static / "fonts" / "icons.ttf").write_bytes(b"t" * 5000)
    (static / "base.css").write_text("body{background:url('../logo.png')}")
    (static / "site.css").write_text('@import "base.css";\n@font-face{font-family:I;src:url(fonts/icons.woff2) '
                                     'format("woff2"),url(fonts/icons.ttf) format("truetype")}\n'
                                     '.x{background:url("data:image/png;base64,AAAA")}')
    (tmp_path / "logo.png").write_bytes(b"p" * 200)
    (tmp_path / "page.html").write_text(
        '<html><head><link rel="stylesheet" href="_static/site.css?digest=1"><script src="_static/app.js"></script>'
        '<link rel="preload" as="script" href="_static/app.js"></head>'
        '<body><img src="logo.png"><img src="data:image/png;base64,AAAA"></body></html>')
    return tmp_path


def test_byte_counter_counts_each_loaded_file_once(tiny_site):
    """The page, the script (once), both stylesheets, the font's woff2 (not its ttf) and the image."""
    page = tiny_site / "page.html"
    total, sizes, missing = first_visit_bytes(page)
    css = sum((tiny_site / "_static" / n).stat().st_size for n in ("site.css", "base.css"))
    assert missing == []
    assert total == page.stat().st_size + 1000 + css + 300 + 200
    assert {f.name for _, f in sizes} == {"page.html", "app.js", "site.css", "base.css", "icons.woff2", "logo.png"}


def test_budget_fails_a_page_with_a_heavy_asset(tiny_site):
    """Control: a page whose script alone exceeds the budget is reported with the script as top contributor."""
    (tiny_site / "_static" / "app.js").write_bytes(b"x" * (BUDGET + 1))
    page = tiny_site / "page.html"
    total, sizes, _ = first_visit_bytes(page)
    assert total > BUDGET
    assert sizes[0][1].name == "app.js"
    assert "app.js 1,200,001" in report(page, total, sizes, tiny_site)


def test_missing_resource_is_reported(tiny_site):
    """A page that names a local file that is not there is broken, and said so."""
    (tiny_site / "_static" / "app.js").unlink()
    assert [f.name for f in first_visit_bytes(tiny_site / "page.html")[2]] == ["app.js"]
