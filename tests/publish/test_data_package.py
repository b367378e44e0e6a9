"""Tests of report_lib.publish.data_package: the site's data as a Frictionless Data Package that validates."""

import json
import shutil

import pytest
from frictionless import validate

from report_lib import paths
from report_lib.data.catalog import FIGURES, REFERENCE_TABLES
from report_lib.publish.data_package import DESCRIPTOR, write_data_package


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A site with one chart CSV per edition (BOM, as the book writes them) and its data package."""
    site = tmp_path_factory.mktemp("site")
    for folder, name in (("_static/chart-data", "c1-bank-cards"), ("zh/_static/chart-data", "c1-bank-cards-zh")):
        (site / folder).mkdir(parents=True)
        (site / folder / f"{name}.csv").write_text("Year,Cards (100 million),Consistent\n2018,78.3,True\n2019,85.3,\n",
                                                   encoding="utf-8-sig")
    write_data_package(site, paths.DEFAULT_DATA_DIR)
    return site


@pytest.fixture(scope="module")
def descriptor(site):
    return json.loads((site / DESCRIPTOR).read_text(encoding="utf-8"))


def errors(site) -> list[str]:
    report = validate(str(site / DESCRIPTOR))
    return [f"{task.name}: {e.type}: {e.note}" for task in report.tasks for e in task.errors] + [
        f"{e.type}: {e.note}" for e in report.errors]


def test_the_package_validates(site):
    """The descriptor, every schema and every row of every table validate with frictionless."""
    assert errors(site) == []


def test_every_data_table_and_chart_csv_is_a_resource(descriptor):
    """The data of record, each reference table, the questionnaire and each edition's chart CSVs are listed."""
    names = {r["name"] for r in descriptor["resources"]}
    assert {s.name for s in (FIGURES, *REFERENCE_TABLES)} | {"survey-questions", "survey-options"} <= names
    assert {"chart-en-c1-bank-cards", "chart-zh-c1-bank-cards-zh"} <= names


def test_schemas_and_sources_come_from_the_metadata(descriptor):
    """Each field of the data of record is described by figures.meta.yaml; its key, numbers and lookups are typed."""
    figures = next(r for r in descriptor["resources"] if r["name"] == "figures")
    fields = {f["name"]: f for f in figures["schema"]["fields"]}
    assert fields["value"]["type"] == "number" and fields["id"]["constraints"] == {"required": True}
    assert all(f["description"] for f in fields.values())
    assert figures["schema"]["primaryKey"] == "id"
    assert {"fields": "unit", "reference": {"resource": "units", "fields": "unit"}} in figures["schema"]["foreignKeys"]
    assert figures["sources"] == [{"title": "iResearch, 2023 China Bank Marketing Digitalization Industry Research Report"}]
    tools = next(r for r in descriptor["resources"] if r["name"] == "tools")
    assert tools["sources"][0] == figures["sources"][0] and tools["sources"][1]["title"].startswith("Compiled for")


def test_chart_columns_are_typed_from_the_file(descriptor):
    """A chart CSV's columns are typed as read: year integer, value number, a yes/no column with a gap boolean."""
    chart = next(r for r in descriptor["resources"] if r["name"] == "chart-en-c1-bank-cards")
    assert [f["type"] for f in chart["schema"]["fields"]] == ["integer", "number", "boolean"]
    assert chart["encoding"] == "utf-8-sig"


def test_a_bad_cell_fails_validation(site, tmp_path):
    """Text in a number column of a copied table makes the package invalid (the check can fail)."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    chart = copy / "_static/chart-data/c1-bank-cards.csv"
    chart.write_text(chart.read_text(encoding="utf-8-sig").replace("78.3", "n/a"), encoding="utf-8-sig")
    assert any("type-error" in e for e in errors(copy))
