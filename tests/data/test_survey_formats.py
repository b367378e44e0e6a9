"""The same answers as CSV, Parquet and SPSS .sav give the same figures."""

from __future__ import annotations

import pandas as pd
import pyreadstat
import pytest

from report_lib.analysis.survey_shares import wave_figures
from report_lib.data.errors import DataError
from report_lib.data.survey.wave import load_wave
from survey_helpers import tiny_wave


def as_format(data, kind: str) -> None:
    csv_path = data / "survey" / "responses.csv"
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    numeric = [c for c in frame.columns if "__" in c or c == "q_scale"]
    for column in numeric:
        frame[column] = pd.to_numeric(frame[column].replace("", None))
    if kind == "parquet":
        frame.to_parquet(csv_path.with_suffix(".parquet"))
    else:
        pyreadstat.write_sav(frame, str(csv_path.with_suffix(".sav")))
    csv_path.unlink()


@pytest.mark.parametrize("kind", ["parquet", "sav"])
def test_format_gives_the_csv_figures(kind, tmp_path):
    """Numbers stored as floats (1.0) read as the option ids and scale values they are."""
    expected = wave_figures(load_wave(tiny_wave(tmp_path / "csv")))
    data = tiny_wave(tmp_path / kind)
    as_format(data, kind)
    got = wave_figures(load_wave(data))
    columns = ["id", "value", "n", "n_eff", "ci_low", "ci_high"]
    pd.testing.assert_frame_equal(got[columns], expected[columns])
    assert got["provenance"].iloc[0].endswith(f"responses.{kind}")


def test_bad_cell_in_parquet_names_the_record(tmp_path):
    """In a Parquet file the row is the record number (first record is 1)."""
    data = tiny_wave(tmp_path)
    csv_path = data / "survey" / "responses.csv"
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    frame.loc[2, "segment"] = "nowhere"
    frame.to_parquet(csv_path.with_suffix(".parquet"))
    csv_path.unlink()
    with pytest.raises(DataError, match=r"responses.parquet:3: column 'segment': 'nowhere'"):
        load_wave(data)
