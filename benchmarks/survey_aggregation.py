"""Time a survey wave's aggregation at 10^5, 10^6 and 10^7 respondents (a benchmark, not a test).

For each size it writes a random wave of the 2023 questionnaire (DuckDB SQL, routing respected)
to one Parquet (default) or CSV file, then times, as medians of ``--repeat`` runs:

- ``aggregate``: the one Ibis scan that sums every figure (:mod:`report_lib.analysis.survey_sums`)
  plus the ratios, intervals and tests (:mod:`report_lib.analysis.survey_shares`);
- ``check``: every check of the format in its one scan (:mod:`report_lib.data.survey.checks`);
- ``scan``: DuckDB's own scan of the same file, counting the non-empty cells of every column;

and prints each time and its ratio to ``scan``. Usage::

    .venv/bin/python benchmarks/survey_aggregation.py [--sizes 100000,1000000,10000000] [--repeat 3]
        [--format parquet|csv] [--engine duckdb|spark] [--weighted]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import duckdb  # noqa: E402

from report_lib.analysis.survey_shares import figures_from_sums  # noqa: E402
from report_lib.analysis.survey_sums import segment_sums  # noqa: E402
from report_lib.data.survey.checks import response_problems  # noqa: E402
from report_lib.data.survey.engines import connect  # noqa: E402
from report_lib.data.survey.questionnaire import load_questionnaire  # noqa: E402
from report_lib.data.survey.responses import open_responses  # noqa: E402

SEGMENTS = ("state_owned", "joint_stock", "regional")


def _pick(values: tuple[str, ...]) -> str:
    items = ", ".join(f"'{v}'" for v in values)
    return f"CASE WHEN random() < 0.03 THEN NULL ELSE [{items}][1 + floor(random() * {len(values)})::INT] END"


def wave_sql(questionnaire, n: int, weighted: bool) -> str:
    """A SELECT that draws ``n`` random respondents answering ``questionnaire`` (routing kept)."""
    base = [f"'r' || i AS respondent_id", f"{_pick(SEGMENTS)[len('CASE WHEN random() < 0.03 THEN NULL ELSE '):-4]} AS segment"]
    if weighted:
        base.append("round(0.5 + random(), 3) AS weight")
    routed = []
    for q in questionnaire.questions:
        if q.kind == "multi":
            cells = [f"CASE WHEN random() < 0.5 THEN '1' ELSE '0' END AS \"{c}\"" for c in q.columns]
        elif q.kind == "scale":
            cells = [f"{_pick(q.values)} AS \"{q.question_id}\""]
        else:
            cells = [f"{_pick(q.values)} AS \"{q.question_id}\""]
        if q.asked_of is None:
            base += cells
            continue
        parent = questionnaire.question(q.asked_of[0])
        condition = f"\"{parent.option_column(q.asked_of[1])}\" = '{'1' if parent.kind == 'multi' else q.asked_of[1]}'"
        for cell in cells:
            expression, name = cell.rsplit(" AS ", 1)
            routed.append(f"CASE WHEN {condition} THEN {expression} END AS {name}")
    inner = f"SELECT {', '.join(base)} FROM range({n}) t(i)"
    return f"SELECT * , {', '.join(routed)} FROM ({inner})" if routed else inner


def write_wave(path: Path, questionnaire, n: int, weighted: bool) -> None:
    fmt = "(FORMAT parquet)" if path.suffix == ".parquet" else "(HEADER, DELIMITER ',')"
    duckdb.sql(f"COPY ({wave_sql(questionnaire, n, weighted)}) TO '{path}' {fmt}")


def median_time(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000,10000000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--format", default="parquet", choices=("parquet", "csv"))
    parser.add_argument("--engine", default="duckdb", choices=("duckdb", "spark"))
    parser.add_argument("--weighted", action="store_true")
    args = parser.parse_args(argv)
    questionnaire = load_questionnaire(ROOT / "data" / "survey")
    con = connect(args.engine)
    duck = connect("duckdb")
    print(f"engine {args.engine}, {args.format}, {'weighted' if args.weighted else 'unweighted'}, "
          f"{len(questionnaire.questions)} questions; medians of {args.repeat} (s)")
    print(f"{'respondents':>12} {'file MB':>8} {'scan':>7} {'aggregate':>10} {'ratio':>6} {'check':>7} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for n in (int(s) for s in args.sizes.split(",")):
            path = Path(folder) / f"responses.{args.format}"
            write_wave(path, questionnaire, n, args.weighted)
            reader = f"read_parquet('{path}')" if args.format == "parquet" else f"read_csv('{path}', all_varchar=true)"
            columns = duckdb.sql(f"DESCRIBE SELECT * FROM {reader}").fetchall()
            counts = ", ".join(f'count("{c[0]}")' for c in columns)
            scan = median_time(lambda: duckdb.sql(f"SELECT {counts} FROM {reader}").fetchall(), args.repeat)

            def aggregate():
                table = open_responses(path, con)
                sums = segment_sums(table, questionnaire, args.weighted)
                return figures_from_sums(sums, questionnaire, SEGMENTS, path.name, args.weighted)

            def check():
                assert not response_problems(path, lambda cols: open_responses(path, duck, cols is not None, cols),
                                             questionnaire, ("all", *SEGMENTS))

            agg = median_time(aggregate, args.repeat)
            chk = median_time(check, args.repeat)
            size = path.stat().st_size / 1e6
            print(f"{n:>12,} {size:>8.1f} {scan:>7.2f} {agg:>10.2f} {agg / scan:>6.1f} {chk:>7.2f} {chk / scan:>6.1f}",
                  flush=True)
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
