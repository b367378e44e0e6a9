"""问卷星 (Wenjuanxing) export conventions: how its header row looks, its multi-select separator, its skip markers.

问卷星 downloads answers as Excel (or CSV) with one column per question headed by the question's
number and text (``1、您认为以下哪些是...？``), one column per option of a multi-select when
exported "by option" (``2、...？(提升服务)``, cells 1/0), or one cell of the chosen options
joined by ``┋`` when exported "by text". A question skipped by the survey's logic reads
``(跳过)`` and an unanswered one ``(空)``; both are empty answers here.
"""

from __future__ import annotations

import re

SEPARATOR = "┋"
"""问卷星's separator of the chosen options in one multi-select cell."""
EMPTY_MARKERS = ("(跳过)", "(空)")
"""Cells 问卷星 writes for a question skipped by logic and for one left unanswered."""
FIXED_COLUMNS = ("序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP")
"""Columns 问卷星 writes before the questions (respondent number, submission time, ...)."""
_NUMBERED = re.compile(r"^\d+[、.．]")


def looks_like(columns: list[str]) -> bool:
    """True when a header row looks like 问卷星's: its fixed columns, or most columns numbered ``N、``."""
    if sum(c in FIXED_COLUMNS for c in columns) >= 2:
        return True
    numbered = sum(bool(_NUMBERED.match(c)) for c in columns)
    return bool(columns) and numbered >= max(2, len(columns) // 2)
