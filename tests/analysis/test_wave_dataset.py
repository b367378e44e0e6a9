"""A data folder with a wave: pages see the computed figures in the published ones' place."""

from __future__ import annotations

import pandas as pd
import pytest

from report_lib import run_record
from report_lib.analysis.wave_dataset import option_labels, with_wave
from report_lib.data.dataset import check_data, load_dataset
from survey_helpers import synthetic_wave


@pytest.fixture(scope="module")
def wave_dir(tmp_path_factory):
    return synthetic_wave(tmp_path_factory.mktemp("wave"), n=300)


def test_published_folder_is_unchanged():
    data = load_dataset()
    assert with_wave(data) is data


def test_computed_figure_keeps_the_published_id_and_prints_one_decimal(wave_dir):
    data = with_wave(load_dataset(wave_dir))
    row = data.figure("c2_need_improve_service_regional")
    assert row["provenance"] == "core_needs@survey/responses.csv" and row["quote_zh"] == ""
    assert row["value_printed"] == f"{row['value']:.1f}" and row["ci_low"] <= row["value"] <= row["ci_high"]
    assert isinstance(row["n"], float) and row["n"] > 0
    untouched = data.figure("c1_card_level_2018")
    assert untouched["value_printed"] == "78.3" and pd.isna(untouched["n"])
    assert data.figures["id"].is_unique and data.figures["chapter"].dtype.kind == "i"


def test_reading_the_figures_records_the_survey_files(wave_dir):
    data = with_wave(load_dataset(wave_dir))
    run_record.reset()
    data.figures
    assert {"published/figures.csv", "survey/responses.csv", "survey/questions.csv"} <= set(run_record.files_read())


def test_an_answer_the_report_did_not_print_is_named_by_its_option_label():
    labels = pd.DataFrame({"key": ["subject.a"], "en": ["A"], "zh": ["甲"]})
    options = pd.DataFrame({"subject": ["a", "b", "b"], "label_en": ["x", "Bee", "other"],
                            "label_zh": ["x", "乙", "其他"]})
    out = option_labels(labels, options).set_index("key")
    assert out.loc["subject.a", "en"] == "A" and out.loc["subject.b", "zh"] == "乙" and len(out) == 2


def test_check_data_reports_a_bad_wave(wave_dir, tmp_path):
    import shutil

    bad = tmp_path / "bad"
    shutil.copytree(wave_dir, bad)
    responses = bad / "survey" / "responses.csv"
    lines = responses.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("segment")] = "martian_bank"
    lines[1] = ",".join(cells)
    responses.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert check_data(wave_dir) == []
    problems = [str(p) for p in check_data(bad)]
    assert len(problems) == 1 and "responses.csv:2" in problems[0] and "segment" in problems[0]
