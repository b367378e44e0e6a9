"""A temporary copy of the project to build with the real command, and a way to run that build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from report_lib import paths

FILES = ("_config.yml", "intro.md", "requirements.txt", "pyproject.toml")
FOLDERS = ("src", "_templates", "reference", "chapters")


def project_copy(target: Path, pages: tuple[str, ...], report: tuple[str, ...] = ()) -> Path:
    """Copy the project's book sources to ``target`` with a toc of ``intro``, the ``report`` part and ``pages``."""
    target.mkdir(parents=True)
    for name in FILES:
        shutil.copy(paths.PROJECT_ROOT / name, target / name)
    for name in FOLDERS:
        shutil.copytree(paths.PROJECT_ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    toc = "format: jb-book\nroot: intro\nparts:\n"
    if report:
        toc += "  - caption: The report\n    chapters:\n" + "".join(f"      - file: {p}\n" for p in report)
    toc += "  - caption: Reference\n    chapters:\n" + "".join(f"      - file: {p}\n" for p in pages)
    (target / "_toc.yml").write_text(toc)
    return target


def start_build(root: Path, data: Path, *args: str, hook: str | None = None) -> subprocess.Popen:
    """Start ``python -m report_lib build`` (or ``hook``, a script that ends by calling the CLI) in ``root``."""
    command = [sys.executable, *(["-c", hook] if hook else ["-m", "report_lib"]), "build", "--data", str(data), *args]
    return subprocess.Popen(command, cwd=root, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(root / "src")}, start_new_session=True)
