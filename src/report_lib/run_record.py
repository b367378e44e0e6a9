"""What one notebook run read and wrote: the data files it used and the chart CSVs it wrote.

The variant cache (:mod:`report_lib.publish.cache`) keys each executed notebook on the
hashes of the data files the notebook *actually read*, not on the whole data folder, so
that changing one file re-executes exactly its readers. :class:`RecordedTables` wraps the
tables and metadata of a :class:`~report_lib.data.dataset.Dataset` and notes every access;
:func:`report_lib.page.render.write_chart_data` notes every CSV it writes. At the end of a
run the variant pipeline calls :func:`emit`, which puts the record into the notebook's
output under :data:`MIME_TYPE`, where the pipeline reads it and then drops the cell.

Examples
--------
>>> reset()
>>> tables = RecordedTables({"labels": 1}, {"labels": "reference/labels.csv"})
>>> tables["labels"]
1
>>> files_read()
['reference/labels.csv']
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping

MIME_TYPE = "application/vnd.report-run-record+json"
_READ: set[str] = set()
_WRITTEN: set[str] = set()


def reset() -> None:
    """Forget everything recorded so far in this process."""
    _READ.clear()
    _WRITTEN.clear()


def record_read(relative_path: str) -> None:
    """Note that the data file ``relative_path`` (relative to the data folder) was used."""
    _READ.add(relative_path)


def record_written(path: str) -> None:
    """Note that this run wrote the generated file ``path`` (e.g. a chart CSV)."""
    _WRITTEN.add(path)


def files_read() -> list[str]:
    """Return the data files used so far, sorted."""
    return sorted(_READ)


def files_written() -> list[str]:
    """Return the generated files written so far, sorted."""
    return sorted(_WRITTEN)


def emit() -> None:
    """Display the record as a raw ``MIME_TYPE`` output (called by the variant pipeline's last cell)."""
    from IPython.display import display

    record = {"read": files_read(), "written": files_written()}
    display({MIME_TYPE: record, "text/plain": json.dumps(record)}, raw=True)


class RecordedTables(Mapping):
    """A read-only mapping of tables that records the file of every table looked up.

    Parameters
    ----------
    items
        Name -> table (or metadata dict).
    files
        Name -> file path relative to the data folder (or a tuple of paths, for a table
        computed from several files), recorded on lookup.
    """

    def __init__(self, items: dict, files: dict[str, str | tuple[str, ...]]):
        self._items = dict(items)
        self._files = dict(files)

    def __getitem__(self, name: str):
        value = self._items[name]
        files = self._files[name]
        for path in (files,) if isinstance(files, str) else files:
            record_read(path)
        return value

    def replaced(self, name: str, value, files: str | tuple[str, ...]) -> "RecordedTables":
        """Return a copy in which ``name`` is ``value``, read from ``files`` (one path or several)."""
        return RecordedTables({**self._items, name: value}, {**self._files, name: files})

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)
