"""What a printed number can stand for: its decimals, its rounding margin, and whether k/n fits it.

A value printed with ``d`` decimals stands for any true value within half a unit of its
last digit. A share of respondents is ``k/n`` for a whole number ``k``, so a printed
percentage is only possible for some ``n``. Every check in the book of "does this share
fit that many respondents" goes through :func:`explains`, so the growth checks, the
sample-size inference and the trends chapter read a qualifier the same way.

How a printed value ``p`` with ``d`` decimals is read, by qualifier:

* ``exact``: some ``k`` gives ``100 k / n`` that **rounds or truncates** to ``p`` at ``d``
  decimals (the source mixes both: 66.6 is 2/3 truncated, 66.67 is 2/3 rounded);
* ``at_least`` ("83%+"): the printed value is the true share cut after ``d`` decimals,
  so ``p <= 100 k / n < p + 10**-d``;
* ``approx`` ("约5%"): within one unit of the last printed digit, ``|100 k / n - p| <= 10**-d``
  (with ``d = 0`` this is within one percentage point);
* ``at_most``: ``p - 10**-d < 100 k / n <= p``.

Examples
--------
>>> decimals("8.00"), half_unit("17")
(2, 0.5)
>>> explains(66.6, 1, 18, "exact")  # 12/18 = 66.67, truncated to 66.6
True
>>> explains(78.5, 1, 24, "exact")  # 18/24 = 75.0, 19/24 = 79.17
False
"""

from __future__ import annotations

import math

import pandas as pd

_EPS = 1e-9


def decimals(printed: str) -> int:
    """Return the number of decimals a value was printed with (``"8.00"`` -> 2)."""
    text = str(printed).strip()
    return len(text.split(".", 1)[1]) if "." in text else 0


def half_unit(printed: str) -> float:
    """Return half a unit of the last printed digit (``"8.00"`` -> 0.005)."""
    return 0.5 * 10 ** (-decimals(printed))


def _truncate(x: float, d: int) -> float:
    return math.floor(x * 10**d + _EPS) / 10**d


def explains(value: float, d: int, n: int, qualifier: str) -> bool:
    """Return whether some whole ``k`` out of ``n`` gives the printed ``value`` under ``qualifier``.

    Parameters
    ----------
    value
        The printed percentage.
    d
        Its printed decimals (:func:`decimals`).
    n
        The number of respondents the share is of.
    qualifier
        ``exact``, ``at_least``, ``approx`` or ``at_most`` (see the module docstring).
    """
    unit = 10.0**-d
    # Every qualifier asks for a share within one unit of the value, so only the few k near
    # value * n / 100 can fit (one more on each side for float rounding): the same answer as
    # trying every k from 0 to n, at a cost that does not grow with n.
    first = max(0, math.floor((value - unit) * n / 100.0) - 1)
    last = min(n, math.ceil((value + unit) * n / 100.0) + 1)
    for k in range(first, last + 1):
        share = 100.0 * k / n
        if qualifier == "exact" and (
            abs(round(share, d) - value) < _EPS or abs(_truncate(share, d) - value) < _EPS
        ):
            return True
        if qualifier == "at_least" and value - _EPS <= share < value + unit - _EPS:
            return True
        if qualifier == "approx" and abs(share - value) <= unit + _EPS:
            return True
        if qualifier == "at_most" and value - unit + _EPS < share <= value + _EPS:
            return True
    return False


REPEAT_SUFFIX = "_repeat"
"""The id suffix of a figure recorded a second time where the source prints it again in the same words."""


def first_printings(figures: pd.DataFrame) -> pd.DataFrame:
    """Return ``figures`` without their repeat printings, so each printed figure counts once.

    The data of record keeps every printing with its own quote; a figure the source prints
    a second time is recorded under the id of its first printing plus :data:`REPEAT_SUFFIX`
    (e.g. ``..._repeat``). A chart of values drops those rows.
    """
    return figures[~figures["id"].str.endswith(REPEAT_SUFFIX)]
