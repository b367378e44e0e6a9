"""report_lib: recompute every chart and number of the 2023 China bank marketing digitalization report.

The chapters of the book call this library in three steps: load the data of record
(:func:`report_lib.dataset.load_dataset`), compute (growth, comparisons, selections),
and chart (:mod:`report_lib.charts`, rendered offline by :mod:`report_lib.render`).
"""

from report_lib.dataset import Dataset, load_dataset
from report_lib.validation import DataError, DataProblem

__all__ = ["Dataset", "DataError", "DataProblem", "load_dataset"]
