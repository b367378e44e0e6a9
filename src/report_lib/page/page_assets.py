"""Which of the extensions' scripts and stylesheets a page needs, so a page loads only those.

Jupyter Book's extensions add their assets to every page: sphinx-design (55 kB of CSS),
sphinx-copybutton with clipboard.js, sphinx-togglebutton, sphinx-thebe, and Pygments' colours.
Each serves only pages that hold what it acts on (a design component, a highlighted code
block, a toggle or dropdown, a live-code launch button); :func:`unneeded_assets` names the
assets of those that the page's body does not hold, and :func:`drop_unneeded` removes them from
the page's context before the page is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Feature:
    """An extension's assets (file names, from the site's ``_static``) and what in a page body needs them."""

    files: tuple[str, ...]
    needed_by: re.Pattern[str]
    settings: tuple[str, ...] = ()
    """Words of the inline scripts that configure the extension (dropped with its files)."""


def _classes(pattern: str) -> re.Pattern[str]:
    """A pattern matching an HTML ``class`` attribute that holds a class matching ``pattern``."""
    return re.compile(r'class="(?:[^"]*\s)?(?:' + pattern + r')[\s"]')


FEATURES = (
    Feature(("sphinx-design.min.css", "design-tabs.js"), _classes(r"sd-[\w-]+")),
    Feature(("copybutton.css", "copybutton.js", "clipboard.min.js"), _classes(r"highlight(?:-[\w-]+)?")),
    Feature(("pygments.css",), _classes(r"highlight(?:-[\w-]+)?")),
    Feature(("togglebutton.css", "togglebutton.js"), _classes(r"toggle(?:-details)?|dropdown"),
            ("toggleHint", "toggleOpenOnPrint", "togglebuttonSelector")),
)
THEBE = Feature(("sphinx-thebe.css", "sphinx-thebe.js"), re.compile(r"(?!)"), ("THEBE_JS_URL",))
"""sphinx-thebe's assets: needed only where the theme shows the live-code launch button."""


def unneeded_features(body: str, thebe: bool) -> list[Feature]:
    """Return the features whose assets ``body`` does not need (``thebe``: the live-code button is on)."""
    unneeded = [f for f in FEATURES if not f.needed_by.search(body)]
    return unneeded if thebe else [*unneeded, THEBE]


def unneeded_assets(body: str, thebe: bool) -> set[str]:
    """Return the asset file names no feature of ``body`` needs (``thebe``: the live-code button is on)."""
    unneeded = {name for feature in unneeded_features(body, thebe) for name in feature.files}
    needed = {name for feature in FEATURES if feature.needed_by.search(body) for name in feature.files}
    return unneeded - needed


def asset_name(asset: object) -> str:
    """Return the file name of a Sphinx script or stylesheet entry (``""`` for an inline script)."""
    filename = getattr(asset, "filename", asset)
    return str(filename or "").split("?", 1)[0].rsplit("/", 1)[-1]


def is_setting(asset: object, words: tuple[str, ...]) -> bool:
    """Whether ``asset`` is an inline script whose code holds one of ``words``."""
    code = (getattr(asset, "attributes", None) or {}).get("body", "")
    return not getattr(asset, "filename", None) and any(word in code for word in words)


def drop_unneeded(context: dict, thebe: bool) -> None:
    """Remove from a page's ``script_files`` and ``css_files`` the assets (and settings) its body does not need.

    The lists are changed in place: they are the builder's, which Sphinx restores after each page.
    """
    body = context.get("body", "")
    unneeded = unneeded_assets(body, thebe)
    settings = tuple(word for feature in unneeded_features(body, thebe) for word in feature.settings)
    for key in ("script_files", "css_files"):
        if key in context:
            context[key][:] = [a for a in context[key] if asset_name(a) not in unneeded and not is_setting(a, settings)]
