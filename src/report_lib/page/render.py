"""Render Altair charts offline: interactive Vega in HTML for the site, PNG for the static (PDF) editions, data as CSV.

Altair's default renderer loads Vega from a CDN, which fails offline, and its ``inline``
template clashes with Sphinx's globals. Here every chart's Vega-Lite spec is compiled to
Vega when the page executes (vl-convert), so the reader's browser needs only the Vega
runtime, not the Vega-Lite compiler or vega-embed: the chart becomes a small ``div`` plus a
``reportChart`` call (``static/report-charts.js``, served with the runtime only on pages
that hold a chart, see :mod:`report_lib.page.sphinx_ext`), with an id derived from a hash
of the spec so that re-executing a notebook gives identical output. The same display object carries a PNG
(vl-convert, with a CJK font registered) that myst-nb picks for the LaTeX builder, and
a text alternative. The chart's data is written as CSV into the site and linked.

A chart is as wide as its column on the site (:mod:`report_lib.present.charts.fit`); its
static images, the PDF's PNG and the PNG and SVG a reader takes away, are drawn at its fixed
size (:func:`~report_lib.present.charts.fit.fixed_width`). Beside the CSV link are the PNG and
SVG (drawn when the page executes, by vl-convert, no network; written next to the CSV, links
only, so a page's first visit does not load them) and a link to the chart itself: its
anchor ``chart-<key>`` comes from the chart's key, so it stays when the chart changes.

For print (the PDF edition, :mod:`report_lib.publish.pdf.edition`) the environment variable
``REPORT_CHART_MODE=static`` swaps the interactive part for its static fallback: the PNG
as an ``<img>``, the footer as its caption, the data table shown (it stands in for the
tooltips) and the CSV named instead of linked.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert as vlc

from report_lib import paths, run_record
from report_lib.page.chart_mode import chart_mode
from report_lib.present import theme
from report_lib.present.charts.fit import COLUMN, fixed_width, wrap_titles
from report_lib.present.escape import script_json
from report_lib.present.tables import Marks, marked_html, one_line_cells

CJK_FONT_DIRS = (Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/truetype/noto"))
CHART_DATA = "chart-data"
PNG_SCALE = 2
IMAGE_CACHE = ".chart-images"
PANEL_WIDTH = "child_width"
"""The signal of a faceted chart's panel width in Vega (``static/report-charts.js`` fits it to the column)."""
WIDE_TEXT = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
"""Characters that need the CJK font in a PNG (Chinese, and full-width punctuation)."""
LINKS = {"csv": "Download data (CSV)", "png": "Image (PNG)", "svg": "Vector image (SVG)", "link": "Link to this chart"}
"""Texts of a chart's links (the page passes its language's, from ``labels.csv``): its files and its own address."""
CLASSES = {"csv": "report-chart-download", "png": "report-chart-png", "svg": "report-chart-svg"}
"""Class of each file's link (``report-chart-download``: the data, as before the images were offered)."""


class FontMissingError(RuntimeError):
    """No CJK font is available, so Chinese labels would render as boxes."""


def register_cjk_fonts() -> Path:
    """Register the first folder holding a Noto CJK font with vl-convert and return it.

    Raises
    ------
    FontMissingError
        When no CJK font is installed (``make system-deps`` installs fonts-noto-cjk).
    """
    extra = os.environ.get("REPORT_CJK_FONT_DIR")
    for folder in ((Path(extra),) if extra else ()) + CJK_FONT_DIRS:
        if folder.is_dir() and any("CJK" in f.name for f in folder.iterdir()):
            vlc.register_font_directory(str(folder))
            return folder
    raise FontMissingError(
        "no CJK font found in " + ", ".join(map(str, CJK_FONT_DIRS))
        + ": Chinese chart labels would be boxes; run `make system-deps` (installs fonts-noto-cjk)"
    )


@functools.cache
def prepare_renderer() -> None:
    """Enable the book's theme, once per process."""
    theme.enable()


@functools.cache
def prepare_static_renderer() -> Path:
    """Register the CJK font with vl-convert, once per process, before the first PNG is drawn.

    Only the static editions (the PDF) draw PNGs, so only they need a CJK font
    installed; the HTML site draws its charts in the browser. Returns the font folder
    (see :func:`register_cjk_fonts`); a failure is not cached, so the next chart raises again.
    """
    return register_cjk_fonts()


def chart_id(spec: dict) -> str:
    """Return a short deterministic id for a chart spec (hash of its JSON)."""
    return hashlib.sha1(json.dumps(spec, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]


def write_chart_file(name: str, write) -> str:
    """Write the site file ``_static/chart-data/<name>`` with ``write(path)``; return its link from this page.

    The file appears whole or not at all (written beside it, then moved), and is recorded as
    written by this run. The link is relative to the executing notebook's folder, which mirrors
    the page's folder.
    """
    root = paths.book_root()
    target = paths.site_static_dir(root) / CHART_DATA / name
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")  # a killed run leaves the old file or the new one
    write(partial)
    os.replace(partial, target)
    run_record.record_written(str(target))
    return Path(os.path.relpath(root / "_static" / CHART_DATA / name, Path.cwd())).as_posix()


def write_chart_data(data: pd.DataFrame, name: str) -> str:
    """Write ``data`` as ``_static/chart-data/<name>.csv`` of the site; return its link from this page.

    The CSV is UTF-8 with a BOM so that Excel shows Chinese correctly.
    """
    return write_chart_file(f"{name}.csv", lambda path: data.to_csv(path, index=False, encoding="utf-8-sig"))


def image_cache_dir(root: Path | None = None) -> Path:
    """The folder of drawn chart images, by spec hash: ``_build/.chart-images`` of the book being built (an edition's)."""
    return (root or paths.book_root()) / "_build" / IMAGE_CACHE


def _cached(path: Path, draw, read, write):
    """Return what ``path`` holds, or ``draw()`` it and store it there (whole or not at all; workers may race)."""
    if path.is_file():
        return read(path)
    made = draw()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    write(partial, made)
    os.replace(partial, path)
    return made


def static_images(spec: dict, png: bool = True) -> tuple[str, bytes | None]:
    """Draw ``spec`` at its fixed size as SVG and (with ``png``) PNG at :data:`PNG_SCALE`; cached by spec hash.

    The PNG is rasterised from the SVG (vl-convert's ``svg_to_png``: the same pixels as
    ``vegalite_to_png``, without compiling and laying out the chart twice). The cache
    (:func:`image_cache_dir`) is keyed on the fixed spec, vl-convert's version and the scale, so
    a page executed again (its data or code changed) draws only the charts that changed. The CJK
    font is registered before a PNG of a chart holding Chinese text is drawn (:func:`prepare_static_renderer`).
    """
    fixed = fixed_width(spec)
    text = json.dumps(fixed, sort_keys=True, ensure_ascii=False)
    key = hashlib.sha1(f"{vlc.__version__}:{PNG_SCALE}:{text}".encode()).hexdigest()[:20]
    folder = image_cache_dir()
    svg = _cached(folder / f"{key}.svg", lambda: vlc.vegalite_to_svg(fixed), lambda p: p.read_text(encoding="utf-8"),
                  lambda p, made: p.write_text(made, encoding="utf-8"))
    if not png:
        return svg, None
    if WIDE_TEXT.search(text):
        prepare_static_renderer()
    return svg, _cached(folder / f"{key}.png", lambda: vlc.svg_to_png(svg, scale=PNG_SCALE), Path.read_bytes,
                        Path.write_bytes)


def static_png(spec: dict) -> bytes:
    """Draw ``spec`` as a PNG at its fixed size (:func:`static_images`)."""
    return static_images(spec)[1]


def write_images(spec: dict, name: str) -> dict[str, str]:
    """Write the chart's PNG and SVG beside its CSV (``<name>.png``, ``<name>.svg``); return their links by format.

    A chart with Chinese text gets no PNG where no CJK font is installed (its glyphs would be boxes;
    ``make book`` needs no system package): a warning says so, and the SVG, drawn in the reader's fonts, stays.
    """
    try:
        svg, png = static_images(spec)
    except FontMissingError as error:
        warnings.warn(f"chart {name}: no PNG to download: {error}", stacklevel=2)
        svg, png = static_images(spec, png=False)
    hrefs = {}
    if png is not None:
        hrefs["png"] = write_chart_file(f"{name}.png", lambda path: path.write_bytes(png))
    hrefs["svg"] = write_chart_file(f"{name}.svg", lambda path: path.write_text(svg, encoding="utf-8"))
    return hrefs


@dataclass(frozen=True)
class RenderedChart:
    """A chart ready for display: HTML, the PNG of a static edition (``None`` on the site) and plain text."""

    name: str
    spec: dict
    png: bytes | None
    html: str
    alt_text: str

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        bundle = {"text/html": self.html, "text/plain": self.alt_text}
        if self.png is not None:  # static editions only
            bundle["image/png"] = base64.b64encode(self.png).decode("ascii")
        return bundle


def table_html(data: pd.DataFrame, classes: str = "report-chart-table", marks: Marks | None = None) -> str:
    """Return ``data`` as an HTML table; line breaks and tabs inside labels show as spaces.

    pandas writes a newline or tab inside a cell as the two characters ``\\n`` / ``\\t``;
    chart labels use newlines to wrap, so they are replaced before rendering.
    """
    options = {"index": False, "classes": classes, "border": 0, "na_rep": ""}
    cells = one_line_cells(data)
    return cells.to_html(**options) if marks is None else marked_html(cells, marks, **options)  # yes/no as ✓ / ✗


def vega_spec(spec: dict) -> dict:
    """Compile a Vega-Lite ``spec`` to Vega with vl-convert, for the Vega version the site serves.

    The Vega-Lite version is the one the spec's ``$schema`` names (Altair's), so the
    compiled chart is what Altair would have drawn. Its titles wrap to its column
    (:func:`~report_lib.present.charts.fit.wrap_titles`), its column width
    (:data:`~report_lib.present.charts.fit.COLUMN`) is read again when the window is resized,
    as Vega-Lite does for a container width itself, and a faceted chart, whose panel width
    (:data:`PANEL_WIDTH`) the site's script fits to the column, is laid out again when it changes.
    """
    version = spec.get("$schema", "").rsplit("/", 1)[-1].removesuffix(".json").removeprefix("v")
    compiled = vlc.vegalite_to_vega(spec, vl_version=".".join(version.split(".")[:2]) or None)
    for signal in compiled.get("signals", []):
        if signal.get("name") == COLUMN and "update" in signal:
            signal["on"] = [{"events": "window:resize", "update": signal["update"]}]
        if signal.get("name") == PANEL_WIDTH:  # the site's script sets it; the view follows (by default only at start)
            compiled["autosize"] = {**compiled.get("autosize", {"type": "pad"}), "resize": True}
    return wrap_titles(compiled)


def anchor(key: str) -> str:
    """Return the HTML id of the chart ``key`` (``c2_needs`` -> ``chart-c2-needs``): its address on the page."""
    return "chart-" + re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


def take_away_links(hrefs: dict[str, str], links: dict[str, str], target: str) -> str:
    """The footer's links: the chart's files (CSV, then PNG and SVG when drawn) and the link to the chart itself.

    The link to the chart is a ``#`` shown on hover and focus, as Sphinx's links to headings;
    its text for screen readers is ``links["link"]``.
    """
    files = " · ".join(f'<a class="{CLASSES[kind]}" href="{html.escape(hrefs[kind])}" download>{html.escape(links[kind])}</a>'
                       for kind in ("csv", "png", "svg") if kind in hrefs)
    label = html.escape(links["link"])
    return (f'<span class="report-chart-downloads">{files}</span> <a class="report-chart-link" href="#{target}" '
            f'title="{label}"><span aria-hidden="true">#</span><span class="report-visually-hidden">{label}</span></a>')


def _html(cid: str, target: str, spec: dict, footer: str, hrefs: dict[str, str], data: pd.DataFrame,
          alt_text: str, links: dict[str, str], marks: Marks | None = None) -> str:
    spec_json = script_json(vega_spec(spec))
    table = table_html(data, marks=marks)
    return f"""<figure class="report-chart" id="{target}">
<div id="vis-{cid}" class="report-chart-canvas"></div>
<script type="text/javascript">(function () {{
  var spec = {spec_json};
  function draw() {{ reportChart(document.getElementById("vis-{cid}"), spec); }}
  if (window.reportChart) {{ draw(); }} else {{ window.addEventListener("load", draw); }}
}})();</script>
<figcaption class="report-chart-footer">{html.escape(footer)}<br>{take_away_links(hrefs, links, target)}</figcaption>
<details class="report-chart-data"><summary>{html.escape(alt_text)}</summary>{table}</details>
</figure>"""


def _static_html(cid: str, png: bytes, footer: str, name: str, data: pd.DataFrame, alt_text: str,
                 marks: Marks | None = None) -> str:
    """Print fallback: the PNG with the footer as caption, then the data table (no script, no link)."""
    source = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    width = int.from_bytes(png[16:20], "big") // PNG_SCALE  # IHDR width, in CSS pixels
    table = table_html(data, marks=marks)
    return f"""<figure class="report-chart report-chart-static" id="chart-{cid}">
<img class="report-chart-image" src="{source}" style="width: {width}px" alt="{html.escape(alt_text)}">
<figcaption class="report-chart-footer">{html.escape(footer)} <span class="report-chart-file">[{html.escape(name)}.csv]</span></figcaption>
<div class="report-chart-data"><p class="report-chart-alt">{html.escape(alt_text)}</p>{table}</div>
</figure>"""


def render_chart(
    chart: alt.TopLevelMixin, data: pd.DataFrame, *, name: str, footer: str, alt_text: str,
    download_label: str | None = None, key: str | None = None, links: dict[str, str] | None = None,
    images: bool = True, marks: Marks | None = None,
) -> RenderedChart:
    """Render ``chart`` for the book.

    Parameters
    ----------
    chart
        The Altair chart (the theme is enabled on the first chart, :func:`prepare_renderer`).
    data
        The table behind the chart, written as CSV and shown as a data table.
    name
        File name stem of the CSV (unique within the book).
    footer
        Source, base and notes line(s) shown under the chart.
    alt_text
        One-sentence text alternative: what the chart shows.
    download_label
        Link text of the CSV download (the same as ``links["csv"]``).
    key
        The chart's id (its anchor, :func:`anchor`); ``name`` when not given.
    links
        Texts of the chart's links by kind (:data:`LINKS`, whose English texts fill any not given).
    images
        Whether the site's chart offers its PNG and SVG too.
    marks
        How the data table shows yes/no cells (✓ / ✗ and the words a screen reader says); raw when ``None``.

    Notes
    -----
    With ``REPORT_CHART_MODE=static`` the HTML is the print fallback (see :func:`chart_mode`).
    """
    prepare_renderer()
    spec = {**chart.to_dict(), "description": alt_text}  # Vega names the chart's SVG by its description
    cid = chart_id(spec)
    hrefs = {"csv": write_chart_data(data, name)}
    png = None
    if chart_mode() == "static":
        prepare_static_renderer()
        png = static_png(spec)
        shown = _static_html(cid, png, footer, name, data, alt_text, marks)
    else:
        if images:
            hrefs.update(write_images(spec, name))
        texts = {**LINKS, **(links or {}), **({"csv": download_label} if download_label else {})}
        shown = _html(cid, anchor(key or name), spec, footer, hrefs, data, alt_text, texts, marks)
    return RenderedChart(name, spec, png, shown, alt_text)
