"""CITATION.cff at the root: valid under the Citation File Format 1.2.0 schema and in step with the project.

The schema is ``tests/support/cff-schema-1.2.0.json``, the CFF project's JSON schema (CC-BY-4.0) as shipped in
cffconvert 2.0.0; cffconvert itself is not installed, because it pins jsonschema below 4 and the book needs 4.x.
"""

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

from report_lib import paths
from report_lib.present.labels import Labels

ROOT = paths.PROJECT_ROOT
SCHEMA = json.loads((Path(__file__).parent / "support" / "cff-schema-1.2.0.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cff() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def problems(document: dict) -> list[str]:
    """Every schema violation of ``document``, as ``path: message``."""
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(document)]


def test_citation_file_is_valid_cff(cff):
    """CITATION.cff validates under the CFF 1.2.0 schema."""
    assert problems(cff) == []


def test_schema_check_can_fail(cff):
    """The check rejects a citation without authors and one with an unknown key."""
    assert problems({k: v for k, v in cff.items() if k != "authors"})
    assert problems({**cff, "edition": "2023"})


def test_citation_file_follows_the_project(cff, dataset):
    """Version from pyproject.toml, title from the ``cite.title`` label, the cited report from the figures' source."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    source = dataset.metadata["figures"]["source"]
    assert cff["version"] == project["version"]
    assert cff["title"] == Labels(dataset)("cite.title").format(year=source["year"])
    report = cff["references"][0]
    assert (report["title"], report["year"]) == (source["title_en"], source["year"])
    assert report["authors"][0]["name"] == source["publisher_en"]
