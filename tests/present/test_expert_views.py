"""Tests of report_lib.present.expert_views: the views as Markdown, data strings as text."""

import pandas as pd

from report_lib.present.expert_views import view_markdown

TABLE = pd.DataFrame({
    "expert_id": ["b", "a", "c"], "order": [2, 1, 3], "view_id": ["v2", "v1", "v2"],
    "name_zh": ["乙", "甲", "丙"], "name_en": ["B", "A", "C <img src=x onerror=alert(1)>"],
    "company_zh": ["二", "一", "二"], "company_en": ["Two", "One", "[Two](javascript:alert(1))"],
    "title_zh": ["总", "长", "经理"], "title_en": ["Head", "Chief", "*Manager*"],
    "summary_en": ["shared view", "own view", "shared view"],
})


def test_view_markdown_gives_a_shared_summary_once():
    """A shared view names both experts and prints its summary once."""
    text = view_markdown(TABLE, "en")
    assert text.count("shared view") == 1 and "**B**" in text and "**C \\<img" in text


def test_view_markdown_escapes_data_strings():
    """Markup in names, companies and titles is escaped; the library's bold stays."""
    text = view_markdown(TABLE, "en")
    assert "<img" not in text.replace("\\<img", "") and "\\[Two\\]\\(javascript:alert\\(1\\)\\)" in text
    assert "\\*Manager\\*" in text
