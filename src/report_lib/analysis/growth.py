"""Growth rates recomputed from levels and compared with the published rates.

The source prints both the levels of a series (e.g. bank cards issued, 亿张) and its
growth rates, with chart labels that were jumbled in extraction. Recomputing the growth
from the levels is how the reconstruction is checked, and every difference is shown.

Method: a printed number with ``d`` decimals stands for any true value within half a unit
of its last digit (:func:`report_lib.analysis.printed.half_unit`). The recomputed growth is therefore an interval (lowest level ratio to
highest), and a published rate agrees *within rounding* when its own rounding interval
overlaps that interval.
"""

from __future__ import annotations

import pandas as pd

from report_lib.analysis.printed import half_unit


def growth_percent(current: float, previous: float) -> float:
    """Return the percent change from ``previous`` to ``current``."""
    return (current / previous - 1.0) * 100.0


def growth_interval(current: str, previous: str) -> tuple[float, float]:
    """Return the range of percent changes consistent with two printed levels."""
    c, p = float(current), float(previous)
    hc, hp = half_unit(current), half_unit(previous)
    return growth_percent(c - hc, p + hp), growth_percent(c + hc, p - hp)


def compare_growth(levels: pd.Series, published: pd.Series) -> pd.DataFrame:
    """Recompute period-on-period growth from printed ``levels`` and compare with ``published``.

    Parameters
    ----------
    levels
        Levels as printed (strings such as ``"8.00"``) indexed by period, in
        chronological order.
    published
        Published growth rates in percent, as printed, indexed by period; may miss
        periods.

    Returns
    -------
    pandas.DataFrame
        One row per period with ``level`` and ``published_growth`` (as printed),
        ``recomputed_growth``, ``difference_pp`` (published minus recomputed, percentage points) and
        ``consistent`` (within rounding; missing when either side is absent). The first
        period has no recomputed growth: its previous level is not given.
    """
    rows = []
    previous = None
    for period, level in levels.items():
        pub = published.get(period)
        row = {"period": period, "level": level, "published_growth": pub,
               "recomputed_growth": None, "difference_pp": None, "consistent": None}
        if previous is not None:
            row["recomputed_growth"] = growth_percent(float(level), float(levels[previous]))
            if pub is not None:
                row["difference_pp"] = float(pub) - row["recomputed_growth"]
                row["consistent"] = check_rate(level, levels[previous], pub)["consistent"]
        rows.append(row)
        previous = period
    frame = pd.DataFrame(rows).set_index("period")
    for column in ("recomputed_growth", "difference_pp"):
        frame[column] = pd.to_numeric(frame[column])
    frame["consistent"] = frame["consistent"].astype("boolean")
    return frame


def check_rate(current: str, previous: str, published: str) -> dict[str, float | bool]:
    """Check one published rate against two printed levels (e.g. a year-on-year claim).

    Returns the recomputed rate, the interval the printed levels allow, and whether the
    published rate agrees within rounding.
    """
    low, high = growth_interval(current, previous)
    margin = half_unit(published)
    return {
        "recomputed": growth_percent(float(current), float(previous)),
        "low": low,
        "high": high,
        "consistent": float(published) + margin >= low and float(published) - margin <= high,
    }


def same_quarter_last_year(period: str) -> str:
    """Return the period one year earlier for ``"2022Q4"``-style labels (``"2021Q4"``)."""
    year, quarter = period.split("Q")
    return f"{int(year) - 1}Q{quarter}"


def check_year_on_year_claims(levels: pd.Series, claims: pd.Series) -> pd.DataFrame:
    """Check published year-on-year rates against the quarterly levels, both ways.

    For each claimed period the rate is recomputed year on year (against the same quarter
    one year earlier) and quarter on quarter (against the preceding quarter), so a reader
    can see which of the two the published number agrees with.

    Parameters
    ----------
    levels
        Printed quarterly levels indexed by ``"YYYYQn"`` in chronological order.
    claims
        Printed year-on-year rates (percent) indexed by period.
    """
    order = list(levels.index)
    rows = []
    for period, published in claims.items():
        row = {"period": period, "published": published}
        for kind, reference in (("yoy", same_quarter_last_year(period)),
                                ("qoq", order[order.index(period) - 1] if order.index(period) > 0 else None)):
            if reference in levels.index:
                check = check_rate(levels[period], levels[reference], published)
                row[f"{kind}_reference"] = reference
                row[f"{kind}_recomputed"] = round(check["recomputed"], 2)
                row[f"{kind}_consistent"] = check["consistent"]
        rows.append(row)
    return pd.DataFrame(rows).set_index("period")
