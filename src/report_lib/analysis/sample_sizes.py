"""Infer how many respondents belong to each bank type from the percentages the source prints.

The source never says how many of the 120 respondents work at state-owned, joint-stock or
regional banks. But a share of respondents is ``k/n`` for a whole number ``k``, so a
printed percentage is only possible for some ``n``. This is the classic consistency check
of reported proportions (the GRIM test: Brown and Heathers, 2017, *Social Psychological and
Personality Science* 8(4)), applied in reverse: search the sizes that explain the printed
figures.

How a printed value ``p`` with ``d`` decimals is read, by qualifier:

* ``exact``: some ``k`` gives ``100 k / n`` that **rounds or truncates** to ``p`` at ``d``
  decimals (the source mixes both: 66.6 is 2/3 truncated, 66.67 is 2/3 rounded);
* ``at_least`` ("83%+"): the printed value is the true share cut after ``d`` decimals,
  so ``p <= 100 k / n < p + 10**-d``;
* ``approx`` ("约5%"): within one unit of the last printed digit, ``|100 k / n - p| <= 10**-d``
  (with ``d = 0`` this is within one percentage point);
* ``at_most``: ``p - 10**-d < 100 k / n <= p``.

The sizes of the three bank types must add up to the sample (120); a combined segment
(state-owned plus joint-stock) has the sum of its parts. Among all such triples the one
that explains the most figures is kept; when several triples explain equally many, all
are kept and a segment's size is reported as every value it takes (e.g. "36 or 54").

Examples
--------
>>> explains(66.6, 1, 18, "exact")  # 12/18 = 66.67, truncated to 66.6
True
>>> explains(78.5, 1, 24, "exact")  # 18/24 = 75.0, 19/24 = 79.17
False
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import product

import pandas as pd

from report_lib.analysis.growth import decimals

#: The bank types whose sizes are inferred, and the combined segments that are their sums.
PARTS = ("state_owned", "joint_stock", "regional")
COMBINED = {"state_owned_joint_stock": ("state_owned", "joint_stock")}
SEGMENT_BASE = "respondents_segment"
_EPS = 1e-9


def _truncate(x: float, d: int) -> float:
    return math.floor(x * 10**d + _EPS) / 10**d


def explains(value: float, d: int, n: int, qualifier: str) -> bool:
    """Return whether some whole ``k`` out of ``n`` gives the printed ``value`` under ``qualifier``."""
    unit = 10.0**-d
    for k in range(n + 1):
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


def segment_shares(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the percentages whose base is one bank type (or a combination of them).

    These are the figures that constrain the sizes: unit ``percent``, base
    ``respondents_segment``, segment one of the bank types or a combined segment.
    """
    keep = (
        (figures["unit"] == "percent")
        & (figures["base"] == SEGMENT_BASE)
        & figures["segment"].isin([*PARTS, *COMBINED])
    )
    return figures.loc[keep, ["id", "segment", "value", "value_printed", "qualifier"]].reset_index(drop=True)


def _size_of(segment: str, sizes: dict[str, int]) -> int:
    return sum(sizes[p] for p in COMBINED[segment]) if segment in COMBINED else sizes[segment]


def allowed_sizes(row, total: int) -> list[int]:
    """Return every size ``n`` up to ``total`` that can produce one printed share."""
    return [n for n in range(1, total + 1)
            if explains(float(row.value), decimals(row.value_printed), n, row.qualifier)]


@dataclass(frozen=True)
class Inference:
    """Every size triple that explains the most printed shares, and the evidence.

    ``solutions`` holds more than one triple when the figures cannot tell them apart;
    the book then shows every size a segment takes across them, never one chosen at random.
    """

    solutions: list[dict[str, int]]
    evidence: pd.DataFrame
    total: int

    def sizes(self, segment: str) -> list[int]:
        """Return the sizes a bank type (or a combined segment) takes across the solutions."""
        return sorted({_size_of(segment, s) for s in self.solutions})

    @property
    def unexplained(self) -> pd.DataFrame:
        """The figures that no solution can produce."""
        return self.evidence[~self.evidence["explained"]]


def infer_segment_sizes(figures: pd.DataFrame, total: int) -> Inference:
    """Find the bank-type sizes, adding up to ``total``, that explain the most printed shares.

    Parameters
    ----------
    figures
        The data of record (``Dataset.figures``).
    total
        The number of respondents (120 in the source).

    Returns
    -------
    Inference
        Every triple with the highest count of explained figures, and an evidence table:
        each share, the sizes it is tested against, whether it fits, and how many sizes up
        to ``total`` could produce it at all (the fewer, the more it pins the size down).
    """
    shares = segment_shares(figures)
    fits: dict[tuple[str, int], int] = {}
    for segment in PARTS:
        rows = shares[shares["segment"] == segment]
        for n in range(1, total + 1):
            fits[segment, n] = sum(explains(float(r.value), decimals(r.value_printed), n, r.qualifier)
                                   for r in rows.itertuples())
    combined = shares[shares["segment"].isin(COMBINED)]
    best, solutions = -1, []
    for a, b in product(range(1, total), repeat=2):
        if total - a - b < 1:
            continue
        sizes = dict(zip(PARTS, (a, b, total - a - b)))
        score = sum(fits[s, sizes[s]] for s in PARTS)
        score += sum(explains(float(r.value), decimals(r.value_printed), _size_of(r.segment, sizes), r.qualifier)
                     for r in combined.itertuples())
        if score > best:
            best, solutions = score, [sizes]
        elif score == best:
            solutions.append(sizes)
    table = shares.copy()
    table["n"] = [" or ".join(str(n) for n in sorted({_size_of(s, sol) for sol in solutions}))
                  for s in table["segment"]]
    table["explained"] = [
        all(explains(float(r.value), decimals(r.value_printed), _size_of(r.segment, sol), r.qualifier)
            for sol in solutions)
        for r in shares.itertuples()
    ]
    table["sizes_possible"] = [len(allowed_sizes(r, total)) for r in shares.itertuples()]
    return Inference(solutions, table, total)
