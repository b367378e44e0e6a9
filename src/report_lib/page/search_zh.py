"""Sphinx's Chinese search, also indexing the listed words inside a longer word.

Sphinx's ``SearchChinese`` segments with jieba's ``cut_for_search``, which adds only the two-
and three-character dictionary words inside a long word. :class:`ReportChineseSearch` adds
every word of the user dictionary (``html_search_options: {dict: path}``, one ``word
frequency`` per line) found inside a segmented term, so 客户关系管理平台 is found by
客户关系管理 and 百融云创 by 百融. :func:`use_for_chinese` makes it Sphinx's search for ``zh``.
"""

from __future__ import annotations

from pathlib import Path

from sphinx import search
from sphinx.search.zh import SearchChinese


class ReportChineseSearch(SearchChinese):
    """Chinese search that indexes every user-dictionary word inside a term too."""

    words: tuple[str, ...] = ()

    def init(self, options: dict[str, str]) -> None:
        """Load the user dictionary into jieba and keep its words."""
        super().init(options)
        path = Path(options.get("dict") or "")
        if path.is_file():
            self.words = tuple(line.split()[0] for line in path.read_text(encoding="utf-8").splitlines() if line.strip())

    def split(self, input: str) -> list[str]:
        """Return Sphinx's terms of ``input`` and every dictionary word inside a longer one."""
        terms = super().split(input)
        return terms + [word for term in terms if len(term) > 2 for word in self.words if word in term and word != term]


def use_for_chinese() -> None:
    """Make :class:`ReportChineseSearch` the search of ``html_search_language: zh``."""
    search.languages["zh"] = ReportChineseSearch
