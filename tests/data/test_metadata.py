"""Tests of report_lib.data.metadata: every table carries complete metadata."""

import pytest

from report_lib.data.metadata import load_metadata
from report_lib.data.catalog import ALL_TABLES, FIGURES
from report_lib.data.errors import DataError


@pytest.mark.parametrize("spec", ALL_TABLES, ids=lambda s: s.name)
def test_every_table_has_complete_metadata(spec, dataset):
    """Each table's metadata has title, description, source and a description per column."""
    meta = load_metadata(spec, dataset.data_dir)
    assert set(spec.columns) <= set(meta["columns"])


def test_undescribed_column_is_reported(data_copy):
    """Removing a column's description is an error naming the column."""
    path = data_copy / "published" / "figures.meta.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  qualifier:", "  not_a_column:"), encoding="utf-8")
    with pytest.raises(DataError, match="column 'qualifier': column has no description"):
        load_metadata(FIGURES, data_copy)
