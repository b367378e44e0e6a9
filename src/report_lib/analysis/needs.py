"""The survey's core needs: their ranking, and which bank type weighs each one most.

The source ranks seven needs by a weighted importance score it does not publish, says the
top group leads the rest by a clear gap, and then gives per-bank-type shares only for
that top group. So the top group is read from the data (the needs with per-segment
figures), not typed in, and the "who weighs what" conclusion is recomputed from the shares.
"""

from __future__ import annotations

import pandas as pd

from report_lib.analysis.findings.rules import from_wave

RANK_TOPIC = "core_needs_ranking"
SEGMENT_TOPIC = "core_needs_by_segment"


def ranking_source(figures: pd.DataFrame) -> str:
    """``"wave"`` when a survey wave measured the needs of all banks (the ranking is its own), else ``"printed"``."""
    measured = figures[(figures["topic"] == SEGMENT_TOPIC) & (figures["segment"] == "all")]
    return "wave" if from_wave(figures) and not measured.empty else "printed"


def ranked_needs(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the needs in rank order, marking those analysed by bank type.

    A survey wave ranks the needs by its own shares of all banks (largest first; equal shares
    share a rank), never by the 2023 report's ranking; without a wave the ranking is the one
    the 2023 report published (:func:`ranking_source` says which).

    Returns
    -------
    DataFrame
        Columns ``rank`` (int), ``subject``, ``core`` (True for the needs the source
        goes on to split by bank type: its leading group; every need a wave measured) and,
        for a wave, ``share`` (percent of all banks) and ``id`` (the figure).
    """
    if ranking_source(figures) == "wave":
        shares = figures[(figures["topic"] == SEGMENT_TOPIC) & (figures["segment"] == "all")]
        table = pd.DataFrame({"subject": shares["subject"], "share": shares["value"].astype(float),
                              "id": shares["id"]}).sort_values("share", ascending=False, kind="stable")
        table.insert(0, "rank", table["share"].rank(method="min", ascending=False).astype(int))
        table.insert(2, "core", True)
        return table.reset_index(drop=True)
    ranks = figures[figures["topic"] == RANK_TOPIC]
    core = set(figures.loc[figures["topic"] == SEGMENT_TOPIC, "subject"])
    table = pd.DataFrame({"rank": ranks["value"].astype(int), "subject": ranks["subject"]})
    table["core"] = table["subject"].isin(core)
    return table.sort_values("rank").reset_index(drop=True)


def leading_group_is_top_ranked(ranking: pd.DataFrame) -> bool:
    """Return whether the needs split by bank type are exactly the top of the ranking."""
    count = int(ranking["core"].sum())
    return bool(ranking["core"].head(count).all())


def segment_leaders(figures: pd.DataFrame, topic: str = SEGMENT_TOPIC) -> pd.DataFrame:
    """Return, per need, the bank type with the highest and the lowest printed share.

    Shares are compared as printed (all are "at least" values here); a tie at the top
    lists every tied bank type, separated by ``;``.

    Returns
    -------
    DataFrame
        Columns ``subject``, ``highest``, ``lowest``, ``spread_pp`` (highest minus lowest
        printed share, percentage points).
    """
    rows = figures[figures["topic"] == topic]
    out = []
    for subject, group in rows.groupby("subject", sort=False):
        top, bottom = group["value"].max(), group["value"].min()
        out.append({
            "subject": subject,
            "highest": ";".join(group.loc[group["value"] == top, "segment"]),
            "lowest": ";".join(group.loc[group["value"] == bottom, "segment"]),
            "spread_pp": float(top - bottom),
        })
    return pd.DataFrame(out)


def needs_led_by(leaders: pd.DataFrame, segment: str) -> list[str]:
    """Return the needs on which ``segment`` has the highest share (alone or tied)."""
    return [r.subject for r in leaders.itertuples() if segment in r.highest.split(";")]


SOURCE_CLAIMS = {
    "state_owned_traffic": ("state_owned", "need_traffic_upgrade"),
    "regional_channels": ("regional", "need_channel_linkage"),
}
"""The source's conclusion on who weighs what, as claim id -> (bank type, need it says that type leads on).

The claim texts are the ``claim.<id>`` labels; :func:`check_claims` tests them against the shares.
"""


def check_claims(leaders: pd.DataFrame, claims: dict[str, tuple[str, str]] = SOURCE_CLAIMS) -> pd.DataFrame:
    """Check each claim "bank type X leads on need Y" against the printed shares.

    Parameters
    ----------
    leaders
        Output of :func:`segment_leaders`.
    claims
        Claim id -> (segment, need subject); the source's own by default.

    Returns
    -------
    DataFrame
        Columns ``claim``, ``segment``, ``need`` and ``holds`` (True when the segment has
        the highest share of that need, alone or tied).
    """
    return pd.DataFrame([{"claim": claim, "segment": segment, "need": need,
                          "holds": need in needs_led_by(leaders, segment)}
                         for claim, (segment, need) in claims.items()],
                        columns=["claim", "segment", "need", "holds"])
