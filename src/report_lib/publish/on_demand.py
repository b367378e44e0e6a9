"""Render one chapter for one segment and language, for a researcher: executed notebook and offline HTML.

``python -m report_lib render --chapter 2 --segment regional --lang zh --out DIR`` runs
the chapter through the same preparation as the book's variants (opening section,
hidden parameters) with papermill in ``DIR``, then builds a one-page Jupyter Book there
(no execution, the report's offline chart extension), so ``DIR/_build/html/<chapter>.html``
opens without a network and its chart CSVs sit in ``DIR/_build/html/_static/chart-data``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from report_lib import paths
from report_lib.publish.variants import (Variant, VariantError, chapter_number, execute, page_source, prepare,
                                 report_chapters)

CONFIG = {
    "title": "Bank marketing digitalization in China, 2023 (one chapter)",
    "only_build_toc_files": True,
    "exclude_patterns": ["_build", "**.ipynb_checkpoints"],
    "execute": {"execute_notebooks": "off"},
    "html": {"use_repository_button": False, "use_issues_button": False, "use_edit_page_button": False},
    "launch_buttons": {"notebook_interface": "classic", "binderhub_url": "", "jupyterhub_url": "", "thebe": False,
                       "colab_url": ""},
    "sphinx": {"extra_extensions": ["report_lib.page.sphinx_ext"],
               "config": {"html_theme_options": {"use_download_button": False, "use_fullscreen_button": False}}},
}


def find_chapter(root: Path, chapter: str) -> str:
    """Return the toc entry of ``chapter`` given as a number (``2``) or a file stem (``02_current_state``)."""
    chapters = report_chapters(root)
    for page in chapters:
        stem = Path(page).name
        if chapter == stem or (chapter.isdigit() and chapter_number(stem) == int(chapter)):
            return page
    raise ValueError(f"no chapter {chapter!r} in {root / '_toc.yml'}; chapters: {', '.join(chapters)}")


def render_one(chapter: str, segment: str, lang: str, out: Path, data_dir: Path | None = None,
               root: Path | None = None) -> list[Path]:
    """Execute one chapter for ``segment`` in ``lang`` into ``out`` and build its HTML; return both paths."""
    from report_lib.data.dataset import load_dataset
    from report_lib.present.labels import Labels
    from report_lib.analysis.segments import MARKET, check_segment

    root, data_dir = root or paths.PROJECT_ROOT, paths.data_dir(data_dir)
    page = find_chapter(root, str(chapter))
    data = load_dataset(data_dir)
    check_segment(data, segment)
    out = out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    variant = Variant(page, segment, lang)
    (out / "_config.yml").write_text(yaml.safe_dump(CONFIG, sort_keys=False), encoding="utf-8")
    (out / "_toc.yml").write_text(yaml.safe_dump({"format": "jb-book", "root": variant.stem}), encoding="utf-8")
    suffix = "" if segment == MARKET else f" ({Labels(data, lang).segment(segment, short=False)})"
    notebook = prepare(page_source(root, page), segment, suffix, chapter_number(variant.stem))
    target = out / f"{variant.stem}.ipynb"
    execute(variant, target, data_dir, notebook, key="on-demand")
    shutil.rmtree(out / "_build" / "html", ignore_errors=True)
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(out), "--path-output", str(out),
               "--builder", "html", "--keep-going", "--quiet"]  # other pages are absent: links to them only warn
    result = subprocess.run(command, cwd=out, capture_output=True, text=True)
    html = out / "_build" / "html" / f"{variant.stem}.html"
    if result.returncode != 0 or not html.is_file():
        raise VariantError(f"HTML build of {target} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return [target, html]
