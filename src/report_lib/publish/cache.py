"""The one cached executor: every executed page (site, variants, PDF, nbval references) runs through :func:`run_cached`.

A page is re-executed unless all of these are unchanged since it last ran: the page's
source text as prepared for its edition, its parameters and environment variables, the
locked environment (``requirements.txt``) and the library code (``src/report_lib/**``),
and — file by file — the data files the notebook *actually read* (recorded by
:mod:`report_lib.run_record`). The key, the hashes of the files read and a hash of the
notebook's own content live in the executed notebook's metadata (``report_variant``), so
the notebook is its own cache entry: a truncated or edited entry fails its content hash and
is executed again, never shown. The chart CSVs it wrote must also still exist.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import nbformat

from report_lib import paths
from report_lib.publish import notebooks
from report_lib.publish.lock import write_if_changed
from report_lib.publish.variant_page import take_run_record

METADATA_KEY = "report_variant"
LIBRARY = Path(__file__).resolve().parents[1]
"""The whole ``report_lib`` package: a change to any of its files re-executes every variant."""


def file_hash(path: Path) -> str:
    """Return the SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def environment_key(root: Path | None = None) -> str:
    """Hash the locked environment (``requirements.txt``) and every library source file."""
    digest = hashlib.sha256()
    lock = (root or paths.PROJECT_ROOT) / "requirements.txt"
    digest.update(lock.read_bytes() if lock.is_file() else b"no lock")
    for source in sorted(p for p in LIBRARY.rglob("*") if p.suffix in (".py", ".md") and p.is_file()):
        digest.update(source.relative_to(LIBRARY).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def variant_key(source_text: str, parameters: dict, environment: str) -> str:
    """Hash what a variant's execution depends on besides its data files."""
    payload = json.dumps({"source": source_text, "parameters": parameters, "environment": environment},
                         sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def read_hashes(data_dir: Path, files: list[str]) -> dict[str, str]:
    """Return ``{file: sha256}`` of data files (relative to ``data_dir``); a missing file hashes as ``missing``."""
    return {f: file_hash(data_dir / f) if (data_dir / f).is_file() else "missing" for f in files}


def content_hash(notebook: nbformat.NotebookNode) -> str:
    """Hash a notebook's cells and metadata, leaving out the content hash itself."""
    record = {k: v for k, v in notebook.metadata.get(METADATA_KEY, {}).items() if k != "content"}
    metadata = {**notebook.metadata, METADATA_KEY: record}
    payload = json.dumps({"cells": notebook.cells, "metadata": metadata}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def stamp(notebook: nbformat.NotebookNode, key: str, data_dir: Path, read: list[str], written: list[str]) -> None:
    """Record the key, the hashes of the data files read, the files written and the content hash in the metadata."""
    notebook.metadata[METADATA_KEY] = {**notebook.metadata.get(METADATA_KEY, {}), "key": key,
                                       "read": read_hashes(data_dir, read), "written": sorted(written)}
    notebook.metadata[METADATA_KEY]["content"] = content_hash(notebook)


def is_fresh(target: Path, key: str, data_dir: Path) -> bool:
    """Return True when ``target`` was executed with ``key``, is intact, and nothing it read or wrote has changed."""
    if not target.is_file():
        return False
    try:
        notebook = nbformat.read(target, as_version=4)
    except Exception:  # a truncated or foreign file is simply not fresh
        return False
    record = notebook.metadata.get(METADATA_KEY, {})
    if record.get("key") != key or "read" not in record or record.get("content") != content_hash(notebook):
        return False
    if read_hashes(data_dir, list(record["read"])) != record["read"]:
        return False
    return all(Path(p).is_file() for p in record.get("written", []))


def run_cached(notebook: nbformat.NotebookNode, target: Path, parameters: dict, data_dir: Path, environment: str,
               name: str, failure: str, env: dict[str, str] | None = None, force: bool = False,
               check_only: bool = False) -> notebooks.Outcome | None:
    """Execute ``notebook`` into ``target`` unless the cache entry there is fresh; return what happened.

    ``notebook`` must end with the run-record cell (:func:`report_lib.publish.variant_page.add_run_record`);
    it runs in ``target``'s folder with ``REPORT_DATA=data_dir`` and ``env``. The key covers the
    notebook's source, ``parameters``, ``env`` and ``environment`` (:func:`environment_key`). A
    re-executed notebook is written only when its bytes differ, so an unchanged page keeps its
    mtime and Sphinx does not read it again. ``name`` labels the progress line, ``failure`` the error.
    With ``check_only`` nothing is executed: the outcome ``cached`` for a fresh entry, else None
    (the ``check`` of :func:`report_lib.publish.notebooks.run_all`).
    """
    notebooks.number_cells(notebook)
    key = variant_key(nbformat.writes(notebook), {**parameters, "env": env or {}}, environment)
    if not force and is_fresh(target, key, data_dir):
        return notebooks.Outcome(name, "cached")
    if check_only:
        return None
    start = time.perf_counter()
    target.parent.mkdir(parents=True, exist_ok=True)
    notebooks.execute(notebook, target.parent, env={"REPORT_DATA": str(data_dir), **(env or {})}, name=failure)
    record = take_run_record(notebook)
    stamp(notebook, key, data_dir, record["read"], record["written"])
    write_if_changed(target, nbformat.writes(notebook))  # atomic: a killed build leaves the old entry or the new
    return notebooks.Outcome(name, "executed", time.perf_counter() - start)
