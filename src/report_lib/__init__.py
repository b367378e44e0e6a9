"""report_lib: recompute every chart and number of the 2023 China bank marketing digitalization report.

The chapters of the book call this library in three steps: load the data of record
(:func:`report_lib.data.dataset.load_dataset`), compute (growth, comparisons, selections),
and chart (:mod:`report_lib.present.charts`, rendered offline by :mod:`report_lib.page.render`).
"""

_EXPORTS = {"Dataset": "report_lib.data.dataset", "load_dataset": "report_lib.data.dataset",
            "DataError": "report_lib.data.errors", "DataProblem": "report_lib.data.errors"}


def __getattr__(name: str):
    """Import ``load_dataset`` and friends on first use: ``python -m report_lib build`` with nothing to do stays light."""
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'report_lib' has no attribute {name!r}")


__all__ = ["Dataset", "DataError", "DataProblem", "load_dataset"]
