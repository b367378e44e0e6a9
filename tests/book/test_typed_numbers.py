"""No number of the data is typed into prose: figures and stated sample sizes reach the text only as glue.

For every page source and both languages, the prose (code cells, glue roles, inline code, quotes,
labels and directive options removed) must not contain a figure's printed value or a base's stated n
as a typed number. With new data such a number would silently go stale; glued numbers cannot.
"""

from __future__ import annotations

import re

import pytest

from report_lib import paths
from report_lib.data.dataset import load_dataset
from report_lib.publish.languages import EDITIONS, page_for_language
from report_lib.publish.toc import read_toc

CODE_CELL = re.compile(r"^```\{code-cell\}.*?^```\s*$", re.S | re.M)
REMOVED = [
    re.compile(r"\{[\w:-]+\}`[^`]*`"),       # roles: glue, ref, numref, ...
    re.compile(r"`[^`]*`"),                   # inline code (ids, commands)
    re.compile(r"[“「\"][^”」\"\n]{0,40}[”」\"]"),  # short quotes of the source's wording, within a line
    re.compile(r"^\s*(?:\([\w.:-]+\)=|:[\w-]+:.*)\s*$", re.M),  # MyST labels, directive options
    re.compile(r"\[[^\]]*\]\([^)]*\)"),       # links (targets hold file names)
    re.compile(r"\b\d{4}(?:Q\d)?\b"),         # years and quarters: the time axis, not a figure
]
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?!\w|\.\d)")


def prose(text: str) -> str:
    """The reader's text of one edition's page source: code cells, roles, code, quotes and labels removed."""
    text = CODE_CELL.sub("", text)
    for pattern in REMOVED:
        text = pattern.sub(" ", text)
    return text


def data_numbers(dataset) -> dict[str, str]:
    """Printed values of survey figures (shares of respondents) and stated sample sizes, with where they come from."""
    figures = dataset.figures
    survey_bases = set(dataset.table("bases").query("survey == 'yes'")["base"])
    shares = figures[figures["base"].isin(survey_bases) & (figures["unit"] == "percent")]
    # 1-9 read as counts of things ("two splits"); 100 is the whole ("shares add up to 100%"), not a finding
    found = {v: f"figures.csv {i}" for v, i in zip(shares["value_printed"], shares["id"]) if 10 <= float(v) < 100}
    found.update({n: "bases.csv n" for n in dataset.table("bases")["n_printed"] if n})
    return found


def typed(text: str, numbers: dict[str, str]) -> list[str]:
    """The data numbers that stand typed in ``text``."""
    return sorted({f"{n} ({numbers[n]})" for n in NUMBER.findall(prose(text)) if n in numbers})


PAGES = read_toc(paths.PROJECT_ROOT / "_toc.yml").pages


@pytest.mark.parametrize("lang", EDITIONS)
@pytest.mark.parametrize("page", PAGES)
def test_no_data_number_is_typed_in_prose(page, lang):
    """The page's prose in this language holds no printed share or stated n as typed digits."""
    numbers = data_numbers(load_dataset())
    source = (paths.PROJECT_ROOT / page).with_suffix(".md").read_text(encoding="utf-8")
    assert typed(page_for_language(source, lang), numbers) == []


def test_a_typed_share_is_caught():
    """A sentence with a printed share typed in (not glued) fails the check; the glued one passes."""
    numbers = {"56": "figures.csv x", "120": "bases.csv n"}
    assert typed("About 56% of the 120 banks deploy on premise.", numbers) == ["120 (bases.csv n)", "56 (figures.csv x)"]
    assert typed("About {glue:md}`share` of the {glue:md}`n` banks deploy on premise.", numbers) == []
