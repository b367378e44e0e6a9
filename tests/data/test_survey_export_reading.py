"""The reading plan applied: 1/blank multi-selects, joined cells, option texts, the same figures as 0/1 and ids."""

from __future__ import annotations

import pandas as pd

from report_lib.analysis.survey_shares import wave_figures
from report_lib.data.survey.wave import load_wave
from survey_helpers import tiny_wave

MAPPED = """ID,Bank,Single,Many_x,Many_y,Routed,Scale,Note
r1,state_owned,a,1,,yes,5,hello
r2,state_owned,b,1,1,,4,
r3,regional,a,0,0,no,,
r4,regional,,,,,2,
r5,joint_stock,c,,1,,3,
r6,regional,a,1,1,,1,
"""
COLUMNS = """source_column,question_id,option_id
ID,respondent_id,
Bank,segment,
Single,q_single,
Many_x,q_multi,x
Many_y,q_multi,y
Routed,q_routed,
Scale,q_scale,
"""


def _figures(data):
    return wave_figures(load_wave(data))[["id", "value", "n", "n_eff", "ci_low", "ci_high"]]


def test_column_map_and_one_or_blank_give_the_canonical_figures(tmp_path):
    """A blank next to a filled option of the same question is 0; a row with every option blank is not answered."""
    expected = _figures(tiny_wave(tmp_path / "canonical"))
    data = tiny_wave(tmp_path / "mapped", responses=MAPPED)
    (data / "survey" / "columns.csv").write_text(COLUMNS, encoding="utf-8")
    pd.testing.assert_frame_equal(_figures(data), expected)


JOINED = """ID,Bank,Single,Many,Routed,Scale,Note
r1,state_owned,a,x,yes,5,hello
r2,state_owned,b,x|y,,4,
r3,regional,a,0,no,,
r4,regional,,,,2,
r5,joint_stock,c,y,,3,
r6,regional,a,x|y,,1,
"""


def test_joined_cells_in_a_qualtrics_file(tmp_path):
    """One cell of chosen options joined by a declared separator ("0": seen, none chosen; empty: not answered)."""
    expected = _figures(tiny_wave(tmp_path / "canonical"))
    lines = JOINED.splitlines()
    width = len(lines[0].split(","))
    texts = "," * (width - 1)
    imports = ",".join('"{""ImportId"":""QID' + str(i) + '""}"' for i in range(width))
    data = tiny_wave(tmp_path / "joined", responses="\n".join([lines[0], texts, imports, *lines[1:]]) + "\n")
    (data / "survey" / "columns.csv").write_text(
        "source_column,question_id,option_id,separator\nID,respondent_id,,\nBank,segment,,\nSingle,q_single,,\n"
        "Many,q_multi,,|\nRouted,q_routed,,\nScale,q_scale,,\n", encoding="utf-8")
    pd.testing.assert_frame_equal(_figures(data), expected)
    assert load_wave(data).reading.raw.shape == "qualtrics"


def test_ibis_projection_equals_the_duckdb_view(tmp_path):
    """Engines other than DuckDB read through the Ibis projection: it must give the cells the DuckDB view gives."""
    from report_lib.data.survey.engines import connect
    from report_lib.data.survey.exports.reading import Reading
    from report_lib.data.survey.responses import open_responses

    data = tiny_wave(tmp_path / "mapped", responses=MAPPED)
    (data / "survey" / "columns.csv").write_text(COLUMNS, encoding="utf-8")
    reading = load_wave(data).reading
    con = connect("duckdb")
    raw = open_responses(reading.raw.path, con, reading=Reading(reading.raw, None, {}, {}, {}, ()))
    by_ibis = reading.apply(raw).execute()
    by_sql = open_responses(reading.raw.path, con, reading=reading).execute()
    pd.testing.assert_frame_equal(by_ibis[sorted(by_ibis.columns)], by_sql[sorted(by_sql.columns)])
    assert by_sql.loc[4, "q_multi__x"] == "0" and pd.isna(by_sql.loc[3, "q_multi__x"])
