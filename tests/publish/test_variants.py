"""Tests of report_lib.publish.variants: one variant per segment x chapter, hidden parameters, failures, caching."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest

from report_lib import paths
from report_lib.present.escape import markdown_text
from report_lib.present.labels import Labels
from report_lib.publish.notebooks import HIDE, SOURCE_CELL
from report_lib.publish.site import build_html
from report_lib.publish.toc import INDEX_TEMPLATE
from report_lib.publish.jobs import Variant, VariantError, VariantJob, variant_notebook
from report_lib.publish.variants import render_variants

FIXTURE = Path(__file__).parents[1] / "fixtures" / "02_fixture.md"
SEGMENTS = ("state_owned", "joint_stock", "regional")


def make_book(root: Path, fail_for: str | None = None) -> Path:
    """A one-chapter book whose report part holds the fixture chapter (figures by bank type)."""
    (root / "chapters").mkdir(parents=True)
    text = FIXTURE.read_text(encoding="utf-8")
    if fail_for:
        text = text.replace("fail_for = None", f"fail_for = {fail_for!r}")
    (root / "chapters" / "02_fixture.md").write_text(text, encoding="utf-8")
    (root / "intro.md").write_text("# Intro\n", encoding="utf-8")
    (root / INDEX_TEMPLATE).parent.mkdir(parents=True)
    shutil.copy(paths.PROJECT_ROOT / INDEX_TEMPLATE, root / INDEX_TEMPLATE)
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    (root / "_toc.yml").write_text("format: jb-book\nroot: intro\nparts:\n  - caption: The report\n    chapters:\n"
                                   "      - file: chapters/02_fixture\n", encoding="utf-8")
    return root


def test_variant_names():
    """A variant of a chapter lives in variants/<segment>/ under the chapter's file name."""
    assert Variant("chapters/01_background", "regional").docname == "variants/regional/01_background"
    assert Variant("variants/index", "all").docname == "variants/index"


def test_variant_notebook_titles_opens_and_suffixes_targets():
    """The title names the segment, the opening follows the injected parameters, MyST targets get the segment."""
    job = VariantJob(Variant("chapters/02_fixture", "regional"), FIXTURE, " (Regional)", 2, "Key findings",
                     chapters=("chapters/02_fixture",))
    notebook = variant_notebook(job)
    sources = [c.source for c in notebook.cells]
    assert sources[0].startswith("# 2. A test chapter with figures by bank type (Regional)")
    position = next(i for i, c in enumerate(notebook.cells) if "injected-parameters" in c.metadata.get("tags", []))
    assert "parameters" in notebook.cells[position - 1].metadata["tags"]
    assert notebook.cells[position + 1].source == "## Key findings"
    assert "chapter=2" in notebook.cells[position + 2].source
    assert any("(fixture-target-regional)=" in s and "{ref}`fixture-target-regional`" in s for s in sources)
    assert "run_record.emit()" in sources[-1] and HIDE in notebook.cells[-1].metadata["tags"]
    assert len({c.id for c in notebook.cells}) == len(notebook.cells)
    assert SOURCE_CELL not in notebook.cells[position].metadata


def test_a_page_without_parameters_cannot_be_a_variant(tmp_path):
    """A variant needs a parameters cell to pass segment and lang."""
    (tmp_path / "page.md").write_text("# Page\n")
    with pytest.raises(VariantError, match="parameters"):
        variant_notebook(VariantJob(Variant("page", "regional"), tmp_path / "page.md"))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The fixture book rendered for every segment (plus the overview page)."""
    root = make_book(tmp_path_factory.mktemp("book"))
    data = root / "data"
    shutil.copytree(paths.DEFAULT_DATA_DIR, data)
    lines: list[str] = []
    render_variants(root, data, log=lines.append)
    return root, data, lines


def outputs_text(notebook) -> str:
    return "\n".join(json.dumps(o.get("data", {}), ensure_ascii=False) for c in notebook.cells for o in c.get("outputs", []))


@pytest.mark.slow
def test_every_segment_is_rendered_with_hidden_parameters(rendered):
    """One executed notebook per segment; its injected-parameters cell is hidden; progress is shown."""
    root, _, lines = rendered
    for segment in SEGMENTS:
        notebook = nbformat.read(root / "variants" / segment / "02_fixture.ipynb", as_version=4)
        injected = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1 and HIDE in injected[0].metadata["tags"]
        assert f"segment = '{segment}'" in injected[0].source
    assert (root / "variants" / "index.ipynb").is_file() and (root / "_build" / ".variants-toc.yml").is_file()
    assert any(line.startswith("variants [4/4]") for line in lines)
    assert lines[-1].startswith("variants: 4 executed, 0 reused from cache, 0 failed, ")


@pytest.mark.slow
def test_each_variant_shows_its_segments_published_values(rendered, dataset):
    """Each segment's variant shows its own scenario-diversity share (77.8 / 91.7 / 100%) and all its chapter figures."""
    root, _, _ = rendered
    label = Labels(dataset, "en")
    expected = {"state_owned": "77.8%", "joint_stock": "91.7%", "regional": "100%"}
    for segment in SEGMENTS:
        text = outputs_text(nbformat.read(root / "variants" / segment / "02_fixture.ipynb", as_version=4))
        assert expected[segment] in text
        for row in dataset.figures[(dataset.figures["segment"] == segment) & (dataset.figures["chapter"] == 2)].itertuples():
            assert label.value(row.value_printed, row.unit, row.qualifier) in text, (segment, row.id)


@pytest.mark.slow
def test_an_unsplit_figure_is_labelled_as_all_banks(rendered, dataset):
    """Card counts have no split: each variant says so in the sentence from labels.csv."""
    root, _, _ = rendered
    label = Labels(dataset, "en")
    for segment in SEGMENTS:
        sentence = label("variant.no_split").format(segment=label.segment(segment, short=False))
        notebook = nbformat.read(root / "variants" / segment / "02_fixture.ipynb", as_version=4)
        shown = [o["data"]["text/markdown"] for c in notebook.cells for o in c.get("outputs", [])
                 if "text/markdown" in o.get("data", {})]
        assert markdown_text(sentence) in shown  # printed as text: its Markdown characters escaped


@pytest.mark.slow
def test_chart_downloads_do_not_collide_between_segments(rendered):
    """Each segment's chart CSV has its own name; each notebook records what it wrote."""
    root, _, _ = rendered
    written = []
    for segment in SEGMENTS:
        record = nbformat.read(root / "variants" / segment / "02_fixture.ipynb", as_version=4).metadata["report_variant"]
        written += [Path(p).name for p in record["written"]]
        assert f"c2-rights-scenarios-{segment}.csv" in [Path(p).name for p in record["written"]]
    assert len(written) == len(set(written))


@pytest.mark.slow
def test_cache_reexecutes_exactly_the_readers_of_a_changed_file(rendered):
    """No change: nothing runs. policies.csv changed: only the chapter variants (its readers) run. glossary: none."""
    root, data, _ = rendered
    record = nbformat.read(root / "variants" / "regional" / "02_fixture.ipynb", as_version=4).metadata["report_variant"]
    assert "reference/policies.csv" in record["read"] and "reference/glossary.csv" not in record["read"]

    def run() -> dict[str, str]:
        lines: list[str] = []
        render_variants(root, data, log=lines.append)
        return {line.split("] ")[1].split(":")[0]: line.split(": ")[1].split(" ")[0] for line in lines
                if line.startswith("variants [")}

    assert set(run().values()) == {"cached"}
    glossary = data / "reference" / "glossary.csv"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("Customer", "Client", 1), encoding="utf-8")
    assert set(run().values()) == {"cached"}
    policies = data / "reference" / "policies.csv"
    policies.write_text(policies.read_text(encoding="utf-8").replace("Digital China", "Digital  China", 1), encoding="utf-8")
    status = run()
    assert {k for k, v in status.items() if v == "executed"} == {f"variants/{s}/02_fixture" for s in SEGMENTS}
    assert status["variants/index"] == "cached"


@pytest.mark.slow
def test_a_failing_variant_names_segment_chapter_and_cell(tmp_path):
    """A cell that raises for one segment fails with segment, chapter and cell named."""
    root = make_book(tmp_path, fail_for="joint_stock")
    with pytest.raises(VariantError) as error:
        render_variants(root, paths.DEFAULT_DATA_DIR, log=lambda line: None, only=["joint_stock"])
    message = str(error.value)
    assert "variant failed: segment joint_stock, chapter chapters/02_fixture" in message
    assert "cell 7 of the page (`if segment == fail_for:`)" in message and "ValueError" in message


@pytest.mark.slow
def test_a_failed_variant_fails_the_build_and_keeps_the_last_one(tmp_path, capsys):
    """build_html renders no edition whose variant failed; the last good HTML stays."""
    root = make_book(tmp_path, fail_for="regional")
    html = root / "_build" / "html"
    html.mkdir(parents=True)
    (html / "index.html").write_text("last good build")
    assert build_html(root=root, data_dir=paths.DEFAULT_DATA_DIR) == 1
    message = capsys.readouterr().err
    assert "variant failed: segment regional, chapter chapters/02_fixture: cell 7 of the page" in message
    assert "last good build" in message and "The en edition was not built" in message
    assert (html / "index.html").read_text() == "last good build"
