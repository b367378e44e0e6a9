"""Where one bank type stands furthest above and below the all-bank figures, computed from the data.

For every figure the source gives both for a bank type and for all banks — the same
``(topic, subject, category)`` in ``figures.csv``, both in percent — the difference is
``segment - all`` in percentage points. Qualifiers carry over honestly: two exact values
give an exact difference; a segment printed as "at least 83%" against an exact all-bank
value gives a difference of *at least* so many points; an approximate value makes the
difference approximate. Where the qualifiers leave even the sign open (both "at least",
or a bound against an approximate value), the pair is kept but marked not comparable
and left out of the ranking. Combined groups (state-owned and joint-stock together) and
sub-groups (city commercial banks) are never read as a bank type.

Examples
--------
>>> comparison = compare_to_market(load_dataset(), "regional")   # doctest: +SKIP
>>> furthest(comparison, 3)                                       # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd

from report_lib.data.dataset import Dataset
from report_lib.analysis.segments import MARKET, bank_types

PERCENT_UNITS = ("percent",)
"""Units whose differences are percentage points."""

KEYS = ["topic", "subject", "category"]

_LOWER = {"exact": 0, "approx": 0, "at_least": 0, "at_most": None}
"""How far below its printed value each qualifier lets a value be (None: unbounded)."""


def difference_qualifier(segment_qualifier: str, market_qualifier: str) -> str | None:
    """Return the qualifier of ``segment - market`` given the two values' qualifiers.

    ``exact`` when both are exact; ``approx`` when either is approximate and neither is a
    bound; ``at_least``/``at_most`` when the bounds point one way (e.g. segment at least,
    market exact or at most); ``None`` when the sign of the difference is not determined.

    Examples
    --------
    >>> difference_qualifier("at_least", "exact")
    'at_least'
    >>> difference_qualifier("at_least", "at_least") is None
    True
    """
    pair = {segment_qualifier, market_qualifier}
    if pair <= {"exact"}:
        return "exact"
    if pair <= {"exact", "approx"}:
        return "approx"
    if "approx" in pair:
        return None
    # Only exact and bounds remain: segment's lower bound minus market's upper bound, or vice versa.
    up = {"at_least": "at_least", "exact": None, "at_most": "at_most"}
    seg, mkt = up[segment_qualifier], {"at_least": "at_most", "exact": None, "at_most": "at_least"}[market_qualifier]
    directions = {d for d in (seg, mkt) if d}
    return directions.pop() if len(directions) == 1 else None


def compare_to_market(dataset: Dataset, segment: str, chapter: int | None = None) -> pd.DataFrame:
    """Pair each of ``segment``'s figures with the all-bank figure of the same key.

    Parameters
    ----------
    dataset
        The data of record.
    segment
        A bank type id (``state_owned``, ``joint_stock``, ``regional``).
    chapter
        Only figures of this chapter (default: all chapters).

    Returns
    -------
    pandas.DataFrame
        One row per segment figure: the key columns, ``chapter``, ``unit``, ``segment_id``
        and ``market_id`` (figure ids; ``market_id`` empty when the source gives no
        all-bank value), the printed values and qualifiers, ``difference_pp`` (float,
        NaN when not comparable) and ``difference_qualifier`` (empty when not comparable).
    """
    if segment not in bank_types(dataset):
        raise ValueError(f"segment must be a bank type ({', '.join(bank_types(dataset))}); got {segment!r}")
    figures = dataset.figures
    if chapter is not None:
        figures = figures[figures["chapter"] == chapter]
    columns = KEYS + ["chapter", "unit", "id", "value", "value_printed", "qualifier"]
    mine = figures.loc[figures["segment"] == segment, columns]
    market = figures.loc[figures["segment"] == MARKET, KEYS + ["unit", "id", "value", "value_printed", "qualifier"]]
    market = market.drop_duplicates(KEYS)  # one all-bank figure per key (the first in the file)
    paired = mine.merge(market, on=KEYS, how="left", suffixes=("_segment", "_market"))
    qualifiers = [
        difference_qualifier(s, m) if isinstance(m, str) and u == um and u in PERCENT_UNITS else None
        for s, m, u, um in zip(paired["qualifier_segment"], paired["qualifier_market"],
                               paired["unit_segment"], paired["unit_market"])
    ]
    difference = (paired["value_segment"] - paired["value_market"]).where([q is not None for q in qualifiers])
    return pd.DataFrame({
        **{k: paired[k].to_numpy() for k in KEYS},
        "chapter": paired["chapter"].to_numpy(),
        "unit": paired["unit_segment"].to_numpy(),
        "segment_id": paired["id_segment"].to_numpy(),
        "market_id": paired["id_market"].fillna("").to_numpy(),
        "segment_value": paired["value_printed_segment"].to_numpy(),
        "segment_qualifier": paired["qualifier_segment"].to_numpy(),
        "market_value": paired["value_printed_market"].fillna("").to_numpy(),
        "market_qualifier": paired["qualifier_market"].fillna("").to_numpy(),
        "difference_pp": difference.round(2).astype(float).to_numpy(),
        "difference_qualifier": [q or "" for q in qualifiers],
    })


def furthest(comparison: pd.DataFrame, top: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the ``top`` comparable figures furthest above and furthest below the market.

    Above: positive differences, largest first. Below: negative differences, most
    negative first. A difference of zero is neither.
    """
    comparable = comparison.dropna(subset=["difference_pp"])
    above = comparable[comparable["difference_pp"] > 0].sort_values("difference_pp", ascending=False, kind="stable")
    below = comparable[comparable["difference_pp"] < 0].sort_values("difference_pp", kind="stable")
    return above.head(top), below.head(top)


def split_figures(dataset: Dataset, chapter: int | None = None) -> pd.DataFrame:
    """Return the figures the source splits by bank type, one row per key, one column per segment.

    A key counts as split when the source gives a value for at least one bank type.
    Columns: the key columns, ``chapter``, ``unit``, then for the market and each bank type
    ``<segment>`` (value as a float) and ``<segment>_shown`` (printed value with qualifier
    id, e.g. ``83|at_least``; empty when the source gives none) and ``<segment>_id``.
    """
    figures = dataset.figures
    if chapter is not None:
        figures = figures[figures["chapter"] == chapter]
    segments = [MARKET, *bank_types(dataset)]
    split_keys = figures.loc[figures["segment"].isin(segments[1:]), KEYS].drop_duplicates()
    rows = figures[figures["segment"].isin(segments)].merge(split_keys, on=KEYS)
    rows = rows.drop_duplicates(KEYS + ["segment"])
    wide = split_keys.merge(rows.groupby(KEYS, sort=False)[["chapter", "unit"]].first().reset_index(), on=KEYS)
    for segment in segments:
        part = rows[rows["segment"] == segment].set_index(KEYS)
        index = pd.MultiIndex.from_frame(wide[KEYS])
        wide[segment] = part["value"].reindex(index).to_numpy()
        shown = (part["value_printed"] + "|" + part["qualifier"]).reindex(index)
        wide[f"{segment}_shown"] = shown.fillna("").to_numpy()
        wide[f"{segment}_id"] = part["id"].reindex(index).fillna("").to_numpy()
    return wide.reset_index(drop=True)
