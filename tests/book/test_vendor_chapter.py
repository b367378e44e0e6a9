"""Chapter 3 executes for a bank type and in Chinese, and then says the chapter has no such split."""

from __future__ import annotations

import pytest

from report_lib import paths


@pytest.mark.slow
def test_chapter_three_for_regional_banks_in_chinese(tmp_path, monkeypatch):
    """With segment='regional' and lang='zh' the page runs, shows the no-split notice once, labels in Chinese."""
    from report_lib.publish.nbval_refs import execute_page

    monkeypatch.setenv("REPORT_DATA", str(paths.DEFAULT_DATA_DIR))
    notebook = execute_page(paths.PROJECT_ROOT, "chapters/03_vendors", tmp_path, segment="regional", lang="zh")
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    markdown = [o["data"]["text/markdown"] for o in outputs if "text/markdown" in o.get("data", {})]
    notices = [m for m in markdown if "区域性中小银行" in m and "没有按银行类型拆分" in m]
    assert len(notices) == 1
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "厂商自述" in html and "可辨认" in html
