"""The edition a data folder makes: its year, fieldwork, titles and description, from the wave's metadata.

A data folder with a survey wave is that wave's edition. Its ``survey/responses.meta.yaml``
may say:

``year``
    The wave's year, an integer (``2024``); titles, the PDF's file names, the introduction
    and the chart footers name it. A wave without one still builds, titled as a survey
    wave without a year, and ``check-data`` prints one warning line (:func:`edition_warnings`).
``fieldwork``
    Optional: when the answers were collected, an ISO 8601 interval of two dates,
    ``2024-03-01/2024-04-30`` (start on or before end).
``title_en``, ``title_zh``
    Optional: the book's title in each language (default: the book's title with the wave's
    year, from the labels ``book.title_year`` and ``book.title_no_year``).
``description``
    Optional: one sentence on the wave, printed in the introduction.
``synthetic``
    ``true`` when the answers are made up (the book then shows a banner).

Without a wave the folder is the 2023 edition: its year is the year of the data of record's
source (``published/figures.meta.yaml``, ``source.year``) and its titles are the book's own.
Other keys (``source``, ``seed``, ...) are the wave's own notes and are not read here.

Checked by hand rather than with a schema library: six keys, and the one-line messages
name the file and the key as every other data problem does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from report_lib import run_record
from report_lib.data.errors import DataError, DataProblem
from report_lib.data.survey.responses import responses_path
from report_lib.data.survey.wave import has_wave

META_FILE = "survey/responses.meta.yaml"
"""The wave's metadata, relative to the data folder."""
SOURCE_META = "published/figures.meta.yaml"
"""The data of record's metadata, whose ``source.year`` is the year of the edition without a wave."""
YEARS = (1900, 2100)
"""The years a wave may have (inclusive): anything else is a typo, not a survey year."""
TEXT_KEYS = ("title_en", "title_zh", "description")


class MetadataProblem(DataProblem):
    """A problem with one key of a metadata file: ``file: key 'year': reason``."""

    def __str__(self) -> str:
        return f"{self.path}: key '{self.column}': {self.reason}" if self.column else super().__str__()


@dataclass(frozen=True)
class Edition:
    """What the book built from one data folder is: the 2023 report, or a survey wave of a year.

    Attributes
    ----------
    year
        The edition's year; ``None`` for a wave whose metadata gives none.
    fieldwork
        First and last day of the fieldwork, or ``None`` when not given.
    title_en, title_zh
        The titles the metadata gives (``None``: the labels' default, see :mod:`report_lib.page.edition_text`).
    description
        The metadata's description of the wave, or ``None``.
    synthetic
        True when the wave's answers are made up.
    wave_file
        The responses file relative to the data folder (``survey/responses.csv``); ``None`` without a wave.
    """

    year: int | None
    fieldwork: tuple[dt.date, dt.date] | None = None
    title_en: str | None = None
    title_zh: str | None = None
    description: str | None = None
    synthetic: bool = False
    wave_file: str | None = None

    @property
    def is_wave(self) -> bool:
        """True when the edition is built from a survey wave."""
        return self.wave_file is not None

    def title(self, lang: str) -> str | None:
        """The title the metadata gives in ``lang`` (``en`` or ``zh``), ``None`` when it gives none."""
        return {"en": self.title_en, "zh": self.title_zh}[lang]


def _year(value: object) -> tuple[int | None, str | None]:
    """(the year, None) or (None, why ``value`` is not a year)."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None, f"must be a year such as 2024, not {value!r}"
    text = str(value).strip()
    if not text.isdigit():
        return None, f"must be a year such as 2024, not {value!r}"
    year = int(text)
    if not YEARS[0] <= year <= YEARS[1]:
        return None, f"must be a year between {YEARS[0]} and {YEARS[1]}, not {year}"
    return year, None


def _fieldwork(value: object) -> tuple[tuple[dt.date, dt.date] | None, str | None]:
    """(first and last day, None) or (None, why ``value`` is not an ISO 8601 interval of two dates)."""
    expected = "must be an ISO 8601 interval of two dates, start/end, such as 2024-03-01/2024-04-30"
    got = f"{expected}; got '{value}'"  # str, not repr: YAML reads a lone date as a date
    if not isinstance(value, str) or value.count("/") != 1:
        return None, got
    try:
        start, end = (dt.date.fromisoformat(part.strip()) for part in value.split("/"))
    except ValueError:
        return None, got
    if start > end:
        return None, f"starts after it ends ({start.isoformat()} > {end.isoformat()})"
    return (start, end), None


def _read(data_dir: Path) -> tuple[dict, list[DataProblem]]:
    """The wave's metadata as a mapping, and the problem of a file that is not one."""
    path = data_dir / META_FILE
    run_record.record_read(META_FILE)  # there or not: a page is executed again when it appears
    if not path.is_file():
        return {}, []
    try:
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        reason = " ".join(str(getattr(error, "problem", None) or error).split())
        return {}, [DataProblem(path, mark.line + 1 if mark else None, None, f"cannot be read as YAML: {reason}")]
    if meta is None:
        return {}, []
    if not isinstance(meta, dict):
        return {}, [DataProblem(path, None, None, f"must be a mapping of keys (year: 2024, ...), not {type(meta).__name__}")]
    return meta, []


def _parse(data_dir: Path) -> tuple[Edition | None, list[DataProblem]]:
    """The wave's edition and every problem of its metadata (the edition is ``None`` when there is one)."""
    path = data_dir / META_FILE
    meta, problems = _read(data_dir)
    year = fieldwork = None
    if "year" in meta:
        year, why = _year(meta["year"])
        if why:
            problems.append(MetadataProblem(path, None, "year", why))
    if meta.get("fieldwork") is not None:
        fieldwork, why = _fieldwork(meta["fieldwork"])
        if why:
            problems.append(MetadataProblem(path, None, "fieldwork", why))
    texts = {}
    for key in TEXT_KEYS:
        value = meta.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(MetadataProblem(path, None, key, f"must be a non-empty text, not {value!r}"))
        texts[key] = value.strip() if isinstance(value, str) and value.strip() else None
    synthetic = meta.get("synthetic", False)
    if not isinstance(synthetic, bool):
        problems.append(MetadataProblem(path, None, "synthetic", f"must be true or false, not {synthetic!r}"))
    if problems:
        return None, problems
    return Edition(year, fieldwork, synthetic=synthetic, wave_file=_wave_file(data_dir), **texts), []


def _wave_file(data_dir: Path) -> str:
    """The responses file relative to the data folder (:class:`DataError` when there is not exactly one)."""
    return responses_path(data_dir / "survey").relative_to(data_dir).as_posix()


def _report_year(data_dir: Path) -> int | None:
    """The year of the data of record's source (``source.year`` of ``published/figures.meta.yaml``)."""
    path = data_dir / SOURCE_META
    if not path.is_file():
        return None
    run_record.record_read(SOURCE_META)
    source = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("source") or {}
    year, _ = _year(source.get("year"))
    return year


def edition_problems(data_dir: Path) -> list[DataProblem]:
    """Every problem of the wave's edition metadata in ``data_dir`` (none without a wave), one per key."""
    if not has_wave(data_dir):
        return []
    return _parse(data_dir)[1]


def edition_warnings(data_dir: Path) -> list[str]:
    """The warnings on the wave's metadata: one line when a wave gives no ``year`` (empty otherwise)."""
    if not has_wave(data_dir) or edition_problems(data_dir):
        return []
    if "year" in _read(data_dir)[0]:
        return []
    return [f"{data_dir / META_FILE}: key 'year': warning: missing; the book is titled as a survey wave "
            "without a year (add e.g. year: 2024)"]


def edition_of(data_dir: str | Path) -> Edition:
    """The edition of the data folder ``data_dir``: its wave's, or the 2023 report's without a wave.

    Raises
    ------
    DataError
        When the wave's metadata is invalid (every problem, one line each).
    """
    folder = Path(data_dir)
    if not has_wave(folder):
        return Edition(_report_year(folder))
    edition, problems = _parse(folder)
    if problems:
        raise DataError(problems)
    return edition
