"""The report's three tool-evaluation models, as rules on high / medium / low grades.

The source (chapter 2, "营销数字化能力评测组合模型") grades each marketing tool on three
dimensions, each as high, medium or low:

* **strategic importance** at several time points relative to now (t = 0), combined by
  weights into a *comprehensive importance* (the time-series model; the weights are not
  published, so here they are a parameter, equal by default);
* **maturity** (product and technology) and **application effect**, crossed in a 3x3 grid
  whose cells form three tiers: tier 1 when both are high; tier 2 when one is high and the
  other better than low; tier 3 otherwise;
* the **3C model** adds comprehensive importance as a third axis: a tool is in the core
  zone when at least one dimension is high and every dimension is better than low.

The source states few grades in words; most must be read back from the published
classification. :func:`consistent_grades` does that: it enumerates every grade a missing
dimension could take, keeps the combinations that reproduce a tool's published tier and
3C membership, and so shows which grades the classification forces, which it leaves open,
and where a stated grade contradicts the published class (no combination survives).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import product

import pandas as pd

GRADES = ("low", "medium", "high")
DIMENSIONS = ("importance", "maturity", "effect")
_SCORE = {grade: score for score, grade in enumerate(GRADES, start=1)}


def check_grade(grade: str) -> str:
    """Return ``grade`` if it is one of low / medium / high, else raise ``ValueError``."""
    if grade not in _SCORE:
        raise ValueError(f"grade must be one of {', '.join(GRADES)}; got {grade!r}")
    return grade


def comprehensive_importance(grades: Mapping[str, str], weights: Mapping[str, float] | None = None) -> str:
    """Combine importance grades at several time points into one grade (the time-series model).

    Each grade scores low = 1, medium = 2, high = 3; the weighted mean is rounded to the
    nearest grade, halves rounding up.

    Parameters
    ----------
    grades
        Grade by time point, e.g. ``{"t0": "medium", "t+5y": "high"}``.
    weights
        Weight by time point. The source does not publish its weights; the default gives
        every time point the same weight. Time points without a weight count zero.

    Examples
    --------
    >>> comprehensive_importance({"t0": "medium", "t+5y": "high"})
    'high'
    >>> comprehensive_importance({"t0": "medium", "t+5y": "high"}, {"t0": 3, "t+5y": 1})
    'medium'
    """
    if not grades:
        raise ValueError("comprehensive importance needs at least one graded time point")
    weights = {t: 1.0 for t in grades} if weights is None else weights
    total = sum(weights.get(t, 0.0) for t in grades)
    if total <= 0:
        raise ValueError(f"the weights {dict(weights)} give no weight to the time points {list(grades)}")
    mean = sum(_SCORE[check_grade(g)] * weights.get(t, 0.0) for t, g in grades.items()) / total
    return GRADES[min(int(mean + 0.5), 3) - 1]


def maturity_effect_tier(maturity: str, effect: str) -> int:
    """Return the tier (1, 2 or 3) of a tool in the maturity x application-effect grid.

    Examples
    --------
    >>> maturity_effect_tier("high", "high"), maturity_effect_tier("high", "medium"), maturity_effect_tier("high", "low")
    (1, 2, 3)
    """
    pair = (check_grade(maturity), check_grade(effect))
    if pair == ("high", "high"):
        return 1
    if "high" in pair and "low" not in pair:
        return 2
    return 3


def in_3c_core(maturity: str, effect: str, importance: str) -> bool:
    """Return whether a tool lies in the 3C core zone: one dimension high, none low.

    Examples
    --------
    >>> in_3c_core("medium", "medium", "high"), in_3c_core("high", "high", "low")
    (True, False)
    """
    grades = [check_grade(maturity), check_grade(effect), check_grade(importance)]
    return "high" in grades and "low" not in grades


def consistent_grades(stated: Mapping[str, str], tier: int | None, core: bool | None) -> list[dict[str, str]]:
    """Return every grade combination that agrees with the stated grades and the published class.

    Parameters
    ----------
    stated
        The grades the text states, by dimension (``importance``, ``maturity``, ``effect``).
    tier
        The published maturity x effect tier, or ``None`` if unpublished.
    core
        Whether the tool is published as in the 3C core zone, or ``None`` if unpublished.

    Returns
    -------
    list of dict
        Combinations (dimension -> grade). Empty when the stated grades contradict the class.
    """
    unknown = [d for d in DIMENSIONS if d not in stated]
    combos = []
    for guess in product(GRADES, repeat=len(unknown)):
        grades = {**{d: check_grade(g) for d, g in stated.items()}, **dict(zip(unknown, guess))}
        if tier is not None and maturity_effect_tier(grades["maturity"], grades["effect"]) != tier:
            continue
        if core is not None and in_3c_core(grades["maturity"], grades["effect"], grades["importance"]) != core:
            continue
        combos.append(grades)
    return combos


def read_back_grades(stated: Mapping[str, str], tier: int | None, core: bool | None) -> dict[str, str]:
    """Return, per dimension, the grade stated, forced by the published class, or still open.

    Each value is a grade (``"high"``), a ``" or "``-joined list of the grades still possible
    (``"medium or high"``), or ``"contradiction"`` when no combination fits.
    """
    combos = consistent_grades(stated, tier, core)
    if not combos:
        return {d: "contradiction" for d in DIMENSIONS}
    result = {}
    for dimension in DIMENSIONS:
        possible = [g for g in GRADES if any(c[dimension] == g for c in combos)]
        result[dimension] = " or ".join(possible)
    return result


def stated_grades(grades: pd.DataFrame, tool_id: str, weights: Mapping[str, float] | None = None) -> dict[str, str]:
    """Return the grades the text states for one tool, importance combined over its time points.

    An undated (``overall``) importance grade is taken as the comprehensive grade; dated
    ones are combined with :func:`comprehensive_importance` and ``weights``.
    """
    rows = grades[grades["tool_id"] == tool_id]
    stated = {r.dimension: r.grade for r in rows.itertuples() if r.dimension != "importance"}
    importance = rows[rows["dimension"] == "importance"]
    overall = importance[importance["time_point"] == "overall"]
    if not overall.empty:
        stated["importance"] = overall["grade"].iloc[0]
    elif not importance.empty:
        stated["importance"] = comprehensive_importance(dict(zip(importance["time_point"], importance["grade"])),
                                                        weights)
    return stated


def evaluate_tools(grades: pd.DataFrame, classes: pd.DataFrame,
                   weights: Mapping[str, float] | None = None) -> pd.DataFrame:
    """Run the three models on every classified tool and compare with its published class.

    Parameters
    ----------
    grades
        The stated grades (``reference/tool_grades.csv``).
    classes
        The published tiers and 3C membership (``reference/tool_classes.csv``).
    weights
        Time-point weights of the importance time series (default: equal).

    Returns
    -------
    DataFrame
        One row per tool: ``tool_id``; per dimension the grade read back (stated, forced by
        the class, or the grades still open) and its ``<dimension>_basis`` (``stated``,
        ``inferred``, ``open``); ``published_tier``, ``published_core``; ``reproduced``
        (the published class is reachable from the stated grades) and ``conflict`` (which
        published result the stated grades contradict, empty if none).
    """
    rows = []
    for cls in classes.itertuples():
        tier, core = int(cls.tier), cls.core == "yes"
        stated = stated_grades(grades, cls.tool_id, weights)
        read = read_back_grades(stated, tier, core)
        row = {"tool_id": cls.tool_id, "published_tier": tier, "published_core": core}
        conflict = []
        if read["maturity"] == "contradiction":
            if not consistent_grades(stated, tier, None):
                conflict.append("tier")
            if not consistent_grades(stated, None, core):
                conflict.append("core")
            read = {d: stated.get(d, "open") for d in DIMENSIONS}
        for dimension in DIMENSIONS:
            grade = read[dimension]
            row[dimension] = grade
            row[f"{dimension}_basis"] = ("stated" if dimension in stated
                                         else "inferred" if grade in GRADES else "open")
        row["reproduced"] = not conflict
        row["conflict"] = ";".join(conflict)
        rows.append(row)
    return pd.DataFrame(rows)
