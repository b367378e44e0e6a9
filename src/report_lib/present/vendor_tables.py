"""Chapter 3's display tables: evaluation dimensions, categories, vendors, cases, claims, marks.

Each function returns a frame whose column names are ``column.*`` label keys, which
:meth:`report_lib.page.page.Chapter.table` turns into labels of the page's language;
cells are named through :meth:`report_lib.present.labels.Labels.name`.
"""

from __future__ import annotations

import pandas as pd

from report_lib.present.escape import markdown_text
from report_lib.present.labels import Labels, aside
from report_lib.present.zh_typography import chinese_punctuation


def claims_table(claims: pd.DataFrame, label: Labels) -> pd.DataFrame:
    """The vendor claims as a display table: vendor, what is measured, value, unit, qualifier, quote.

    Figure ids are left out (the chapter's provenance table lists them with the same quotes).

    ``claims`` is the output of :func:`report_lib.analysis.vendors.case_claims`. "What it measures"
    is the figure's ``subject`` label, followed by its ``category`` label when it has one.
    """
    quals = label.dataset.table("qualifiers").set_index("qualifier")[f"label_{label.lang}"]

    def measure(row) -> str:
        text = label.subject(row["subject"])
        return aside(label, text, label("category." + row["category"])) if row["category"] else text

    return pd.DataFrame({
        "vendor": claims["vendor_id"].map(lambda v: label.name("vendors", v)),
        "claim_measure": claims.apply(measure, axis=1),
        "value": claims.apply(lambda r: label.value(r["value_printed"], r["unit"], r["qualifier"]), axis=1),
        "unit": claims["unit"].map(label.unit),
        "qualifier": claims["qualifier"].map(quals),
        "quote_zh": claims["quote_zh"],
    }).reset_index(drop=True)


def _one_name_column(frame: pd.DataFrame, label: Labels) -> pd.DataFrame:
    """Drop the Chinese-name column (``term_zh``) in the Chinese edition, where the first column already is it."""
    return frame.drop(columns="term_zh") if label.lang == "zh" else frame


def dimensions_table(dimensions: pd.DataFrame, label: Labels) -> pd.DataFrame:
    """The evaluation dimensions with their (missing) sub-indicators and weights, for display."""
    lost = label("cell.not_in_text")
    return pd.DataFrame({
        "dimension": dimensions[f"name_{label.lang}"],
        "term_zh": dimensions["name_zh"],
        "sub_indicators": dimensions[f"sub_indicators_{label.lang}"].replace("", lost),
        "weight": dimensions["weight_printed"].replace("", lost),
        "quote_zh": dimensions["quote_zh"],
    }).pipe(_one_name_column, label).reset_index(drop=True)


def categories_table(categories: pd.DataFrame, label: Labels) -> pd.DataFrame:
    """The four TOP30 categories with their group and a reading of each name, for display."""
    ordered = categories.sort_values("order")
    return pd.DataFrame({
        "category_group": ordered[f"group_{label.lang}"],
        "vendor_category": ordered[f"name_{label.lang}"],
        "term_zh": ordered["name_zh"],
        "definition": ordered[f"definition_{label.lang}"],
    }).pipe(_one_name_column, label).reset_index(drop=True)


def vendors_table(vendors: pd.DataFrame, cases: pd.DataFrame, label: Labels) -> pd.DataFrame:
    """Every vendor the text names: category (with its basis), place on the list, case study."""
    with_case = set(cases["vendor_id"])
    return pd.DataFrame({
        "vendor": vendors[f"name_{label.lang}"],
        "term_zh": vendors["name_zh"],
        "vendor_category": vendors["category_id"].map(lambda c: label.name("vendor_categories", c) if c else ""),
        "category_basis": vendors["category_basis"].map(lambda b: label(f"category_basis.{b}")),
        "top30_listed": vendors["top30_listed"].map(lambda v: label(f"listed.{v}")),
        "case_study": vendors["vendor_id"].map(lambda v: label("listed.yes" if v in with_case else "cell.none")),
    }).pipe(_one_name_column, label).reset_index(drop=True)


def cases_table(cases: pd.DataFrame, label: Labels) -> pd.DataFrame:
    """The case studies: vendor, headline as printed, English title, quote, for display."""
    ordered = cases.sort_values("order")
    return pd.DataFrame({
        "vendor": ordered["vendor_id"].map(lambda v: label.name("vendors", v)),
        "title_zh": ordered["title_zh"].map(chinese_punctuation),
        "title_en": ordered["title_en"],
    }).reset_index(drop=True)


def title(case, lang: str) -> str:
    """A case's headline in ``lang``: the Chinese one as printed, with Chinese punctuation."""
    text = getattr(case, "title_" + lang)
    return chinese_punctuation(text) if lang == "zh" else text


def case_summaries(cases: pd.DataFrame, label: Labels) -> str:
    """The case summaries as Markdown, one paragraph per case: vendor and title in bold, then the summary.

    Title and summary (``summary_en`` / ``summary_zh``) follow the label language.
    """
    ordered = cases.sort_values("order")
    colon, stop = markdown_text(label("footer.colon")), markdown_text(label("footer.stop"))  # labels are data too
    # Chinese: the full stop after the bold and no space (CommonMark does not close ** after "。" before a character)
    head = "**{}{}{}" + ("**" + stop if label.lang == "zh" else stop + "** ")
    return "\n\n".join(head.format(markdown_text(label.name("vendors", row.vendor_id)), colon,
                                   markdown_text(title(row, label.lang)))
                        + markdown_text(getattr(row, "summary_" + label.lang)) for row in ordered.itertuples())


def marks_per_vendor(matrix: pd.DataFrame, label: Labels) -> pd.DataFrame:
    """Count the marked capabilities of each vendor (rows of the capability matrix), for display."""
    return pd.DataFrame({"vendor": [label.name("vendors", v) for v in matrix.index],
                         "capabilities_marked": matrix.sum(axis=1).astype(int).to_numpy()})


def marks_per_capability(matrix: pd.DataFrame, label: Labels) -> pd.DataFrame:
    """Count the vendors marked for each capability (columns of the capability matrix), for display."""
    return pd.DataFrame({"capability": [label.name("capabilities", c) for c in matrix.columns],
                         "vendors_marked": matrix.sum(axis=0).astype(int).to_numpy()})
