"""Which bank types a chapter's figures cover, and the sentence a page shows when they do not.

A chapter rendered for one bank type must say plainly when the source gives it no
figure for that type; the sentence is chosen from the data, never hard-coded per page.
"""

from __future__ import annotations

import pandas as pd

from report_lib.present.labels import Labels
from report_lib.analysis.segments import MARKET


def segment_figures(figures: pd.DataFrame, chapters: tuple[int, ...], segment: str) -> pd.DataFrame:
    """Return the figures of ``chapters`` printed for ``segment``."""
    return figures[figures["chapter"].isin(chapters) & (figures["segment"] == segment)]


def no_split_note(figures: pd.DataFrame, chapters: tuple[int, ...], segment: str, label: Labels) -> str:
    """Return a sentence saying the source gives no figure for ``segment`` in ``chapters``, or ``""``.

    Empty for the whole market (``all``) and for a bank type the chapters do cover.
    """
    if segment == MARKET or not segment_figures(figures, chapters, segment).empty:
        return ""
    return label("note.no_segment_split").format(segment=label.segment(segment, short=False))
