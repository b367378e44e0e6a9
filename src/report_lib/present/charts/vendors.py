"""Chapter 3 charts and display tables: the TOP30 list, claims per case, the capability grid.

Chart functions return ``(chart, table)`` like :mod:`report_lib.present.charts.general`: the Altair chart
and the labelled table behind it (the chart's downloadable CSV). Display-table functions
return frames whose column names are ``column.*`` label keys, which
:meth:`report_lib.page.page.Chapter.table` turns into labels of the page's language.
All titles, axes and legends come from :class:`~report_lib.present.labels.Labels`; colours and
sizes from :mod:`report_lib.present.theme`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from report_lib.present import theme
from report_lib.present.labels import Labels


def _title(title: str, subtitle: str) -> alt.Title:
    return alt.Title(title, subtitle=subtitle) if subtitle else alt.Title(title)


def _names(table: pd.DataFrame, key: str, label: Labels) -> dict[str, str]:
    """Map the ids in column ``key`` of a reference table to names in the label language."""
    return dict(zip(table[key], table[f"name_{label.lang}"]))


def vendors_per_category(named: pd.DataFrame, coverage: dict[str, int], categories: pd.DataFrame,
                         vendors: pd.DataFrame, label: Labels, *, title: str,
                         subtitle: str = "") -> tuple[alt.Chart, pd.DataFrame]:
    """Bars of readable TOP30 names per category, and one bar for the places whose name is lost.

    Parameters
    ----------
    named
        Output of :func:`report_lib.analysis.vendors.named_per_category`.
    coverage
        Output of :func:`report_lib.analysis.vendors.list_coverage` (``top30_places``, ``top30_named``, ``top30_lost``).
    """
    category_names = _names(categories, "category_id", label)
    vendor_names = _names(vendors, "vendor_id", label)
    group, count, status, names = (label("column.vendor_category"), label("column.vendor_count"),
                                   label("column.status"), label("column.vendors"))
    rows = [{group: category_names.get(r.category_id, label("category.unplaced")), count: r.named,
             status: label("series.name_readable"),
             names: ", ".join(vendor_names[v] for v in r.vendor_ids.split(";") if v)}
            for r in named.itertuples()]
    rows.append({group: label("category.name_lost"), count: coverage["top30_lost"],
                 status: label("series.name_lost"), names: ""})
    data = pd.DataFrame(rows)
    if data.columns.duplicated().any():
        raise ValueError(f"two columns of the chart share a label: {list(data.columns)}")
    y = alt.Y(f"{group}:N", sort=list(data[group]), axis=alt.Axis(labelLimit=320, title=None))
    x = alt.X(f"{count}:Q", scale=alt.Scale(domain=[0, coverage["top30_places"]]),
              axis=alt.Axis(tickMinStep=1))
    colour = alt.Color(f"{status}:N", title=None, sort=[label("series.name_readable"), label("series.name_lost")],
                       scale=alt.Scale(range=[theme.HIGHLIGHT, theme.MUTED]), legend=alt.Legend(labelLimit=320))
    base = alt.Chart(data).encode(y=y, x=x, tooltip=list(data.columns))
    chart = (base.mark_bar(height=16).encode(color=colour)
             + base.mark_text(align="left", dx=4).encode(text=f"{count}:Q"))
    return chart.properties(width=theme.WIDTH - 200, title=_title(title, subtitle)), data


def claims_per_case(counts: pd.DataFrame, cases: pd.DataFrame, vendors: pd.DataFrame, label: Labels, *,
                    title: str, subtitle: str = "") -> tuple[alt.Chart, pd.DataFrame]:
    """Bars of the number of quantitative claims each case study makes (zero shows as 0).

    ``counts`` is the output of :func:`report_lib.analysis.vendors.claims_per_case`.
    """
    vendor_names = _names(vendors, "vendor_id", label)
    titles = dict(zip(cases["case_id"], cases[f"title_{label.lang}"]))
    vendor, case, claims = label("column.vendor"), label("column.case"), label("column.claims")
    data = pd.DataFrame({
        vendor: counts["vendor_id"].map(vendor_names).to_numpy(),
        case: counts["case_id"].map(titles).to_numpy(),
        claims: counts["claims"].to_numpy(),
    })
    y = alt.Y(f"{vendor}:N", sort=list(data[vendor]), axis=alt.Axis(title=None, labelLimit=260))
    x = alt.X(f"{claims}:Q", axis=alt.Axis(tickMinStep=1))
    base = alt.Chart(data).encode(y=y, x=x, tooltip=list(data.columns))
    chart = base.mark_bar(height=16) + base.mark_text(align="left", dx=4).encode(text=f"{claims}:Q")
    return chart.properties(width=theme.WIDTH - 160, title=_title(title, subtitle)), data


def capability_grid(matrix: pd.DataFrame, cells: pd.DataFrame, vendors: pd.DataFrame, capabilities: pd.DataFrame,
                    label: Labels, *, title: str, subtitle: str = "") -> tuple[alt.Chart, pd.DataFrame]:
    """A vendor x capability grid: a filled square where the text supports the capability.

    ``matrix`` is the output of :func:`report_lib.analysis.vendors.capability_matrix`; ``cells``
    (``reference/vendor_capabilities.csv``) gives the quote shown on hover and in the CSV.
    Empty squares mean *not stated*, which the legend says.
    """
    vendor_names = _names(vendors, "vendor_id", label)
    capability_names = _names(capabilities, "capability_id", label)
    quotes = dict(zip(cells["vendor_id"] + ":" + cells["capability_id"], cells["quote_zh"]))
    vendor, capability, status, quote = (label("column.vendor"), label("column.capability"),
                                         label("column.status"), label("column.quote_zh"))
    long = matrix.stack().rename("marked").reset_index()
    data = pd.DataFrame({
        vendor: long["vendor_id"].map(vendor_names),
        capability: long["capability_id"].map(capability_names),
        status: long["marked"].map({True: label("series.marked"), False: label("series.not_stated")}),
        quote: (long["vendor_id"] + ":" + long["capability_id"]).map(quotes).fillna(""),
    })
    x = alt.X(f"{capability}:N", sort=[capability_names[c] for c in matrix.columns],
              axis=alt.Axis(orient="top", labelAngle=-40, labelLimit=320, title=None))
    y = alt.Y(f"{vendor}:N", sort=[vendor_names[v] for v in matrix.index], axis=alt.Axis(title=None, labelLimit=260))
    colour = alt.Color(f"{status}:N", title=None, sort=[label("series.marked"), label("series.not_stated")],
                       scale=alt.Scale(range=[theme.HIGHLIGHT, "#f1f3f5"]))
    chart = alt.Chart(data).mark_square(size=360, opacity=1, stroke=theme.MUTED, strokeWidth=1).encode(
        x=x, y=y, color=colour, tooltip=[vendor, capability, status, quote])
    return chart.properties(width=theme.WIDTH - 140, height=32 * len(matrix.index),
                            title=_title(title, subtitle)), data


def claims_table(claims: pd.DataFrame, vendors: pd.DataFrame, label: Labels) -> pd.DataFrame:
    """The vendor claims as a display table: vendor, what is measured, value, unit, qualifier, quote.

    Figure ids are left out (the chapter's provenance table lists them with the same quotes).

    ``claims`` is the output of :func:`report_lib.analysis.vendors.case_claims`. "What it measures"
    is the figure's ``subject`` label, followed by its ``category`` label when it has one.
    """
    vendor_names = _names(vendors, "vendor_id", label)
    quals = label.dataset.table("qualifiers").set_index("qualifier")[f"label_{label.lang}"]

    def measure(row) -> str:
        text = label.subject(row["subject"])
        return f"{text} ({label('category.' + row['category'])})" if row["category"] else text

    return pd.DataFrame({
        "vendor": claims["vendor_id"].map(vendor_names),
        "claim_measure": claims.apply(measure, axis=1),
        "value": claims.apply(lambda r: label.value(r["value_printed"], r["unit"], r["qualifier"]), axis=1),
        "unit": claims["unit"].map(label.unit),
        "qualifier": claims["qualifier"].map(quals),
        "quote_zh": claims["quote_zh"],
    }).reset_index(drop=True)


def dimensions_table(dimensions: pd.DataFrame, label: Labels) -> pd.DataFrame:
    """The evaluation dimensions with their (missing) sub-indicators and weights, for display."""
    lost = label("cell.not_in_text")
    return pd.DataFrame({
        "dimension": dimensions[f"name_{label.lang}"],
        "term_zh": dimensions["name_zh"],
        "sub_indicators": dimensions["sub_indicators_en"].replace("", lost),
        "weight": dimensions["weight_printed"].replace("", lost),
        "quote_zh": dimensions["quote_zh"],
    }).reset_index(drop=True)


def categories_table(categories: pd.DataFrame, label: Labels) -> pd.DataFrame:
    """The four TOP30 categories with their group and a reading of each name, for display."""
    ordered = categories.sort_values("order")
    return pd.DataFrame({
        "category_group": ordered[f"group_{label.lang}"],
        "vendor_category": ordered[f"name_{label.lang}"],
        "term_zh": ordered["name_zh"],
        "definition": ordered["definition_en"],
    }).reset_index(drop=True)


def vendors_table(vendors: pd.DataFrame, categories: pd.DataFrame, cases: pd.DataFrame,
                  label: Labels) -> pd.DataFrame:
    """Every vendor the text names: category (with its basis), place on the list, case study."""
    category_names = _names(categories, "category_id", label)
    with_case = set(cases["vendor_id"])
    return pd.DataFrame({
        "vendor": vendors[f"name_{label.lang}"],
        "term_zh": vendors["name_zh"],
        "vendor_category": vendors["category_id"].map(lambda c: category_names.get(c, "")),
        "category_basis": vendors["category_basis"].map(lambda b: label(f"category_basis.{b}")),
        "top30_listed": vendors["top30_listed"].map(lambda v: label(f"listed.{v}")),
        "case_study": vendors["vendor_id"].map(lambda v: label("listed.yes" if v in with_case else "cell.none")),
    }).reset_index(drop=True)


def cases_table(cases: pd.DataFrame, vendors: pd.DataFrame, label: Labels) -> pd.DataFrame:
    """The case studies: vendor, headline as printed, English title, quote, for display."""
    vendor_names = _names(vendors, "vendor_id", label)
    ordered = cases.sort_values("order")
    return pd.DataFrame({
        "vendor": ordered["vendor_id"].map(vendor_names),
        "title_zh": ordered["title_zh"],
        "title_en": ordered["title_en"],
    }).reset_index(drop=True)


def case_summaries(cases: pd.DataFrame, vendors: pd.DataFrame, label: Labels) -> str:
    """The case summaries as Markdown, one paragraph per case: vendor and title in bold, then the summary.

    The summaries are written in English only (``summary_en``); the title follows the label language.
    """
    vendor_names = _names(vendors, "vendor_id", label)
    ordered = cases.sort_values("order")
    return "\n\n".join(f"**{vendor_names[row.vendor_id]}: {getattr(row, 'title_' + label.lang)}.** {row.summary_en}"
                        for row in ordered.itertuples())


def marks_per_vendor(matrix: pd.DataFrame, vendors: pd.DataFrame, label: Labels) -> pd.DataFrame:
    """Count the marked capabilities of each vendor (rows of the capability matrix), for display."""
    names = _names(vendors, "vendor_id", label)
    return pd.DataFrame({"vendor": [names[v] for v in matrix.index],
                         "capabilities_marked": matrix.sum(axis=1).astype(int).to_numpy()})


def marks_per_capability(matrix: pd.DataFrame, capabilities: pd.DataFrame, label: Labels) -> pd.DataFrame:
    """Count the vendors marked for each capability (columns of the capability matrix), for display."""
    names = _names(capabilities, "capability_id", label)
    return pd.DataFrame({"capability": [names[c] for c in matrix.columns],
                         "vendors_marked": matrix.sum(axis=0).astype(int).to_numpy()})
