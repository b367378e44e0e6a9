"""The trends chapter: trends with their figures, counts the text announces, derived services.

Examples
--------
>>> announced_vs_listed(data.figures, "structure_needs_announced_count", data.table("structure_needs"))   # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd

from report_lib.analysis.printed import decimals, explains
from report_lib.analysis.segments import MARKET


def trend_figures(trends: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Count the figures of record behind each trend (via its ``figure_topics``).

    Returns
    -------
    pandas.DataFrame
        ``trend_id, order, figures`` in trend order; a trend without topics has 0.
    """
    counts = []
    for trend in trends.sort_values("order").itertuples():
        topics = [t for t in trend.figure_topics.split(";") if t]
        counts.append({"trend_id": trend.trend_id, "order": int(trend.order),
                       "figures": int(figures["topic"].isin(topics).sum())})
    return pd.DataFrame(counts)


def announced_vs_listed(figures: pd.DataFrame, subject: str, listed: pd.DataFrame) -> pd.DataFrame:
    """Compare a count the text announces (a figure) with the items it actually lists (a table).

    Parameters
    ----------
    figures
        The data of record.
    subject
        Subject of the figure holding the announced count (e.g. "四点" = 4).
    listed
        Reference table with one row per listed item.

    Returns
    -------
    pandas.DataFrame
        One row: ``id, announced, listed, matches``.
    """
    figure = figures[figures["subject"] == subject].iloc[0]
    announced, count = int(figure["value"]), len(listed)
    return pd.DataFrame({"id": [figure["id"]], "announced": [announced], "listed": [count],
                         "matches": [announced == count]})


def implied_count(share: float, n: int) -> int:
    """Return the whole number of respondents k whose share k/n is nearest ``share`` (percent)."""
    return int(round(share * n / 100))


def derived_services(figures: pd.DataFrame, bases: pd.DataFrame,
                     topic: str = "derived_service_demand") -> pd.DataFrame:
    """Summarise the derivative-service figures: one row per subject, with implied respondents.

    When a subject is printed twice (e.g. in body text and in a chart caption) the first
    row is used and the number of printings is kept. ``n`` is the base's stated n, or the exact
    n of a row computed from a survey wave. ``implied_k`` is the whole number of
    respondents nearest the share for the base's n (a check, not a published value);
    ``k_fits`` says whether some k/n gives the printed value as its qualifier reads it
    (:func:`report_lib.analysis.printed.explains`: an "approx" value within one unit of
    its last digit, an exact one rounded or truncated).

    Parameters
    ----------
    figures
        The data of record.
    bases
        ``reference/bases.csv``: the stated n of each base.

    Returns
    -------
    pandas.DataFrame
        ``subject, id, printed, share, qualifier, base, n, printings, implied_k, k_fits``.
    """
    rows = figures[(figures["topic"] == topic) & (figures["segment"] == MARKET)]
    stated = bases.set_index("base")["n"]
    out = []
    for subject, group in rows.groupby("subject", sort=False):
        first = group.iloc[0]
        counted = first.get("n", float("nan"))  # a row computed from a survey wave has its exact n
        n = counted if pd.notna(counted) else stated.get(first["base"])
        known = pd.notna(n)
        k = implied_count(first["value"], int(n)) if known else None
        fits = explains(float(first["value"]), decimals(first["value_printed"]), int(n), first["qualifier"]) if known else None
        out.append({"subject": subject, "id": first["id"], "printed": first["value_printed"],
                    "share": float(first["value"]), "qualifier": first["qualifier"], "base": first["base"],
                    "n": int(n) if known else None, "printings": len(group), "implied_k": k, "k_fits": fits})
    return pd.DataFrame(out)


def share_of_share(part: float, whole: float) -> float:
    """Return ``part`` as a percentage of ``whole`` (both percentages of the same base).

    Meaningful only if everyone counted in ``part`` is also counted in ``whole`` (e.g. all
    who would pay for derivative services also need them); the caller must say so.
    """
    return round(100 * part / whole, 1)
