"""The source's terms, one per concept, and no code in Chinese text.

The glossary (``reference/glossary.csv``) holds the Chinese term of each concept and, in
``variants_zh``, the other names the Chinese edition does not use (``第一梯队`` for the
source's ``一级核心工具``, ``份额`` for ``占比``). :func:`variant_uses` finds them in a text.
:func:`code_identifiers` finds what a reader should never see in Chinese text: Python
names (``not_applicable``, ``report_lib``), assignments (``regional =``) and Python's
printed values (``True``, ``<NA>``). Figure ids (``c1_card_level_2018``) are the book's
references between a footer and the notes table, and file paths name data a reader can
open, so both are allowed.

Examples
--------
>>> code_identifiers("原文称regional = 农商行", allowed=set())
['regional =']
>>> code_identifiers("见c1_card_level_2018", allowed={"c1_card_level_2018"})
[]
"""

from __future__ import annotations

import re

import pandas as pd

SNAKE = re.compile(r"(?<![A-Za-z0-9_./-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_/-]|\.(?:csv|yaml|json|parquet|sav|md)\b)")
"""A snake_case name (``not_applicable``, ``report_lib`` of ``report_lib.themes``), not part of a file path or name."""
ASSIGNMENT = re.compile(r"(?<![A-Za-z0-9_.])[A-Za-z_][A-Za-z0-9_]*\s*=\s(?!\d)")
PRINTED = re.compile(r"(?<![A-Za-z0-9_<])(?:True|False|None|NaN|nan|<NA>|NaT)(?![A-Za-z0-9_>])")


def variants(glossary: pd.DataFrame) -> dict[str, str]:
    """Return every listed variant and the glossary term to use instead (``{"第一梯队": "一级核心工具", ...}``)."""
    if "variants_zh" not in glossary.columns:
        return {}
    found = {}
    for term, listed in zip(glossary["term_zh"], glossary["variants_zh"].fillna("")):
        for variant in filter(None, (v.strip() for v in str(listed).split(";"))):
            found[variant] = term
    return found


def variant_uses(text: str, listed: dict[str, str]) -> list[tuple[str, str]]:
    """Return ``(variant, term)`` for each listed variant that ``text`` uses."""
    return [(variant, term) for variant, term in listed.items() if variant in text]


def code_identifiers(text: str, allowed: set[str]) -> list[str]:
    """Return the code identifiers in ``text``: snake_case names not in ``allowed``, assignments, Python values.

    Parameters
    ----------
    text
        A text a Chinese reader sees (code spans removed).
    allowed
        Names a reader may see: the figure ids the tables and footers refer to.
    """
    found = [m.group(0) for m in SNAKE.finditer(text) if m.group(0) not in allowed]
    found += [m.group(0).strip() for m in ASSIGNMENT.finditer(text)]
    found += [m.group(0) for m in PRINTED.finditer(text)]
    return found
