"""What a worker process imports to run the jobs of a batch: no data, analysis, presentation or page layer."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pandas", "pandera", "ibis", "altair", "vl_convert", "scipy", "report_lib.data.dataset",
         "report_lib.analysis", "report_lib.present", "report_lib.page.render")
"""Modules a page's kernel needs and a worker must not spend seconds importing."""


@pytest.mark.parametrize("module", ["report_lib.publish.jobs", "report_lib.publish.pdf.execute"])
def test_a_worker_imports_none_of_the_heavy_layers(module):
    """Unpickling a job imports its module; that module leaves pandas, Altair and the analysis layer alone."""
    probe = f"import sys, {module}; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.split() == []


def test_the_probe_sees_a_heavy_import():
    """Control: the same probe names pandas when the editions' planning module is imported."""
    probe = f"import sys, report_lib.publish.editions; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "pandas" in result.stdout.split()
