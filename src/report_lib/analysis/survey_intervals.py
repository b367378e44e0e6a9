"""Kish's effective sample size and the Wilson score interval on it.

A weighted share has the precision of a simple random sample of Kish's effective size
``n_eff = (sum w)^2 / sum w^2`` (Kish 1965, *Survey Sampling*, section 11.7). The interval is
Wilson's score interval (Wilson 1927, JASA 22:209-212) with ``n_eff`` in place of ``n``, as in
``statsmodels.stats.proportion.proportion_confint(p * n_eff, n_eff, method="wilson")``.
The panel is opt-in: the interval describes sampling noise under a simple-random-sample
assumption, not coverage of the bank population.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import norm

LEVEL = 0.95


def z_value(level: float = LEVEL) -> float:
    """The two-sided standard-normal quantile of ``level`` (1.96 for 95%)."""
    return float(norm.isf((1 - level) / 2))


def kish_n_eff(sum_w: np.ndarray | float, sum_w2: np.ndarray | float) -> np.ndarray:
    """Kish's effective sample size ``(sum w)^2 / sum w^2``; equals n when every weight is 1."""
    sum_w, sum_w2 = np.asarray(sum_w, dtype=float), np.asarray(sum_w2, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(sum_w2 > 0, sum_w**2 / sum_w2, 0.0)


def wilson_interval(p: np.ndarray | float, n: np.ndarray | float, level: float = LEVEL) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval of a share ``p`` (0-1) observed on ``n`` (effective) respondents.

    Returns
    -------
    (low, high)
        Bounds as shares (0-1); NaN where ``n`` is 0.
    """
    p, n = np.asarray(p, dtype=float), np.asarray(n, dtype=float)
    z = z_value(level)
    with np.errstate(divide="ignore", invalid="ignore"):
        denominator = 1 + z**2 / n
        centre = (p + z**2 / (2 * n)) / denominator
        half = z / denominator * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
        low, high = centre - half, centre + half
    bad = ~(n > 0)
    return np.where(bad, np.nan, np.clip(low, 0, 1)), np.where(bad, np.nan, np.clip(high, 0, 1))


def mean_interval(mean: np.ndarray, variance: np.ndarray, n_eff: np.ndarray,
                  level: float = LEVEL) -> tuple[np.ndarray, np.ndarray]:
    """Normal interval of a (weighted) mean: ``mean +- z * sqrt(variance / n_eff)``."""
    with np.errstate(divide="ignore", invalid="ignore"):
        half = z_value(level) * np.sqrt(np.maximum(variance, 0) / n_eff)
    return mean - half, mean + half
