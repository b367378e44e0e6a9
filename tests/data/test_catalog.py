"""Tests of report_lib.data.catalog: every data file's spec, and the order they are validated in."""

import pytest

from report_lib.data.schema import TableSpec
from report_lib.data.catalog import ALL_TABLES, in_dependency_order


def test_every_lookup_comes_after_its_table():
    """Validation order puts each table after the tables it looks values up in (themes after figures)."""
    seen = set()
    for spec in ALL_TABLES:
        assert {t for t, _ in spec.lookups.values()} - {spec.name} <= seen, spec.name
        seen.add(spec.name)
    names = [s.name for s in ALL_TABLES]
    assert names.index("figures") < names.index("themes")


def test_unknown_lookup_table_is_an_error():
    """A lookup to a table that has no spec cannot be ordered and says which."""
    spec = TableSpec("a", "reference", key="k", required=("k",), lookups={"k": ("missing", "k")})
    with pytest.raises(ValueError, match="unknown tables \\['missing'\\]"):
        in_dependency_order((spec,))
