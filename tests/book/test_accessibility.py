"""Accessibility of the palette: the colours of :mod:`report_lib.present.theme` against white, by WCAG's contrast formula.

axe-core's checks of every page in the browser are in ``test_browser.py``, beside the offline
check, because both read the same page loads.
"""

from __future__ import annotations

import pytest

from report_lib.present import theme


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a ``#rrggbb`` colour."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(foreground: str, background: str = "#ffffff") -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula():
    assert round(contrast("#000000"), 1) == 21.0 and round(contrast("#767676"), 2) == 4.54


TEXT_COLOURS = {"chart subtitle": theme.TEXT_SECONDARY, "highlight": theme.HIGHLIGHT, "warning": theme.WARNING}
"""Colours the theme uses for text (the chart subtitle; highlight and warning also colour site text)."""
MARK_COLOURS = {**{f"palette[{i}]": c for i, c in enumerate(theme.PALETTE)},
                **{f"segment {key}": c for key, c in theme.SEGMENT_COLOURS.items()},
                "highlight": theme.HIGHLIGHT, "warning": theme.WARNING, "muted": theme.MUTED, "axis domain": theme.AXIS}
"""Colours of marks that carry data (bars, lines, points, squares, axes): WCAG 1.4.11 asks 3:1 on white."""
KNOWN_LOW_CONTRAST: dict[str, str] = {}
"""Colours known to fail (none since the palette was darkened to meet 3:1: #e07b39 -> #d9732f, #b8c4cf -> #8494a3)."""


def _expected(names, known):
    return [pytest.param(n, marks=pytest.mark.xfail(reason=known[n], strict=True)) if n in known else n
            for n in sorted(names)]


@pytest.mark.parametrize("name", _expected(TEXT_COLOURS, {}))
def test_text_colour_contrast(name):
    """A text colour meets WCAG AA (4.5:1) on white."""
    assert contrast(TEXT_COLOURS[name]) >= 4.5, f"{name} {TEXT_COLOURS[name]}: {contrast(TEXT_COLOURS[name]):.2f}:1"


@pytest.mark.parametrize("name", _expected(MARK_COLOURS, KNOWN_LOW_CONTRAST))
def test_mark_colour_contrast(name):
    """A colour of a mark that carries data meets WCAG AA for graphics (3:1) on white."""
    assert contrast(MARK_COLOURS[name]) >= 3.0, f"{name} {MARK_COLOURS[name]}: {contrast(MARK_COLOURS[name]):.2f}:1"
