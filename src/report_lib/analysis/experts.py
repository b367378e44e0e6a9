"""The experts of chapter 5: who they are and how their printed views group them.

Two experts of one company can share one printed page; ``view_id`` groups them, so a
page is counted once where views (not people) are what matters.
"""

from __future__ import annotations

import pandas as pd


def roster(experts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the experts in source order: name, company and title in ``lang`` (name_zh always kept).

    Returns
    -------
    pandas.DataFrame
        ``expert_id, expert, name_zh, company, title``.
    """
    ordered = experts.sort_values("order", kind="stable")
    name = ordered["name_en"] if lang == "en" else ordered["name_zh"]
    return pd.DataFrame({
        "expert_id": ordered["expert_id"].to_numpy(), "expert": name.to_numpy(),
        "name_zh": ordered["name_zh"].to_numpy(), "company": ordered[f"company_{lang}"].to_numpy(),
        "title": ordered[f"title_{lang}"].to_numpy(),
    })


def views(experts: pd.DataFrame) -> pd.DataFrame:
    """Return one row per printed view: ``view_id``, its experts (``;``-joined ids) and their number."""
    ordered = experts.sort_values("order", kind="stable")
    grouped = ordered.groupby("view_id", sort=False)["expert_id"]
    return pd.DataFrame({"view_id": list(grouped.groups),
                         "experts": grouped.agg(";".join).to_numpy(),
                         "n_experts": grouped.size().to_numpy()})


def counts(experts: pd.DataFrame) -> pd.DataFrame:
    """Return the number of experts, of printed views and of companies, as one row."""
    return pd.DataFrame({"experts": [len(experts)], "views": [experts["view_id"].nunique()],
                         "companies": [experts["company_zh"].nunique()]})
