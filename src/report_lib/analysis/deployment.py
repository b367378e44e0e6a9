"""Cloud acceptance per tool, compared with the market-wide deployment choice.

Chapter 2 prints deployment-mode shares for marketing tools overall and for some
tools (figures whose topic ends in ``deployment_mode`` and whose subject starts with
``mode_``). Chapter 4's cloud trend reads them again, by topic and subject rather than
by id, so rows added later are picked up. A tool leans *more to the cloud* than the
market when its share for a cloud mode is above the overall share for that mode, or
its on-premise share is below the overall on-premise share.

Examples
--------
>>> cloud_acceptance(data.figures)    # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd

MODE_PREFIX = "mode_"
ON_PREMISE = "on_premise"
CLOUD_MODES = ("private_cloud", "public_cloud", "hybrid_cloud")
OVERALL = ""
"""The ``category`` of figures about all marketing tools together (no tool named)."""


def deployment_modes(figures: pd.DataFrame, segment: str = "all") -> pd.DataFrame:
    """Return the printed deployment-mode shares, one row per figure.

    Parameters
    ----------
    figures
        The data of record (``Dataset.figures``).
    segment
        Segment whose figures to read.

    Returns
    -------
    pandas.DataFrame
        Columns ``id, tool`` (the figure's category; ``""`` for all tools), ``mode``
        (the subject without ``mode_``), ``share`` (float), ``printed``, ``qualifier``,
        ``base``, ``flag``.
    """
    rows = figures[figures["topic"].str.endswith("deployment_mode")
                   & figures["subject"].str.startswith(MODE_PREFIX)
                   & (figures["segment"] == segment)]
    return pd.DataFrame({
        "id": rows["id"], "tool": rows["category"], "mode": rows["subject"].str.removeprefix(MODE_PREFIX),
        "share": rows["value"].astype(float), "printed": rows["value_printed"], "qualifier": rows["qualifier"],
        "base": rows["base"], "flag": rows["flag"],
    }).reset_index(drop=True)


def _lean(mode: str, difference: float) -> str:
    if pd.isna(difference):
        return "no_overall"
    if difference == 0:
        return "same"
    more_cloud = difference > 0 if mode in CLOUD_MODES else difference < 0
    return "more_cloud" if more_cloud else "less_cloud"


def cloud_acceptance(figures: pd.DataFrame, segment: str = "all") -> pd.DataFrame:
    """Compare each tool's deployment-mode shares with the overall share of the same mode.

    Returns
    -------
    pandas.DataFrame
        One row per tool-level figure: ``id, tool, mode, share, overall_share,
        difference_pp`` (share minus overall, percentage points; missing when the
        overall share of that mode is not printed) and ``cloud_lean`` (``more_cloud``,
        ``less_cloud``, ``same`` or ``no_overall``). Bases may differ (some tool shares
        are of the banks that deploy the tool); the ``base`` column says which.
    """
    modes = deployment_modes(figures, segment)
    overall = modes[modes["tool"] == OVERALL].drop_duplicates("mode").set_index("mode")["share"]
    tools = modes[modes["tool"] != OVERALL].copy()
    tools["overall_share"] = tools["mode"].map(overall).astype(float)
    tools["difference_pp"] = (tools["share"] - tools["overall_share"]).round(2)
    tools["cloud_lean"] = [_lean(m, d) for m, d in zip(tools["mode"], tools["difference_pp"])]
    return tools[["id", "tool", "mode", "share", "overall_share", "difference_pp", "cloud_lean", "base",
                  "qualifier", "flag"]].reset_index(drop=True)


def tool_lean(comparison: pd.DataFrame) -> pd.Series:
    """One cloud lean per tool: by its on-premise share where that is compared, else by its cloud modes.

    A tool compared in several modes (a survey wave has four) could lean more to the cloud in one
    mode and less in another; the rule gives it one lean. Its on-premise comparison decides
    when there is one (``more_cloud``, ``less_cloud`` or ``same``); otherwise its cloud modes
    decide when they agree, and ``mixed`` when they do not (``no_overall`` when none is compared).

    Returns
    -------
    pandas.Series
        Tool id -> lean, in order of first appearance.
    """
    leans = {}
    for tool, rows in comparison.groupby("tool", sort=False):
        premise = rows.loc[(rows["mode"] == ON_PREMISE) & (rows["cloud_lean"] != "no_overall"), "cloud_lean"]
        cloud = set(rows.loc[rows["mode"].isin(CLOUD_MODES) & (rows["cloud_lean"] != "no_overall"), "cloud_lean"])
        leans[tool] = (premise.iloc[0] if len(premise) else "no_overall" if not cloud
                       else cloud.pop() if len(cloud) == 1 else "mixed")
    return pd.Series(leans, dtype=object)


def tools_leaning(comparison: pd.DataFrame, lean: str = "more_cloud") -> list[str]:
    """Return the tools whose one lean (:func:`tool_lean`) is ``lean``, in order of first appearance."""
    leans = tool_lean(comparison)
    return list(leans.index[leans == lean])


def on_premise_from_gap(private_cloud: float, gap_below_on_premise: float) -> float:
    """Return the on-premise share the source implies but does not print: private cloud plus the gap.

    For the user rights platform the source prints its private-cloud share and how many
    points that is below its on-premise share; the on-premise share is their sum. It is a
    derived number, and carries the rounding of both printed figures.

    Examples
    --------
    >>> on_premise_from_gap(36.4, 9.1)
    45.5
    """
    return round(private_cloud + gap_below_on_premise, 10)
