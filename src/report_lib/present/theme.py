"""The one chart theme of the book: fonts that carry Chinese, quiet axes, one palette.

Every chart in every chapter gets this theme through :func:`enable`; nothing else in
the project sets colours or fonts.
"""

from __future__ import annotations

import altair as alt

FONT = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
PALETTE = ["#1f5f8b", "#e07b39", "#5a9e6f", "#b5485d", "#7a6fb0", "#8c8c8c"]
HIGHLIGHT = "#1f5f8b"
MUTED = "#b8c4cf"
WARNING = "#b5485d"
SEGMENT_COLOURS = {"all": "#5f6b75", "state_owned": PALETTE[0], "joint_stock": PALETTE[1], "regional": PALETTE[2],
                   "state_owned_joint_stock": PALETTE[4], "city_commercial": PALETTE[3]}
WIDTH = 560
HEIGHT = 260
THEME_NAME = "bank_report"


def theme() -> alt.theme.ThemeConfig:
    """Return the theme configuration (fonts, sizes, palette)."""
    return alt.theme.ThemeConfig(
        {
            "config": {
                "font": FONT,
                "view": {"continuousWidth": WIDTH, "continuousHeight": HEIGHT, "stroke": None},
                "title": {"anchor": "start", "fontSize": 15, "fontWeight": 600, "subtitleFontSize": 12,
                          "subtitleColor": "#555555", "offset": 12},
                "axis": {"labelFontSize": 12, "titleFontSize": 12, "titleFontWeight": 500,
                         "gridColor": "#e6e6e6", "domainColor": "#888888", "tickColor": "#888888"},
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
    tokens = {"highlight": HIGHLIGHT, "muted": MUTED, "warning": WARNING,
              **{f"palette-{i}": colour for i, colour in enumerate(PALETTE)},
              **{f"segment-{key.replace('_', '-')}": colour for key, colour in SEGMENT_COLOURS.items()}}
    body = "".join(f"  --report-{name}: {value};\n" for name, value in tokens.items())
    return ":root {\n" + body + "}\n"
