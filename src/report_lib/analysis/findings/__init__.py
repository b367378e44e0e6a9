"""Findings the book states in words, computed from the data a page is built from.

Two layers: :mod:`.rules` holds the primitive tests (who leads, a majority, a direction) with
their named thresholds; :mod:`.finding` the shape of a computed finding (an outcome, the
values its sentence names, the figures that decided it); :mod:`.chapter2` and
:mod:`.chapter4` the findings of those chapters, one function per finding id, each with its
rule in its docstring; :mod:`.catalog` maps ids to functions. A page asks
``page.finding("<id>")``; the sentence of each outcome is the label ``finding.<id>.<outcome>``.
"""

from report_lib.analysis.findings.rules import (  # noqa: F401
    MAJORITY, RARE, direction, is_majority, is_rare, leading_segment, rows_of,
)
