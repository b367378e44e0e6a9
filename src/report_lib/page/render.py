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
from dataclasses import dataclass
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert as vlc

from report_lib import paths, run_record
from report_lib.page.chart_mode import chart_mode
from report_lib.present import theme
from report_lib.present.escape import script_json
from report_lib.present.tables import Marks, marked_html, one_line_cells

CJK_FONT_DIRS = (Path("/usr/share/fonts/opentype/noto"), Path("/usr/share/fonts/truetype/noto"))
CHART_DATA = "chart-data"
PNG_SCALE = 2


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


def write_chart_data(data: pd.DataFrame, name: str) -> str:
    """Write ``data`` as ``_static/chart-data/<name>.csv`` of the site; return its link from this page.

    The CSV is UTF-8 with a BOM so that Excel shows Chinese correctly. The link is
    relative to the executing notebook's folder, which mirrors the page's folder.
    """
    root = paths.book_root()
    target = paths.site_static_dir(root) / CHART_DATA / f"{name}.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")  # a killed run leaves the old CSV or the new one
    data.to_csv(partial, index=False, encoding="utf-8-sig")
    os.replace(partial, target)
    run_record.record_written(str(target))
    return Path(os.path.relpath(root / "_static" / CHART_DATA / f"{name}.csv", Path.cwd())).as_posix()


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
    compiled chart is what Altair would have drawn.
    """
    version = spec.get("$schema", "").rsplit("/", 1)[-1].removesuffix(".json").removeprefix("v")
    return vlc.vegalite_to_vega(spec, vl_version=".".join(version.split(".")[:2]) or None)


def _html(cid: str, spec: dict, footer: str, href: str, data: pd.DataFrame, alt_text: str, download: str,
          marks: Marks | None = None) -> str:
    spec_json = script_json(vega_spec(spec))
    table = table_html(data, marks=marks)
    return f"""<figure class="report-chart" id="chart-{cid}">
<div id="vis-{cid}" class="report-chart-canvas"></div>
<script type="text/javascript">(function () {{
  var spec = {spec_json};
  function draw() {{ reportChart(document.getElementById("vis-{cid}"), spec); }}
  if (window.reportChart) {{ draw(); }} else {{ window.addEventListener("load", draw); }}
}})();</script>
<figcaption class="report-chart-footer">{html.escape(footer)}<br><a class="report-chart-download" href="{href}" download>{html.escape(download)}</a></figcaption>
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
    download_label: str = "Download data (CSV)", marks: Marks | None = None,
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
        Link text of the CSV download.
    marks
        How the data table shows yes/no cells (✓ / ✗ and the words a screen reader says); raw when ``None``.

    Notes
    -----
    With ``REPORT_CHART_MODE=static`` the HTML is the print fallback (see :func:`chart_mode`).
    """
    prepare_renderer()
    spec = {**chart.to_dict(), "description": alt_text}  # Vega names the chart's SVG by its description
    cid = chart_id(spec)
    href = write_chart_data(data, name)
    png = None
    if chart_mode() == "static":
        prepare_static_renderer()
        png = vlc.vegalite_to_png(spec, scale=PNG_SCALE)
        shown = _static_html(cid, png, footer, name, data, alt_text, marks)
    else:
        shown = _html(cid, spec, footer, href, data, alt_text, download_label, marks)
    return RenderedChart(name, spec, png, shown, alt_text)
