"""Chapter 3 computations: the TOP30 list as far as it survives, vendor claims per case, capabilities.

Everything here works on ids (``vendor_id``, ``case_id``, ``capability_id``); labels in
English or Chinese are applied by :mod:`report_lib.present.charts` and
:mod:`report_lib.present.vendor_tables`. The inputs are the reference tables ``vendors``,
``vendor_categories``, ``cases``, ``capabilities`` and ``vendor_capabilities`` and the rows of ``figures.csv`` with base ``vendor_claim``.

Examples
--------
>>> data = load_dataset()                                             # doctest: +SKIP
>>> claims_per_case(data.figures, data.table("cases"))["claims"].sum()  # doctest: +SKIP
11
"""

from __future__ import annotations

import pandas as pd

VENDOR_CLAIM = "vendor_claim"
"""The base of a figure that a vendor states about itself (see ``reference/bases.csv``)."""

LISTED = "yes"
"""``top30_listed`` value of a vendor whose name is readable on the TOP30 list."""


def named_per_category(vendors: pd.DataFrame, categories: pd.DataFrame) -> pd.DataFrame:
    """Count the vendors whose names survive on the TOP30 list, per category.

    Parameters
    ----------
    vendors
        ``reference/vendors.csv``; a vendor counts when ``top30_listed`` is ``yes``.
    categories
        ``reference/vendor_categories.csv``, which fixes the categories and their order.

    Returns
    -------
    pandas.DataFrame
        One row per category in report order: ``category_id``, ``named`` (count) and
        ``vendor_ids`` (``;``-separated, empty when no name survives). A listed vendor
        without a category is counted under ``category_id`` ``""`` (appended only if any).
    """
    listed = vendors[vendors["top30_listed"] == LISTED]
    rows = []
    for category in categories.sort_values("order")["category_id"]:
        members = listed.loc[listed["category_id"] == category, "vendor_id"].tolist()
        rows.append({"category_id": category, "named": len(members), "vendor_ids": ";".join(members)})
    unplaced = listed.loc[listed["category_id"] == "", "vendor_id"].tolist()
    if unplaced:
        rows.append({"category_id": "", "named": len(unplaced), "vendor_ids": ";".join(unplaced)})
    return pd.DataFrame(rows)


def list_coverage(vendors: pd.DataFrame, listed_total: int) -> dict[str, int]:
    """Return how many of the ``listed_total`` TOP30 places have a readable name.

    Returns
    -------
    dict
        ``top30_places`` (the printed size of the list), ``top30_named`` (names readable in
        the text) and ``top30_lost`` (the difference: places whose name was only a logo).

    Raises
    ------
    ValueError
        If more names are marked as listed than the list has places.
    """
    named = int((vendors["top30_listed"] == LISTED).sum())
    if named > listed_total:
        raise ValueError(f"{named} vendors are marked top30_listed=yes but the list has {listed_total} places")
    return {"top30_places": int(listed_total), "top30_named": named, "top30_lost": int(listed_total) - named}


def case_claims(figures: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Return every vendor claim with the case (and vendor) it belongs to.

    A claim is a figure with base ``vendor_claim``; it belongs to the case whose
    ``claims_topic`` equals the figure's ``topic``. Claims whose topic no case names are
    dropped here; :func:`unassigned_claims` lists them.

    Returns
    -------
    pandas.DataFrame
        The figure rows in case order, with ``case_id`` and ``vendor_id`` added.
    """
    claims = figures[figures["base"] == VENDOR_CLAIM]
    link = cases.sort_values("order")[["case_id", "vendor_id", "claims_topic"]]
    merged = link.merge(claims, left_on="claims_topic", right_on="topic", how="inner")
    return merged.drop(columns="claims_topic").reset_index(drop=True)


def unassigned_claims(figures: pd.DataFrame, cases: pd.DataFrame) -> list[str]:
    """Return the ids of vendor claims whose topic is no case's ``claims_topic``."""
    claims = figures[figures["base"] == VENDOR_CLAIM]
    return claims.loc[~claims["topic"].isin(cases["claims_topic"]), "id"].tolist()


def claims_per_case(figures: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """Count the vendor claims of each case, zero for a case that states no figure.

    Returns
    -------
    pandas.DataFrame
        ``case_id``, ``vendor_id`` and ``claims``, in case order.
    """
    counts = case_claims(figures, cases).groupby("case_id").size()
    table = cases.sort_values("order")[["case_id", "vendor_id"]].reset_index(drop=True)
    table["claims"] = table["case_id"].map(counts).fillna(0).astype(int)
    return table


def capability_matrix(cells: pd.DataFrame, vendors: pd.DataFrame, capabilities: pd.DataFrame) -> pd.DataFrame:
    """Return the vendor x capability matrix: ``True`` where a cell is marked with a quote.

    Rows follow ``vendors`` (file order), columns follow ``capabilities`` (``order``).
    ``False`` means the text does not say, not that the vendor lacks the capability.
    """
    matrix = pd.DataFrame(False, index=pd.Index(vendors["vendor_id"], name="vendor_id"),
                          columns=pd.Index(capabilities.sort_values("order")["capability_id"], name="capability_id"))
    for cell in cells.itertuples():
        matrix.loc[cell.vendor_id, cell.capability_id] = True
    return matrix


def mismatched_cell_ids(cells: pd.DataFrame) -> list[str]:
    """Return the cell ids that are not ``vendor_id:capability_id`` of their own row."""
    expected = cells["vendor_id"] + ":" + cells["capability_id"]
    return cells.loc[cells["cell_id"] != expected, "cell_id"].tolist()


def count_against_source(rows: int, figure: pd.Series) -> dict[str, object]:
    """Compare the rows of a reference table with the count the source prints for it.

    Parameters
    ----------
    rows
        Number of rows the book's table holds (e.g. the evaluation dimensions).
    figure
        The figures.csv row with the printed count (``value`` numeric, ``value_printed``).

    Returns
    -------
    dict
        ``id``, ``printed_count``, ``table_rows`` and ``count_agrees`` (whether the two are equal).
    """
    return {"id": figure["id"], "printed_count": figure["value_printed"], "table_rows": int(rows),
            "count_agrees": bool(float(figure["value"]) == rows)}

