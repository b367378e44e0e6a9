"""Command line: ``python -m report_lib check-data|build|variants|render|pdf|refresh-nbval|translations``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from report_lib import paths
from report_lib.publish.languages import EDITIONS as LANGUAGES

NBVAL_REFERENCES = paths.PROJECT_ROOT / "tests" / "notebooks"
"""Where ``refresh-nbval`` writes the reference notebooks (the tests read them there)."""
LOCKED = ("build", "variants", "pdf", "refresh-nbval")
"""Commands that write the book's outputs: one at a time (:func:`report_lib.publish.lock.build_lock`)."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m report_lib", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check-data", help="validate a data folder; list every problem")
    check.add_argument("data", nargs="?", default=None, help="data folder (default: env REPORT_DATA or data/)")
    build = commands.add_parser("build", help="validate the data and build the HTML book into _build/html")
    build.add_argument("--data", default=None, help="data folder (default: env REPORT_DATA or data/)")
    pdf = commands.add_parser("pdf", help="build the PDF edition into _build/pdf (needs chromium, poppler-utils)")
    pdf.add_argument("--data", default=None, help="data folder (default: env REPORT_DATA or data/)")
    pdf.add_argument("--segment", default="all", help="bank type of the edition (default: all, the main edition)")
    pdf.add_argument("--lang", default="en", choices=LANGUAGES, help="language of labels (default: en)")
    pdf.add_argument("--editions", nargs="+", metavar="SEGMENT:LANG",
                     help="several editions in one run (e.g. all:en regional:en all:zh); replaces --segment and --lang")
    refresh = commands.add_parser("refresh-nbval", help="re-execute chapters into the nbval reference notebooks")
    refresh.add_argument("--data", default=None)
    refresh.add_argument("--out", default=str(NBVAL_REFERENCES), help="reference folder (default: tests/notebooks)")
    build.add_argument("--no-variants", action="store_true", help="build without the bank-type variants")
    variants = commands.add_parser("variants", help="render every chapter per bank type (cached) into variants/")
    variants.add_argument("--data", default=None)
    variants.add_argument("--force", action="store_true", help="execute even when the cache is fresh")
    render = commands.add_parser("render", help="render one chapter for one segment: notebook and offline HTML")
    render.add_argument("--chapter", required=True, help="chapter number (1) or file stem (01_background)")
    render.add_argument("--segment", default="all", help="all, state_owned, joint_stock or regional")
    render.add_argument("--lang", default="en", choices=LANGUAGES)
    render.add_argument("--out", required=True, help="output folder (created)")
    render.add_argument("--data", default=None)
    translations = commands.add_parser("translations", help="list untranslated and stale Chinese text of the pages")
    translations.add_argument("--check", action="store_true", help="exit non-zero when a page has a problem")
    from report_lib.publish.survey_export import add_aggregate_command  # survey waves (issue 11)

    add_aggregate_command(commands)
    args = parser.parse_args(argv)
    if args.command == "pdf":
        editions = [tuple(edition.partition(":")[::2]) for edition in args.editions or [f"{args.segment}:{args.lang}"]]
        bad = [":".join(edition) for edition in editions if not all(edition)]
        if bad:  # before the lock: a mistyped option waits for no build
            print(f"--editions takes SEGMENT:LANG pairs (e.g. regional:zh); got {' '.join(bad)}", file=sys.stderr)
            return 2
        args.editions = tuple(editions)
    if args.command in LOCKED:
        from report_lib.publish.lock import BuildRunning, build_lock

        try:
            with build_lock(paths.PROJECT_ROOT):
                return run(args)
        except BuildRunning as error:
            print(error, file=sys.stderr)
            return 1
    return run(args)


def run(args: argparse.Namespace) -> int:
    """Run the parsed command; returns the exit code."""
    if args.command == "aggregate":
        from report_lib.publish.survey_export import aggregate_to_csv

        return aggregate_to_csv(paths.data_dir(args.data), Path(args.out), args.engine)
    if args.command == "check-data":
        from report_lib.publish.validation import validate_or_report

        folder = paths.data_dir(args.data)
        valid = validate_or_report(folder)
        if valid:
            print(f"{folder}: all tables valid")
        return 0 if valid else 1
    if args.command == "build":
        from report_lib.publish import up_to_date

        data_dir, variants = paths.data_dir(args.data), False if args.no_variants else None
        if up_to_date.book_is_current(paths.PROJECT_ROOT, data_dir, "html", variants)[0]:  # before the heavy imports
            print(up_to_date.NOTHING_CHANGED.format(site=paths.PROJECT_ROOT / "_build" / "html", data=data_dir))
            return 0
        from report_lib.publish.site import build_html

        return build_html(data_dir=data_dir, variants=variants)
    if args.command in ("variants", "render"):
        from report_lib.publish.jobs import VariantError

        try:
            if args.command == "variants":
                from report_lib.publish.variants import render_variants

                print(f"wrote {render_variants(data_dir=paths.data_dir(args.data), force=args.force)}")
            else:
                from report_lib.publish.on_demand import render_one

                for path in render_one(args.chapter, args.segment, args.lang, Path(args.out), paths.data_dir(args.data)):
                    print(f"wrote {path}")
        except (VariantError, ValueError) as error:
            print(error, file=sys.stderr)
            return 1
        return 0
    if args.command == "pdf":
        from report_lib.publish.pdf.edition import build_pdfs

        return build_pdfs(data_dir=Path(args.data) if args.data else None, editions=args.editions)
    if args.command == "translations":
        from report_lib.publish.languages import translation_problems
        from report_lib.publish.toc import page_sources

        problems = [p for source in page_sources(paths.PROJECT_ROOT) for p in translation_problems(source)]
        print("\n".join(problems) if problems else "every page is translated and up to date")
        return 1 if problems and args.check else 0
    if args.command == "refresh-nbval":
        from report_lib.publish.nbval_refs import refresh_references

        for path in refresh_references(paths.PROJECT_ROOT, Path(args.out), paths.data_dir(args.data)):
            print(f"wrote {path}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
