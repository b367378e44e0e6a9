"""``python -m report_lib aggregate``: a wave's computed figures as one CSV, for the book or another tool."""

from __future__ import annotations

import sys
from pathlib import Path

from report_lib.data.errors import DataError


def aggregate_to_csv(data_dir: Path, out: Path, engine: str = "duckdb") -> int:
    """Validate the wave in ``data_dir``, aggregate it on ``engine`` and write ``out``; return the exit code.

    Every problem of the wave is printed on stderr as ``file:row: column: reason`` and nothing is
    written (exit 1).
    """
    from report_lib.analysis.survey_shares import wave_figures
    from report_lib.data.survey.wave import load_wave

    try:
        wave = load_wave(data_dir, engine=engine)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 1
    figures = wave_figures(wave)
    out.parent.mkdir(parents=True, exist_ok=True)
    figures.to_csv(out, index=False)
    print(f"wrote {out} ({len(figures)} figures, engine {engine})")
    return 0


def add_aggregate_command(commands) -> None:
    """Add the ``aggregate`` subcommand to the CLI's argparse sub-parsers."""
    aggregate = commands.add_parser("aggregate", help="compute a survey wave's figures (n, intervals, tests) into a CSV")
    aggregate.add_argument("--data", default=None, help="data folder with survey/ (default: env REPORT_DATA or data/)")
    aggregate.add_argument("--out", required=True, help="CSV file to write")
    aggregate.add_argument("--engine", default="duckdb", choices=("duckdb", "spark"))
