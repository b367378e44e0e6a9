"""Each bad input of a survey wave, through the real CLI: one line ``file:row: column: reason``, exit 1, no output."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli, run_command
from report_lib import paths
from report_lib.cli import main
from survey_helpers import RESPONSES, tiny_wave


def with_cell(row: int, column: str, value: str, text: str = RESPONSES) -> str:
    """``text`` with the cell of file line ``row`` (header is line 1) in ``column`` set to ``value``."""
    lines = text.strip().splitlines()
    header = lines[0].split(",")
    fields = lines[row - 1].split(",")
    fields[header.index(column)] = value
    lines[row - 1] = ",".join(fields)
    return "\n".join(lines) + "\n"


def without_column(column: str, text: str = RESPONSES) -> str:
    rows = [line.split(",") for line in text.strip().splitlines()]
    index = rows[0].index(column)
    return "\n".join(",".join(r[:index] + r[index + 1:]) for r in rows) + "\n"


def with_column(name: str, values: list[str], text: str = RESPONSES) -> str:
    lines = text.strip().splitlines()
    return "\n".join([lines[0] + f",{name}"] + [f"{line},{v}" for line, v in zip(lines[1:], values)]) + "\n"


CASES = {
    "unknown segment": (with_cell(3, "segment", "city_bank"), ":3: column 'segment': 'city_bank' is not a bank type"),
    "stray space is not hidden": (with_cell(6, "segment", "joint_stock "), ":6: column 'segment': 'joint_stock ' is not a bank type"),
    "option not in questionnaire": (with_cell(4, "q_single", "z"), ":4: column 'q_single': option id 'z' is not in the questionnaire"),
    "multi option column not in questionnaire": (with_column("q_multi__w", ["0"] * 6),
                                                 ":1: column 'q_multi__w': option id 'w' is not in the questionnaire"),
    "multi cell not 0/1": (with_cell(5, "q_multi__y", "2"), ":5: column 'q_multi__y': '2' in a multi-select column"),
    "scale out of range": (with_cell(2, "q_scale", "6"), ":2: column 'q_scale': '6' is not a whole number from 1 to 5"),
    "scale not whole": (with_cell(2, "q_scale", "2.5"), ":2: column 'q_scale': '2.5' is not a whole number"),
    "duplicate respondent": (with_cell(7, "respondent_id", "r2"), ":7: column 'respondent_id': duplicate respondent_id 'r2'"),
    "weight zero": (with_column("weight", ["1", "1", "0", "1", "1", "1"]), ":4: column 'weight': weight '0' is missing, zero, negative"),
    "weight negative": (with_column("weight", ["1", "1", "1", "1", "-2", "1"]), ":6: column 'weight': weight '-2'"),
    "weight missing": (with_column("weight", ["1", "", "1", "1", "1", "1"]), ":3: column 'weight': weight None is missing"),
    "question missing": (without_column("q_scale"), ":1: column 'q_scale': question 'q_scale' of the questionnaire is missing"),
    "answer not routed": (with_cell(3, "q_routed", "yes"), ":3: column 'q_routed': answer to a routed question from a respondent not routed there"),
}


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_one_line_with_file_and_row(case, tmp_path, capsys):
    """The CLI names the file, the row and the column, exits 1 and writes nothing."""
    text, expected = CASES[case]
    data = tiny_wave(tmp_path, responses=text)
    out = tmp_path / "figures.csv"
    assert main(["aggregate", "--data", str(data), "--out", str(out)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(str(data / "survey" / "responses.csv") + expected.split(" column")[0])
    assert expected in lines[0]
    assert not out.exists()


def test_non_utf8_csv(tmp_path, capsys):
    """A Latin-1 file is reported at the line of its first bad byte."""
    data = tiny_wave(tmp_path)
    path = data / "survey" / "responses.csv"
    path.write_bytes(path.read_bytes().replace(b"r5,", "r5é,".encode("latin-1")))
    assert main(["aggregate", "--data", str(data), "--out", str(tmp_path / "f.csv")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{path}:6:") and "is not UTF-8" in err


def test_excel_csv_with_bom_and_crlf_is_fine(tmp_path, capsys):
    """UTF-8 with BOM and CRLF line ends reads like plain UTF-8."""
    data = tiny_wave(tmp_path, responses="\ufeff" + RESPONSES.replace("\n", "\r\n"))
    out = tmp_path / "f.csv"
    assert main(["aggregate", "--data", str(data), "--out", str(out)]) == 0
    assert "respondent_id" not in capsys.readouterr().err


def test_cli_exit_code_in_a_subprocess(tmp_path):
    """``python -m report_lib aggregate`` exits non-zero on bad data and prints the problem on stderr."""
    data = tiny_wave(tmp_path, responses=with_cell(3, "segment", "city_bank"))
    result = run_cli("aggregate", "--data", str(data), "--out", str(tmp_path / "f.csv"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{data / 'survey' / 'responses.csv'}:3: column 'segment'")


def test_a_repeated_problem_is_one_line_with_a_count(tmp_path, capsys):
    """Two rows with the same bad segment: one line, at the first row, counting the other."""
    data = tiny_wave(tmp_path, responses=with_cell(5, "segment", "bank", with_cell(3, "segment", "bank")))
    assert main(["aggregate", "--data", str(data), "--out", str(tmp_path / "f.csv")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{data / 'survey' / 'responses.csv'}:3: column 'segment': 'bank'") and err.endswith("(and 1 more row)")


def test_ragged_csv_is_one_problem(tmp_path, capsys):
    """A record with too many fields is reported at its line."""
    data = tiny_wave(tmp_path, responses=RESPONSES.replace("r5,joint_stock,c,", "r5,joint_stock,c,extra,"))
    assert main(["aggregate", "--data", str(data), "--out", str(tmp_path / "f.csv")]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"{data / 'survey' / 'responses.csv'}:6: has 8 fields, the header has 7"


def wave_data_copy(root: Path, responses: bytes) -> Path:
    """A full copy of the data folder (published, reference, questionnaire) with the tiny wave's ``responses``."""
    data = root / "data"
    shutil.copytree(paths.DEFAULT_DATA_DIR, data)
    tiny = tiny_wave(root / "wave")
    for name in ("questions.csv", "options.csv"):
        shutil.copy(tiny / "survey" / name, data / "survey" / name)
    (data / "survey" / "responses.csv").write_bytes(responses)
    return data


def make(target: str, data: Path) -> subprocess.CompletedProcess:
    """Run ``make TARGET DATA=data`` in the project (never reinstalling the virtualenv)."""
    return subprocess.run(["make", "--no-print-directory", "-o", ".venv/.installed", target, f"DATA={data}"],
                          cwd=paths.PROJECT_ROOT, capture_output=True, text=True)


def reported(result: subprocess.CompletedProcess, data: Path) -> list[str]:
    """The problem lines on stderr: those naming a file of ``data`` (the closing count and make's own line aside)."""
    return [line for line in result.stderr.strip().splitlines() if line.startswith(str(data) + "/")]


MAKE_CASES = {**{case: (text.encode("utf-8"), expected) for case, (text, expected) in CASES.items()},
              "non-UTF-8 CSV": (RESPONSES.replace("r5,", "r5é,").encode("latin-1"), ":6:")}


@pytest.mark.parametrize("case", MAKE_CASES)
def test_check_data_reports_each_bad_input(case, tmp_path):
    """``check-data <copy>``: one line ``file:row: column: reason``, a non-zero exit."""
    responses, expected = MAKE_CASES[case]
    data = wave_data_copy(tmp_path, responses)
    result = run_command("check-data", str(data))
    assert result.returncode != 0
    lines = reported(result, data)
    assert len(lines) == 1, result.stderr
    assert "1 problem(s)" in result.stderr
    assert lines[0].startswith(str(data / "survey" / "responses.csv") + expected.split(" column")[0])
    assert expected in lines[0]


@pytest.mark.slow
def test_make_check_data_reports_a_bad_input(tmp_path):
    """``make check-data DATA=<copy>`` (the command as a researcher types it): the line on stderr, a non-zero exit."""
    responses, expected = MAKE_CASES["unknown segment"]
    data = wave_data_copy(tmp_path, responses)
    result = make("check-data", data)
    assert result.returncode != 0
    assert [line for line in reported(result, data) if expected in line] == reported(result, data) != []


@pytest.mark.slow
def test_make_check_data_accepts_the_good_wave(tmp_path):
    """The same copy with the tiny wave as it is passes (so the failures above are the bad cells)."""
    result = make("check-data", wave_data_copy(tmp_path, RESPONSES.encode("utf-8")))
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_make_book_with_a_bad_wave_builds_nothing(tmp_path):
    """``make book DATA=<bad copy>`` stops at the check: one line, non-zero exit, the last site untouched."""
    responses, expected = MAKE_CASES["unknown segment"]
    site = paths.PROJECT_ROOT / "_build" / "html"
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")} if site.is_dir() else {}
    data = wave_data_copy(tmp_path, responses)
    result = make("book", data)
    assert result.returncode != 0
    assert len(reported(result, data)) == 1 and expected in reported(result, data)[0]
    assert "nothing was built" in result.stderr
    after = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")} if site.is_dir() else {}
    assert after == before
