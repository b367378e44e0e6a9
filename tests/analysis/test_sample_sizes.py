"""Tests of report_lib.analysis.sample_sizes: which group sizes can produce a printed share."""

import pandas as pd

from report_lib.analysis.sample_sizes import allowed_sizes, explains, infer_segment_sizes


def _figures(rows):
    """Figures with the columns the inference reads, from (id, segment, printed, qualifier)."""
    return pd.DataFrame([{"id": i, "segment": s, "value": float(p), "value_printed": p, "qualifier": q,
                          "unit": "percent", "base": "respondents_segment"} for i, s, p, q in rows])


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


def test_allowed_sizes_lists_every_fitting_n():
    """87.5% exact fits exactly the multiples of 8 up to the total."""
    row = next(_figures([("a", "joint_stock", "87.5", "exact")]).itertuples())
    assert allowed_sizes(row, 40) == [8, 16, 24, 32, 40]


def test_inference_finds_the_unique_split():
    """Shares that only 10/20/30 explain give that split, with nothing unexplained."""
    figures = _figures([("s", "state_owned", "30", "exact"), ("j", "joint_stock", "35", "exact"),
                        ("j2", "joint_stock", "5", "exact"), ("r", "regional", "3.33", "exact"),
                        ("r2", "regional", "6.67", "exact"), ("s2", "state_owned", "10", "exact")])
    inference = infer_segment_sizes(figures, total=60)
    assert {"state_owned": 10, "joint_stock": 20, "regional": 30} in inference.solutions
    assert inference.unexplained.empty


def test_inference_reports_ties_and_unexplained(dataset):
    """On the data of record two splits tie: joint-stock 48, the others 36/36 or 54/18; five shares fit none."""
    inference = infer_segment_sizes(dataset.figures, total=120)
    assert inference.sizes("joint_stock") == [48]
    assert inference.sizes("state_owned") == [36, 54] and inference.sizes("regional") == [18, 36]
    assert all(sum(s.values()) == 120 for s in inference.solutions)
    assert "c2_uda_strategic_future5y_joint_stock" in set(inference.unexplained["id"])
    assert len(inference.unexplained) == 5
