"""Reading the text a reader sees on a built page: pieces, chart texts, quotes left out."""

from __future__ import annotations

import json

from report_lib.publish.site_text import CODE, chart_texts, page_pieces

SPEC = {"title": {"text": "各类银行均已部署"}, "axes": [{"title": "受访者占比（%）"}],
        "data": [{"name": "data_0", "values": [{"组别": "国有大行", "原文引文": "83%+ 原文", "x_sort": 1}]}],
        "marks": [{"encode": {"update": {
            "tooltip": {"signal": "{\"组别\": datum[\"组别\"], \"数值\": format(datum[\"v\"], \"\")}"},
            "description": {"signal": "\"组别: \" + datum[\"组别\"]"},
            "x": {"field": "x_主题_sort_index"}}}}]}
HTML = ("<html><body><article class='bd-article'><h1>标题</h1><p>正文<code>make book</code>会构建</p>"
        "<table><thead><tr><th>编号</th><th>原文引文</th></tr></thead>"
        "<tbody><tr><td>c1_x</td><td>“83%+”原文</td></tr></tbody></table>"
        "<pre>code block</pre></article>"
        f"<script>var spec = {json.dumps(SPEC, ensure_ascii=False)}; reportChart(el, spec);</script></body></html>")


def test_pieces_are_text_elements_without_quotes_or_code_blocks():
    """Headings, paragraphs, headers and cells are read; quote cells and code blocks are not."""
    pieces = page_pieces(HTML, {"原文引文"})
    texts = [p.text for p in pieces]
    assert "标题" in texts and f"正文{CODE}会构建" in texts and "c1_x" in texts
    assert not any("83%+" in t for t in texts) and not any("code block" in t for t in texts)


def test_chart_texts_are_what_a_reader_sees():
    """Title, axis title, data labels and tooltip names are read; fields, Vega's aria text and quotes are not."""
    texts = chart_texts(HTML, {"原文引文"})
    assert {"各类银行均已部署", "受访者占比（%）", "国有大行", "组别", "数值"} <= set(texts)
    assert not any("83%+" in t or "sort" in t or t.startswith("组别:") for t in texts)
