"""Build the HTML book in both languages without ever destroying the last good build.

Each language edition (:mod:`report_lib.publish.editions`) is generated under
``_build/edition-<lang>`` (the notebooks of all editions run as one batch) and rendered, the
editions side by side, with warnings as errors into ``_build/.sphinx-<lang>``,
which keeps Sphinx's environment between builds so that an unchanged page is not read
again; a successful render is copied to its staging folder. The English site is published to ``_build/html`` and the Chinese site, a tree of
its own with its own search index, to ``_build/html/zh``. Only a successful build replaces
a published tree (old tree moved aside, new tree moved in, old tree deleted); when one
edition fails, the last good tree of that edition stays. Data is validated first, so
malformed data stops the build before any notebook runs.
"""

from __future__ import annotations

import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from report_lib import paths
from report_lib.publish import cache
from report_lib.publish.data_package import write_data_package
from report_lib.publish.editions import write_editions
from report_lib.publish.incremental import render_incrementally
from report_lib.publish import up_to_date
from report_lib.publish.languages import EDITIONS, SITE_FOLDER
from report_lib.publish.lock import replace_tree
from report_lib.publish.notebooks import ExecutionError
from report_lib.publish.toc import read_toc
from report_lib.publish.validation import validate_or_report
from report_lib.publish.jobs import VariantError


def swap_into_place(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new`` so that a complete tree is always at ``target``."""
    replace_tree(new, target)


def sphinx_root(root: Path, lang: str) -> Path:
    """Return the output root Sphinx renders the ``lang`` edition into, kept between builds (its environment)."""
    return root / "_build" / f".sphinx-{lang}"


def render_edition(root: Path, data_dir: Path, lang: str, folder: Path, builder: str) -> tuple[Path | None, str]:
    """Render the generated ``lang`` edition in ``folder`` and copy it to ``_build/.staging-<lang>``.

    Returns that copy (None on failure) and what Jupyter Book printed. Sphinx renders into
    :func:`sphinx_root`, which keeps its environment between builds
    (:func:`report_lib.publish.incremental.render_incrementally`): unchanged pages are not read again.
    """
    result, built = render_incrementally(folder, builder, sphinx_root(root, lang), env={"REPORT_DATA": str(data_dir)},
                                         inputs=(root / "_templates",), stamp=cache.environment_key(root),
                                         capture=True)
    printed = (result.stdout or "") + (result.stderr or "")
    if result.returncode != 0 or not (built / "index.html").is_file():
        return None, printed + f"The {lang} edition's book build failed (exit {result.returncode}).\n"
    staging = root / "_build" / f".staging-{lang}"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(built, staging)  # a copy: the next render writes into Sphinx's tree, never the published one
    return staging, printed


def build_editions(root: Path, data_dir: Path, builder: str, variants: bool) -> dict[str, Path | None]:
    """Generate every edition (one batch of notebooks), then render them side by side; return each staged site or None.

    An edition whose notebooks or render fail is None; the others are still built.
    """
    generated = write_editions(root, data_dir, EDITIONS, variants)
    built: dict[str, Path | None] = {}
    for lang, result in generated.items():
        if isinstance(result, Exception):
            kind = "" if isinstance(result, (ExecutionError, VariantError)) else f"{type(result).__name__}: "
            print(f"{kind}{result}\nThe {lang} edition was not built.", file=sys.stderr)
            built[lang] = None
    rendering = [lang for lang in EDITIONS if lang not in built]
    with ThreadPoolExecutor(max_workers=max(1, len(rendering))) as pool:  # each render is its own process
        renders = {lang: pool.submit(render_edition, root, data_dir, lang, generated[lang], builder)
                   for lang in rendering}
        for lang, render in renders.items():
            built[lang], printed = render.result()
            sys.stderr.write(printed)
    return built


def publish(root: Path, builder: str, built: dict[str, Path | None], data_dir: Path | None = None) -> None:
    """Move every built edition into ``_build/<builder>[/<folder>]``; a failed edition keeps its last good tree.

    With ``data_dir``, the main site gets its data package (:mod:`report_lib.publish.data_package`) before it moves in.
    """
    target = root / "_build" / builder
    main, *others = EDITIONS
    for lang in others:
        inside = target / SITE_FOLDER[lang]
        if built[main] is not None:
            if built[lang] is not None:
                built[lang].rename(built[main] / SITE_FOLDER[lang])
            elif inside.is_dir():
                shutil.copytree(inside, built[main] / SITE_FOLDER[lang])
        elif built[lang] is not None and target.is_dir():
            swap_into_place(built[lang], inside)
    if built[main] is not None:
        if data_dir is not None:
            write_data_package(built[main], data_dir)
        swap_into_place(built[main], target)
    for lang in EDITIONS:
        shutil.rmtree(root / "_build" / f".staging-{lang}", ignore_errors=True)


def build_html(root: Path | None = None, data_dir: Path | None = None, builder: str = "html",
               variants: bool | None = None) -> int:
    """Validate the data, generate and render both language editions, and publish them to ``_build/<builder>``.

    ``variants`` defaults to whether ``root``'s toc has a report part
    (:data:`report_lib.publish.toc.REPORT_PART`). Returns the process exit code (0 when
    every edition was built and published).
    """
    root = root or paths.PROJECT_ROOT
    data_dir = paths.data_dir(data_dir)
    current, inputs = up_to_date.book_is_current(root, data_dir, builder, variants)
    if current:
        print(up_to_date.NOTHING_CHANGED.format(site=root / "_build" / builder, data=data_dir))
        return 0
    up_to_date.forget(root, builder)
    if not validate_or_report(data_dir):
        return 1
    variants = variants if variants is not None else bool(read_toc(root).report)
    built = build_editions(root, data_dir, builder, variants)
    publish(root, builder, built, data_dir)
    if all(built.values()):
        up_to_date.record(root, builder, inputs)
    target = root / "_build" / builder
    for lang in EDITIONS:
        where = target / SITE_FOLDER[lang] / "index.html"
        if built[lang] is None:
            print(f"The {lang} edition failed; the last good build in {where.parent} is unchanged.", file=sys.stderr)
        else:
            print(f"Built {where} ({lang}) from data in {data_dir}")
    return 0 if all(built.values()) else 1
