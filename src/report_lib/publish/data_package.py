"""The site's data as a Frictionless Data Package: ``datapackage.json`` at the root of ``_build/html``.

It lists, each with a Table Schema, its title, description and sources:

- the data of record and the reference tables (``data/published``, ``data/reference``) and the
  questionnaire (``data/survey``, when the folder has one), copied into the site's ``data/`` folder;
  their schemas come from the tables' :class:`~report_lib.data.schema.TableSpec` (key, required and
  number columns, fixed vocabularies, single-valued lookups as foreign keys) and their ``.meta.yaml``
  (title, description, source, one description per column);
- every chart's CSV of both editions (``_static/chart-data``, ``zh/_static/chart-data``, the toplines
  among them), whose column types are read from the file and whose source is the data of record's.

Units: a figure's unit is its ``unit`` column, a foreign key into the ``units`` resource; a chart
CSV names its unit in its column headers. The descriptor is written by hand (a dict) rather than by
frictionless, so the build does not import it; the tests validate the package with frictionless.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import yaml

from report_lib.data.catalog import FIGURES, REFERENCE_TABLES
from report_lib.data.metadata import load_metadata
from report_lib.data.schema import TableSpec

DESCRIPTOR = "datapackage.json"
DATA_FOLDER = "data"
"""Folder of the site the data tables are copied into (``data/published/figures.csv`` ...)."""
CHART_FOLDERS = {"en": "_static/chart-data", "zh": "zh/_static/chart-data"}
"""Where each edition's chart CSVs are in the site."""
SURVEY_TABLES = ("questions", "options")
PROFILE = "tabular-data-package"
BOM = b"\xef\xbb\xbf"


def _encoding(path: Path) -> str:
    """``utf-8-sig`` for a file that starts with a byte-order mark (Excel, the chart CSVs), else ``utf-8``."""
    with path.open("rb") as stream:
        return "utf-8-sig" if stream.read(3) == BOM else "utf-8"


def _lines(text: object) -> str:
    return " ".join(str(text).split())


def _source_of_record(meta: dict, lang: str = "en") -> dict:
    """A structured ``source`` (``figures.meta.yaml``'s) as a Data Package source: its short title, else
    publisher, title and year, with its ``basis`` when it has one."""
    source = meta["source"]
    title = source.get(f"short_{lang}") or ", ".join(
        str(source[k]) for k in (f"publisher_{lang}", f"title_{lang}", "year") if source.get(k))
    return {"title": title, **({"description": _lines(source["basis"])} if source.get("basis") else {})}


def _table_sources(meta: dict, metas: dict[str, dict]) -> list[dict]:
    """A table's sources: that of the table it was compiled from (``compiled_from``), and its own ``source``."""
    own = meta["source"]
    if isinstance(own, dict):
        return [_source_of_record(meta)]
    origin = metas.get(meta.get("compiled_from") or "")
    return ([_source_of_record(origin)] if origin else []) + [{"title": _lines(own)}]


def _single_valued(frame: pd.DataFrame, column: str) -> bool:
    return not frame[column].astype(str).str.contains(";", regex=False).any()


def table_schema(spec: TableSpec, meta: dict, frame: pd.DataFrame) -> dict:
    """Return the Table Schema of the data table ``spec`` (its cells as strings in ``frame``)."""
    fields = []
    for column in frame.columns:  # in the file's order, which frictionless checks the header against
        field = {"name": column, "type": "number" if column in spec.numbers else "string",
                 "description": _lines(meta["columns"].get(column, ""))}
        constraints = {}
        if column in spec.required:
            constraints["required"] = True
        if column in spec.choices and _single_valued(frame, column):
            constraints["enum"] = list(spec.choices[column])
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    keys = [{"fields": column, "reference": {"resource": table, "fields": key}}
            for column, (table, key) in spec.lookups.items() if table != spec.name and _single_valued(frame, column)]
    schema = {"fields": fields, "primaryKey": spec.key, "missingValues": [""]}
    return {**schema, "foreignKeys": keys} if keys else schema


def _meta_only_schema(meta: dict, frame: pd.DataFrame) -> dict:
    """Schema of a table without a TableSpec (the questionnaire): text columns described by its metadata."""
    return {"fields": [{"name": c, "type": "string", "description": _lines(meta["columns"].get(c, ""))}
                       for c in frame.columns], "missingValues": [""]}


def _copy(path: Path, site: Path, data_dir: Path) -> str:
    """Copy a data file into the site's data folder; return its path in the package (POSIX, relative)."""
    inside = Path(DATA_FOLDER) / path.relative_to(data_dir)
    (site / inside).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, site / inside)
    return inside.as_posix()


def _data_resource(name: str, path: Path, meta: dict, schema: dict, site: Path, data_dir: Path,
                   metas: dict[str, dict]) -> dict:
    return {"name": name, "path": _copy(path, site, data_dir), "profile": "tabular-data-resource",
            "title": meta["title"], "description": _lines(meta["description"]), "format": "csv",
            "mediatype": "text/csv", "encoding": _encoding(path), "sources": _table_sources(meta, metas),
            "schema": schema}


def data_resources(site: Path, data_dir: Path) -> list[dict]:
    """Copy the data of record, reference tables and questionnaire into ``site``; return their resources."""
    resources = []
    specs = (FIGURES, *REFERENCE_TABLES)
    metas = {spec.name: load_metadata(spec, data_dir) for spec in specs}
    for spec in specs:
        path, meta = spec.path(data_dir), metas[spec.name]
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=_encoding(path))
        resources.append(_data_resource(spec.name, path, meta, table_schema(spec, meta, frame), site, data_dir,
                                        metas))
    for name in SURVEY_TABLES:
        path = data_dir / "survey" / f"{name}.csv"
        if path.is_file() and path.with_suffix(".meta.yaml").is_file():
            meta = yaml.safe_load(path.with_suffix(".meta.yaml").read_text(encoding="utf-8-sig"))
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding=_encoding(path))
            resources.append(_data_resource(f"survey-{name}", path, meta, _meta_only_schema(meta, frame), site,
                                            data_dir, metas))
    return resources


FIELD_TYPES = {"i": "integer", "u": "integer", "f": "number", "b": "boolean"}
"""pandas dtype kind -> Table Schema type of a chart CSV column (anything else is text)."""


def _chart_type(column: pd.Series) -> str:
    """The Table Schema type of a chart CSV column; True/False with gaps (which pandas reads as objects) is boolean."""
    values = set(column.dropna())
    if column.dtype.kind == "O" and values and values <= {True, False, "True", "False"}:
        return "boolean"
    return FIELD_TYPES.get(column.dtype.kind, "string")


def chart_schema(path: Path) -> dict:
    """Return the Table Schema of a chart CSV, its column types as pandas reads them."""
    frame = pd.read_csv(path, encoding=_encoding(path))
    fields = [{"name": str(column), "type": _chart_type(frame[column])} for column in frame.columns]
    return {"fields": fields, "missingValues": [""]}


def chart_resources(site: Path, record: dict) -> list[dict]:
    """Return a resource for every chart CSV of both editions in ``site``."""
    resources = []
    for lang, folder in CHART_FOLDERS.items():
        for path in sorted((site / folder).glob("*.csv")):
            resources.append({
                "name": f"chart-{lang}-{path.stem}".lower(), "path": f"{folder}/{path.name}",
                "profile": "tabular-data-resource", "title": path.stem, "format": "csv", "mediatype": "text/csv",
                "encoding": _encoding(path), "sources": [_source_of_record(record, lang)],
                "schema": chart_schema(path),
            })
    return resources


def write_data_package(site: Path, data_dir: Path) -> Path:
    """Write ``site/datapackage.json`` describing the data tables (copied into ``site/data``) and chart CSVs.

    Parameters
    ----------
    site
        The built HTML site (both editions: the Chinese one in ``zh/``).
    data_dir
        The validated data folder the site was built from.

    Returns
    -------
    Path
        The descriptor written.
    """
    record = load_metadata(FIGURES, data_dir)
    source = record["source"]
    descriptor = {
        "profile": PROFILE,
        "name": f"bank-marketing-digitalization-{source['year']}",
        "title": f"{record['title']} / {record.get('title_zh', '')}".rstrip(" /"),
        "description": _lines(record["description"]),
        "sources": [{"title": f"{source['publisher_en']}, {source['title_en']}, {source['year']}"}],
        "resources": data_resources(site, data_dir) + chart_resources(site, record),
    }
    target = site / DESCRIPTOR
    partial = target.with_name(f".{DESCRIPTOR}.partial")
    partial.write_text(json.dumps(descriptor, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(partial, target)
    return target

