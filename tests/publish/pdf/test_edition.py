"""Tests of report_lib.publish.pdf.edition: the edition's cover, its date, and that a failed build keeps the last PDF."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from conftest import run_command
from report_lib import paths
from report_lib.data.dataset import load_dataset
from report_lib.data.survey.edition import Edition
from report_lib.present.labels import Labels
from report_lib.publish.pdf import edition
from report_lib.publish.pdf.chromium import ToolMissingError
from survey_helpers import tiny_wave_data


def test_edition_date_outside_git_is_the_build_date(tmp_path):
    """Without git history the edition says it is dated by the build, not by an invented date."""
    line = edition.edition_line(tmp_path, Labels(load_dataset(), "en"), today=dt.date(2026, 1, 2))
    assert line == "Edition of 2026-01-02 (the build date; the sources are not a git checkout)."


def test_edition_date_is_the_last_commit_date(tmp_path):
    """In a git checkout the edition is dated by the last commit, named by its hash."""
    env = {"GIT_COMMITTER_DATE": "2025-03-04T05:06:07Z", "GIT_AUTHOR_DATE": "2025-03-04T05:06:07Z",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@x", "PATH": "/usr/bin:/bin"}
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "x"]):
        (tmp_path / "f.txt").write_text("x")
        subprocess.run(["git", *command], cwd=tmp_path, env=env, check=True)
    line = edition.edition_line(tmp_path, Labels(load_dataset(), "en"), today=dt.date(2026, 1, 2))
    assert line.startswith("Edition of 2025-03-04 (the date of the sources' last git commit, ")
    assert "uncommitted" not in line


def test_cover_names_source_segment_and_edition():
    """The cover carries the title, the source with its publisher, the bank type and the edition."""
    cover = edition.make_cover(paths.PROJECT_ROOT, paths.DEFAULT_DATA_DIR, "regional")
    text = " ".join(cover.lines)
    assert "iResearch" in text and "艾瑞咨询" in text and "2023年中国银行营销数字化行业研究报告" in cover.subtitle
    assert "区域性中小银行" in text and "Edition of " in text
    assert cover.edition == "Edition for regional small and medium banks (区域性中小银行)"


def test_chinese_edition_has_a_chinese_cover():
    """A zh edition's cover sentences come from the Chinese labels."""
    cover = edition.make_cover(paths.PROJECT_ROOT, paths.DEFAULT_DATA_DIR, "regional", "zh")
    assert cover.edition == "区域性中小银行版" and "图表与表格标签：中文" in " ".join(cover.lines)


@pytest.mark.parametrize("failure", [RuntimeError("the single-page HTML build failed (exit 1)"),
                                     ToolMissingError("chromium not found: run `make system-deps`")])
def test_failed_build_keeps_last_good_pdf(tmp_path, monkeypatch, capsys, failure):
    """When building or printing fails, the last good PDF is left as it was and the error is shown."""
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    (tmp_path / "_config.yml").write_text("title: t\n")
    target = edition.pdf_path(tmp_path)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"%PDF last good")
    monkeypatch.setattr(edition, "find_tool", lambda *names: "/bin/true")

    def fail(*args, **kwargs):
        raise failure

    monkeypatch.setattr(edition, "execute_jobs", lambda root, jobs: {})
    monkeypatch.setattr(edition, "render_singlehtml", fail)
    assert edition.build_pdf(root=tmp_path, data_dir=paths.DEFAULT_DATA_DIR) == 1
    assert target.read_bytes() == b"%PDF last good"
    assert "last good PDF" in capsys.readouterr().err


@pytest.mark.parametrize(("options", "message"), [({"segment": "rural"}, "segment must be one of"),
                                                ({"lang": "fr"}, "lang must be one of")])
def test_unknown_edition_fails_clearly(tmp_path, monkeypatch, capsys, options, message):
    """An unknown bank type or language stops the build before anything runs, naming the choices."""
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    monkeypatch.setattr(edition, "find_tool", lambda *names: "/bin/true")
    assert edition.build_pdf(root=tmp_path, data_dir=paths.DEFAULT_DATA_DIR, **options) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "_build" / "pdf").exists()


def test_edition_names():
    """Each edition has its own file, so building one never replaces another."""
    names = {edition.pdf_path(paths.PROJECT_ROOT, s, lang, paths.DEFAULT_DATA_DIR).name
             for s in ("all", "regional") for lang in ("en", "zh")}
    assert names == {"bank-marketing-digitalization-2023.pdf", "bank-marketing-digitalization-2023-zh.pdf",
                     "bank-marketing-digitalization-2023-regional.pdf",
                     "bank-marketing-digitalization-2023-regional-zh.pdf"}


def test_a_failing_edition_does_not_stop_the_others(tmp_path, monkeypatch, capsys):
    """Several editions in one run: an unknown bank type fails alone, the others are published, the exit code is 1."""
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    (tmp_path / "_config.yml").write_text("title: t\n")
    monkeypatch.setattr(edition, "find_tool", lambda *names: "/bin/true")
    batches = []
    monkeypatch.setattr(edition, "execute_jobs", lambda root, jobs: batches.append(jobs) or {})
    monkeypatch.setattr(edition, "publish_pdf", lambda root, plan: f"Built {plan.target.name}")
    editions = (("all", "en"), ("rural", "en"), ("regional", "zh"))
    assert edition.build_pdfs(root=tmp_path, data_dir=paths.DEFAULT_DATA_DIR, editions=editions) == 1
    out, err = capsys.readouterr()
    assert out.split() == ["Built", "bank-marketing-digitalization-2023.pdf",
                           "Built", "bank-marketing-digitalization-2023-regional-zh.pdf"]
    assert "segment must be one of" in err and err.count("last good PDF") == 1
    assert len(batches) == 1 and {job.edition.parameters["lang"] for job in batches[0]} == {"en", "zh"}


def test_editions_option_takes_pairs():
    """``pdf --editions`` names each edition as SEGMENT:LANG; anything else stops before any build, exit 2."""
    result = run_command("pdf", "--editions", "all:en", "regional")
    assert result.returncode == 2
    assert result.stderr.strip() == "--editions takes SEGMENT:LANG pairs (e.g. regional:zh); got regional:"


@pytest.fixture(scope="module")
def wave_2024(tmp_path_factory):
    """A data folder with a (tiny) survey wave whose metadata says 2024 and its fieldwork."""
    return tiny_wave_data(tmp_path_factory.mktemp("pdf_wave"), "year: 2024\nfieldwork: 2024-03-01/2024-04-30\n")


def test_a_waves_pdfs_are_named_with_its_year():
    """The year in the file name is the edition's: 2024 for a wave of 2024, ``wave`` for one without a year."""
    wave = Edition(2024, wave_file="survey/responses.csv")
    names = {edition.pdf_name(wave, s, lang) for s in ("all", "regional") for lang in ("en", "zh")}
    assert names == {"bank-marketing-digitalization-2024.pdf", "bank-marketing-digitalization-2024-zh.pdf",
                     "bank-marketing-digitalization-2024-regional.pdf",
                     "bank-marketing-digitalization-2024-regional-zh.pdf"}
    assert edition.pdf_name(Edition(None, wave_file="survey/responses.csv"), "all", "zh") == (
        "bank-marketing-digitalization-wave-zh.pdf")


def test_pdf_path_reads_the_year_from_the_data(wave_2024, monkeypatch):
    """``pdf_path`` (what ``make pdf`` writes and the PDF tests read) asks the data folder, given or from the env."""
    assert edition.pdf_path(paths.PROJECT_ROOT, data_dir=wave_2024).name == "bank-marketing-digitalization-2024.pdf"
    monkeypatch.setenv("REPORT_DATA", str(wave_2024))
    assert edition.pdf_path(paths.PROJECT_ROOT, lang="zh").name == "bank-marketing-digitalization-2024-zh.pdf"


@pytest.mark.parametrize("lang, title, wave", [
    ("en", "Bank marketing digitalization in China, 2024: an executable report",
     "Survey data: the answers of the 2024 survey wave (survey/responses.csv), who answered from 2024-03-01 to 2024-04-30."),
    ("zh", "2024年中国银行业营销数字化：可执行研究报告",
     "调研数据：2024年一轮调研的答卷（survey/responses.csv），调研时间为2024年3月1日至2024年4月30日。"),
])
def test_a_waves_cover_gives_its_year(wave_2024, lang, title, wave):
    """The cover of a 2024 wave's PDF: titled with 2024, then the wave's line (year, file, fieldwork), in both languages."""
    cover = edition.make_cover(paths.PROJECT_ROOT, wave_2024, "all", lang)
    assert cover.title == title
    assert cover.lines[0] == wave


def test_the_2023_cover_has_no_wave_line():
    """Without a wave the cover is the 2023 edition's: the book's title, the source first."""
    cover = edition.make_cover(paths.PROJECT_ROOT, paths.DEFAULT_DATA_DIR, "all", "en")
    assert cover.title == "Bank marketing digitalization in China, 2023: an executable report"
    assert cover.lines[0].startswith("Source: ")
