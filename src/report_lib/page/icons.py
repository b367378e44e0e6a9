"""The theme's stylesheet without Font Awesome's web fonts: the icons the site uses drawn as CSS masks.

pydata-sphinx-theme draws its icons (``<i class="fa-solid fa-bars">``) either with
``fontawesome.js`` (1.5 MB, every icon as SVG) or with its stylesheet's Font Awesome rules and
web fonts (300 kB of woff2, a glyph rule for each of some 1,900 icons). The site needs about
twenty icons. :func:`light_theme_stylesheet` returns the theme's stylesheet without the font
faces and glyph rules, followed by one rule per icon the theme's templates and scripts name
(:func:`icon_names`): the icon's SVG, read from the theme's own ``fontawesome.js``
(:func:`read_icons`), as a ``mask`` painted in the text colour, so it follows the colour mode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pydata_sphinx_theme
import sphinx_book_theme

THEME_STATIC = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
THEME_STYLESHEET = THEME_STATIC / "styles" / "pydata-sphinx-theme.css"
FONT_AWESOME_JS = THEME_STATIC / "scripts" / "fontawesome.js"
THEME_SOURCES = (Path(pydata_sphinx_theme.__file__).parent, Path(sphinx_book_theme.__file__).parent)
"""Folders whose templates, Python and scripts name the icons the site shows."""
STYLES = ("fab", "far", "fas")
"""Font Awesome's icon packs, in the order ``fontawesome.js`` defines them (brands, regular, solid)."""
PREFERRED = ("fas", "fab", "far")
"""The pack an icon name is drawn from when several have it."""

ICON_ENTRY = re.compile(r'(?<![\w"-])"?([a-z0-9-]+)"?:\[(\d+),(\d+),\[([^\]]*)\],"[0-9a-f]+","([^"]*)"\]')
PACK_END = re.compile(r'\b[A-Za-z_$]+\("(fab|far|fas)",[A-Za-z_$]+\)')
FONT_FACE = re.compile(r"@font-face\{[^}]*Font Awesome[^}]*\}")
GLYPH_RULE = re.compile(r'(?:\.fa-[a-z0-9-]+:(?:before|after),?)+\{content:"[^"]*"\}')
CLASS_NAME = re.compile(r"\bfa-([a-z0-9-]+)")
SVG_SAFE = " =/:'"
"""Characters left as they are in an SVG written into a CSS ``url("data:...")`` (the rest percent-encoded)."""


@dataclass(frozen=True)
class Icon:
    """One Font Awesome icon: its box (``width`` x ``height`` in SVG units) and SVG path."""

    width: int
    height: int
    path: str

    def svg(self) -> str:
        """Return the icon as a standalone SVG document."""
        return (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {self.width} {self.height}'>"
                f"<path d='{self.path}'/></svg>")


def read_icons(script: str) -> dict[str, dict[str, Icon]]:
    """Return ``{pack: {name or alias: Icon}}`` from the text of Font Awesome's ``fontawesome.js``.

    Each pack's icons are an object literal of ``name: [width, height, [aliases], unicode,
    path]`` (the name quoted unless it is an identifier) handed to a call like ``d("fas", p)``;
    an icon belongs to the first such call after it.
    """
    ends = [(m.start(), m.group(1)) for m in PACK_END.finditer(script)]
    packs: dict[str, dict[str, Icon]] = {style: {} for style in STYLES}
    for entry in ICON_ENTRY.finditer(script):
        pack = next((style for end, style in ends if end > entry.start()), None)
        if pack is None:
            continue
        name, width, height, aliases, path = entry.groups()
        icon = Icon(int(width), int(height), path)
        for alias in [name, *re.findall(r'"([a-z0-9-]+)"', aliases)]:
            packs[pack].setdefault(alias, icon)
    return packs


def icon_names(folders: tuple[Path, ...]) -> set[str]:
    """Return every ``fa-<name>`` class name written in the templates, Python and scripts under ``folders``."""
    names: set[str] = set()
    for folder in folders:
        for source in folder.rglob("*"):
            if source.suffix in (".html", ".py", ".js") and source != FONT_AWESOME_JS and source.is_file():
                names.update(CLASS_NAME.findall(source.read_text(encoding="utf-8", errors="replace")))
    return names


def icon_rules(packs: dict[str, dict[str, Icon]], names: set[str]) -> str:
    """Return the CSS drawing each of ``names`` that is an icon as a mask in the current text colour."""
    found = {name: next(packs[p][name] for p in PREFERRED if name in packs[p])
             for name in sorted(names) if any(name in packs[p] for p in PREFERRED)}
    if not found:
        return ""
    selectors = ",".join(f".fa-{name}:before" for name in found)
    mask = "var(--report-icon) no-repeat center/contain"
    shared = (f"{selectors}{{content:\"\";display:inline-block;width:var(--report-icon-width);height:1em;"
              f"vertical-align:-.125em;background-color:currentColor;-webkit-mask:{mask};mask:{mask}}}\n")
    own = "".join(f'.fa-{name}{{--report-icon:url("data:image/svg+xml,{quote(icon.svg(), safe=SVG_SAFE)}");'
                  f"--report-icon-width:{icon.width / icon.height:.4g}em}}\n" for name, icon in found.items())
    return shared + own


def strip_font_awesome(stylesheet: str) -> str:
    """Return ``stylesheet`` without Font Awesome's font faces and per-icon glyph rules."""
    return GLYPH_RULE.sub("", FONT_FACE.sub("", stylesheet))


def light_theme_stylesheet(extra_folders: tuple[Path, ...] = ()) -> str:
    """Return the theme's stylesheet with its Font Awesome fonts replaced by the used icons' masks.

    ``extra_folders`` (the book's own templates) are searched for icon names too.
    """
    packs = read_icons(FONT_AWESOME_JS.read_text(encoding="utf-8"))
    names = icon_names(THEME_SOURCES + tuple(extra_folders))
    return strip_font_awesome(THEME_STYLESHEET.read_text(encoding="utf-8")) + "\n" + icon_rules(packs, names)
