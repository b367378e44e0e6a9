"""The build's executed notebooks of the Chinese edition (``make book``): pages ran with Chinese labels, per bank type.

These read what the build executed (``_build/edition-zh/``) instead of executing the pages again.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from report_lib import paths
from report_lib.publish.languages import edition_root

EDITION = edition_root(paths.PROJECT_ROOT, "zh")


def executed(page: str) -> list:
    """The outputs of the code cells of an executed notebook of the Chinese edition."""
    path = EDITION / f"{page}.ipynb"
    if not path.is_file():
        pytest.fail(f"no executed notebook at {path}: run `make book` first")
    return [o for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code" for o in c.outputs]


def html_of(outputs: list) -> str:
    return "".join(o.get("data", {}).get("text/html", "") for o in outputs)


def test_chapter_one_ran_with_chinese_labels():
    """Chapter 1 executed with lang='zh': every label it needs exists in Chinese."""
    html = html_of(executed("chapters/01_background"))
    assert "银行卡累计发卡量" in html and "重新计算增长率" in html


def test_chapter_two_ran_for_a_bank_type_in_chinese():
    """Chapter 2 for regional banks with Chinese labels, inferred n on the bars."""
    html = html_of(executed("variants/regional/02_current_state"))
    assert "区域性" in html and "n=18或36，推断" in html


def test_chapter_three_for_regional_banks_in_chinese():
    """With segment='regional' and lang='zh' the page ran, shows the no-split notice once, labels in Chinese."""
    outputs = executed("variants/regional/03_vendors")
    assert not [o for o in outputs if o.output_type == "error"]
    markdown = [o["data"]["text/markdown"] for o in outputs if "text/markdown" in o.get("data", {})]
    notices = [m for m in markdown if "区域性中小银行" in m and "没有按银行类型拆分" in m]
    assert len(notices) == 1
    html = html_of(outputs)
    assert "厂商自述" in html and "可辨认" in html
