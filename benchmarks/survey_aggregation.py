"""Time a survey wave's aggregation at 10^5, 10^6 and 10^7 respondents (a benchmark, not a test).

For each size it writes a random wave of the 2023 questionnaire (DuckDB SQL, routing respected)
to one Parquet (default) or CSV file, then times, as medians of ``--repeat`` runs:

- ``aggregate``: the one Ibis scan that sums every figure (:mod:`report_lib.analysis.survey_sums`)
  plus the ratios, intervals and tests (:mod:`report_lib.analysis.survey_shares`);
- ``check``: every check of the format in its one scan (:mod:`report_lib.data.survey.checks`);
- ``scan``: DuckDB's own scan of the same file, counting the non-empty cells of every column;

and prints each time and its ratio to ``scan``. With ``--exports`` (issue 23) it also writes the
same answers as a platform would (Parquet with its own column names ``Q1``, ``Q2_1`` and numeric
codes, read through ``survey/columns.csv`` and the ``code`` columns of options.csv and
segments.csv) and times check + aggregate of that file against the canonical one. Usage::

    .venv/bin/python benchmarks/survey_aggregation.py [--sizes 100000,1000000,10000000] [--repeat 3]
        [--format parquet|csv] [--engine duckdb|spark] [--weighted] [--exports]
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
from report_lib.data.survey.exports.reading import plan_reading  # noqa: E402
from report_lib.data.survey.exports.shape import read_raw  # noqa: E402
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


def write_export(canonical: Path, questionnaire, folder: Path) -> tuple[Path, Path, "pd.DataFrame"]:
    """The answers of ``canonical`` as a platform export: columns ``Q<n>[_<k>]``, options and segments as codes 1..k.

    Returns (responses file, survey folder with questions, options + code and columns.csv, segment rows + code).
    """
    import pandas as pd

    survey = folder / "export-survey"
    survey.mkdir(exist_ok=True)
    for name in ("questions.csv", "questions.meta.yaml", "options.meta.yaml"):
        (survey / name).write_bytes((ROOT / "data" / "survey" / name).read_bytes())
    options = pd.read_csv(ROOT / "data" / "survey" / "options.csv", dtype=str, keep_default_na=False)
    kinds = {q.question_id: q.kind for q in questionnaire.questions}
    position = options.groupby("question_id").cumcount() + 1
    options["code"] = ["" if kinds[q] == "scale" else str(p) for q, p in zip(options["question_id"], position)]
    options.to_csv(survey / "options.csv", index=False)
    segments = pd.DataFrame({"segment": ["all", *SEGMENTS], "kind": ["market"] + ["bank_type"] * len(SEGMENTS),
                             "label_en": ["", *SEGMENTS], "label_zh": ["", *SEGMENTS], "order": ["0", "1", "2", "3"],
                             "code": ["", "1", "2", "3"]})
    codes = {(q, o): c for q, o, c in zip(options["question_id"], options["option_id"], options["code"])}

    def coded(column: str, pairs) -> str:
        whens = " ".join(f"WHEN '{value}' THEN {code}" for value, code in pairs)
        return f'CAST(CASE "{column}" {whens} END AS INTEGER)'

    select = ['respondent_id AS "ResponseId"', f'{coded("segment", zip(SEGMENTS, (1, 2, 3)))} AS "Q0"']
    mapping = [("ResponseId", "respondent_id", ""), ("Q0", "segment", "")]
    if "weight" in duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{canonical}')").df()["column_name"].tolist():
        select.append('CAST(weight AS DOUBLE) AS "Weight"')
        mapping.append(("Weight", "weight", ""))
    for number, q in enumerate(questionnaire.questions, start=1):
        if q.kind == "multi":
            for k, option in enumerate(q.options, start=1):
                select.append(f'CAST("{q.option_column(option)}" AS INTEGER) AS "Q{number}_{k}"')
                mapping.append((f"Q{number}_{k}", q.question_id, option))
        elif q.kind == "scale":
            select.append(f'CAST("{q.question_id}" AS INTEGER) AS "Q{number}"')
            mapping.append((f"Q{number}", q.question_id, ""))
        else:
            select.append(f'{coded(q.question_id, ((o, codes[(q.question_id, o)]) for o in q.options))} AS "Q{number}"')
            mapping.append((f"Q{number}", q.question_id, ""))
    pd.DataFrame(mapping, columns=["source_column", "question_id", "option_id"]).to_csv(survey / "columns.csv", index=False)
    path = folder / "responses-export.parquet"
    duckdb.sql(f"COPY (SELECT {', '.join(select)} FROM read_parquet('{canonical}')) TO '{path}' (FORMAT parquet)")
    return path, survey, segments


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
    parser.add_argument("--exports", action="store_true", help="also time a coded platform export read through maps")
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
            if args.exports and args.format == "parquet":
                exported, survey, segments = write_export(path, questionnaire, Path(folder))
                coded_questionnaire = load_questionnaire(survey)

                def through_maps():
                    raw = read_raw(exported)
                    columns = list(open_responses(exported, duck).columns)
                    reading = plan_reading(raw, columns, coded_questionnaire, segments, survey)
                    problems = response_problems(exported, lambda cols: open_responses(exported, duck, cols is not None,
                                                                                       cols, reading),
                                                 questionnaire, ("all", *SEGMENTS), reading.shown)
                    assert not problems, problems[:3]
                    table = open_responses(exported, con, reading=reading)
                    sums = segment_sums(table, questionnaire, args.weighted)
                    return figures_from_sums(sums, questionnaire, SEGMENTS, exported.name, args.weighted)

                def canonical():
                    check()
                    return aggregate()

                base = median_time(canonical, args.repeat)
                mapped = median_time(through_maps, args.repeat)
                expected = canonical().drop(columns="provenance", errors="ignore").reset_index(drop=True)
                got = through_maps().drop(columns="provenance", errors="ignore").reset_index(drop=True)
                same = expected.equals(got)
                print(f"{'':>12} exports: canonical Parquet check+aggregate {base:.2f} s; coded export through "
                      f"columns.csv and codes {mapped:.2f} s; ratio {mapped / base:.2f}; same figures: {same}",
                      flush=True)
                exported.unlink()
            path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
