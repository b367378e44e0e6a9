"""Drop the style rules no page of a built site can match, as PurgeCSS does.

The theme's stylesheet carries all of Bootstrap and myst-nb's all of Jupyter's output styles
(370 kB together); a page of this book uses a fraction. :func:`site_classes` collects every class
a page of the site can hold: the ``class`` attributes of its HTML pages and every word of the
scripts they load and run (classes a script adds are words in it), and the prefixes of the
classes a script puts together (``"bs-" + name``, ```bs-${name}```), which stand for any class
they begin. :func:`purge` keeps a rule when one of its selectors names only such classes. The
analysis is conservative: attribute selectors, functional pseudo-classes (``:not(...)``,
``:is(...)``) and selectors without a class are always kept, and at-rules other than
``@media``/``@supports`` are kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

CLASS_ATTRIBUTE = re.compile(r'\bclass\s*=\s*"([^"]*)"|\bclass\s*=\s*\'([^\']*)\'')
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
SCRIPT_SOURCE = re.compile(r"""<script\b[^>]*\bsrc\s*=\s*["']([^"'?#]+)""", re.I)
WORD = re.compile(r"[A-Za-z_](?:[\w-]*\w)?")
"""A word of a script that may be a class (never ending in ``-``: those are prefixes, see :data:`PREFIX`)."""
PREFIX = re.compile(r"""([A-Za-z_][\w-]*-)(?:\$\{|["']\s*\+)""")
"""A class prefix a script completes: ```bs-${name}``` or ``"bs-" + name``."""
SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
IGNORED_IN_SELECTOR = re.compile(r"\[[^\]]*\]|:[\w-]+\((?:[^()]|\([^()]*\))*\)")
SELECTOR_COMMA = re.compile(r",(?![^(]*\))")
COMMENT = re.compile(r"/\*.*?\*/", re.S)
NESTED_AT_RULES = ("@media", "@supports", "@layer", "@container")
NOT_SCRIPTS = {"searchindex.js"}
"""Scripts that hold data, not code (the search index holds every word of the site)."""


def site_classes(pages: Iterable[Path]) -> set[str]:
    """Return every class a page of the site can hold, and the class prefixes its scripts complete.

    The classes are those of the ``class`` attributes of ``pages`` (HTML files) and every word of
    their inline scripts and of the local scripts they load (``<script src>``); a prefix (``bs-`` of
    ```bs-${name}```) ends in ``-``.
    """
    classes: set[str] = set()
    scripts: set[Path] = set()
    for page in pages:
        text = page.read_text(encoding="utf-8", errors="replace")
        for double, single in CLASS_ATTRIBUTE.findall(text):
            classes.update((double or single).split())
        for code in INLINE_SCRIPT.findall(text):
            classes.update(WORD.findall(code))
            classes.update(PREFIX.findall(code))
        scripts.update((page.parent / unquote(src)).resolve() for src in SCRIPT_SOURCE.findall(text)
                       if not urlsplit(src).scheme)
    for script in sorted(scripts):
        if script.name not in NOT_SCRIPTS and script.is_file():
            code = script.read_text(encoding="utf-8", errors="replace")
            classes.update(WORD.findall(code))
            classes.update(PREFIX.findall(code))
    return classes


def split_blocks(stylesheet: str) -> tuple[list[tuple[str, str]], str]:
    """Split CSS into top-level ``(prelude, body)`` blocks (comments and strings skipped); return them and the rest.

    A statement without a block (``@charset "UTF-8";``, ``@import ...;``) is returned as a prelude
    with an empty body.
    """
    blocks: list[tuple[str, str]] = []
    depth, start, index, size = 0, 0, 0, len(stylesheet)
    prelude_end = 0
    while index < size:
        char = stylesheet[index]
        if stylesheet.startswith("/*", index):
            end = stylesheet.find("*/", index + 2)
            index = size if end < 0 else end + 2
            continue
        if char in "\"'":
            end = index + 1
            while end < size and stylesheet[end] != char:
                end += 2 if stylesheet[end] == "\\" else 1
            index = end + 1
            continue
        if char == ";" and depth == 0:
            blocks.append((stylesheet[start:index + 1], ""))
            start = index + 1
        elif char == "{":
            if depth == 0:
                prelude_end = index
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                blocks.append((stylesheet[start:prelude_end], stylesheet[prelude_end + 1:index]))
                start = index + 1
        index += 1
    return blocks, stylesheet[start:]


def selector_possible(selector: str, classes: set[str], prefixes: tuple[str, ...] = ()) -> bool:
    """Whether ``selector`` can match: every class it requires is one of ``classes`` or begins with a ``prefixes``."""
    required = SELECTOR_CLASS.findall(IGNORED_IN_SELECTOR.sub("", selector))
    return all(name in classes or name.startswith(prefixes) for name in required)


def purge(stylesheet: str, classes: set[str]) -> str:
    """Return ``stylesheet`` without the rules and selectors no element with ``classes`` can match.

    A member of ``classes`` that ends in ``-`` is a prefix: it stands for every class it begins.
    """
    prefixes = tuple(sorted(name for name in classes if name.endswith("-")))
    return _purge(stylesheet, classes, prefixes)


def _purge(stylesheet: str, classes: set[str], prefixes: tuple[str, ...]) -> str:
    blocks, rest = split_blocks(stylesheet)
    kept: list[str] = []
    for prelude, body in blocks:
        head = prelude.strip()
        if not body and head.endswith(";"):
            kept.append(prelude)
        elif head.startswith(NESTED_AT_RULES):
            inner = _purge(body, classes, prefixes)
            if inner.strip():
                kept.append(f"{prelude}{{{inner}}}")
        elif head.startswith("@"):
            kept.append(f"{prelude}{{{body}}}")
        else:
            notices = "".join(c for c in COMMENT.findall(prelude) if c.startswith("/*!"))  # licences stay
            selectors = [s for s in SELECTOR_COMMA.split(COMMENT.sub("", prelude))
                         if selector_possible(s, classes, prefixes)]
            kept.append(notices + (f"{','.join(selectors)}{{{body}}}" if selectors else ""))
    return "".join(kept) + rest
