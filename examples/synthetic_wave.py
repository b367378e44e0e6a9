"""Generate a synthetic survey wave: a full data folder whose survey/ holds made-up answers.

The answers are random draws (fixed seed), not survey results: every probability below is
drawn at random, none comes from the 2023 report. The wave's metadata says ``synthetic: true``,
which the book turns into a "synthetic data, not survey results" banner.

Usage::

    python examples/synthetic_wave.py                      # examples/synthetic-wave/, -weighted/ and -2024/
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
        route = questionnaire.routing(question)
        asked = np.ones(n, dtype=bool) if route is None else columns[route[0]] == route[1]
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


CHANGED_WAVE_YEAR = 2024
DROPPED_QUESTION = "deploy_factors"
"""The 2023 question the 2024 example does not ask."""
NEW_QUESTION = {
    "question_id": "genai_use", "kind": "single", "asked_of": "all", "scale_min": "", "scale_max": "", "chapter": "4",
    "text_zh": "本行是否已在营销中应用生成式AI？", "text_en": "Does your bank use generative AI in its marketing?",
    "base_all": "respondents_all", "base_segment": "respondents_segment",
    "note": "Synthetic example: a question added in the 2024 wave (not in the 2023 questionnaire).",
}
NEW_OPTIONS = (("in_use", "已投入使用", "In use"), ("piloting", "试点中", "Piloting"),
               ("planned", "已有计划", "Planned"), ("no_plan", "暂无计划", "No plan"))
RENAMED = ("deploy_mode", "on_premise", "local_deployment")
"""An option whose id the 2024 example changes (same answer): the crosswalk maps it back."""
REWORDED = ("core_needs", "user_reach", "触达全渠道用户", "Reach users across all channels")
"""An option whose wording the 2024 example changes: the crosswalk marks it ``reworded``."""
UNMAPPED = ("core_needs", "data_compliance", "数据合规", "Data compliance")
"""An option the 2024 example adds to a 2023 question and no crosswalk row maps: not comparable."""


def changed_questionnaire(survey: Path) -> None:
    """Change the questionnaire in ``survey`` as a 2024 wave might, and write its ``crosswalk.csv``.

    One question dropped (:data:`DROPPED_QUESTION`), one added (:data:`NEW_QUESTION`, chapter 4),
    one option renamed (:data:`RENAMED`), one reworded (:data:`REWORDED`) and one option added
    to a 2023 question without a mapping (:data:`UNMAPPED`).
    """
    questions = pd.read_csv(survey / "questions.csv", dtype=str, keep_default_na=False)
    options = pd.read_csv(survey / "options.csv", dtype=str, keep_default_na=False)
    questions = pd.concat([questions[questions["question_id"] != DROPPED_QUESTION],
                           pd.DataFrame([NEW_QUESTION])], ignore_index=True)[questions.columns]
    options = options[options["question_id"] != DROPPED_QUESTION].copy()
    question, old, new = RENAMED
    options.loc[(options["question_id"] == question) & (options["option_id"] == old), "option_id"] = new
    question, option, zh, en = REWORDED
    at = (options["question_id"] == question) & (options["option_id"] == option)
    options.loc[at, ["label_zh", "label_en"]] = [zh, en]
    question, option, zh, en = UNMAPPED
    added = [{"question_id": question, "option_id": option, "label_zh": zh, "label_en": en, "unit": "percent"}]
    added += [{"question_id": NEW_QUESTION["question_id"], "option_id": o, "label_zh": zh, "label_en": en,
               "unit": "percent"} for o, zh, en in NEW_OPTIONS]
    options = pd.concat([options, pd.DataFrame(added)], ignore_index=True).fillna("")[options.columns]
    questions.to_csv(survey / "questions.csv", index=False)
    options.to_csv(survey / "options.csv", index=False)
    crosswalk = pd.DataFrame([
        {"question_id": RENAMED[0], "option_id": RENAMED[2], "base_question_id": RENAMED[0],
         "base_option_id": RENAMED[1], "comparability": "same"},
        {"question_id": REWORDED[0], "option_id": REWORDED[1], "base_question_id": REWORDED[0],
         "base_option_id": REWORDED[1], "comparability": "reworded"},
    ])
    crosswalk.to_csv(survey / "crosswalk.csv", index=False)
    meta = {
        "title": "Crosswalk of the synthetic 2024 questionnaire to the 2023 one",
        "description": "Maps the ids of this wave's questionnaire to those of data/survey/ (the 2023 questionnaire); "
                       "equal ids need no row (DESIGN.md section 9).",
        "columns": {
            "question_id": "Question id in this wave's survey/questions.csv.",
            "option_id": "Option id in this wave's survey/options.csv (empty with base_option_id: the question only).",
            "base_question_id": "Question id in the 2023 questionnaire.",
            "base_option_id": "Option id in the 2023 questionnaire.",
            "comparability": "same (default) or reworded (the wording changed; compared, with a note).",
        },
    }
    (survey / "crosswalk.meta.yaml").write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True),
                                                encoding="utf-8")


def generate_changed_wave(out: Path, n: int = 480, seed: int = SEED + 2, data: Path = ROOT / "data") -> Path:
    """Write a 2024 example at ``out``: year metadata and a changed questionnaire (:func:`changed_questionnaire`).

    Returns the metadata file, the last file written. The answers are random draws, as in
    :func:`generate`; the metadata says ``synthetic: true`` and ``year: 2024``.
    """
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        changed = Path(scratch) / "data"
        shutil.copytree(data, changed)
        changed_questionnaire(changed / "survey")
        generate(out, n=n, seed=seed, data=changed)
    path = out / "survey" / "responses.meta.yaml"
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    meta.update({
        "title": f"Synthetic {CHANGED_WAVE_YEAR} survey wave with a changed questionnaire (random answers, not survey results)",
        "description": f"{n} made-up respondents drawn at random by examples/synthetic_wave.py (seed {seed}), answering "
                       f"a changed questionnaire: {DROPPED_QUESTION} dropped, {NEW_QUESTION['question_id']} added, "
                       f"{RENAMED[0]}={RENAMED[1]} renamed {RENAMED[2]}, {REWORDED[0]}={REWORDED[1]} reworded, "
                       f"{UNMAPPED[0]}={UNMAPPED[1]} added (see survey/crosswalk.csv). Not survey results.",
        "year": CHANGED_WAVE_YEAR,
        "synthetic": True,
    })
    path.write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True), encoding="utf-8")
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
    print(f"wrote {generate_changed_wave(here / f'synthetic-wave-{CHANGED_WAVE_YEAR}')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
