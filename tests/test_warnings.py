"""The pytest configuration's warning filters: a new warning from report_lib fails; third-party ones are named."""

import tomllib
import warnings

import pytest

from report_lib import paths

FILTERS = tomllib.loads((paths.PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"][
    "ini_options"]["filterwarnings"]


def test_a_warning_raised_in_report_lib_fails_the_test():
    """A warning issued from a report_lib module is an error under the configured filters."""
    namespace = {"__name__": "report_lib.present.example", "warnings": warnings}
    with pytest.raises(UserWarning, match="a new warning"):
        exec("warnings.warn('a new warning')", namespace)


def test_a_warning_raised_elsewhere_is_not_an_error():
    """The same warning issued from another module is only recorded (the filter is the project's, not global)."""
    with warnings.catch_warnings(record=True) as caught:  # keeps the configured filters: an error would raise
        exec("warnings.warn('elsewhere')", {"__name__": "some_library.module", "warnings": warnings})
    assert [str(w.message) for w in caught] == ["elsewhere"]


def test_only_third_party_warnings_are_ignored():
    """Every ignore filter names a message and a module outside report_lib, so it cannot hide one of ours."""
    ignored = [f.split(":") for f in FILTERS if f.startswith("ignore")]
    assert ignored and all(parts[1] and parts[3] and not parts[3].startswith("report_lib") for parts in ignored)
