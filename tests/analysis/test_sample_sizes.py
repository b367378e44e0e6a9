"""Tests of report_lib.analysis.sample_sizes: which group sizes can produce a printed share."""

import pandas as pd

from report_lib.analysis.sample_sizes import allowed_sizes, infer_segment_sizes


def _figures(rows):
    """Figures with the columns the inference reads, from (id, segment, printed, qualifier)."""
    return pd.DataFrame([{"id": i, "segment": s, "value": float(p), "value_printed": p, "qualifier": q,
                          "unit": "percent", "base": "respondents_segment"} for i, s, p, q in rows])


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
