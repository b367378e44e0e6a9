"""When an executed variant notebook can be reused: keys from sources, parameters, environment and data read.

A variant is re-executed unless all of these are unchanged since it last ran: the
chapter's source text, its parameters (segment, language), the locked environment
(``requirements.txt``) and the library code (``src/report_lib/**``), and — file by file —
the data files the notebook *actually read* (recorded by :mod:`report_lib.run_record`).
The key and the hashes of the files read live in the executed notebook's own metadata
(``report_variant``), so the notebook is its own cache entry; the chart CSVs it wrote
must also still exist.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import nbformat

from report_lib import paths

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


def stamp(notebook: nbformat.NotebookNode, key: str, data_dir: Path, read: list[str], written: list[str]) -> None:
    """Record the key, the hashes of the data files read and the files written in the notebook metadata."""
    notebook.metadata[METADATA_KEY] = {**notebook.metadata.get(METADATA_KEY, {}), "key": key,
                                       "read": read_hashes(data_dir, read), "written": sorted(written)}


def is_fresh(target: Path, key: str, data_dir: Path) -> bool:
    """Return True when ``target`` was executed with ``key`` and nothing it read or wrote has changed."""
    if not target.is_file():
        return False
    try:
        record = nbformat.read(target, as_version=4).metadata.get(METADATA_KEY, {})
    except Exception:  # a truncated or foreign file is simply not fresh
        return False
    if record.get("key") != key or "read" not in record:
        return False
    if read_hashes(data_dir, list(record["read"])) != record["read"]:
        return False
    return all(Path(p).is_file() for p in record.get("written", []))
