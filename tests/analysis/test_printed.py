"""Tests of report_lib.analysis.printed: decimals, rounding margins and whether k/n fits a printed share."""

import math

import pytest

from report_lib.analysis.printed import decimals, explains, half_unit


def test_decimals_and_half_unit():
    """Printed decimals set the rounding margin: '8.00' -> 0.005, '17' -> 0.5."""
    assert decimals("8.00") == 2 and decimals("17") == 0
    assert half_unit("8.00") == pytest.approx(0.005) and half_unit("17") == pytest.approx(0.5)


def test_exact_share_may_be_rounded_or_truncated():
    """2/3 prints as 66.67 (rounded) or 66.6 (truncated); 66.7 needs rounding at one decimal."""
    assert explains(66.67, 2, 3, "exact") and explains(66.6, 1, 18, "exact") and explains(66.7, 1, 18, "exact")


def test_a_percentage_no_size_explains():
    """78.5% is not k/24 nor k/48 (needs a multiple of 14); 99%+ is impossible below n=100."""
    assert not explains(78.5, 1, 24, "exact") and not explains(78.5, 1, 48, "exact")
    assert explains(78.5, 1, 14, "exact")
    assert not any(explains(99.0, 0, n, "at_least") for n in range(1, 100))


def test_at_least_reads_the_printed_value_as_truncated():
    """'75%+' fits 27/36 = 75.0 and 41/54 = 75.9 but not 18 (13/18 = 72.2, 14/18 = 77.8)."""
    assert explains(75.0, 0, 36, "at_least") and explains(75.0, 0, 54, "at_least")
    assert not explains(75.0, 0, 18, "at_least")


def test_approx_allows_one_unit_of_the_last_digit():
    """'约5%' fits 4/84 = 4.76 but '约5%' does not fit 0/10 or 1/10."""
    assert explains(5.0, 0, 84, "approx") and not explains(5.0, 0, 10, "approx")


def test_at_most_reads_the_printed_value_as_a_ceiling():
    """'at most 10%' fits 1/11 = 9.09 but not 2/11 = 18.2 nor 0/11 (more than one unit below)."""
    assert explains(10.0, 0, 11, "at_most") and not explains(5.0, 0, 11, "at_most")


def test_first_printings_drops_only_repeat_rows():
    """A row whose id ends in _repeat is left out; other rows stay in order."""
    import pandas as pd

    from report_lib.analysis.printed import first_printings

    figures = pd.DataFrame({"id": ["a", "a_repeat", "b_repeated"]})
    assert first_printings(figures)["id"].tolist() == ["a", "b_repeated"]


def every_k_explains(value: float, d: int, n: int, qualifier: str) -> bool:
    """The definition, tried on every k from 0 to n (what :func:`explains` shortens to the k near the value)."""
    unit, eps = 10.0**-d, 1e-9
    for k in range(n + 1):
        share = 100.0 * k / n
        truncated = math.floor(share * 10**d + eps) / 10**d
        if ((qualifier == "exact" and (abs(round(share, d) - value) < eps or abs(truncated - value) < eps))
                or (qualifier == "at_least" and value - eps <= share < value + unit - eps)
                or (qualifier == "approx" and abs(share - value) <= unit + eps)
                or (qualifier == "at_most" and value - unit + eps < share <= value + eps)):
            return True
    return False


def test_trying_only_the_k_near_the_value_gives_the_answer_of_trying_every_k(dataset):
    percents = dataset.figures[dataset.figures["unit"] == "percent"]
    printed = {(float(v), decimals(p)) for v, p in zip(percents["value"], percents["value_printed"])}
    printed |= {(0.0, 0), (100.0, 0), (0.5, 1), (99.95, 2), (33.33, 2), (66.6, 1), (12.5, 1)}
    for value, d in sorted(printed):
        for n in range(1, 121):
            for qualifier in ("exact", "at_least", "approx", "at_most"):
                assert explains(value, d, n, qualifier) == every_k_explains(value, d, n, qualifier), (value, d, n, qualifier)
