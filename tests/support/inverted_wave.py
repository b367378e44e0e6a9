"""An "inverted" survey wave: every share the 2023 report printed turned into its complement.

Built from the 2023 questionnaire in ``data/survey/`` and the data of record: an option that
feeds a printed share (its topic and subject, for all banks or a bank type) is chosen with
probability ``1 - printed / 100`` in that bank type, so a majority becomes a minority and the bank
type that led comes last; every other option is drawn at random (fixed seed). A book built from
it contradicts the 2023 report's findings; the tests read what it says.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from report_lib import paths
from report_lib.data.csv_records import read_csv_records
from report_lib.data.survey.questionnaire import load_questionnaire

SPLIT = {"state_owned": 0.25, "joint_stock": 0.3, "regional": 0.45}
TYPES = tuple(SPLIT)


def inverted_chances(figures: pd.DataFrame, options: pd.DataFrame) -> dict[tuple[str, str, str], float]:
    """``(question, option, bank type)`` -> the chance of choosing it: the complement of the printed share.

    A bank type without a printed share of its own takes the complement of the all-banks share.
    """
    printed = figures[figures["unit"] == "percent"].copy()
    printed["value"] = pd.to_numeric(printed["value"])
    chances = {}
    for option in options.itertuples():
        rows = printed[(printed["topic"] == option.topic) & (printed["subject"] == option.subject)]
        if option.category:
            rows = rows[rows["category"].isin((option.category, ""))]
        by_segment = dict(zip(rows["segment"], rows["value"]))
        for segment in TYPES:
            value = by_segment.get(segment, by_segment.get("all"))
            if value is not None:
                chances[option.question_id, option.option_id, segment] = min(max(1 - value / 100, 0.0), 1.0)
    return chances


def _single(values: tuple[str, ...], fixed: dict[str, float], rng: np.random.Generator) -> np.ndarray:
    """Chances of each value of a single-choice question: the fixed ones, the rest of the mass at random."""
    total = sum(fixed.values())
    scale = 0.95 / total if total > 0.95 else 1.0
    chances = np.array([fixed.get(v, 0.0) * scale for v in values])
    free = [i for i, v in enumerate(values) if v not in fixed]
    rest = 1 - chances.sum()
    if free:
        chances[free] = rng.dirichlet(np.ones(len(free))) * rest
    return chances / chances.sum()


def write_inverted_wave(out: Path, n: int = 1200, seed: int = 2023) -> Path:
    """Write a data folder at ``out``: the project's data plus the inverted wave's ``survey/responses.csv``."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(paths.DEFAULT_DATA_DIR, out)
    questionnaire = load_questionnaire(out / "survey")
    options = read_csv_records(out / "survey" / "options.csv").fillna("")
    chances = inverted_chances(read_csv_records(out / "published" / "figures.csv").fillna(""), options)
    rng = np.random.default_rng(seed)
    segments = rng.choice(TYPES, size=n, p=list(SPLIT.values()))
    type_index = np.array([TYPES.index(s) for s in segments])
    columns: dict[str, np.ndarray] = {}
    for question in questionnaire.questions:
        route = questionnaire.routing(question)
        asked = np.ones(n, dtype=bool) if route is None else columns[route[0]] == route[1]
        if question.kind == "multi":
            for option in question.options:
                p = np.array([chances.get((question.question_id, option, s), rng.uniform(0.15, 0.9)) for s in TYPES])
                chosen = rng.random(n) < p[type_index]
                columns[question.option_column(option)] = np.where(asked, np.where(chosen, "1", "0"), "")
            continue
        values = list(question.values)
        picked = np.empty(n, dtype=object)
        for s in TYPES:
            fixed = {v: chances[question.question_id, v, s] for v in values if (question.question_id, v, s) in chances}
            mask = segments == s
            picked[mask] = rng.choice(values, size=mask.sum(), p=_single(tuple(values), fixed, rng))
        columns[question.question_id] = np.where(asked, picked, "")
    frame = pd.concat([pd.DataFrame({"respondent_id": [f"i{i:05d}" for i in range(n)], "segment": segments}),
                       pd.DataFrame(columns)], axis=1)
    path = out / "survey" / "responses.csv"
    frame.to_csv(path, index=False)
    meta = {"title": "Inverted wave (every printed 2023 share turned into its complement)", "synthetic": True,
            "description": f"{n} made-up respondents drawn by tests/support/inverted_wave.py (seed {seed})."}
    (out / "survey" / "responses.meta.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    return out
