"""Wilson interval, Kish's effective n and the two-proportion test against statsmodels."""

from __future__ import annotations

import numpy as np
import pytest
from statsmodels.stats.proportion import proportion_confint, proportions_ztest

from report_lib.analysis.survey_intervals import kish_n_eff, wilson_interval
from report_lib.analysis.survey_significance import significant, two_proportion_z


@pytest.mark.parametrize("count,n", [(0, 10), (3, 10), (55, 120), (119, 120), (120, 120), (7.5, 13.2)])
def test_wilson_matches_statsmodels(count, n):
    """Same bounds as proportion_confint(method="wilson"), fractional effective n included."""
    low, high = wilson_interval(count / n, n)
    expected = proportion_confint(count, n, alpha=0.05, method="wilson")
    assert np.allclose([low, high], expected, atol=1e-12)


def test_wilson_is_nan_without_respondents():
    """No respondents, no interval."""
    assert np.isnan(wilson_interval(0.0, 0.0)).all()


def test_kish_effective_n():
    """Equal weights give n; unequal weights give (sum w)^2 / sum w^2 (Kish 1965)."""
    assert kish_n_eff(10.0, 10.0) == 10.0
    weights = np.array([2, 1, 1, 0.5, 1.5])
    assert np.isclose(kish_n_eff(weights.sum(), (weights**2).sum()), 36 / 8.5)


@pytest.mark.parametrize("c1,n1,c2,n2", [(30, 36, 40, 84), (18, 36, 42, 84), (5, 20, 15, 20), (50.5, 80.3, 30.2, 60.9)])
def test_two_proportion_z_matches_statsmodels(c1, n1, c2, n2):
    """Same z and p-value as proportions_ztest (pooled variance, two-sided)."""
    z, p_value = two_proportion_z(c1 / n1, n1, c2 / n2, n2)
    expected_z, expected_p = proportions_ztest([c1, c2], [n1, n2])
    assert np.isclose(z, expected_z) and np.isclose(p_value, expected_p)


def test_no_test_without_variance():
    """When both groups chose the option to a man, there is nothing to test: NaN, not significant."""
    z, p_value = two_proportion_z(1.0, 10, 1.0, 20)
    assert np.isnan(z) and np.isnan(p_value) and not significant(p_value)
