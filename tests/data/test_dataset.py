"""Tests of report_lib.data.dataset: a data folder is validated once per content, and each load gets its own tables."""

import shutil
from pathlib import Path

import pytest

from report_lib.data import dataset as dataset_module
from report_lib.data.dataset import load_dataset
from report_lib.data.errors import DataError

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def data_copy(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


def test_a_changed_file_is_validated_again(data_copy):
    load_dataset(data_copy)
    figures = data_copy / "published" / "figures.csv"
    # A percent of 183 is impossible: the cached validation of the old content must not hide it.
    text = figures.read_text(encoding="utf-8").replace(",68.3,percent,", ",183,percent,", 1)
    assert text != figures.read_text(encoding="utf-8")
    figures.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match="183"):
        load_dataset(data_copy)


def test_the_same_content_is_validated_once(data_copy, monkeypatch):
    load_dataset(data_copy)
    calls = []
    monkeypatch.setattr(dataset_module, "_read_tables", lambda folder: calls.append(folder))
    again = load_dataset(data_copy)
    assert calls == [] and again.data_dir == data_copy and not again.figures.empty


def test_each_load_gets_its_own_tables(data_copy):
    first = load_dataset(data_copy)
    value = first.figures.loc[0, "value"]
    first.figures.loc[0, "value"] = -5
    assert load_dataset(data_copy).figures.loc[0, "value"] == value
