"""Does a bank type differ from the other respondents? A two-proportion z-test on effective n.

The test is the pooled two-sample z-test for proportions (Fleiss, Levin and Paik 2003,
*Statistical Methods for Rates and Proportions*, 3rd ed., section 3.3; the same statistic as
``statsmodels.stats.proportion.proportions_ztest`` with counts ``p * n_eff``), with each
group's Kish effective n in place of its n so that weights widen it honestly. A difference
is called significant when the two-sided p-value is below 5%.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import norm

ALPHA = 0.05
TEST = "two_proportion_z_effective_n"
"""Name of the test, written beside every p-value."""


def two_proportion_z(p1: np.ndarray, n1: np.ndarray, p2: np.ndarray, n2: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """z statistic and two-sided p-value of ``p1`` (on ``n1``) against ``p2`` (on ``n2``).

    NaN where a group is empty or the pooled share is 0 or 1 (no variance to test against).
    """
    p1, n1, p2, n2 = (np.asarray(a, dtype=float) for a in (p1, n1, p2, n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        se = np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
        z = np.where((se > 0) & (n1 > 0) & (n2 > 0), (p1 - p2) / se, np.nan)
    return z, np.where(np.isnan(z), np.nan, 2 * norm.sf(np.abs(z)))


def significant(p_value: np.ndarray, alpha: float = ALPHA) -> np.ndarray:
    """True where ``p_value`` is below ``alpha`` (False where it is NaN)."""
    return np.nan_to_num(np.asarray(p_value, dtype=float), nan=1.0) < alpha
