"""The one chart theme of the book: fonts that carry Chinese, quiet axes, one palette.

Every chart in every chapter gets this theme through :func:`enable`; nothing else in
the project sets colours or fonts. Each colour is a named token here, used by the chart
builders by name and written for the stylesheets by :func:`css_variables`
(``--report-<token>``); ``tests/present/test_theme.py`` fails on a colour literal anywhere else.
"""

from __future__ import annotations

import altair as alt

FONT = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
PALETTE = ["#1f5f8b", "#d9732f", "#5a9e6f", "#b5485d", "#7a6fb0", "#8c8c8c"]
HIGHLIGHT = "#1f5f8b"
MUTED = "#8494a3"
WARNING = "#b5485d"
TEXT_SECONDARY = "#555555"
GRID = "#e6e6e6"
AXIS = "#888888"
MARKET_BAR = "#555555"
SIGNIFICANT = "#111111"
"""Outline of a bank type's bar that differs significantly from the other banks."""
ERROR_BAR = "#333333"
"""Error bars (95% intervals) of survey bars."""
CELL_STROKE = "#ffffff"
CELL_EMPTY = "#f4f6f8"
CELL_FULL = "#a9c6dd"
TIER_RANGE = ["#3f8f5a", "#b9dcbf", "#f4f6f8"]
MARK_ABSENT = "#f1f3f5"
HEAT_SCHEME = "blues"
CELL_GAP = "white"
TEXT_ON_DARK = "white"
TEXT_ON_LIGHT = "black"
SEGMENT_COLOURS = {"all": "#5f6b75", "state_owned": PALETTE[0], "joint_stock": PALETTE[1], "regional": PALETTE[2],
                   "state_owned_joint_stock": PALETTE[4], "city_commercial": PALETTE[3]}
WIDTH = 560
HEIGHT = 260
NARROW = 560
"""A chart's column narrower than this (px) is narrow (a phone): its labels wrap and are cut shorter."""
NARROW_LABEL_LIMIT = 150
"""Longest line (px) of an axis label on a narrow column."""
NARROW_LABEL_UNITS = 27
"""Length of a wrapped axis label's line on a narrow column, in Latin letters (a Chinese character counts two)."""
NARROW_LABEL_LINES = 2
"""Most lines of an axis label on a narrow column: two lines of :data:`NARROW_LABEL_PX` fill a bar's row (20 px)."""
LABEL_PX = 12
NARROW_LABEL_PX = 10
STATIC_COLUMN = 760
"""The column (px) a chart is laid out for where it has no container: the static editions (vl-convert)."""
TITLE_COLUMNS = (320, 400, 520, 640, 760)
"""Column widths (px) a title is wrapped for; a chart shows the lines wrapped for the widest one its column holds."""
UNIT_EM = 0.5
"""Width of a Latin letter in em, on average, to wrap a title (a Chinese character is two of them)."""
TITLE_PX = 15
SUBTITLE_PX = 12
THEME_NAME = "bank_report"


def theme() -> alt.theme.ThemeConfig:
    """Return the theme configuration (fonts, sizes, palette)."""
    return alt.theme.ThemeConfig(
        {
            "config": {
                "font": FONT,
                "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
                "title": {"anchor": "start", "fontSize": TITLE_PX, "fontWeight": 600, "subtitleFontSize": SUBTITLE_PX,
                          "subtitleColor": TEXT_SECONDARY, "offset": 12},
                "axis": {"labelFontSize": LABEL_PX, "titleFontSize": 12, "titleFontWeight": 500,
                         "gridColor": GRID, "domainColor": AXIS, "tickColor": AXIS},
                "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"},
                "range": {"category": PALETTE},
                "bar": {"color": HIGHLIGHT},
                "line": {"color": HIGHLIGHT, "strokeWidth": 2},
                "point": {"color": HIGHLIGHT, "filled": True, "size": 60},
                "text": {"fontSize": 12},
            }
        }
    )


def colour_of(key: str, position: int) -> str:
    """Return a bank type's fixed colour, or the palette colour at ``position`` for any other key."""
    return SEGMENT_COLOURS.get(key, PALETTE[position % len(PALETTE)])


def enable() -> None:
    """Register and enable the theme (idempotent)."""
    if THEME_NAME not in alt.theme.names():
        alt.theme.register(THEME_NAME, enable=False)(theme)
    alt.theme.enable(THEME_NAME)


def css_variables() -> str:
    """Return the palette as CSS custom properties (``:root { --report-highlight: #1f5f8b; ... }``).

    The site's and the PDF's stylesheets use ``var(--report-...)`` only, so the one
    palette of this module colours charts, pages and print alike.
    """
    tokens = {"highlight": HIGHLIGHT, "muted": MUTED, "warning": WARNING, "text-secondary": TEXT_SECONDARY,
              "grid": GRID, "axis": AXIS, "market-bar": MARKET_BAR, "significant": SIGNIFICANT,
              "error-bar": ERROR_BAR, "cell-stroke": CELL_STROKE,
              "cell-empty": CELL_EMPTY, "cell-full": CELL_FULL, "mark-absent": MARK_ABSENT,
              **{f"tier-{i + 1}": colour for i, colour in enumerate(TIER_RANGE)},
              **{f"palette-{i}": colour for i, colour in enumerate(PALETTE)},
              **{f"segment-{key.replace('_', '-')}": colour for key, colour in SEGMENT_COLOURS.items()}}
    body = "".join(f"  --report-{name}: {value};\n" for name, value in tokens.items())
    return ":root {\n" + body + "}\n"
