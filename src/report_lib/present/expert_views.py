"""The expert views as Markdown: who speaks, then what they said; every data string shown as text."""

from __future__ import annotations

import pandas as pd

from report_lib.present.escape import markdown_text


def view_markdown(experts: pd.DataFrame, lang: str) -> str:
    """Return the views as Markdown: per printed view, who speaks (name, company, title) and the English summary.

    Experts sharing a view are named together and the summary is given once. Names, titles,
    companies and summaries are escaped (:func:`report_lib.present.escape.markdown_text`);
    only the bold around each name is markup.
    """
    ordered = experts.sort_values("order", kind="stable")
    blocks = []
    for _, group in ordered.groupby("view_id", sort=False):
        names = "; ".join(f"**{markdown_text(r[f'name_{lang}'])}** "
                          f"({markdown_text(r['name_zh' if lang == 'en' else 'name_en'])}), "
                          f"{markdown_text(r[f'title_{lang}'])}, {markdown_text(r[f'company_{lang}'])}"
                          for _, r in group.iterrows())
        blocks.append(f"{names}\n\n{markdown_text(group.iloc[0]['summary_en'])}")
    return "\n\n".join(blocks)
