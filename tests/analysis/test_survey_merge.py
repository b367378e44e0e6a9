"""Computed figures replace the published figures of the same key, keeping their ids."""

from __future__ import annotations

import pandas as pd

from report_lib import paths
from report_lib.analysis.survey_merge import merge_with_published
from report_lib.analysis.survey_shares import wave_figures
from report_lib.data.survey.wave import load_wave
from survey_helpers import synthetic_wave


def test_computed_rows_replace_published_rows(tmp_path):
    """Each published share an option feeds, for all banks or one bank type, is replaced once."""
    published = pd.read_csv(paths.DEFAULT_DATA_DIR / "published" / "figures.csv", dtype=str, keep_default_na=False)
    computed = wave_figures(load_wave(synthetic_wave(tmp_path, n=300)))
    merged = merge_with_published(published, computed)
    replaced = merged[merged["replaced"] == True]  # noqa: E712
    assert merged["id"].is_unique

    row = merged.set_index("id").loc["c2_need_improve_service_regional"]
    assert row["provenance"] == "core_needs@survey/responses.csv" and row["quote_zh"] == ""
    untouched = merged.set_index("id").loc["c1_card_level_2018"]
    assert untouched["value"] == "78.3" and pd.isna(untouched["provenance"])
    computed_keys = set(map(tuple, computed[["topic", "subject", "category", "segment"]].astype(str).values))
    published_keys = list(map(tuple, published[["topic", "subject", "category", "segment"]].values))
    assert len(replaced) == sum(k in computed_keys for k in published_keys) == 76
    # a figure the report prints twice (same key, two ids) is replaced under both ids
    need = merged.set_index("id").loc[["c4_derived_service_need_body", "c4_derived_service_need_chart"]]
    assert need["replaced"].tolist() == [True, True] and need["value"].nunique() == 1
    twice = merged.set_index("id").loc[["c2_rights_strategic_current", "c2_rights_strategic_current_repeat"], "value"]
    assert twice.nunique() == 1
