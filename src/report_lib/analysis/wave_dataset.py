"""The data of record of a data folder with a survey wave: the wave's computed figures in the published ones' place.

A page opens the dataset and, when the folder holds a wave (``survey/responses.*``), sees
the figures of :func:`report_lib.analysis.survey_shares.wave_figures` merged into the
published ones (:func:`report_lib.analysis.survey_merge.merge_with_published`): a computed
row keeps the id of the published figure of the same key, so a chapter that names a figure
shows the wave's value, with its exact n, effective n, 95% interval and test against the
other banks (the columns of :data:`report_lib.analysis.survey_shares.SURVEY_COLUMNS`).
Computed values are printed with one decimal. The run records the survey files as read,
so a cached page is executed again when the wave changes.

The aggregation is done once per process and wave content (the key is the hash of the
survey files), because a page may open the dataset more than once.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from report_lib.analysis import questionnaire_change as change
from report_lib.analysis.survey_merge import merge_with_published
from report_lib.analysis.survey_shares import wave_figures
from report_lib.data.content_hash import files_hash
from report_lib.data.dataset import Dataset
from report_lib.data.survey.crosswalk import base_survey_dir
from report_lib.data.survey.questionnaire import Questionnaire, load_questionnaire
from report_lib.data.survey.wave import Wave, has_wave, load_wave

PRINTED_DECIMALS = 1
"""Decimals of a computed share or mean as the book prints it."""


def survey_files(data_dir: Path) -> tuple[str, ...]:
    """The files of the wave in ``data_dir`` (relative paths), questionnaire, responses and metadata."""
    survey = data_dir / "survey"
    return tuple(p.relative_to(data_dir).as_posix() for p in sorted(survey.iterdir()) if p.is_file())


def wave_key(data_dir: Path) -> str:
    """A hash of the survey files of ``data_dir``: the cache key of what is computed from its wave."""
    return files_hash(data_dir, survey_files(data_dir))


@lru_cache(maxsize=4)
def loaded_wave(data_dir: Path, content: str) -> Wave:  # content: only part of the cache key
    """The validated wave of ``data_dir`` with content hash ``content`` (:func:`wave_key`), loaded once per process."""
    return load_wave(data_dir)


def base_questionnaire() -> Questionnaire:
    """The 2023 questionnaire a wave's crosswalk maps onto (:func:`report_lib.data.survey.crosswalk.base_survey_dir`)."""
    return load_questionnaire(base_survey_dir())


def keyed_options(wave: Wave) -> pd.DataFrame:
    """The wave's options with the 2023 figure key each feeds (:func:`report_lib.analysis.questionnaire_change.keyed_options`)."""
    return change.keyed_options(wave.questionnaire.option_table, base_questionnaire().option_table, wave.crosswalk)


@lru_cache(maxsize=4)
def _computed(data_dir: Path, content: str) -> pd.DataFrame:  # content: only part of the cache key
    wave = loaded_wave(data_dir, content)
    return change.to_base_keys(wave_figures(wave), keyed_options(wave), base_questionnaire().question_table,
                               wave.crosswalk)


def typed_wave_figures(published: pd.DataFrame, computed: pd.DataFrame) -> pd.DataFrame:
    """Merge ``computed`` wave rows into the typed ``published`` figures, typed like them.

    ``value`` stays a number and ``value_printed`` is the value with
    :data:`PRINTED_DECIMALS` decimals; survey columns are empty on published rows.
    """
    merged = merge_with_published(published, computed)
    is_computed = merged["replaced"].notna() & (merged["replaced"] != "")
    merged.loc[is_computed, "value_printed"] = merged.loc[is_computed, "value"].map(
        lambda v: "" if pd.isna(v) else f"{v:.{PRINTED_DECIMALS}f}")
    merged.loc[is_computed, "chapter_printed"] = merged.loc[is_computed, "chapter"].astype(int).astype(str)
    for column in ("note_zh",):
        merged[column] = merged[column].fillna("")
    merged["value"] = pd.to_numeric(merged["value"])
    merged["chapter"] = merged["chapter"].astype(int)
    return merged.reset_index(drop=True)


def option_labels(labels: pd.DataFrame, options: pd.DataFrame) -> pd.DataFrame:
    """Return ``labels`` (``key, en, zh``) with a ``subject.<subject>`` label for every option's subject it lacks.

    Answers the 2023 report did not print have no label in ``reference/labels.csv``; their
    names are the option labels of the questionnaire (``label_en``, ``label_zh``), the first
    option of a subject naming it.
    """
    named = options.assign(key="subject." + options["subject"]).drop_duplicates("key")
    missing = named[~named["key"].isin(set(labels["key"]))]
    added = missing[["key", "label_en", "label_zh"]].rename(columns={"label_en": "en", "label_zh": "zh"})
    return pd.concat([labels, added], ignore_index=True)


def with_wave(dataset: Dataset) -> Dataset:
    """Return ``dataset`` with its wave's figures in place of the published ones (unchanged without a wave).

    Raises
    ------
    report_lib.data.errors.DataError
        When the wave is invalid (each problem as ``file:row: column: reason``).
    """
    folder = Path(dataset.data_dir)
    if not has_wave(folder):
        return dataset
    files = survey_files(folder)
    published = dataset.figures
    computed = _computed(folder.resolve(), files_hash(folder, files))
    wave = loaded_wave(folder.resolve(), files_hash(folder, files))
    unanswered = change.unanswered(base_questionnaire().option_table, wave.crosswalk)
    figures = change.mark_unanswered(typed_wave_figures(published, computed), unanswered)
    labels = option_labels(dataset.table("labels"), keyed_options(wave))
    return dataset.with_figures(figures, ("published/figures.csv", *files)).with_table(
        "labels", labels, ("reference/labels.csv", "survey/options.csv"))
