"""check-data's summary: the shape read and the cells each map translated (0 would betray a map doing nothing)."""

from __future__ import annotations

from report_lib.data.survey.exports.summary import wave_reading_lines
from survey_helpers import tiny_wave


def test_canonical_file_says_nothing_was_translated(tmp_path):
    lines = wave_reading_lines(tiny_wave(tmp_path))
    assert lines == [f"{tmp_path / 'tiny' / 'survey' / 'responses.csv'}: read as the canonical format (CSV), "
                     "detected from the file; its columns and cells are the format's, nothing translated"]


def test_mapped_file_counts_renamed_and_text_cells(tmp_path):
    text = ("ID,segment,Single,q_multi__x,q_multi__y,q_routed,q_scale\n"
            "r1,国有六大行,a,1,0,yes,5\nr2,state_owned,b,1,1,,4\n")
    data = tiny_wave(tmp_path, responses=text)
    (data / "survey" / "columns.csv").write_text("source_column,question_id,option_id\nID,respondent_id,\n"
                                                 "Single,q_single,\n", encoding="utf-8")
    lines = wave_reading_lines(data)
    assert "4 by the column map (2 columns renamed)" in lines[0]
    assert "1 by option texts" in lines[0]
