"""The user dictionary of the Chinese site's search: the report's own terms stay whole words.

Sphinx's Chinese search (``html_search_language: zh``) segments text with jieba's
``cut_for_search``, which yields a word and its shorter dictionary words (客户关系管理 gives
客户, 关系, 管理 and 客户关系管理). jieba's general dictionary does not know the report's terms
(私域, 营销数字化 ...), so they would be cut apart and never found whole; this dictionary lists
the glossary's ``term_zh`` and the Chinese names of the reference tables, and also the shorter
words inside them (every run of jieba's pieces of a name: 客户关系管理 in 客户关系管理平台, 百融 in
百融云创). The site's search (:mod:`report_lib.page.search_zh`) indexes a whole name and every
listed word inside it, so a reader finds a page by the name or by the shorter word.
"""

from __future__ import annotations

import re
from pathlib import Path

import jieba

from report_lib.data.dataset import load_dataset
from report_lib.publish.lock import write_if_changed

NAME_COLUMNS = ("term_zh", "name_zh", "label_zh", "short_zh", "group_zh")
"""Columns of reference tables that hold a Chinese name or term."""
WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
"""A run of at least two Chinese characters (a name is split at Latin letters, digits and punctuation)."""
FREQUENCY = 100000
"""jieba frequency of every listed word: high enough that a listed word is never cut apart."""


def inner_words(name: str) -> set[str]:
    """Return ``name`` and every run of its jieba pieces that is two characters or more and starts and ends with a word."""
    pieces = jieba.lcut(name)
    return {"".join(pieces[i:j]) for i in range(len(pieces)) for j in range(i + 1, len(pieces) + 1)
            if len(pieces[i]) > 1 and len(pieces[j - 1]) > 1} | {name}


def search_words(data_dir: Path) -> list[str]:
    """Return the Chinese words of the glossary and the reference tables' Chinese names and the words inside them."""
    data = load_dataset(data_dir)
    words: set[str] = set()
    for name in data.tables:
        table = data.table(name)
        for column in NAME_COLUMNS:
            if column in table.columns:
                for value in table[column].dropna().astype(str):
                    for word in WORD.findall(value):
                        words.update(inner_words(word))
    return sorted(words)


def write_user_dictionary(data_dir: Path, path: Path) -> Path:
    """Write :func:`search_words` as a jieba user dictionary (``word frequency`` per line) to ``path``; return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_if_changed(path, "".join(f"{word} {FREQUENCY}\n" for word in search_words(data_dir)))
    return path
