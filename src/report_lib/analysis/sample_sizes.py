"""Infer how many respondents belong to each bank type from the percentages the source prints.

The source never says how many of the 120 respondents work at state-owned, joint-stock or
regional banks. But a share of respondents is ``k/n`` for a whole number ``k``, so a
printed percentage is only possible for some ``n``. This is the classic consistency check
of reported proportions (the GRIM test: Brown and Heathers, 2017, *Social Psychological and
Personality Science* 8(4)), applied in reverse: search the sizes that explain the printed
figures.

Whether a size ``n`` can produce a printed value is :func:`report_lib.analysis.printed.explains`,
which reads each qualifier (exact, at least, approx, at most) from the printed decimals.

The sizes of the three bank types must add up to the sample (120); a combined segment
(state-owned plus joint-stock) has the sum of its parts. Among all such triples the one
that explains the most figures is kept; when several triples explain equally many, all
are kept and a segment's size is reported as every value it takes (e.g. "36 or 54").
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

import pandas as pd

from report_lib.analysis.printed import decimals, explains

#: The bank types whose sizes are inferred, and the combined segments that are their sums.
PARTS = ("state_owned", "joint_stock", "regional")
COMBINED = {"state_owned_joint_stock": ("state_owned", "joint_stock")}
SEGMENT_BASE = "respondents_segment"


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
    printed = {segment: [(float(r.value), decimals(r.value_printed), r.qualifier)
                         for r in shares[shares["segment"] == segment].itertuples()]
               for segment in (*PARTS, *COMBINED)}

    def explained(segment: str, n: int) -> int:
        return sum(explains(value, d, n, qualifier) for value, d, qualifier in printed[segment])

    # How many shares of each segment a size explains, once per size; a triple's score is then
    # a sum of table lookups (a combined segment's size is the sum of its parts' sizes).
    fits = {segment: [0, *(explained(segment, n) for n in range(1, total + 1))] for segment in PARTS}
    combined = {segment: [0, *(explained(segment, n) for n in range(1, total + 1))] for segment in COMBINED}
    best, solutions = -1, []
    for a, b in product(range(1, total), repeat=2):
        if total - a - b < 1:
            continue
        sizes = dict(zip(PARTS, (a, b, total - a - b)))
        score = sum(fits[s][sizes[s]] for s in PARTS) + sum(combined[s][_size_of(s, sizes)] for s in COMBINED)
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
