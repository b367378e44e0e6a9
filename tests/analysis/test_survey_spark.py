"""The same Ibis expressions on Spark (local session) give DuckDB's figures for the synthetic wave.

Needs a Java runtime (CI: Debian's default-jre-headless). Marked slow: it runs in the full
suite (`make test`, CI), not in the fast one. Skipped without Java, except under CI.
"""

from __future__ import annotations

import os
import shutil

import pandas as pd
import pytest

from report_lib.analysis.survey_shares import wave_figures
from report_lib.data.survey.wave import load_wave
from survey_helpers import RESPONSES, synthetic_wave, tiny_wave

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("java") is None and not os.environ.get("CI"),
                       reason="no Java runtime (apt-get install default-jre-headless)"),
]


@pytest.mark.parametrize("weighted", [False, True])
def test_spark_equals_duckdb(weighted, tmp_path):
    """Every column of every computed figure is the same on both engines."""
    data = synthetic_wave(tmp_path, n=300, weighted=weighted)
    duck = wave_figures(load_wave(data, engine="duckdb"))
    spark = wave_figures(load_wave(data, engine="spark"))
    pd.testing.assert_frame_equal(spark, duck)


def test_spark_reads_excel_csv(tmp_path):
    """UTF-8 with BOM and CRLF: Spark reads the header and the last column as DuckDB does."""
    data = tiny_wave(tmp_path, responses="\ufeff" + RESPONSES.replace("\n", "\r\n"), weighted=False)
    pd.testing.assert_frame_equal(wave_figures(load_wave(data, engine="spark")), wave_figures(load_wave(data)))
