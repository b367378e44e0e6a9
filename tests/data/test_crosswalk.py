"""survey/crosswalk.csv: a wave's questionnaire mapped onto the 2023 one; each bad row is one line through check-data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import run_command
from report_lib.data.errors import DataError
from report_lib.data.survey.crosswalk import load_crosswalk
from survey_helpers import changed_wave

HEADER = "question_id,option_id,base_question_id,base_option_id,comparability\n"
GOOD = ("deploy_mode,local_deployment,deploy_mode,on_premise,same\n"
        "core_needs,user_reach,core_needs,user_reach,reworded\n")


@pytest.fixture(scope="module")
def wave(tmp_path_factory) -> Path:
    return changed_wave(tmp_path_factory.mktemp("crosswalk"))


@pytest.fixture()
def copy(wave, tmp_path) -> Path:
    target = tmp_path / "wave"
    shutil.copytree(wave, target)
    return target


def test_the_example_maps_renamed_and_reworded_answers_and_lists_the_rest(wave):
    crosswalk = load_crosswalk(wave / "survey")
    assert crosswalk.options[("deploy_mode", "local_deployment")] == ("deploy_mode", "on_premise", "same")
    assert crosswalk.options[("core_needs", "user_reach")] == ("core_needs", "user_reach", "reworded")
    assert crosswalk.options[("core_needs", "improve_service")] == ("core_needs", "improve_service", "same")
    assert crosswalk.not_asked == ("deploy_factors",) and crosswalk.new == ("genai_use",)
    assert crosswalk.wave_unmapped == (("core_needs", "data_compliance"),) and crosswalk.base_unmapped == ()
    assert crosswalk.changed


def test_without_a_crosswalk_a_renamed_answer_is_not_paired(copy):
    (copy / "survey" / "crosswalk.csv").unlink()
    crosswalk = load_crosswalk(copy / "survey")
    assert ("deploy_mode", "local_deployment") not in crosswalk.options
    assert ("deploy_mode", "local_deployment") in crosswalk.wave_unmapped
    assert ("deploy_mode", "on_premise") in crosswalk.base_unmapped


def test_the_2023_folder_maps_onto_itself():
    from report_lib import paths

    crosswalk = load_crosswalk(paths.DEFAULT_DATA_DIR / "survey")
    assert not crosswalk.changed and crosswalk.not_asked == () and crosswalk.new == ()


def test_a_question_only_row_maps_a_renamed_question(copy):
    survey = copy / "survey"
    for name in ("questions.csv", "options.csv"):
        path = survey / name
        path.write_text(path.read_text(encoding="utf-8").replace("\neffect_positive,", "\neffect_good,"), encoding="utf-8")
    responses = survey / "responses.csv"
    responses.write_text(responses.read_text(encoding="utf-8").replace(",effect_positive,", ",effect_good,", 1),
                         encoding="utf-8")
    (survey / "crosswalk.csv").write_text(HEADER + GOOD + "effect_good,,effect_positive,,\n", encoding="utf-8")
    crosswalk = load_crosswalk(survey)
    assert crosswalk.questions["effect_good"] == "effect_positive" and "effect_positive" not in crosswalk.not_asked
    assert crosswalk.options[("effect_good", "yes")] == ("effect_positive", "yes", "same")
    assert run_command("check-data", str(copy)).returncode == 0


CROSSWALK_CASES = {
    "unknown wave question": ("deploy_mod,local_deployment,deploy_mode,on_premise,same\n", 4, "question_id",
                              "'deploy_mod' is not a question of the wave's survey/questions.csv"),
    "unknown wave option": ("deploy_mode,local,deploy_mode,on_premise,same\n", 4, "option_id",
                            "'local' is not an option of 'deploy_mode' in the wave's survey/options.csv"),
    "unknown base question": ("genai_use,in_use,genai,in_use,same\n", 4, "base_question_id",
                              "'genai' is not a question of the 2023 questionnaire"),
    "unknown base option": ("core_needs,data_compliance,core_needs,compliance,same\n", 4, "base_option_id",
                            "'compliance' is not an option of 'core_needs' in the 2023 questionnaire"),
    "two wave answers on one 2023 answer of a single-choice question": (
        "deploy_mode,private_cloud,deploy_mode,on_premise,same\n", 4, "base_option_id",
        "both map to 'on_premise' of single-choice question 'deploy_mode'"),
    "comparability not known": ("core_needs,data_compliance,core_needs,user_reach,similar\n", 4, "comparability",
                                "'similar' is not one of: same, reworded"),
}


@pytest.mark.parametrize("case", CROSSWALK_CASES)
def test_check_data_reports_a_bad_crosswalk_row(case, copy):
    """``check-data``: one line ``crosswalk.csv:row: column 'c': reason``, a non-zero exit."""
    row, line, column, reason = CROSSWALK_CASES[case]
    path = copy / "survey" / "crosswalk.csv"
    path.write_text(HEADER + GOOD + row, encoding="utf-8")
    result = run_command("check-data", str(copy))
    assert result.returncode != 0
    lines = [text for text in result.stderr.splitlines() if text.startswith(str(copy) + "/")]
    assert lines == [lines[0]] and lines[0].startswith(f"{path}:{line}: column '{column}':"), result.stderr
    assert reason in lines[0]


def test_check_data_reports_a_question_whose_chapter_does_not_exist(copy):
    path = copy / "survey" / "questions.csv"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith("genai_use,")) + 1
    lines[row - 1] = lines[row - 1].replace(",all,,,4,", ",all,,,7,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_command("check-data", str(copy))
    assert result.returncode != 0
    reported = [text for text in result.stderr.splitlines() if text.startswith(str(copy) + "/")]
    assert reported == [f"{path}:{row}: column 'chapter': '7' is not a chapter of the report (1, 2, 3, 4, 5)"]


def test_the_good_example_passes_check_data(wave):
    assert run_command("check-data", str(wave)).returncode == 0


def test_a_missing_column_is_reported(copy):
    path = copy / "survey" / "crosswalk.csv"
    path.write_text("question_id,option_id,base_option_id\n", encoding="utf-8")
    with pytest.raises(DataError, match="column 'base_question_id': required column is missing"):
        load_crosswalk(copy / "survey")


def test_the_2024_example_says_its_year_and_that_it_is_synthetic(wave):
    import yaml

    meta = yaml.safe_load((wave / "survey" / "responses.meta.yaml").read_text(encoding="utf-8"))
    assert meta["year"] == 2024 and meta["synthetic"] is True and meta["respondents"] == 160
    assert "crosswalk" in meta["description"]
