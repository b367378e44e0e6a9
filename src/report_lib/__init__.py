"""report_lib: recompute every chart and number of the 2023 China bank marketing digitalization report.

The chapters of the book call this library in three steps: load the data of record
(:func:`report_lib.data.dataset.load_dataset`), compute (growth, comparisons, selections),
and chart (:mod:`report_lib.present.charts`, rendered offline by :mod:`report_lib.page.render`).
"""

from report_lib.data.dataset import Dataset, load_dataset
from report_lib.data.errors import DataError, DataProblem

__all__ = ["Dataset", "DataError", "DataProblem", "load_dataset"]
