"""How charts render, from ``REPORT_CHART_MODE``."""

from __future__ import annotations

import pytest

from report_lib.page import chart_mode


def test_interactive_unless_told(monkeypatch):
    monkeypatch.delenv(chart_mode.MODE_VARIABLE, raising=False)
    assert chart_mode.chart_mode() == "interactive"
    monkeypatch.setenv(chart_mode.MODE_VARIABLE, "static")
    assert chart_mode.chart_mode() == "static"


def test_unknown_chart_mode_is_an_error(monkeypatch):
    """A misspelt REPORT_CHART_MODE fails instead of silently giving the interactive chart."""
    monkeypatch.setenv(chart_mode.MODE_VARIABLE, "print")
    with pytest.raises(ValueError, match="interactive, static"):
        chart_mode.chart_mode()
