"""Every export shape of the synthetic wave gives the canonical figures; each malformed export is one line, exit 1.

The fixtures are written by ``examples/survey_exports.py`` (never typed by hand). Every case
runs through the command line (``check-data``, ``aggregate``) as ``python -m report_lib`` runs it.
"""

from __future__ import annotations

import csv
import os
import importlib.util
import shutil
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest

from conftest import run_cli, run_command
from report_lib import paths

N = 300
SHAPE_WORDS = {"canonical": "the canonical format (CSV)", "spss": "an SPSS export (.sav), declared",
               "qualtrics": "a Qualtrics export (CSV), detected", "qualtrics-recode": "a Qualtrics export (CSV)",
               "wenjuanxing": "a 问卷星 (Wenjuanxing) export (XLSX)", "wenjuanxing-codes": "a 问卷星 (Wenjuanxing) export (XLSX)",
               "excel": "the canonical format (XLSX)"}


def exports_module():
    spec = importlib.util.spec_from_file_location("survey_exports", paths.PROJECT_ROOT / "examples" / "survey_exports.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shapes(tmp_path_factory) -> dict[str, Path]:
    """Every shape of the synthetic wave (N respondents), written by the example generator."""
    return exports_module().write_all(tmp_path_factory.mktemp("exports"), n=N)


@pytest.fixture(scope="module")
def canonical_figures(shapes, tmp_path_factory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("figures") / "canonical.csv"
    assert run_command("aggregate", "--data", str(shapes["canonical"]), "--out", str(out)).returncode == 0
    return pd.read_csv(out, dtype=str, keep_default_na=False).drop(columns="provenance")


def copy_of(shapes: dict[str, Path], shape: str, root: Path) -> Path:
    folder = root / shape
    shutil.copytree(shapes[shape], folder)
    return folder


def test_generator_writes_every_shape(shapes):
    """One folder per shape, each with one responses file of its type."""
    assert set(shapes) == set(SHAPE_WORDS)
    kinds = {shape: [p.name for p in (folder / "survey").glob("responses.*") if not p.name.endswith(".yaml")]
             for shape, folder in shapes.items()}
    assert kinds["spss"] == ["responses.sav"] and kinds["wenjuanxing"] == ["responses.xlsx"]
    assert (shapes["qualtrics"] / "survey" / "columns.csv").is_file()


@pytest.mark.parametrize("shape", list(SHAPE_WORDS))
def test_each_shape_checks_and_gives_the_canonical_figures(shape, shapes, canonical_figures, tmp_path):
    """check-data accepts the shape and says how it read it; aggregate gives figures identical to the canonical CSV."""
    check = run_command("check-data", str(shapes[shape]))
    assert check.returncode == 0, check.stderr
    assert f"read as {SHAPE_WORDS[shape]}" in check.stdout
    out = tmp_path / "figures.csv"
    assert run_command("aggregate", "--data", str(shapes[shape]), "--out", str(out)).returncode == 0
    got = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert got["provenance"].str.contains("survey/responses.").all()
    pd.testing.assert_frame_equal(got.drop(columns="provenance"), canonical_figures)


def test_check_data_counts_translated_cells(shapes):
    """The summary counts the cells each map translated; a translation that did nothing would show 0."""
    spss = run_command("check-data", str(shapes["spss"])).stdout
    assert "0 by value labels" not in spss and "by value labels" in spss
    wjx = run_command("check-data", str(shapes["wenjuanxing"])).stdout
    assert "split at '┋'" in wjx and "0 multi-select cells" not in wjx
    assert "warning: 3 column(s) mapped to nothing, ignored: '提交答卷时间'" in wjx


def _rewrite_sav(folder: Path, change) -> None:
    path = folder / "survey" / "responses.sav"
    frame, meta = pyreadstat.read_sav(str(path), apply_value_formats=False, user_missing=True)
    labels = {c: dict(v) for c, v in meta.variable_value_labels.items()}
    missing = {c: [r["lo"] for r in ranges] for c, ranges in meta.missing_ranges.items()}
    change(frame, labels, missing)
    pyreadstat.write_sav(frame, str(path), variable_value_labels=labels, missing_ranges=missing)


def _rewrite_csv(path: Path, change) -> None:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows = change(rows)
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def _set_cell(rows: list[list[str]], line: int, column: str, value: str) -> list[list[str]]:
    rows[line - 1][rows[0].index(column)] = value
    return rows


def _code_without_label(folder: Path) -> None:
    def change(frame, labels, missing):
        frame.loc[4, "deploy_mode"] = 7.0
    _rewrite_sav(folder, change)


def _label_matching_nothing(folder: Path) -> None:
    def change(frame, labels, missing):
        labels["deploy_mode"][1.0] = "边缘部署"
        frame.loc[2, "deploy_mode"] = 1.0
    _rewrite_sav(folder, change)


def _missing_code_as_answer(folder: Path) -> None:
    def change(frame, labels, missing):
        labels["deploy_mode"][98.0] = "私有云"
        frame.loc[6, "deploy_mode"] = 98.0
    _rewrite_sav(folder, change)


def _separator_in_label(folder: Path) -> None:
    label = "Improve service (precise, personalised marketing)"
    _rewrite_csv(folder / "survey" / "responses.csv", lambda rows: _set_cell(rows, 5, "Q1", f"{label},2"))


def _qualtrics_row_missing(row: int):
    def change(folder: Path) -> None:
        _rewrite_csv(folder / "survey" / "responses.csv", lambda rows: rows[: row - 1] + rows[row:])
    return change


def _choice_text_unknown(folder: Path) -> None:
    _rewrite_csv(folder / "survey" / "responses.csv", lambda rows: _set_cell(rows, 6, "Q2", "On-premises"))


def _mapped_column_absent(folder: Path) -> None:
    _rewrite_csv(folder / "survey" / "columns.csv", lambda rows: [["Gewicht", *r[1:]] if r[0] == "Weight" else r for r in rows])


def _wenjuanxing_piece_unknown(folder: Path) -> None:
    from openpyxl import load_workbook

    path = folder / "survey" / "responses.xlsx"
    book = load_workbook(path)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    column = next(i for i, name in enumerate(header, start=1) if name and name.startswith("4、"))
    options = pd.read_csv(folder / "survey" / "options.csv", dtype=str, keep_default_na=False)
    first = options.loc[options["question_id"] == "deploy_factors", "label_zh"].iloc[0]
    sheet.cell(row=3, column=column, value=f"{first}┋其他")
    book.save(path)


MALFORMED = {
    "code without a value label": ("spss", _code_without_label, "responses.sav:5: column 'deploy_mode':",
                                   "'7' in column 'deploy_mode' is no option id, code or label of 'deploy_mode' and has no value label"),
    "value label matching no option": ("spss", _label_matching_nothing, "responses.sav:3: column 'deploy_mode':",
                                       "code 1 has the value label '边缘部署', which matches no option of 'deploy_mode'"),
    "user-missing code used as an answer": ("spss", _missing_code_as_answer, "responses.sav:7: column 'deploy_mode':",
                                            "code 98 is declared user-missing in the file (value label '私有云'), yet it is option 'private_cloud'"),
    "separator inside an option text": ("qualtrics-recode", _separator_in_label, "responses.csv:5: column 'Q1':",
                                        "option label 'Improve service (precise, personalised marketing)' of 'core_needs' contains the separator ','"),
    "Qualtrics question-text row missing": ("qualtrics", _qualtrics_row_missing(2), "responses.csv:2: column 'StartDate':",
                                            "row 2 is Qualtrics' ImportId row, so the question-text row is missing"),
    "Qualtrics ImportId row missing": ("qualtrics", _qualtrics_row_missing(3), "responses.csv:3: column 'StartDate':",
                                       "row 3 is not Qualtrics' ImportId row"),
    "choice text matching no option": ("qualtrics", _choice_text_unknown, "responses.csv:6: column 'Q2':",
                                       "'On-premises' in column 'Q2' is no option id, code or label of 'deploy_mode'"),
    "mapped column absent": ("qualtrics", _mapped_column_absent, "responses.csv:1: column 'Gewicht':",
                             "mapped to 'weight' by survey/columns.csv (line"),
    "问卷星 option text matching no option": ("wenjuanxing", _wenjuanxing_piece_unknown, "responses.xlsx:3: column '4、",
                                          "'其他' in column '4、"),
}


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_export_is_one_line_and_nothing_is_built(case, shapes, tmp_path):
    """aggregate and check-data: one line naming file, row, column and reason; exit 1; no figures written."""
    shape, spoil, where, reason = MALFORMED[case]
    folder = copy_of(shapes, shape, tmp_path)
    spoil(folder)
    out = tmp_path / "figures.csv"
    result = run_command("aggregate", "--data", str(folder), "--out", str(out))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(str(folder / "survey" / where.split(":")[0])), lines[0]
    assert where in lines[0] and reason in lines[0], lines[0]
    assert not out.exists()
    check = run_command("check-data", str(folder))
    assert check.returncode == 1 and where in check.stderr and "nothing was built" in check.stderr


def test_qualtrics_text_mismatch_is_a_warning_naming_both_texts(shapes, tmp_path):
    """A question text of row 2 that differs from questions.csv is a warning, not an error."""
    folder = copy_of(shapes, "qualtrics", tmp_path)
    _rewrite_csv(folder / "survey" / "responses.csv", lambda rows: _set_cell(rows, 2, "Q2", "How do you host your tools?"))
    check = run_command("check-data", str(folder))
    assert check.returncode == 0
    assert "responses.csv:2: warning: column 'Q2': question text 'How do you host your tools?' differs from questions.csv 'deploy_mode'" in check.stdout


def test_real_process_exit_code(shapes, tmp_path):
    """``python -m report_lib check-data`` as its own process: exit 1 and the one line on stderr."""
    folder = copy_of(shapes, "spss", tmp_path)
    _code_without_label(folder)
    result = run_cli("check-data", str(folder))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{folder / 'survey' / 'responses.sav'}:5: column 'deploy_mode': '7'")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("java") is None and not os.environ.get("CI"),
                    reason="no Java runtime (apt-get install default-jre-headless)")
@pytest.mark.parametrize("shape", ["spss", "qualtrics-recode", "wenjuanxing"])
def test_spark_reads_each_export_as_duckdb_does(shape, shapes):
    """On Spark the exports are read through the Ibis projection; the figures equal DuckDB's (a .sav's NaN is empty)."""
    from report_lib.analysis.survey_shares import wave_figures
    from report_lib.data.survey.wave import load_wave

    duck = wave_figures(load_wave(shapes[shape], engine="duckdb"))
    spark = wave_figures(load_wave(shapes[shape], engine="spark"))
    pd.testing.assert_frame_equal(spark, duck)
