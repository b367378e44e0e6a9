"""Helpers for the survey-wave tests: a tiny hand-made wave and the synthetic example wave."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from report_lib import paths

QUESTIONS = """question_id,kind,text_zh,text_en,asked_of,scale_min,scale_max,chapter,base_all,base_segment,note
q_single,single,单选,One,all,,,2,respondents_all,respondents_segment,
q_multi,multi,多选,Many,all,,,2,respondents_all,respondents_segment,
q_routed,single,跳转,Routed,q_single=a,,,2,respondents_all,respondents_segment,
q_scale,scale,量表,Scale,all,1,5,2,respondents_all,respondents_segment,
"""
OPTIONS = "question_id,option_id,label_zh,label_en,topic,subject,category,unit,note\n" + "".join(
    f"{q},{o},{o},{o},t_{q},s_{o},,{'score_5' if o == 'mean' else 'percent'},\n"
    for q, opts in (("q_single", "abc"), ("q_multi", "xy"), ("q_routed", ("yes", "no")),
                    ("q_scale", ("1", "2", "3", "4", "5", "mean")))
    for o in opts)
RESPONSES = """respondent_id,segment,q_single,q_multi__x,q_multi__y,q_routed,q_scale
r1,state_owned,a,1,0,yes,5
r2,state_owned,b,1,1,,4
r3,regional,a,0,0,no,
r4,regional,,,,,2
r5,joint_stock,c,0,1,,3
r6,regional,a,1,1,,1
"""
WEIGHTS = {"r1": 2, "r2": 1, "r3": 1, "r4": 3, "r5": 0.5, "r6": 1.5}


def tiny_wave(root: Path, responses: str = RESPONSES, weighted: bool = False) -> Path:
    """A data folder at ``root/tiny`` with the reference tables and the six-respondent wave above."""
    data = root / "tiny"
    shutil.copytree(paths.DEFAULT_DATA_DIR / "reference", data / "reference")
    (data / "survey").mkdir()
    (data / "survey" / "questions.csv").write_text(QUESTIONS, encoding="utf-8")
    (data / "survey" / "options.csv").write_text(OPTIONS, encoding="utf-8")
    if weighted:
        lines = responses.strip().splitlines()
        responses = "\n".join([lines[0] + ",weight"] + [f"{line},{WEIGHTS[line.split(',')[0]]}" for line in lines[1:]]) + "\n"
    (data / "survey" / "responses.csv").write_text(responses, encoding="utf-8")
    return data


def synthetic_module():
    """The committed generator ``examples/synthetic_wave.py`` as a module."""
    spec = importlib.util.spec_from_file_location("synthetic_wave", paths.PROJECT_ROOT / "examples" / "synthetic_wave.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def synthetic_wave(root: Path, n: int = 600, weighted: bool = False) -> Path:
    """Generate the synthetic example wave (fixed seed) into ``root`` and return its data folder."""
    module = synthetic_module()
    out = root / ("synthetic-wave-weighted" if weighted else "synthetic-wave")
    module.generate(out, n=n, seed=module.SEED + (1 if weighted else 0), weighted=weighted)
    return out


def changed_wave(root: Path, n: int = 160) -> Path:
    """Generate the 2024 example (a changed questionnaire and its crosswalk) into ``root`` and return its data folder."""
    out = root / "synthetic-wave-2024"
    synthetic_module().generate_changed_wave(out, n=n)
    return out

def tiny_wave_data(root: Path, meta: str | None = None) -> Path:
    """A full data folder (data of record, reference tables) at ``root/data`` with the tiny wave and its ``meta``.

    ``meta`` is the text of ``survey/responses.meta.yaml`` (no file when ``None``).
    """
    data = root / "data"
    shutil.copytree(paths.DEFAULT_DATA_DIR, data)
    tiny = tiny_wave(root / "wave")
    for name in ("questions.csv", "options.csv", "responses.csv"):
        shutil.copy(tiny / "survey" / name, data / "survey" / name)
    if meta is not None:
        (data / "survey" / "responses.meta.yaml").write_text(meta, encoding="utf-8")
    return data
