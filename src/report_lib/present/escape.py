"""Data strings reach the page as text: escaping for the two contexts the library writes by hand.

Every label, note, glossary entry, vendor or case text and segment name is researchers'
text, never markup. HTML the library writes escapes them with :func:`html.escape` (tables
with pandas' ``escape=True``); Markdown it glues or builds (prose, case summaries, expert
views, page titles) escapes them with :func:`markdown_text`; the Vega spec inside a
``<script>`` element is serialised by :func:`script_json`.
"""

from __future__ import annotations

import json
import re

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-!|~$&^])")
"""ASCII punctuation that starts markup in CommonMark or MyST (roles, math, HTML, links, emphasis, lists)."""
LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def markdown_text(text: object) -> str:
    """Return ``text`` as Markdown that renders as exactly that text (one line, nothing live).

    Every markup character is backslash-escaped (CommonMark renders an escaped ASCII
    punctuation character literally, so ``<img ...>`` is text, not HTML) and line breaks
    become spaces, so a data string cannot open a block (a heading, a list, a directive).
    """
    return MARKDOWN_SPECIAL.sub(r"\\\1", LINE_BREAKS.sub(" ", str(text)))


def script_json(value: object) -> str:
    """Return ``value`` as JSON safe inside a ``<script>`` element (and in JavaScript source).

    ``<``, ``>`` and ``&`` are written as ``\\uXXXX`` escapes, so no ``</script>`` or
    ``<!--`` can end or change the element; U+2028 and U+2029 likewise, which older
    JavaScript parsers take as line ends inside a string.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return re.sub("[<>&\u2028\u2029]", lambda match: SCRIPT_UNSAFE[match.group()], text)
