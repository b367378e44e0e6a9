"""Fixtures of the chart and table tests (imported by them): labels in both languages and what counts as a label."""

from __future__ import annotations

import pytest

from report_lib.data.catalog import ALL_TABLES
from report_lib.present.labels import Labels


@pytest.fixture(params=["en", "zh"])
def label(dataset, request) -> Labels:
    """Labels of the data of record, once in English and once in Chinese."""
    return Labels(dataset, request.param)


@pytest.fixture()
def words(dataset, label) -> set[str]:
    """Every text the reference tables give in ``label``'s language: labels, unit labels and names."""
    found = set(dataset.table("labels")[label.lang])
    for spec in ALL_TABLES:
        table = dataset.table(spec.name)
        for column in (f"label_{label.lang}", f"name_{label.lang}"):
            if column in table.columns:
                found |= set(table[column].astype(str))
    return found


@pytest.fixture()
def labelled(label, words):
    """A check that every column of a table is a label of ``label``'s language (Chinese ones in Chinese)."""
    def check(table) -> None:
        assert set(table.columns) <= words, set(table.columns) - words
        chinese = [c for c in table.columns if any("\u4e00" <= ch <= "\u9fff" for ch in c)]
        assert bool(chinese) == (label.lang == "zh"), list(table.columns)
    return check
