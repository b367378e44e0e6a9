"""Tests of report_lib.present.theme: the one place colours live, and the stylesheets that use them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import report_lib
from report_lib.present import theme

PACKAGE = Path(report_lib.__file__).parent
THEME = PACKAGE / "present" / "theme.py"
# The PDF edition's stylesheet (publish/pdf/document.py) moves to var(--report-*) colours in
# the publish lane of issue 10; remove this entry when it has.
NAMED = ("white", "black", "gray", "grey", "silver", "red", "green", "blue", "orange", "purple", "yellow",
         "steelblue", "lightgray", "lightgrey", "darkgray", "darkgrey", "navy", "teal", "transparent")
SCHEMES = ("blues", "greens", "greys", "oranges", "reds", "purples", "viridis", "magma", "plasma", "inferno",
           "category10", "category20", "tableau10", "tableau20", "set1", "set2", "set3", "accent", "dark2",
           "paired", "pastel1", "pastel2", "redblue", "blueorange")
COLOUR = re.compile(
    r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b"          # hex
    r"|\b(?:rgb|rgba|hsl|hsla)\("                                          # functions
    r"|[\"'](?:" + "|".join(NAMED + SCHEMES) + r")[\"']"                  # quoted names and schemes
    r"|(?:color|background|border[\w-]*|fill|stroke)\s*:\s*[^;}]*\b(?:" + "|".join(NAMED) + r")\b",
    re.IGNORECASE)


def colour_literals(text: str) -> list[str]:
    """Return the colour literals in ``text`` (hex, rgb()/hsl(), a quoted colour or scheme name, a CSS colour name)."""
    return [m.group(0) for m in COLOUR.finditer(text)]


@pytest.mark.parametrize("text", ['mark_rect(stroke="white")', "range=['#f1f3f5']", "color: #555;",
                                  'scheme="blues"', "fill: rgb(0, 0, 0)", ".x { color: black }"])
def test_the_check_finds_colour_literals(text):
    """The scan is not vacuous: each kind of literal it forbids is found in a sample string."""
    assert colour_literals(text)


@pytest.mark.parametrize("text", ["color: var(--report-highlight);", "theme.CELL_GAP", "issue #12", "label('white_label')"])
def test_the_check_passes_tokens(text):
    """Tokens, CSS variables and ordinary text are not colour literals."""
    assert not colour_literals(text)


def test_no_colour_literal_outside_the_theme():
    """Every source and stylesheet of the package names its colours through the theme's tokens."""
    found = {}
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix not in {".py", ".css", ".md", ".html"} or path == THEME:
            continue
        if hits := colour_literals(path.read_text(encoding="utf-8")):
            found[str(path.relative_to(PACKAGE))] = hits
    assert not found


def test_stylesheets_use_only_report_variables():
    """Every colour in a package stylesheet is ``var(--report-...)``, defined by :func:`theme.css_variables`."""
    defined = set(re.findall(r"--(report-[\w-]+):", theme.css_variables()))
    for sheet in PACKAGE.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        values = re.findall(r"(?:^|[;{\s])(?:color|background(?:-color)?|border(?:-\w+)?)\s*:\s*([^;}]+)", text)
        assert values, sheet
        for value in values:  # e.g. `1px solid var(--report-rule)`: a colour here is a variable, never a literal
            assert not colour_literals(value), (sheet, value)
        assert set(re.findall(r"var\(--(report-[\w-]+)\)", text)) <= defined


def test_css_variables_carry_every_token():
    """Each colour token of the theme is a CSS custom property."""
    css = theme.css_variables()
    for token in (theme.HIGHLIGHT, theme.TEXT_SECONDARY, theme.CELL_EMPTY, *theme.TIER_RANGE):
        assert f": {token};" in css
