"""Two languages in one page source: the page of one edition, and the translations that went stale.

A page source keeps its code cells once and its prose in language blocks, English first and
its Chinese translation right after (the spec is the project's i18n page-source format)::

    ::::{lang} en
    ## Deployment
    ::::

    ::::{lang} zh
    :translates: 3f2a9c1b7d0e
    ## 部署方式
    ::::

- :func:`page_for_language` is the page source of one edition: the bodies of that language's
  blocks (without the ``:translates:`` line), nothing of the other language, unmarked text as is;
- :func:`text_hash` is what a zh block's ``:translates:`` records of the en block it translates;
- :func:`translation_problems` lists, as ``file:line: reason``, every en block without its zh
  block, stale or missing hash, zh block without Chinese, differing glue names, and prose outside
  any block (text the other edition would show untranslated).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

EDITIONS = ("en", "zh")
"""The languages of the book, the first being the one translated from."""
SITE_FOLDER = {"en": "", "zh": "zh"}
"""Where each edition lives in the published site (relative to ``_build/html``)."""
OPEN = re.compile(r"^::::\{lang\}\s+(\w+)\s*$")
CLOSE = "::::"
TRANSLATES = re.compile(r"^:translates:\s*(\S*)\s*$")
GLUE = re.compile(r"\{glue(?::\w+)?\}`([^`]+)`")
CJK = re.compile(r"[\u4e00-\u9fff]")
FENCE = re.compile(r"^(`{3,}|~{3,})(.*)$")
NOT_PROSE = re.compile(r"^\s*(\([\w.:-]+\)=|\+\+\+.*|<!--.*-->|:[\w-]+:.*|-{3,})\s*$")
"""Lines outside blocks that are no prose: MyST targets, cell breaks, comments, directive options, rules."""


def edition_root(root: Path, lang: str) -> Path:
    """Return the folder of the generated sources of the ``lang`` edition."""
    return root / "_build" / f"edition-{lang}"


class LanguageBlockError(ValueError):
    """A page source's language blocks are malformed (unclosed or nested)."""


@dataclass(frozen=True)
class Block:
    """One language block: its language, the line numbers (0-based) of its fences and its body lines."""

    lang: str
    start: int
    end: int
    body: tuple[str, ...]

    @property
    def translates(self) -> str | None:
        """The hash on the block's ``:translates:`` line (None without one)."""
        first = next((line for line in self.body if line.strip()), "")
        match = TRANSLATES.match(first)
        return match.group(1) if match else None

    @property
    def text(self) -> str:
        """The body without the ``:translates:`` line."""
        return "\n".join(line for line in self.body if not TRANSLATES.match(line))


def text_hash(body: str) -> str:
    """Return the first 12 hex digits of the SHA-256 of ``body`` stripped of surrounding blank lines and space (UTF-8)."""
    return hashlib.sha256(body.strip("\n").strip().encode("utf-8")).hexdigest()[:12]


def blocks(lines: list[str], name: str = "page") -> list[Block]:
    """Return the language blocks of a page's ``lines``.

    Raises
    ------
    LanguageBlockError
        When a block opens inside another or is never closed (``name:line: reason``).
    """
    found, i = [], 0
    while i < len(lines):
        match = OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        j = i + 1
        while j < len(lines) and lines[j].rstrip() != CLOSE:
            if OPEN.match(lines[j]):
                raise LanguageBlockError(f"{name}:{j + 1}: a lang block opens inside the one opened on line {i + 1}")
            j += 1
        if j == len(lines):
            raise LanguageBlockError(f"{name}:{i + 1}: lang block never closed with '{CLOSE}'")
        found.append(Block(match.group(1), i, j, tuple(lines[i + 1:j])))
        i = j + 1
    return found


def page_for_language(text: str, lang: str) -> str:
    """Return the page source of the ``lang`` edition of ``text``.

    The bodies of ``lang``'s blocks stay (without their ``:translates:`` line), blocks of any
    other language go, and text outside blocks stays as it is.
    """
    if lang not in EDITIONS:
        raise ValueError(f"lang must be one of {EDITIONS}, not {lang!r}")
    lines = text.split("\n")
    kept, position = [], 0
    for block in blocks(lines):
        kept.extend(lines[position:block.start])
        if block.lang == lang:
            kept.extend(line for line in block.body if not TRANSLATES.match(line))
        position = block.end + 1
    kept.extend(lines[position:])
    return "\n".join(kept)


def _outside_prose(lines: list[str], found: list[Block]) -> list[int]:
    """Return the 0-based numbers of prose lines outside blocks, code cells and front matter."""
    inside = {n for b in found for n in range(b.start, b.end + 1)}
    prose, fence, code = [], None, False
    start = 0
    if lines and lines[0].strip() == "---":  # front matter
        start = next((n + 1 for n in range(1, len(lines)) if lines[n].strip() == "---"), len(lines))
    for n in range(start, len(lines)):
        line = lines[n]
        if n in inside:
            continue
        match = FENCE.match(line.strip())
        if fence is None and match:
            fence, code = match.group(1), match.group(2).strip().startswith("{code-cell}")
            continue
        if fence is not None and line.strip() == fence:
            fence = None
            continue
        if code or not line.strip() or NOT_PROSE.match(line) or not re.search(r"\w", line):
            continue
        prose.append(n)
    return prose


def translation_problems(path: Path) -> list[str]:
    """Return every translation problem of a page source as ``file:line: reason`` (none: the page is translated)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    try:
        found = blocks(lines, str(path))
    except LanguageBlockError as error:
        return [str(error)]
    problems = []
    for k, block in enumerate(found):
        following = found[k + 1] if k + 1 < len(found) else None
        if block.lang == "en":
            if following is None or following.lang != "zh" or any(
                    line.strip() for line in lines[block.end + 1:following.start]):
                problems.append(f"{path}:{block.start + 1}: en block without a zh block right after it")
                continue
            want, have = text_hash("\n".join(block.body)), following.translates
            if have is None:
                problems.append(f"{path}:{following.start + 1}: zh block lacks ':translates: <hash>' as first line")
            elif have != want:
                problems.append(f"{path}:{following.start + 1}: stale translation: the en block's hash is {want}, "
                                f"the zh block translates {have}")
            if not CJK.search(following.text):
                problems.append(f"{path}:{following.start + 1}: zh block has no Chinese text")
            glue_en, glue_zh = sorted(GLUE.findall(block.text)), sorted(GLUE.findall(following.text))
            if glue_en != glue_zh:
                problems.append(f"{path}:{following.start + 1}: glued names differ: en {glue_en}, zh {glue_zh}")
        elif block.lang == "zh":
            if k == 0 or found[k - 1].lang != "en":
                problems.append(f"{path}:{block.start + 1}: zh block without an en block before it")
        else:
            problems.append(f"{path}:{block.start + 1}: unknown language {block.lang!r} (editions: {EDITIONS})")
    outside = _outside_prose(lines, found)
    problems += [f"{path}:{n + 1}: text outside lang blocks (shown untranslated in both editions)"
                 for n in outside if n - 1 not in outside]
    return problems
