"""Write the synthetic survey wave in every export shape the reader takes, each as a data folder.

The answers are those of ``examples/synthetic_wave.py`` (weighted variant, fixed seed: random
draws, not survey results). Each folder under ``examples/survey-exports/`` is a copy of ``data/``
whose ``survey/`` holds the same respondents as a platform would export them, so that
``make check-data DATA=<folder>`` and ``python -m report_lib aggregate`` can be compared with the
canonical CSV (tests/data/test_survey_exports.py does). Nothing here is typed by hand: every
header, code and label comes from the questionnaire in ``data/survey/``.

Shapes:

- ``canonical``: ``responses.csv`` in the format (the reference);
- ``spss``: ``responses.sav``, every single-choice answer and the segment coded 1..k with the
  option's Chinese label as value label, 0/1 multi-selects, 98 "不知道" and 99 "拒绝回答"
  declared user-missing and written into some empty answers;
- ``qualtrics``: ``responses.csv`` with Qualtrics' three header rows, ids ``Q1``, ``Q2_1``,
  choice text (English labels), split multi-selects (1 chosen, 0 seen, blank not shown),
  Qualtrics' metadata columns (ignored), a ``survey/columns.csv``;
- ``qualtrics-recode``: the same with recode values (``code`` column of options.csv and
  segments.csv) and multi-selects as one cell of codes joined by ``,`` (``0`` when seen and
  none chosen, Qualtrics' "seen but unanswered multi-value fields as 0");
- ``wenjuanxing``: ``responses.xlsx`` as 问卷星 downloads "by text": numbered question texts as
  headers, Chinese option labels, multi-selects joined by ``┋``, ``(跳过)`` for skipped questions;
- ``wenjuanxing-codes``: 问卷星 "by option number": codes 1..k, one ``N、题目(选项)`` column per
  option of a multi-select (1/0);
- ``excel``: the canonical columns and cells saved as ``responses.xlsx``.

Usage::

    python examples/survey_exports.py [--out examples/survey-exports] [--n 600]
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "examples"))

from report_lib.data.survey.questionnaire import load_questionnaire  # noqa: E402
from synthetic_wave import SEED, generate  # noqa: E402

SHAPES = ("canonical", "spss", "qualtrics", "qualtrics-recode", "wenjuanxing", "wenjuanxing-codes", "excel")
MISSING_CODES = {98: "不知道", 99: "拒绝回答"}
"""User-missing codes the SPSS export declares (don't know, refused)."""
QUALTRICS_META = ("StartDate", "EndDate", "Status", "Progress", "Finished", "RecordedDate")
WJX_FIXED = ("提交答卷时间", "所用时间", "来源")
SEGMENT_TEXT = ("贵行属于以下哪类银行？", "Which type of bank do you work for?")
"""Wording of the bank-type question the platform exports ask (the format's ``segment``)."""


def _segments(data: Path) -> pd.DataFrame:
    frame = pd.read_csv(data / "reference" / "segments.csv", dtype=str, keep_default_na=False)
    return frame[frame["kind"] == "bank_type"].sort_values("order", key=lambda s: s.astype(int))


def _with_codes(folder: Path) -> None:
    """Add a ``code`` column (1..k in questionnaire order) to options.csv and segments.csv of ``folder``."""
    options_path = folder / "survey" / "options.csv"
    options = pd.read_csv(options_path, dtype=str, keep_default_na=False)
    kinds = dict(pd.read_csv(folder / "survey" / "questions.csv", dtype=str, keep_default_na=False)[["question_id", "kind"]].values)
    position = options.groupby("question_id").cumcount() + 1
    options["code"] = [("" if kinds[q] == "scale" else str(p)) for q, p in zip(options["question_id"], position)]
    options.to_csv(options_path, index=False)
    segments_path = folder / "reference" / "segments.csv"
    segments = pd.read_csv(segments_path, dtype=str, keep_default_na=False)
    bank = segments["kind"] == "bank_type"
    segments["code"] = ""
    segments.loc[bank, "code"] = (segments.loc[bank, "order"].astype(int)).astype(str)
    segments.to_csv(segments_path, index=False)


def _meta(folder: Path, source: str | None, shape: str) -> None:
    path = folder / "survey" / "responses.meta.yaml"
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    meta["generated_by"] = f"examples/survey_exports.py (shape {shape})"
    if source:
        meta["source"] = source
    else:
        meta.pop("source", None)
    path.write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _write_columns(folder: Path, rows: list[tuple[str, str, str]], separator: str | None = None) -> None:
    with (folder / "survey" / "columns.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["source_column", "question_id", "option_id"] + (["separator"] if separator else []))
        for source, qid, option in rows:
            joined = separator if separator and not option and qid not in ("respondent_id", "segment", "weight") else ""
            writer.writerow([source, qid, option] + ([joined] if separator else []))


class Export:
    """One copy of the canonical folder being turned into one shape."""

    def __init__(self, canonical: Path, out: Path, shape: str):
        self.folder = out / shape
        if self.folder.exists():
            shutil.rmtree(self.folder)
        shutil.copytree(canonical, self.folder)
        (self.folder / "survey" / "responses.csv").unlink()
        self.questionnaire = load_questionnaire(self.folder / "survey")
        self.options = self.questionnaire.option_table
        self.survey = self.folder / "survey"

    def labels(self, qid: str, column: str) -> dict[str, str]:
        rows = self.options[self.options["question_id"] == qid]
        return dict(zip(rows["option_id"], rows[column]))

    def codes(self, qid: str) -> dict[str, int]:
        rows = self.options[self.options["question_id"] == qid]
        return {o: i for i, o in enumerate(rows["option_id"], start=1)}

    def text(self, qid: str, lang: str) -> str:
        table = self.questionnaire.question_table.set_index("question_id")
        return table.at[qid, f"text_{lang}"]


def spss(frame: pd.DataFrame, export: Export, data: Path, rng: np.random.Generator) -> None:
    import pyreadstat

    out = pd.DataFrame({"respondent_id": frame["respondent_id"]})
    labels: dict[str, dict[float, str]] = {}
    missing: dict[str, list] = {}
    segments = _segments(data)
    seg_codes = {s: i for i, s in enumerate(segments["segment"], start=1)}
    out["segment"] = frame["segment"].map(seg_codes).astype(float)
    labels["segment"] = {float(i): label for s, i, label in zip(segments["segment"], seg_codes.values(), segments["label_zh"])}
    if "weight" in frame:
        out["weight"] = frame["weight"].astype(float)
    for question in export.questionnaire.questions:
        qid = question.question_id
        if question.kind == "multi":
            for column in question.columns:
                out[column] = pd.to_numeric(frame[column].replace("", None)).astype(float)
            continue
        if question.kind == "scale":
            values = pd.to_numeric(frame[qid].replace("", None)).astype(float)
            labels[qid] = {float(o): label for o, label in export.labels(qid, "label_zh").items() if o != "mean"}
        else:
            codes = export.codes(qid)
            values = frame[qid].map(codes).astype(float)
            labels[qid] = {float(codes[o]): label for o, label in export.labels(qid, "label_zh").items()}
        empty = values.isna() & (rng.random(len(values)) < 0.5)
        values[empty] = rng.choice(list(MISSING_CODES), size=int(empty.sum()))
        labels[qid].update({float(c): label for c, label in MISSING_CODES.items()})
        missing[qid] = list(MISSING_CODES)
        out[qid] = values
    pyreadstat.write_sav(out, str(export.survey / "responses.sav"), variable_value_labels=labels, missing_ranges=missing)
    _meta(export.folder, "spss", "spss")


def qualtrics(frame: pd.DataFrame, export: Export, data: Path, recode: bool) -> None:
    segments = _segments(data)
    seg_value = dict(zip(segments["segment"], segments["order"] if recode else segments["label_en"]))
    columns: dict[str, list[str]] = {}
    texts: dict[str, str] = {}
    imports: dict[str, str] = {}
    mapping: list[tuple[str, str, str]] = []
    n = len(frame)
    for name in QUALTRICS_META:
        columns[name], texts[name], imports[name] = ["2023-11-01 10:00:00"] * n if "Date" in name else ["100"] * n, name, name
    columns["ResponseId"], texts["ResponseId"], imports["ResponseId"] = list(frame["respondent_id"]), "Response ID", "_recordId"
    mapping.append(("ResponseId", "respondent_id", ""))
    columns["Q0"], texts["Q0"], imports["Q0"] = [seg_value[s] for s in frame["segment"]], SEGMENT_TEXT[1], "QID0"
    mapping.append(("Q0", "segment", ""))
    if "weight" in frame:
        columns["Weight"], texts["Weight"], imports["Weight"] = list(frame["weight"].astype(str)), "Weight", "Weight"
        mapping.append(("Weight", "weight", ""))
    for number, question in enumerate(export.questionnaire.questions, start=1):
        qid, ident = question.question_id, f"Q{number}"
        if question.kind == "multi":
            labels, codes = export.labels(qid, "label_en"), export.codes(qid)
            if recode:
                cells = frame[list(question.columns)]
                answered = (cells != "").any(axis=1)
                joined = [(",".join(str(codes[o]) for o, c in zip(question.options, row) if c == "1") or "0") if a else ""
                          for row, a in zip(cells.values.tolist(), answered)]
                columns[ident], texts[ident], imports[ident] = joined, export.text(qid, "en"), f"QID{number}"
                mapping.append((ident, qid, ""))
                continue
            for option in question.options:
                column = f"{ident}_{codes[option]}"
                columns[column] = list(frame[question.option_column(option)])
                texts[column] = f"{export.text(qid, 'en')} - {labels[option]}"
                imports[column] = f"QID{number}_{codes[option]}"
                mapping.append((column, qid, option))
            continue
        if question.kind == "scale" or not recode:
            values = frame[qid] if question.kind == "scale" else frame[qid].map(export.labels(qid, "label_en")).fillna("")
        else:
            values = frame[qid].map({o: str(c) for o, c in export.codes(qid).items()}).fillna("")
        columns[ident], texts[ident], imports[ident] = list(values), export.text(qid, "en"), f"QID{number}"
        mapping.append((ident, qid, ""))
    if recode:
        _with_codes(export.folder)
    with (export.survey / "responses.csv").open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(list(columns))
        writer.writerow([texts[c] for c in columns])
        writer.writerow([json.dumps({"ImportId": imports[c]}) for c in columns])
        writer.writerows(zip(*columns.values()))
    _write_columns(export.folder, mapping, "," if recode else None)
    _meta(export.folder, None, "qualtrics-recode" if recode else "qualtrics")


def _xlsx(path: Path, columns: dict[str, list]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Sheet1")
    sheet.append(list(columns))
    for row in zip(*columns.values()):
        sheet.append(list(row))
    book.save(path)


def wenjuanxing(frame: pd.DataFrame, export: Export, data: Path, by_code: bool) -> None:
    skipped = "(跳过)"
    segments = _segments(data)
    n = len(frame)
    columns: dict[str, list] = {"序号": list(frame["respondent_id"])}
    for name in WJX_FIXED:
        columns[name] = ["2023/11/1 10:00:00" if name == "提交答卷时间" else "120秒" if name == "所用时间" else "手机提交"] * n
    mapping = [("序号", "respondent_id", "")]
    header = f"1、{SEGMENT_TEXT[0]}"
    seg_value = dict(zip(segments["segment"], segments["order"].astype(int) if by_code else segments["label_zh"]))
    columns[header] = [seg_value[s] for s in frame["segment"]]
    mapping.append((header, "segment", ""))
    if "weight" in frame:
        columns["权重"] = list(frame["weight"].astype(float))
        mapping.append(("权重", "weight", ""))
    for number, question in enumerate(export.questionnaire.questions, start=2):
        qid = question.question_id
        title = f"{number}、{export.text(qid, 'zh')}"
        labels, codes = export.labels(qid, "label_zh"), export.codes(qid)
        if question.kind == "multi":
            cells = frame[list(question.columns)]
            answered = (cells != "").any(axis=1)
            if by_code:
                for option in question.options:
                    column = f"{title}({labels[option]})"
                    columns[column] = [int(c) if a else skipped for c, a in zip(frame[question.option_column(option)], answered)]
                    mapping.append((column, qid, option))
            else:
                columns[title] = ["┋".join(labels[o] for o, c in zip(question.options, row) if c == "1") if a else skipped
                                  for row, a in zip(cells.values.tolist(), answered)]
                mapping.append((title, qid, ""))
            continue
        if question.kind == "scale":
            values = [int(v) if v else skipped for v in frame[qid]]
        elif by_code:
            values = [codes[v] if v else skipped for v in frame[qid]]
        else:
            values = [labels[v] if v else skipped for v in frame[qid]]
        columns[title] = values
        mapping.append((title, qid, ""))
    if by_code:
        _with_codes(export.folder)
    _xlsx(export.survey / "responses.xlsx", columns)
    _write_columns(export.folder, mapping)
    _meta(export.folder, "wenjuanxing", "wenjuanxing-codes" if by_code else "wenjuanxing")


def excel(frame: pd.DataFrame, export: Export) -> None:
    _xlsx(export.survey / "responses.xlsx", {c: list(frame[c]) for c in frame.columns})
    _meta(export.folder, None, "excel")


def write_all(out: Path, n: int = 600, seed: int = SEED + 1, data: Path = ROOT / "data") -> dict[str, Path]:
    """Write every shape of the synthetic wave (``n`` respondents, weighted) under ``out``; return the folders."""
    canonical = out / "canonical"
    generate(canonical, n=n, seed=seed, weighted=True, data=data)
    frame = pd.read_csv(canonical / "survey" / "responses.csv", dtype=str, keep_default_na=False)
    rng = np.random.default_rng(seed)
    folders = {"canonical": canonical}
    for shape in SHAPES[1:]:
        export = Export(canonical, out, shape)
        if shape == "spss":
            spss(frame, export, data, rng)
        elif shape.startswith("qualtrics"):
            qualtrics(frame, export, data, recode=shape.endswith("recode"))
        elif shape.startswith("wenjuanxing"):
            wenjuanxing(frame, export, data, by_code=shape.endswith("codes"))
        else:
            excel(frame, export)
        folders[shape] = export.folder
    return folders


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "survey-exports")
    parser.add_argument("--n", type=int, default=600)
    args = parser.parse_args(argv)
    for shape, folder in write_all(args.out, args.n).items():
        print(f"wrote {folder} ({shape})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
