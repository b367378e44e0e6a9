"""Tests of report_lib.present.escape: data strings render as exactly their text."""

from __future__ import annotations

import html
import json

import pytest
from markdown_it import MarkdownIt

from report_lib.present.escape import markdown_text, script_json

PAYLOADS = (
    '<a href="javascript:window.x=1">click</a>',
    "<img src=x onerror=window.x=1>",
    "<svg onload=window.x=1>",
    "[link](javascript:alert(1)) **bold** _em_ `code` {sub}`2` $x$",
    "# heading\n\n- item\n1. first | a | b |",
    "a & b &amp; c <!-- comment --> \\ back",
)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_text_renders_literally(payload):
    """CommonMark (with HTML on, as MyST has it) renders the escaped text as one paragraph of that text."""
    rendered = MarkdownIt("commonmark").enable("table").render(markdown_text(payload))
    assert rendered == f"<p>{html.escape(' '.join(payload.split()) if chr(10) in payload else payload)}</p>\n"


def test_markdown_text_keeps_library_bold():
    """Only the data string is escaped; markup around it still works."""
    rendered = MarkdownIt("commonmark").render(f"**{markdown_text('<b>x</b>')}**")
    assert rendered == "<p><strong>&lt;b&gt;x&lt;/b&gt;</strong></p>\n"


def test_script_json_is_safe_in_a_script_element():
    """No character of the JSON can close the script element or end a line; the value is unchanged."""
    value = {"title": "</script><script>window.x=1</script> <!-- & \u2028\u2029 >"}
    text = script_json(value)
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == value
