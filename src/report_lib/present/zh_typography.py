"""Chinese typography of the book: the rules a Chinese text keeps, and where a text breaks them.

The style is the source report's own: no space between Chinese characters and numbers or
Latin letters (``约90%已部署``), full-width punctuation in Chinese text (，：；（）“”),
bounds and approximations written the Chinese way (``83%以上``, ``约56%``), quarters in
Chinese (``2022年第二季度``), and emphasis that renders (no literal ``**``).

Where a kept tool covers a rule, the tool checks it: `autocorrect-py
<https://github.com/huacnlee/autocorrect>`_ (a maintained CJK copywriting linter) with its
``fullwidth`` (half-width ``,`` ``:`` ``.`` ``!`` ``?`` in Chinese text), ``no-space-fullwidth``
(spaces around full-width punctuation and quotes) and ``halfwidth-word`` (full-width letters
and digits) rules. Its ``space-word`` rule *adds* a space between Chinese and Latin, the
opposite of this style, and no rule of it removes one, checks ``;`` or parentheses, quote
pairs, bounds or quarters: those are the patterns below, each named by its rule.

Examples
--------
>>> [p.rule for p in problems("报告称 约90% 已部署")]
['space']
>>> problems("报告称约90%已部署；满分5分。")
[]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import autocorrect_py

HAN = r"\u3400-\u4dbf\u4e00-\u9fff"
HAS_HAN = re.compile(f"[{HAN}]")
AUTOCORRECT_RULES = """
rules:
  space-word: 0
  space-punctuation: 0
  space-bracket: 0
  space-backticks: 0
  space-dash: 0
  space-dollar: 0
  fullwidth: 1
  no-space-fullwidth: 1
  no-space-fullwidth-quote: 1
  halfwidth-word: 1
  halfwidth-punctuation: 0
  spellcheck: 0
"""
"""autocorrect-py's configuration for this style: its full-width and no-space rules on, every space-adding rule off."""

CHINESE_TEXT_RULES: dict[str, re.Pattern] = {
    # a space between a Chinese character and a number, Latin letter or sign, either way round
    "space": re.compile(f"[{HAN}][ \\u00a0\\u2009\\t\\n]+[A-Za-z0-9%<≥≤~+\\-]"
                        f"|[A-Za-z0-9%>+)\\]][ \\u00a0\\u2009\\t\\n]+[{HAN}]"),
    # a space between two Chinese characters (a template's slot left spaced: ``51.7%以上 上升到``)
    "space-between-chinese": re.compile(f"[{HAN}][ \\u00a0\\u2009\\t]+[{HAN}]"),
    # half-width parentheses next to or around Chinese text
    "halfwidth-parenthesis": re.compile(f"[{HAN}，。：；]\\s*\\(|\\(\\s*[{HAN}]|[{HAN}]\\s*\\)|\\)\\s*[{HAN}]"
                                        f"|\\([^()]*[{HAN}][^()]*\\)"),
    # a half-width semicolon or colon in Chinese text (autocorrect leaves ``;`` alone)
    "halfwidth-semicolon": re.compile(f"[{HAN}]\\s*[;]|[;]\\s*[{HAN}]"),
    # straight double quotes in Chinese text
    "straight-quote": re.compile(f"[{HAN}]\"|\"[{HAN}]"),
}
"""Rules for text that holds Chinese characters."""

EVERY_TEXT_RULES: dict[str, re.Pattern] = {
    # a bound written the English way: ``83%+``, ``75分+``, ``≥ 83%``, ``~56%``, ``≤ 5%``
    "bound": re.compile(r"\d(?:%|分|个百分点)? ?\+(?!\s*[\d(（])|[≥≤~]\s*[+\-]?\d"),
    # a quarter written ``2022Q2``
    "quarter": re.compile(r"(?<![0-9_])(?:19|20)\d{2}\s*Q[1-4](?![0-9])"),
    # emphasis markup that did not render
    "literal-emphasis": re.compile(f"\\*\\*|(?<![\\w/])__(?=\\w)|[{HAN}。，；：）]\\*|\\*[{HAN}（]"),
}
"""Rules for every text of a Chinese page, Chinese characters or not (a table cell ``83%+``)."""


@dataclass(frozen=True)
class Problem:
    """One break of the style: the rule's name and the stretch of text that breaks it."""

    rule: str
    excerpt: str


@functools.cache
def _configured() -> None:
    """Load this style's configuration into autocorrect-py (a process-wide setting), once."""
    autocorrect_py.load_config(AUTOCORRECT_RULES)


def _autocorrect(text: str) -> list[Problem]:
    """The breaks autocorrect-py finds, each as the line it would change and its correction."""
    _configured()
    result = autocorrect_py.lint_for(text, "text")
    return [Problem("autocorrect", f"{line.old.strip()} → {line.new.strip()}") for line in result.lines]


def _quote_pairs(text: str) -> list[Problem]:
    """Curly quotes that do not pair up: a closing quote with none open, an opening one inside another."""
    found, open_at = [], None
    for i, char in enumerate(text):
        if char == "“":
            if open_at is not None:
                found.append(Problem("quote-pair", text[max(open_at - 8, 0):i + 8]))
            open_at = i
        elif char == "”":
            if open_at is None:
                found.append(Problem("quote-pair", text[max(i - 8, 0):i + 8]))
            open_at = None
    return found


QUOTED = re.compile(r"“[^“”]*”|‘[^‘’]*’")
"""A quoted stretch: a printed form cited as printed (``原文印为“83%+”``) keeps its notation."""


def _matches(rules: dict[str, re.Pattern], text: str) -> list[Problem]:
    return [Problem(rule, text[max(m.start() - 8, 0):m.end() + 8])
            for rule, pattern in rules.items() for m in pattern.finditer(text)]


STRAIGHT_PAIR = re.compile(r'"([^"]*)"')


def chinese_punctuation(text: str) -> str:
    """Return a text of the source with the punctuation Chinese prints: the words and their order unchanged.

    The source's text extraction flattened its punctuation to half-width (``精准营销,实现``,
    ``以"决策式AI"为核心``); a printed headline shown to a reader gets the full-width marks back
    (autocorrect-py's ``fullwidth`` rule) and its straight quotes paired as “”. Provenance
    quotes (``quote_zh``) are not passed through this: they stay exactly as extracted.
    """
    _configured()
    paired = STRAIGHT_PAIR.sub(lambda m: f"“{m.group(1)}”", text) if HAS_HAN.search(text) else text
    return autocorrect_py.format(paired)


def problems(text: str) -> list[Problem]:
    """Return every break of the Chinese style in ``text`` (empty when it keeps the style).

    Text without Chinese characters is checked only for bounds, quarters and literal
    emphasis; text with them for every rule. A bound or quarter inside curly quotes is a
    printed form cited as printed and is left alone (so is a space between Chinese characters).

    Parameters
    ----------
    text
        One piece of a Chinese page: a paragraph, heading, caption, table cell, chart title,
        axis label or tooltip.

    Returns
    -------
    list of Problem
        Each break with its rule's name and an excerpt, in rule order.
    """
    unquoted = QUOTED.sub(lambda m: "“" + "…" * (len(m.group(0)) - 2) + "”", text)
    found = _matches(EVERY_TEXT_RULES, unquoted)
    if HAS_HAN.search(text):
        found += _matches({r: p for r, p in CHINESE_TEXT_RULES.items() if r != "space-between-chinese"}, text)
        found += _matches({"space-between-chinese": CHINESE_TEXT_RULES["space-between-chinese"]}, unquoted)
        found += _quote_pairs(text) + _autocorrect(text)
    return found
