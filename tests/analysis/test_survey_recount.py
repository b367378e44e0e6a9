"""The synthetic example wave, recounted with plain pandas, gives the aggregation's every share and n."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from report_lib.analysis.survey_shares import wave_figures
from report_lib.data.survey.questionnaire import MEAN_OPTION
from report_lib.data.survey.wave import load_wave
from survey_helpers import synthetic_wave


def recount(responses: pd.DataFrame, questionnaire, weighted: bool) -> pd.DataFrame:
    """Shares (percent, one decimal) and n per question, option and segment, with pandas only."""
    rows = []
    for question in questionnaire.questions:
        columns = list(question.columns)
        answered = responses[columns].notna().any(axis=1)
        for segment in ["all", *sorted(responses["segment"].unique())]:
            base = responses[answered & ((responses["segment"] == segment) | (segment == "all"))]
            weight = base["weight"] if weighted else pd.Series(1.0, index=base.index)
            for option in question.options:
                if option == MEAN_OPTION:
                    value = (weight * base[question.question_id].astype(float)).sum() / weight.sum()
                elif question.kind == "multi":
                    value = 100 * (weight * (base[question.option_column(option)] == 1)).sum() / weight.sum()
                elif question.kind == "scale":
                    value = 100 * (weight * (base[question.question_id] == int(option))).sum() / weight.sum()
                else:
                    value = 100 * (weight * (base[question.question_id] == option)).sum() / weight.sum()
                rows.append((question.question_id, option, segment, round(value, 1), len(base)))
    return pd.DataFrame(rows, columns=["question_id", "option_id", "segment", "value", "n"])


@pytest.mark.parametrize("weighted", [False, True])
def test_recount_matches(weighted, tmp_path):
    """Every computed share and n equals the pandas recount of responses.csv."""
    data = synthetic_wave(tmp_path, weighted=weighted)
    wave = load_wave(data)
    figures = wave_figures(wave).set_index(["question_id", "option_id", "segment"]).sort_index()
    responses = pd.read_csv(data / "survey" / "responses.csv")
    expected = recount(responses, wave.questionnaire, weighted).set_index(["question_id", "option_id", "segment"]).sort_index()
    assert len(figures) == len(expected)
    assert (figures["n"] == expected["n"]).all()
    assert np.allclose(figures["value"], expected["value"], atol=0.051)
    assert (figures["weighted"] == weighted).all()


def test_synthetic_wave_is_marked_synthetic(tmp_path):
    """The example's metadata carries the key the book's banner uses."""
    wave = load_wave(synthetic_wave(tmp_path, n=50))
    assert wave.synthetic and wave.metadata["banner_key"] == "synthetic_data_banner"


def test_synthetic_wave_is_reproducible(tmp_path):
    """A fixed seed gives the same file twice."""
    first = (synthetic_wave(tmp_path / "a", n=80) / "survey" / "responses.csv").read_bytes()
    assert first == (synthetic_wave(tmp_path / "b", n=80) / "survey" / "responses.csv").read_bytes()
