"""Tests of report_lib.run_record: a run knows which data files it used and which files it wrote."""

from report_lib import run_record
from report_lib.data.dataset import load_dataset
from report_lib.present.labels import Labels


def test_dataset_records_only_the_tables_used():
    """Loading validates every file but records none; looking up a table records its file."""
    run_record.reset()
    data = load_dataset()
    assert run_record.files_read() == []
    data.select(topic="bank_cards")
    Labels(data, "en").segment("regional")
    assert run_record.files_read() == ["published/figures.csv", "reference/segments.csv"]


def test_metadata_lookups_are_recorded():
    """Chart footers read a table's metadata; that file is recorded too."""
    run_record.reset()
    load_dataset().metadata["figures"]
    assert run_record.files_read() == ["published/figures.meta.yaml"]


def test_written_files_are_recorded():
    """Generated files are listed once, sorted."""
    run_record.reset()
    run_record.record_written("b.csv")
    run_record.record_written("a.csv")
    run_record.record_written("a.csv")
    assert run_record.files_written() == ["a.csv", "b.csv"]
    run_record.reset()
