"""How a chart fits its column: as wide as the column on the site, labels wrapped when the column is narrow.

On the site a chart takes the width of the column it is drawn in: Vega-Lite's ``width:
"container"``, which compiles to Vega's ``autosize`` ``fit-x`` (plot, axis labels and title
together fit the column, and follow it when the window is resized). A faceted chart cannot
be sized by its container in Vega-Lite; it keeps a panel width that the site's script
(``report-charts.js``) narrows or widens to the column once drawn (:func:`fit_panels`).

A phone's column (about 360 px) cannot hold a 280 px axis label beside its bars, so every
chart carries the parameter :data:`COLUMN` (the width of its container in px, the fallback
:data:`report_lib.present.theme.STATIC_COLUMN` where there is none, as in vl-convert) and its
axes, titles and cell texts choose by it: below :data:`report_lib.present.theme.NARROW` px,
labels are cut shorter and wrapped into lines (:func:`label_axis`), the title and subtitle
wrap to the column (:func:`title_text`), grid cells show their text wrapped narrower.

The static editions (the PDF, and the PNG and SVG a reader downloads) keep their fixed size:
:func:`fixed_width` gives a container-sized spec the width it was designed with (kept in
its ``usermeta``) before vl-convert draws it.

Lines are wrapped by :func:`wrap_lines`, written here rather than taken from ``textwrap``:
``textwrap`` counts a Chinese character as one column, and a line of Chinese needs about
twice the room of a line of as many Latin letters, and breaks between any two of its characters.
"""

from __future__ import annotations

import copy
import json
import unicodedata

import altair as alt

from report_lib.present import theme

COLUMN = "column_px"
"""Name of the parameter holding the width (px) of the chart's column."""
WRAPS = "wraps"
"""Name of the parameter mapping each long axis label to its lines on a narrow column."""
STATIC_WIDTH = "report_static_width"
"""Key, in the spec's ``usermeta``, of the width a container-sized chart is drawn with in the static editions."""
CONTAINER = "(isFinite(containerSize()[0]) && containerSize()[0] > 0 ? containerSize()[0] : {fallback})"
NO_LINE_START = set("，。、；：！？）》」』”’,.;:!?)")
"""Punctuation that never starts a line."""
IS_NARROW = f"{COLUMN} < {theme.NARROW}"
"""Vega expression: the chart's column is narrow (a phone)."""


def display_units(text: str) -> int:
    """Return the width of ``text`` in units of a Latin letter: a wide (CJK) character counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Split ``text`` into words and single wide characters, each with whether a space precedes it."""
    tokens: list[tuple[str, bool]] = []
    word, spaced = "", False
    for char in text:
        if char.isspace():
            if word:
                tokens.append((word, spaced))
            word, spaced = "", True
        elif unicodedata.east_asian_width(char) in "WF":
            if word:
                tokens.append((word, spaced))
                spaced = False
            tokens.append((char, spaced))
            word, spaced = "", False
        else:
            word += char
    if word:
        tokens.append((word, spaced))
    return tokens


def wrap_lines(text: str, units: int) -> list[str]:
    """Wrap ``text`` into lines of at most ``units`` (see :func:`display_units`), breaking at spaces or between
    wide characters; a word longer than a line stays whole on its own line, and closing punctuation stays at the
    end of its line (:data:`NO_LINE_START`, as Chinese typesetting wants), a little past ``units`` if need be.

    Examples
    --------
    >>> wrap_lines("Share of respondents naming each need", 16)
    ['Share of', 'respondents', 'naming each need']
    >>> wrap_lines("各类银行的首要需求相同", 10)
    ['各类银行的', '首要需求相', '同']
    """
    lines: list[str] = []
    line = ""
    for word, spaced in _tokens(text):
        joined = f"{line} {word}" if line and spaced else line + word
        if line and display_units(joined) > units and word[0] not in NO_LINE_START:
            lines.append(line)
            line = word
        else:
            line = joined
    return [*lines, line] if line or not lines else lines


def _joined(first: str, second: str) -> str:
    """Join two lines back into one: with a space between Latin words, without one beside a wide character."""
    wide = display_units(first[-1:]) == 2 or display_units(second[:1]) == 2
    return first + second if wide else f"{first} {second}"


def wrapped(names, units: int, most: int | None = None) -> dict[str, list[str]]:
    """Return the lines of each of ``names`` that needs more than one line of ``units``.

    With ``most``, a label keeps at most that many lines, the last holding the rest (cut where it is drawn,
    with an ellipsis, by the axis's label limit).
    """
    found = {}
    for name in dict.fromkeys(map(str, names)):
        lines = wrap_lines(name, units)
        while most is not None and len(lines) > most:
            lines = [*lines[:-2], _joined(lines[-2], lines[-1])]
        if len(lines) > 1:
            found[name] = lines
    return found


def label_axis(names, *, limit: int, narrow_limit: int = theme.NARROW_LABEL_LIMIT,
               units: int = theme.NARROW_LABEL_UNITS, **axis) -> tuple[alt.Axis, dict[str, list[str]]]:
    """An axis of category ``names`` cut at ``limit`` px, and on a narrow column wrapped into lines and cut shorter.

    On a narrow column a label takes at most :data:`~report_lib.present.theme.NARROW_LABEL_LINES` lines of a
    smaller font (:data:`~report_lib.present.theme.NARROW_LABEL_PX`), so that it stays within its bar's row.

    Parameters
    ----------
    names
        The axis's labels (its categories).
    limit
        Longest label (px) on a wide column.
    narrow_limit, units
        Longest line (px) and line length (see :func:`display_units`) on a narrow column.
    **axis
        Other properties of the axis.

    Returns
    -------
    tuple
        The axis, and the wrapped labels to pass to :func:`fit_column` or :func:`fit_panels`.
    """
    lookup = f"{WRAPS}[datum.label]"
    font = theme.NARROW_LABEL_PX
    return alt.Axis(labelLimit=alt.ExprRef(f"{IS_NARROW} ? {narrow_limit} : {limit}"),
                    labelExpr=f"{IS_NARROW} && isValid({lookup}) ? {lookup} : datum.label",
                    labelFontSize=alt.ExprRef(f"{IS_NARROW} ? {font} : {theme.LABEL_PX}"), labelLineHeight=font,
                    **axis), wrapped(names, units, theme.NARROW_LABEL_LINES)


def _params(wraps: dict[str, list[str]]) -> list:
    return [alt.param(name=COLUMN, expr=CONTAINER.format(fallback=theme.STATIC_COLUMN)),
            alt.param(name=WRAPS, value=wraps)]


def fit_column(chart: alt.TopLevelMixin, static_width: int, wraps: dict[str, list[str]] | None = None,
               **properties) -> alt.TopLevelMixin:
    """Make a single or layered ``chart`` as wide as its column; ``static_width`` (px of plot) in the static editions.

    ``wraps`` are the wrapped labels of its axes (:func:`label_axis`); ``properties`` (e.g. ``height``) are set too.
    """
    return chart.properties(width="container", usermeta={STATIC_WIDTH: static_width}, **properties).add_params(
        *_params(wraps or {}))


def fit_panels(chart: alt.FacetChart, wraps: dict[str, list[str]] | None = None) -> alt.FacetChart:
    """Give a faceted ``chart`` the column parameters; the site's script fits its panels' width to the column."""
    return chart.add_params(*_params(wraps or {}))


def fixed_width(spec: dict) -> dict:
    """Return ``spec`` with a container width replaced by its static width (``usermeta``), for vl-convert.

    A spec without a container width is returned unchanged (the same object).
    """
    if spec.get("width") != "container":
        return spec
    fixed = copy.deepcopy(spec)
    fixed["width"] = fixed.get("usermeta", {}).get(STATIC_WIDTH, theme.WIDTH)
    fixed.pop("autosize", None)
    return fixed


def title_text(text: str, font_px: float, width: str | None = None) -> str | dict:
    """The title ``text`` wrapped to the width of the chart's column, for a font of ``font_px``: a Vega signal.

    Wrapped for each of :data:`report_lib.present.theme.TITLE_COLUMNS` (px) and chosen when the
    chart is drawn by ``width``, a Vega expression of the column's width (by default the
    container's, read by the title itself); a text that fits the narrowest column on one line is
    returned as is.
    """
    units = [max(8, int(width_px / (font_px * theme.UNIT_EM))) for width_px in theme.TITLE_COLUMNS]
    variants = [wrap_lines(text, u) for u in units]
    if len(variants[0]) == 1:
        return text
    column = width or CONTAINER.format(fallback=theme.STATIC_COLUMN)
    choice = json.dumps(variants[-1], ensure_ascii=False)
    for width_px, lines, wider in zip(reversed(theme.TITLE_COLUMNS[1:]), reversed(variants[:-1]),
                                      reversed(variants[1:])):
        if lines != wider:  # a column that wraps as the next wider one needs no choice of its own
            choice = f"{column} < {width_px} ? {json.dumps(lines, ensure_ascii=False)} : ({choice})"
    return {"signal": choice}


def wrap_titles(vega: dict) -> dict:
    """Make the title and subtitle of a compiled (Vega) chart wrap to its column (:func:`title_text`), in place.

    Done on the Vega spec because Vega-Lite takes a subtitle as text only, where Vega takes a signal;
    the static editions draw the Vega-Lite spec, with its titles on one line as designed. A chart
    with the :data:`COLUMN` parameter chooses by it.
    """
    title = vega.get("title")
    width = COLUMN if any(s.get("name") == COLUMN for s in vega.get("signals", [])) else None
    if isinstance(title, dict):
        for key, font_px in (("text", theme.TITLE_PX), ("subtitle", theme.SUBTITLE_PX)):
            if isinstance(title.get(key), str):
                title[key] = title_text(title[key], font_px, width)
    return vega
