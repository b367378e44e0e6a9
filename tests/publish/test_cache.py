"""Tests of report_lib.publish.cache: a notebook is reused only when nothing it depends on changed."""

from pathlib import Path

import nbformat

from report_lib.publish.cache import environment_key, is_fresh, stamp, variant_key


def cached_notebook(tmp_path: Path, data: Path, written: list[str]) -> Path:
    notebook = nbformat.v4.new_notebook()
    stamp(notebook, "key-1", data, ["reference/labels.csv"], written)
    target = tmp_path / "nb.ipynb"
    nbformat.write(notebook, target)
    return target


def test_fresh_until_a_file_read_changes(tmp_path, data_copy):
    """Same key and same data: fresh; a changed file that was read: stale; an unread file: no effect."""
    target = cached_notebook(tmp_path, data_copy, [])
    assert is_fresh(target, "key-1", data_copy)
    glossary = data_copy / "reference" / "glossary.csv"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert is_fresh(target, "key-1", data_copy)
    labels = data_copy / "reference" / "labels.csv"
    labels.write_text(labels.read_text(encoding="utf-8") + "x.y,a,b\n", encoding="utf-8")
    assert not is_fresh(target, "key-1", data_copy)


def test_stale_when_key_changes_or_output_missing(tmp_path, data_copy):
    """Another key (source, parameters, environment), or a written chart CSV gone: stale."""
    csv = tmp_path / "chart.csv"
    csv.write_text("a\n1\n")
    target = cached_notebook(tmp_path, data_copy, [str(csv)])
    assert is_fresh(target, "key-1", data_copy) and not is_fresh(target, "key-2", data_copy)
    csv.unlink()
    assert not is_fresh(target, "key-1", data_copy)
    assert not is_fresh(tmp_path / "absent.ipynb", "key-1", data_copy)


def test_keys_depend_on_source_parameters_and_environment(tmp_path):
    """Each input of the key changes it; the lock file is part of the environment."""
    base = variant_key("source", {"segment": "regional"}, "env")
    assert base == variant_key("source", {"segment": "regional"}, "env")
    assert len({base, variant_key("source2", {"segment": "regional"}, "env"),
                variant_key("source", {"segment": "joint_stock"}, "env"), variant_key("source", {"segment": "regional"}, "env2")}) == 4
    (tmp_path / "requirements.txt").write_text("a==1\n")
    first = environment_key(tmp_path)
    (tmp_path / "requirements.txt").write_text("a==2\n")
    assert environment_key(tmp_path) != first


def test_an_edited_or_truncated_entry_is_not_fresh(tmp_path, data_copy):
    """The content hash catches an output edited after execution; a truncated file is not fresh either."""
    target = cached_notebook(tmp_path, data_copy, [])
    notebook = nbformat.read(target, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output("stream", text="1\n")]))
    nbformat.write(notebook, target)
    assert not is_fresh(target, "key-1", data_copy)
    target = cached_notebook(tmp_path, data_copy, [])
    target.write_bytes(target.read_bytes()[:50])
    assert not is_fresh(target, "key-1", data_copy)


def test_an_unchanged_file_is_not_rewritten(tmp_path):
    """write_if_changed keeps the mtime of a file that already holds the bytes."""
    from report_lib.publish.lock import write_if_changed

    path = tmp_path / "a.yml"
    assert write_if_changed(path, "a: 1\n")
    path.touch()
    before = path.stat().st_mtime_ns
    assert not write_if_changed(path, "a: 1\n") and path.stat().st_mtime_ns == before
    assert write_if_changed(path, "a: 2\n") and path.read_text() == "a: 2\n"
