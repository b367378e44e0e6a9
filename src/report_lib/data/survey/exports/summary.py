"""What ``check-data`` and the build say about a responses file: the shape read and the cells each map translated.

One aggregation over the file as stored counts, per map, the cells it turned into the format:
the column map (cells read from a column of another name), the file's value labels, the
``code`` columns of options.csv and segments.csv, option texts (labels), joined multi-select
cells split at their separator, and user-missing codes or platform markers read as empty.
"""

from __future__ import annotations

from pathlib import Path

import ibis

from report_lib.data.survey.engines import connect
from report_lib.data.survey.exports.codes import VIA_CODES, VIA_LABELS, VIA_MISSING, VIA_TEXT
from report_lib.data.survey.exports.reading import Reading
from report_lib.data.survey.questionnaire import load_questionnaire
from report_lib.data.survey.responses import open_responses, responses_path

COLUMN_MAP, SPLIT = "column map", "separator"
ORDER = (COLUMN_MAP, VIA_LABELS, VIA_CODES, VIA_TEXT, SPLIT, VIA_MISSING)


def translated_cells(reading: Reading, con: ibis.BaseBackend | None = None) -> dict[str, int]:
    """Cells of the file each map translated (keys of :data:`ORDER`), in one scan; empty for a canonical file."""
    if not reading.translates:
        return {}
    con = con or connect("duckdb")
    table = open_responses(reading.raw.path, con, reading=Reading(reading.raw, None, {}, {}, {}, ()))
    metrics: dict[str, list] = {name: [] for name in ORDER}
    for target, source in reading.plan.direct.items():
        cell = table[source]
        if source != target:
            metrics[COLUMN_MAP].append(cell.notnull().sum())
        cell_map = reading.maps.get(target)
        if cell_map is None:
            continue
        for kind in (VIA_LABELS, VIA_CODES, VIA_TEXT, VIA_MISSING):
            keys = [k for k, how in cell_map.via.items() if how == kind]
            if keys:
                metrics[kind].append(cell.isin(keys).sum())
        for low, high in cell_map.missing:
            metrics[VIA_MISSING].append(cell.try_cast("float64").between(low, high).sum())
    for joined in reading.joined.values():
        cell = table[joined.source]
        if joined.source != joined.question_id:
            metrics[COLUMN_MAP].append(cell.notnull().sum())
        metrics[SPLIT].append(cell.notnull().sum())
    flat = {f"{name}{i}": expr for name, exprs in metrics.items() for i, expr in enumerate(exprs)}
    if not flat:
        return {name: 0 for name in ORDER}
    row = table.aggregate(**{f"m{i}": expr for i, expr in enumerate(flat.values())}).execute().iloc[0]
    totals = dict.fromkeys(ORDER, 0)
    for i, key in enumerate(flat):
        totals[key.rstrip("0123456789")] += int(row[f"m{i}"] or 0)
    return totals


def reading_lines(reading: Reading, con: ibis.BaseBackend | None = None) -> list[str]:
    """The lines ``check-data`` prints about a responses file: shape, translated cells, warnings."""
    path = reading.raw.path
    if not reading.translates:
        return [f"{path}: read as {reading.raw.described}; its columns and cells are the format's, nothing translated"]
    counts = translated_cells(reading, con)
    parts = [f"{counts[COLUMN_MAP]:,} by the column map ({reading.plan.renamed} columns renamed)"]
    parts += [f"{counts[name]:,} by {name}" for name in (VIA_LABELS, VIA_CODES, VIA_TEXT)]
    separators = sorted({j.separator for j in reading.joined.values()})
    parts.append(f"{counts[SPLIT]:,} multi-select cells split at {', '.join(map(repr, separators)) or 'a separator'}")
    parts.append(f"{counts[VIA_MISSING]:,} read as empty ({VIA_MISSING} and skip markers)")
    return [f"{path}: read as {reading.raw.described}; cells translated: " + "; ".join(parts), *reading.warnings]


def wave_reading_lines(data_dir: Path) -> list[str]:
    """:func:`reading_lines` for the wave of ``data_dir`` (empty without one)."""
    from report_lib.data.survey.wave import has_wave, plan_wave_reading

    if not has_wave(data_dir):
        return []
    survey_dir = data_dir / "survey"
    con = connect("duckdb")
    reading = plan_wave_reading(data_dir, responses_path(survey_dir), load_questionnaire(survey_dir), con)
    return reading_lines(reading, con)
