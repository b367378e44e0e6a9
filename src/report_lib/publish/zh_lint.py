"""Lint a built Chinese page: typography, the source's terms, and no code in what a reader sees.

One call per page: :func:`page_problems` reads the page's pieces of text
(:mod:`report_lib.publish.site_text`, verbatim quotes left out) and returns every break of
the Chinese style (:mod:`report_lib.present.zh_typography`), every glossary variant used
instead of the source's term and every code identifier (:mod:`report_lib.present.zh_terms`),
one line each. The tests run it over every page of ``_build/html/zh``.

Examples
--------
>>> rules = ZhRules.of(load_dataset())                       # doctest: +SKIP
>>> page_problems(Path("_build/html/zh/intro.html").read_text(), rules)   # doctest: +SKIP
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from report_lib.data.dataset import Dataset
from report_lib.data.survey.questionnaire import load_questionnaire
from report_lib.present.labels import Labels
from report_lib.present.zh_terms import code_identifiers, variant_uses, variants
from report_lib.present.zh_typography import problems
from report_lib.publish.site_text import QUOTE_COLUMN_KEYS, page_pieces


PRINTED_COLUMNS = ("key_phrase_zh", "title_zh", "name_zh", "company_zh", "headline_zh")
"""Columns of the reference tables that hold names and phrases as the source prints them."""
SPACED = re.compile(r"[\u3400-\u9fff] +[\u3400-\u9fff]")


@dataclass(frozen=True)
class ZhRules:
    """What the lint needs from the data: quote column headers, glossary variants, and the keys a reader may see.

    The keys are the data's own reference keys, which the book shows on purpose: figure ids
    (footers point to the notes table by id) and figure subjects, and in the questionnaire
    appendix the question and option ids a researcher's response file uses and the figure
    subject each option feeds (an answer the 2023 report never printed is named by its subject).
    """

    quote_headers: frozenset[str]
    variants: dict
    figure_ids: frozenset[str]
    printed: frozenset[str] = frozenset()
    """Names and phrases shown as the source prints them with a space (``数字驱动 智慧为民``, an expert's title)."""

    @classmethod
    def of(cls, dataset: Dataset) -> "ZhRules":
        """The rules of a data folder (its Chinese labels, glossary and figure ids)."""
        label = Labels(dataset, "zh")
        keys = set(dataset.figures["id"]) | set(dataset.figures["subject"])
        survey = Path(dataset.data_dir) / "survey"
        if (survey / "options.csv").is_file():
            questionnaire = load_questionnaire(survey)
            questions, options = questionnaire.questions, questionnaire.option_table
            keys |= {q.question_id for q in questions} | {o for q in questions for o in q.options}
            keys |= set(options["subject"].dropna()) if "subject" in options.columns else set()
        printed = {str(v) for name in dataset.tables for column, values in dataset.table(name).items()
                   if column in PRINTED_COLUMNS for v in values.dropna() if SPACED.search(str(v))}
        return cls(frozenset(label(k) for k in QUOTE_COLUMN_KEYS), variants(dataset.table("glossary")), frozenset(keys),
                   frozenset(printed))


def page_problems(html: str, rules: ZhRules) -> list[str]:
    """Return every problem of a built Chinese page as ``where: rule: excerpt`` (empty when it has none)."""
    found = []
    for piece in page_pieces(html, rules.quote_headers):
        text = piece.text
        for name in rules.printed:  # as printed: its spaces are the source's, the rest is checked
            text = text.replace(name, SPACED.sub(lambda m: m.group(0).replace(" ", ""), name))
        found += [f"{piece.where}: {p.rule}: {p.excerpt}" for p in problems(text)]
        found += [f"{piece.where}: term: {v} (use {t}): {piece.text[:60]}" for v, t in variant_uses(piece.text, rules.variants)]
        found += [f"{piece.where}: code: {c}: {piece.text[:60]}"
                  for c in code_identifiers(piece.text, set(rules.figure_ids))]
    return found
