"""How charts render: interactive Vega on the site, or static PNGs for print (env ``REPORT_CHART_MODE``).

A module of its own so that the PDF build can set the mode for its pages without importing
Altair, vl-convert and pandas with :mod:`report_lib.page.render`.
"""

from __future__ import annotations

import os

MODE_VARIABLE = "REPORT_CHART_MODE"
MODES = ("interactive", "static")


def chart_mode() -> str:
    """Return how charts render: ``interactive`` (the site, default) or ``static`` (print/PDF).

    Raises
    ------
    ValueError
        When ``REPORT_CHART_MODE`` holds anything else.
    """
    mode = os.environ.get(MODE_VARIABLE) or "interactive"
    if mode not in MODES:
        raise ValueError(f"{MODE_VARIABLE}={mode!r}: expected one of {', '.join(MODES)}")
    return mode
