"""Generate a synthetic survey wave: a full data folder whose survey/ holds made-up answers.

The answers are random draws (fixed seed), not survey results: every probability below is
drawn at random, none comes from the 2023 report. The wave's metadata says ``synthetic: true``,
which the book turns into a "synthetic data, not survey results" banner.

Usage::

    python examples/synthetic_wave.py                      # examples/synthetic-wave/ and -weighted/
    python examples/synthetic_wave.py --out DIR --n 600 --weighted
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from report_lib.data.survey.questionnaire import load_questionnaire  # noqa: E402

SEED = 20231
SPLIT = {"state_owned": 0.2, "joint_stock": 0.3, "regional": 0.5}
YEAR = 2024
"""The year the example wave stands for (its edition: title, PDF names, introduction, footers)."""
NO_ANSWER = 0.03
"""Share of respondents asked a question who leave it empty."""


def _answers(questionnaire, segments: np.ndarray, rng: np.random.Generator) -> dict[str, np.ndarray]:
    n = len(segments)
    columns: dict[str, np.ndarray] = {}
    for question in questionnaire.questions:
        asked = np.ones(n, dtype=bool)
        if question.asked_of is not None:
            parent, option = question.asked_of
            parent_q = questionnaire.question(parent)
            cell = columns[parent_q.option_column(option)]
            asked = cell == ("1" if parent_q.kind == "multi" else option)
        answers = asked & (rng.random(n) >= NO_ANSWER)
        if question.kind == "multi":
            for option in question.options:
                p = {s: rng.uniform(0.15, 0.9) for s in SPLIT}
                chosen = rng.random(n) < np.vectorize(p.get)(segments)
                columns[question.option_column(option)] = np.where(answers, np.where(chosen, "1", "0"), "")
            continue
        values = list(question.values)
        weights = {s: rng.dirichlet(np.ones(len(values)) * 2) for s in SPLIT}
        picked = np.array([values[rng.choice(len(values), p=weights[s])] for s in segments])
        columns[question.question_id] = np.where(answers, picked, "")
    _agree_with_progress(columns)
    return columns


def _agree_with_progress(columns: dict[str, np.ndarray]) -> None:
    """A ``<tool>_deployed`` filter answer follows the tool's progress answer."""
    for tool in ("crm", "security"):
        progress = columns[f"{tool}_progress"]
        deployed = np.isin(progress, ("deployed_in_use", "deployed_not_in_use"))
        columns[f"{tool}_deployed"] = np.where(progress == "", columns[f"{tool}_deployed"],
                                               np.where(deployed, "yes", "no"))
        yes = columns[f"{tool}_deployed"] == "yes"
        for routed in [c for c in columns if c.startswith(f"{tool}_") and c in (f"{tool}_in_use", f"{tool}_mode")]:
            columns[routed] = np.where(yes, columns[routed], "")
        if tool == "crm":
            in_use = np.where(progress == "deployed_in_use", "yes", "no")
            columns["crm_in_use"] = np.where(yes & (columns["crm_in_use"] != ""), in_use, "")


def generate(out: Path, n: int = 600, seed: int = SEED, weighted: bool = False, data: Path = ROOT / "data") -> Path:
    """Write a data folder at ``out``: a copy of ``data`` plus ``survey/responses.csv`` of ``n`` respondents.

    Returns the responses file. Same ``n``, ``seed`` and ``weighted`` give the same file.
    """
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(data, out)
    questionnaire = load_questionnaire(out / "survey")
    rng = np.random.default_rng(seed)
    segments = rng.choice(list(SPLIT), size=n, p=list(SPLIT.values()))
    frame = pd.DataFrame({"respondent_id": [f"r{i:06d}" for i in range(1, n + 1)], "segment": segments})
    if weighted:
        scale = {"state_owned": 0.6, "joint_stock": 0.9, "regional": 1.3}
        frame["weight"] = np.round(np.vectorize(scale.get)(segments) * rng.uniform(0.5, 1.5, n), 3)
    frame = pd.concat([frame, pd.DataFrame(_answers(questionnaire, segments, rng))], axis=1)
    path = out / "survey" / "responses.csv"
    frame.to_csv(path, index=False)
    meta = {
        "title": "Synthetic survey wave (random answers, not survey results)",
        "description": f"{n} made-up respondents drawn at random by examples/synthetic_wave.py (seed {seed})"
                       + ("; with survey weights" if weighted else "") + ". Not survey results.",
        "source": "examples/synthetic_wave.py",
        "year": YEAR,
        "synthetic": True,
        "banner_key": "synthetic_data_banner",
        "seed": seed,
        "respondents": n,
        "weighted": weighted,
    }
    (out / "survey" / "responses.meta.yaml").write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True),
                                                         encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="output data folder (default: both examples)")
    parser.add_argument("--n", type=int, default=600)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--weighted", action="store_true")
    args = parser.parse_args(argv)
    if args.out is not None:
        print(f"wrote {generate(args.out, args.n, args.seed, args.weighted)}")
        return 0
    here = Path(__file__).resolve().parent
    print(f"wrote {generate(here / 'synthetic-wave', args.n, args.seed)}")
    print(f"wrote {generate(here / 'synthetic-wave-weighted', args.n, args.seed + 1, weighted=True)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
