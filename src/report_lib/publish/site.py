"""Build the HTML book without ever destroying the last good build.

The book is built into ``_build/.staging`` with warnings as errors; only when that build
succeeds does it replace ``_build/html`` (old tree moved aside, new tree moved in, old
tree deleted). Data is validated first, so malformed data stops the build before any
notebook runs.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from report_lib import paths
from report_lib.data.dataset import check_data
from report_lib.publish.lock import replace_tree
from report_lib.publish.notebooks import jupyter_book
from report_lib.publish.toc import read_toc


def validate_or_report(data_dir: Path) -> bool:
    """Print every data problem (one per line) to stderr; return True when the data is valid."""
    problems = check_data(data_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {data_dir}; nothing was built.", file=sys.stderr)
    return not problems


def swap_into_place(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new`` so that a complete tree is always at ``target``."""
    replace_tree(new, target)


def build_html(root: Path | None = None, data_dir: Path | None = None, builder: str = "html",
               variants: bool | None = None) -> int:
    """Validate the data, render the bank-type variants, build the book into a staging folder
    and publish it to ``_build/<builder>``.

    ``variants`` defaults to whether ``root``'s toc has a report part
    (:data:`report_lib.publish.toc.REPORT_PART`). A failed variant stops the build before
    the book is built. Returns the process exit code (0 on success).
    """
    root = root or paths.PROJECT_ROOT
    data_dir = paths.data_dir(data_dir)
    if not validate_or_report(data_dir):
        return 1
    toc = None
    if variants if variants is not None else bool(read_toc(root).report):
        from report_lib.publish.variants import VariantError, render_variants

        try:
            toc = render_variants(root, data_dir)
        except VariantError as error:
            print(f"{error}\nBook not built; the last good build in {root / '_build' / builder} is unchanged.",
                  file=sys.stderr)
            return 1
    staging = root / "_build" / ".staging"
    shutil.rmtree(staging, ignore_errors=True)
    result, built = jupyter_book(root, builder, toc, staging, env={"REPORT_DATA": str(data_dir)})
    if result.returncode != 0 or not (built / "index.html").is_file():
        print(f"Book build failed (exit {result.returncode}); the last good build in "
              f"{root / '_build' / builder} is unchanged.", file=sys.stderr)
        return result.returncode or 1
    swap_into_place(built, root / "_build" / builder)
    shutil.rmtree(staging, ignore_errors=True)
    print(f"Built {root / '_build' / builder / 'index.html'} from data in {data_dir}")
    return 0

