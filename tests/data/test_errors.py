"""Tests of report_lib.data.errors: how problems are worded."""

from pathlib import Path

from report_lib.data.errors import DataError, DataProblem


def test_problem_names_file_line_and_column():
    """A problem reads file:line: column 'c': reason."""
    problem = DataProblem(Path("d/figures.csv"), 7, "value", "'x' is not a number")
    assert str(problem) == "d/figures.csv:7: column 'value': 'x' is not a number"


def test_error_message_is_first_problem_on_one_line():
    """DataError's message is one line: the first problem and how many more."""
    problems = [DataProblem(Path("f.csv"), 9, "a", "bad"), DataProblem(Path("f.csv"), 3, "b", "worse")]
    message = str(DataError(problems))
    assert "\n" not in message
    assert message.startswith("f.csv:3: column 'b': worse") and message.endswith("(and 1 more problems)")
