"""How one responses file becomes the format's columns: the column map, the cell maps, applied as one Ibis projection.

:func:`plan_reading` decides, once per file, where each format column comes from
(:mod:`.column_map`) and how its cells translate (:mod:`.codes`). :meth:`Reading.apply` turns
the file's table into the format's: a ``CASE`` per translated column, an array split per
joined multi-select cell, all vectorised in the engine (DuckDB by default), never a row loop.
A file in the canonical format, without ``columns.csv``, is returned as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import ibis
import ibis.expr.types as ir
import pandas as pd

from report_lib.data.survey.exports import qualtrics, wenjuanxing
from report_lib.data.survey.exports.codes import REJECT, CellMap, cell_map, multi_cell_map, option_keys
from report_lib.data.survey.exports.column_map import ColumnPlan, plan_columns, read_column_map
from report_lib.data.survey.exports.shape import RawFile
from report_lib.data.survey.questionnaire import Questionnaire

ROW = "__row__"
ID, SEGMENT, WEIGHT = "respondent_id", "segment", "weight"
DEFAULT_SEPARATORS = {"wenjuanxing": wenjuanxing.SEPARATOR, "qualtrics": ","}
"""Separator of a joined multi-select cell when ``columns.csv`` declares none."""
MARKERS = {"wenjuanxing": wenjuanxing.EMPTY_MARKERS, "qualtrics": qualtrics.SEEN_UNANSWERED}
"""Cells a platform writes for an empty answer (skipped or seen but unanswered)."""
NONE_CHOSEN = {"qualtrics": "0"}
"""A joined multi-select cell meaning "seen, none chosen" (Qualtrics' "seen but unanswered multi-value fields as 0")."""


@dataclass(frozen=True)
class Joined:
    """A multi-select read from one cell of chosen options joined by ``separator``."""

    question_id: str
    source: str
    separator: str
    keys: dict[str, tuple[str, ...]]
    """Option id -> the texts that name it in a cell (id, code, labels)."""
    broken: tuple[str, ...]
    """Option texts containing the separator: a cell holding one cannot be split."""
    markers: tuple[str, ...]
    """Cells that are an empty answer (问卷星's skip markers, Qualtrics' -99)."""
    empty_is_none: bool
    """An empty cell means "chose none" (问卷星 marks skipped and unanswered questions instead)."""
    none_marker: str | None = None
    """A cell meaning "seen, none chosen" (Qualtrics' "seen but unanswered multi-value fields as 0")."""


@dataclass(frozen=True)
class Reading:
    """The plan that reads one responses file into the format (see the module docstring)."""

    raw: RawFile
    plan: ColumnPlan | None
    maps: dict[str, CellMap]
    joined: dict[str, Joined]
    groups: dict[str, tuple[str, ...]]
    """Multi-select question id -> the file's columns of its options (a blank is 0 when another is filled)."""
    warnings: tuple[str, ...]

    @property
    def translates(self) -> bool:
        """False for a canonical file without columns.csv (read as it is)."""
        return self.plan is not None

    def shown(self, column: str) -> str:
        """The file's name of a format column (for problems)."""
        return self.plan.source_of(column) if self.plan else column

    def needs(self, columns: tuple[str, ...]) -> tuple[str, ...]:
        """The file's columns that the format ``columns`` are computed from."""
        if not self.plan:
            return columns
        needed: list[str] = []
        for column in columns:
            question = column.partition("__")[0]
            if question in self.joined:
                needed.append(self.joined[question].source)
            elif column in self.plan.direct:
                needed.append(self.plan.direct[column])
                needed += self.groups.get(question, ()) if "__" in column else ()
        return tuple(dict.fromkeys(needed))

    def select_sql(self, present: list[str]) -> str:
        """The DuckDB SELECT list of :meth:`apply` for a table with columns ``present`` (built as text: Ibis would
        take seconds to compile a hundred CASE expressions, DuckDB parses them in milliseconds)."""
        present_set = set(present)
        columns: dict[str, str] = {ROW: _q(ROW)} if ROW in present_set else {}
        for target, source in self.plan.direct.items():
            if source not in present_set:
                continue
            cell = _q(source)
            if target in self.maps:
                value = _translate_sql(cell, self.maps[target])
                group = self.groups.get(target.partition("__")[0], ())
                if "__" in target and group and all(c in present_set for c in group):
                    answered = " OR ".join(f"{_q(c)} IS NOT NULL" for c in group)
                    value = f"CASE WHEN {cell} IS NULL THEN (CASE WHEN {answered} THEN '0' END) ELSE {value} END"
                cell = value
            columns[target] = cell
        for joined in self.joined.values():
            if joined.source in present_set:
                columns.update(_split_sql(_q(joined.source), joined))
        return ", ".join(f"{value} AS {_q(name)}" for name, value in columns.items())

    def apply(self, table: ir.Table) -> ir.Table:
        """The format's columns computed from the file's ``table`` as Ibis expressions (engines other than DuckDB)."""
        if not self.plan:
            return table
        present = set(table.columns)
        columns: dict[str, ir.Value] = {ROW: table[ROW]} if ROW in present else {}
        for target, source in self.plan.direct.items():
            if source not in present:
                continue
            cell = table[source]
            if target in self.maps:
                cell = _translate(cell, self.maps[target])
                group = self.groups.get(target.partition("__")[0], ())
                if "__" in target and group and all(c in present for c in group):
                    answered = _any_filled(table, group)
                    cell = ibis.ifelse(table[source].isnull(), ibis.ifelse(answered, "0", ibis.null("string")), cell)
            columns[target] = cell
        for joined in self.joined.values():
            if joined.source in present:
                columns.update(_split(table[joined.source], joined))
        return table.select(**columns)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _translate_sql(cell: str, mapping: CellMap) -> str:
    if mapping.otherwise:
        before, _, after = mapping.otherwise.partition("{value}")
        otherwise = f"{_lit(before + chr(39))} || {cell} || {_lit(chr(39) + after)}"
    else:
        otherwise = cell
    whens = " ".join(f"WHEN {_lit(k)} THEN {'NULL' if v is None else _lit(v)}" for k, v in mapping.known.items()
                     if k != v or mapping.otherwise)
    result = f"CASE {cell} {whens} ELSE {otherwise} END" if whens else otherwise
    for low, high in mapping.missing:
        result = f"CASE WHEN TRY_CAST({cell} AS DOUBLE) BETWEEN {low!r} AND {high!r} THEN NULL ELSE {result} END"
    return result


def _split_sql(cell: str, joined: Joined) -> dict[str, str]:
    pieces = f"string_split({cell}, {_lit(joined.separator)})"
    every = ", ".join(_lit(k) for keys in joined.keys.values() for k in keys)
    unmatched = f"list_filter({pieces}, lambda p: NOT list_contains([{every}], p))"
    empty = "'0'" if joined.empty_is_none else "NULL"
    markers = ", ".join(_lit(m) for m in joined.markers)
    columns = {}
    for i, (option, keys) in enumerate(joined.keys.items()):
        chosen = " OR ".join(f"list_contains({pieces}, {_lit(k)})" for k in keys) or "false"
        value = f"CASE WHEN {chosen} THEN '1' ELSE '0' END"
        if i == 0:
            reason = (f"' in column {joined.source!r} matches no option of {joined.question_id!r} (cells are options "
                      f"joined by {joined.separator!r}; options: {', '.join(joined.keys)})")
            value = (f"CASE WHEN len({unmatched}) > 0 THEN {_lit(REJECT + chr(39))} || "
                     f"array_to_string({unmatched}, {_lit(joined.separator)}) || {_lit(reason)} ELSE {value} END")
            for text in joined.broken:
                reason = (f"{REJECT}option label {text!r} of {joined.question_id!r} contains the separator "
                          f"{joined.separator!r} of column {joined.source!r}, so the cell cannot be split; export with "
                          "another separator, or one column per option, or give the options codes in options.csv")
                value = f"CASE WHEN contains({cell}, {_lit(text)}) THEN {_lit(reason)} ELSE {value} END"
        if joined.none_marker is not None:
            value = f"CASE WHEN {cell} = {_lit(joined.none_marker)} THEN '0' ELSE {value} END"
        if markers:
            value = f"CASE WHEN {cell} IN ({markers}) THEN NULL ELSE {value} END"
        columns[f"{joined.question_id}__{option}"] = f"CASE WHEN {cell} IS NULL THEN {empty} ELSE {value} END"
    return columns


def _any_filled(table: ir.Table, sources: tuple[str, ...]) -> ir.BooleanValue:
    result = table[sources[0]].notnull()
    for source in sources[1:]:
        result = result | table[source].notnull()
    return result


def _reject(cell: ir.StringValue, template: str) -> ir.StringValue:
    before, _, after = template.partition("{value}")
    return ibis.literal(before + "'") + cell + ibis.literal("'" + after)


def _translate(cell: ir.StringValue, mapping: CellMap) -> ir.StringValue:
    otherwise = _reject(cell, mapping.otherwise) if mapping.otherwise else cell
    branches = [(key, ibis.null("string") if value is None else ibis.literal(value))
                for key, value in mapping.known.items() if key != value or mapping.otherwise]
    result = cell.cases(*branches, else_=otherwise) if branches else otherwise
    for low, high in mapping.missing:
        result = ibis.ifelse(cell.try_cast("float64").between(low, high), ibis.null("string"), result)
    return result


def _split(cell: ir.StringValue, joined: Joined) -> dict[str, ir.Value]:
    pieces = cell.split(joined.separator)
    every = [k for keys in joined.keys.values() for k in keys]
    unmatched = pieces.filter(lambda piece: ~piece.isin(every))
    empty = ibis.literal("0") if joined.empty_is_none else ibis.null("string")
    columns = {}
    for i, (option, keys) in enumerate(joined.keys.items()):
        chosen = ibis.literal(False)
        for key in keys:
            chosen = chosen | pieces.contains(key)
        value = ibis.ifelse(chosen, "1", "0")
        if i == 0:
            value = ibis.ifelse(unmatched.length() > 0,
                                ibis.literal(f"{REJECT}'") + unmatched.join(joined.separator)
                                + ibis.literal(f"' in column {joined.source!r} matches no option of "
                                               f"{joined.question_id!r} (cells are options joined by "
                                               f"{joined.separator!r}; options: {', '.join(joined.keys)})"),
                                value)
            for text in joined.broken:
                value = ibis.ifelse(cell.contains(text), ibis.literal(
                    f"{REJECT}option label {text!r} of {joined.question_id!r} contains the separator "
                    f"{joined.separator!r} of column {joined.source!r}, so the cell cannot be split; export with "
                    "another separator, or one column per option, or give the options codes in options.csv"), value)
        if joined.none_marker is not None:
            value = ibis.ifelse(cell == joined.none_marker, "0", value)
        columns[f"{joined.question_id}__{option}"] = ibis.ifelse(
            cell.isnull(), empty, ibis.ifelse(cell.isin(joined.markers), ibis.null("string"), value))
    return columns


def plan_reading(raw: RawFile, columns: list[str] | Callable[[], list[str]], questionnaire: Questionnaire,
                 segments: pd.DataFrame, survey_dir: Path) -> Reading:
    """Decide how ``raw`` (whose header is ``columns``) is read into the format.

    Parameters
    ----------
    raw
        The file as stored (:func:`report_lib.data.survey.exports.shape.read_raw`).
    columns
        Its column names (header cleaned), or a function that returns them (called only when the
        file is translated, so a canonical file is not opened for its header).
    questionnaire
        The wave's questionnaire (``options.csv`` may carry a ``code`` column).
    segments
        The rows of ``reference/segments.csv`` a respondent's segment may be (may carry ``code``).
    survey_dir
        The wave's ``survey/`` folder (for ``columns.csv``).

    Raises
    ------
    DataError
        A bad ``columns.csv`` row, or a mapped column absent from the file.
    """
    rows = read_column_map(survey_dir, questionnaire)
    if raw.shape == "canonical" and not rows and raw.kind != "xlsx":
        return Reading(raw, None, {}, {}, {}, ())
    plan = plan_columns(raw.path, columns() if callable(columns) else columns, rows, questionnaire)
    options = questionnaire.option_table
    markers = MARKERS.get(raw.shape, ())
    maps: dict[str, CellMap] = {}
    joined: dict[str, Joined] = {}
    groups: dict[str, tuple[str, ...]] = {}
    keys, via = option_keys(segments, "segment")
    if SEGMENT in plan.direct:
        source = plan.direct[SEGMENT]
        maps[SEGMENT] = cell_map(SEGMENT, source, keys, via, raw.value_labels.get(source),
                                 raw.missing.get(source, ()), markers)
    if WEIGHT in plan.direct:
        source = plan.direct[WEIGHT]
        maps[WEIGHT] = cell_map(WEIGHT, source, {}, {}, None, raw.missing.get(source, ()), markers, pass_through=True)
    for question in questionnaire.questions:
        qid = question.question_id
        keys, via = option_keys(options[options["question_id"] == qid])
        if question.kind != "multi" and qid in plan.direct:
            source = plan.direct[qid]
            maps[qid] = cell_map(qid, source, keys, via, raw.value_labels.get(source), raw.missing.get(source, ()),
                                 markers, pass_through=question.kind == "scale")
        elif question.kind == "multi" and qid in plan.joined:
            source, separator = plan.joined[qid]
            separator = separator or DEFAULT_SEPARATORS.get(raw.shape, wenjuanxing.SEPARATOR)
            by_option = {o: tuple(k for k, v in keys.items() if v == o and separator not in k) for o in question.options}
            broken = tuple(k for k in keys if separator in k)
            none = NONE_CHOSEN.get(raw.shape) if NONE_CHOSEN.get(raw.shape) not in keys else None
            joined[qid] = Joined(qid, source, separator, by_option, broken, markers, raw.shape == "wenjuanxing", none)
        elif question.kind == "multi":
            group = []
            for column in question.columns:
                if column in plan.direct:
                    source = plan.direct[column]
                    group.append(source)
                    maps[column] = multi_cell_map(qid, column.partition("__")[2], source, keys, via,
                                                  raw.missing.get(source, ()), markers)
            groups[qid] = tuple(group)
    return Reading(raw, plan, maps, joined, groups, tuple(_warnings(raw, plan, questionnaire)))


def _warnings(raw: RawFile, plan: ColumnPlan, questionnaire: Questionnaire) -> list[str]:
    warnings = []
    if plan.ignored:
        shown = ", ".join(repr(c) for c in plan.ignored[:8]) + (", ..." if len(plan.ignored) > 8 else "")
        warnings.append(f"{raw.path}:1: warning: {len(plan.ignored)} column(s) mapped to nothing, ignored: {shown}")
    if raw.texts:
        table = questionnaire.question_table.set_index("question_id")
        sources = [(t.partition("__")[0], s) for t, s in plan.direct.items()] + [
            (q, s) for q, (s, _) in plan.joined.items()]
        for qid, source in sources:
            text = raw.texts.get(source, "")
            if qid in table.index and text:
                wordings = (table.at[qid, "text_en"], table.at[qid, "text_zh"])
                if not qualtrics.text_matches(text, wordings):
                    warnings.append(f"{raw.path}:2: warning: column {source!r}: question text {text!r} differs from "
                                    f"questions.csv {qid!r} ({wordings[0]!r})")
    return warnings

