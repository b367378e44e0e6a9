"""Tables for the book: a display wrapper, and the reader's tables built from figures.

Every function takes the page's :class:`~report_lib.present.labels.Labels`, so a table
is labelled in the page's language; none reads a file. :class:`Table` shows a frame as
HTML (no row index) and as plain text for nbval.

Examples
--------
>>> figure_table(label, data.select(topic="bank_cards"))   # doctest: +SKIP
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import numpy as np
import pandas as pd

from report_lib.analysis.sample_sizes import Inference
from report_lib.present.escape import markdown_text
from report_lib.present.labels import QUARTER, Labels, aside, n_text, tier_name


def one_line_cells(data: pd.DataFrame) -> pd.DataFrame:
    """Return ``data`` with every run of whitespace in text cells (newline, tab) made one space."""
    return data.map(lambda v: " ".join(v.split()) if isinstance(v, str) else v)


def is_yes_no(value: object) -> bool:
    """Return whether ``value`` is a Python or NumPy boolean (a yes/no cell)."""
    return isinstance(value, (bool, np.bool_))


@dataclass(frozen=True)
class Marks:
    """How a table shows a yes/no cell: ✓ or ✗ (``cell.yes``/``cell.no``) with the word a screen reader says
    (``cell.yes_said``/``cell.no_said``), and a missing yes/no as ``cell.none``."""

    yes: str
    no: str
    none: str
    yes_said: str
    no_said: str

    @classmethod
    def of(cls, label: Labels) -> Marks:
        """Return the marks of ``label``'s language."""
        return cls(*(label(f"cell.{k}") for k in ("yes", "no", "none", "yes_said", "no_said")))

    def markup(self, value: bool) -> str:
        """Return the HTML of a yes/no cell: the glyph as an image whose accessible name is the word."""
        glyph, said = (self.yes, self.yes_said) if value else (self.no, self.no_said)
        return f'<span class="report-mark" role="img" aria-label="{html.escape(said)}">{html.escape(glyph)}</span>'


_TOKEN = {True: "⟦report-mark:yes⟧", False: "⟦report-mark:no⟧"}
"""Stand-ins for yes/no cells while pandas writes (and escapes) the HTML; replaced by :meth:`Marks.markup`."""


def _yes_no_cells(frame: pd.DataFrame, marks: Marks, shown: dict) -> pd.DataFrame:
    """Return ``frame`` (object cells) with each yes/no cell replaced by ``shown[value]`` and a missing value of a
    boolean column by ``marks.none``."""
    out = frame.astype(object)
    for i in range(frame.shape[1]):
        column = frame.iloc[:, i]
        boolean = pd.api.types.is_bool_dtype(column.dtype)
        out.isetitem(i, [shown[bool(v)] if is_yes_no(v) else (marks.none if boolean and pd.isna(v) else v)
                         for v in column.astype(object)])
    return out


def marked_text(frame: pd.DataFrame, marks: Marks) -> pd.DataFrame:
    """Return ``frame`` with yes/no cells as ✓ / ✗ (plain text: the CSV and nbval keep no markup)."""
    return _yes_no_cells(frame, marks, {True: marks.yes, False: marks.no})


def marked_html(frame: pd.DataFrame, marks: Marks, **to_html: object) -> str:
    """Return ``frame.to_html(**to_html)`` with each yes/no cell as ✓ / ✗ and its word for screen readers."""
    written = _yes_no_cells(frame, marks, _TOKEN).to_html(**to_html)
    for value, token in _TOKEN.items():
        written = written.replace(token, marks.markup(value))
    return written


@dataclass(frozen=True)
class Table:
    """A table for the book: HTML without the row index, and the same as plain text for nbval.

    Computed (float) columns show ``decimals`` places; printed values are strings and
    show exactly as printed. With ``marks``, yes/no cells show as ✓ / ✗ (:class:`Marks`).
    """

    frame: pd.DataFrame
    decimals: int = 2
    marks: Marks | None = None

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        shown = self.frame.astype(object).where(self.frame.notna(), "–")
        shown = one_line_cells(shown)  # a tab or newline in a quote reads as a space
        for column in self.frame.select_dtypes("float").columns:
            shown[column] = [v if v == "–" else self._fixed(v) for v in shown[column]]
        options = {"index": False, "border": 0, "classes": "report-table", "escape": True}
        if self.marks is None:
            return {"text/html": shown.to_html(**options), "text/plain": shown.to_string(index=False)}
        return {
            "text/html": marked_html(shown, self.marks, **options),
            "text/plain": marked_text(shown, self.marks).to_string(index=False),
        }

    def _fixed(self, value: float) -> str:
        """Format with ``decimals`` places; a value that rounds to zero shows without a minus sign."""
        text = f"{value:.{self.decimals}f}"
        return text.lstrip("-") if float(text) == 0 else text


def relabelled(label: Labels, frame: pd.DataFrame) -> Table:
    """Return ``frame`` as a :class:`Table`, its columns relabelled from ``column.*`` labels.

    A named index becomes the first column; a column without a ``column.*`` label keeps
    its name. Columns of quarters (``2022Q2``) show as the language writes them; true/false
    cells are shown as ✓ / ✗ with words for screen readers by the table's :class:`Marks`.
    """
    shown = frame.reset_index() if frame.index.name else frame
    periods = [c for c in shown.columns if pd.api.types.is_string_dtype(shown[c]) and shown[c].notna().any()
               and shown[c].dropna().map(lambda v: bool(QUARTER.fullmatch(str(v)))).all()]
    shown = shown.assign(**{c: shown[c].map(lambda v: label.period(v) if pd.notna(v) else v) for c in periods})
    relabel = {c: label(f"column.{c}") for c in shown.columns if label.has(f"column.{c}")}
    return Table(shown.rename(columns=relabel), marks=Marks.of(label))


def figure_text(label: Labels, figure_id: str) -> str:
    """Return one figure formatted as printed, with unit and qualifier (``约35%``)."""
    row = label.dataset.figure(figure_id)
    return label.value(row["value_printed"], row["unit"], row["qualifier"])


def flag_labels(label: Labels, flags: str) -> str:
    """Return the labels of a ``;``-separated list of flag ids, comma-separated (empty for none)."""
    return label("join.separator").join(label.flag(f) for f in flags.split(";")) if flags else ""


def _sources(label: Labels, figures: pd.DataFrame) -> tuple[str, pd.Series]:
    """The provenance column: the quote of a published row; the question and file of a row computed from a wave.

    Without computed rows the column is the quote (``column.quote_zh``); with them it is
    ``column.source_of_figure`` and a computed row says ``question … (file), n=…``, never a quote.
    """
    provenance = figures["provenance"].fillna("") if "provenance" in figures.columns else pd.Series("", figures.index)
    computed = provenance != ""
    if not computed.any():
        return label("column.quote_zh"), figures["quote_zh"]
    question = provenance.str.partition("@")
    n = pd.to_numeric(figures["n"], errors="coerce")
    made = [label("provenance.computed").format(question=q, file=f, n=int(k)) if c else quote
            for c, q, f, k, quote in zip(computed, question[0], question[2], n.fillna(0), figures["quote_zh"])]
    return label("column.source_of_figure"), pd.Series(made, index=figures.index)


def provenance(label: Labels, figures: pd.DataFrame) -> pd.DataFrame:
    """Return the provenance table of ``figures``: id, value as printed, quote (or question and file), flag, note."""
    shown = figures.apply(lambda r: label.value(r["value_printed"], r["unit"], r["qualifier"]), axis=1)
    source, sources = _sources(label, figures)
    return pd.DataFrame({
        label("column.id"): figures["id"].to_numpy(),
        label("column.value"): shown.to_numpy(),
        source: sources.to_numpy(),
        label("column.flag"): figures["flag"].map(lambda f: flag_labels(label, f)).to_numpy(),
        label("column.note"): _notes(label, figures),
    })


def _notes(label: Labels, figures: pd.DataFrame):
    """Return the notes in the page's language (``note_<lang>``), the English ``note`` where none."""
    english = figures["note"].fillna("")
    column = f"note_{label.lang}"
    if label.lang == "en" or column not in figures.columns:
        return english.to_numpy()
    local = figures[column].fillna("")
    return local.where(local != "", english).to_numpy()


def figure_table(label: Labels, figures: pd.DataFrame, with_tool: bool = False) -> Table:
    """Return figures as a reader's table: what, bank type, value as printed, base and n.

    ``with_tool`` adds the tool each figure is about (its ``category``) as the first column.
    """
    tool = {label("column.tool"): [label.name("tools", t) for t in figures["category"]]} if with_tool else {}
    return Table(pd.DataFrame({
        **tool,
        label("column.subject"): [label.subject(s) for s in figures["subject"]],
        label("column.segment"): [label.segment(s) for s in figures["segment"]],
        label("column.value"): [label.value(r.value_printed, r.unit, r.qualifier) for r in figures.itertuples()],
        label("column.base"): [label.base(b) for b in figures["base"]],
        label("column.n"): [n_text(label, r.segment, r.base) or "–" for r in figures.itertuples()],
    }))


def policy_table(label: Labels) -> Table:
    """Return the policy documents with title, issuer, key phrase and period, in the label's language."""
    lang = label.lang
    policies = label.dataset.table("policies")
    return Table(pd.DataFrame({
        label("column.policy"): policies[f"title_{lang}"],
        label("column.issuer"): policies[f"issuer_{lang}"],
        label("column.issuer_basis"): policies["issuer_basis"].map(lambda b: label(f"issuer_basis.{b}")),
        label("column.key_phrase"): policies[f"key_phrase_{lang}"],
        label("column.period_in_title"): policies["period_in_title"],
    }))


def check_mark(label: Labels, holds: bool | None) -> str:
    """Return the glyph for a check that holds (✓), fails (✗) or cannot be made (–), from ``cell.*`` labels."""
    if holds is None or pd.isna(holds):
        return label("cell.none")
    return label("cell.yes" if holds else "cell.no")


def tick(label: Labels, flag: bool) -> str:
    """Return ✓ (``cell.yes``) for a true flag and an empty cell otherwise (a column of memberships)."""
    return label("cell.yes") if flag else ""


def ranking_table(label: Labels, ranking: pd.DataFrame) -> pd.DataFrame:
    """Return the needs ranking (:func:`~report_lib.analysis.needs.ranked_needs`): rank, need, ✓ for the core group.

    A wave's ranking shows each need's share (as the book prints figures) instead of the core mark.
    """
    if "share" in ranking.columns:
        return pd.DataFrame({"rank": ranking["rank"], "need": ranking["subject"].map(label.subject),
                             "share": [figure_text(label, i) for i in ranking["id"]]})
    return pd.DataFrame({
        "rank": ranking["rank"],
        "need": ranking["subject"].map(label.subject),
        "core": ranking["core"].map(lambda c: tick(label, c)),
    })


def claims_table(label: Labels, checks: pd.DataFrame) -> pd.DataFrame:
    """Return the source's claims (``claim.*`` labels) with ✓/✗ for whether the shares agree (:func:`~report_lib.analysis.needs.check_claims`)."""
    return pd.DataFrame({
        "claim": [label(f"claim.{c}") for c in checks["claim"]],
        "data_agree": [check_mark(label, h) for h in checks["holds"]],
    })


def one_axis_table(label: Labels, tools: pd.DataFrame) -> pd.DataFrame:
    """Return tools placed on one axis of the strategy matrix: tool, stages, channels, basis of placement."""
    def listed(prefix: str, cell: str) -> str:
        return label("join.separator").join(label(f"{prefix}.{i}") for i in cell.split(";") if i)

    return pd.DataFrame({
        "tool": tools["tool_id"].map(lambda t: label.name("tools", t)),
        "stage": tools["lifecycle_stage"].map(lambda v: listed("stage", v)),
        "channel": tools["channel"].map(lambda v: listed("channel", v)),
        "basis": tools["placement_basis"].map(lambda b: label(f"placement.{b}")),
    })


def shown_grade(label: Labels, grade: str, basis: str) -> str:
    """Return a grade (or ``a or b``) in words, with its basis (inferred, open) unless the text states it."""
    text = label("footer.n_or").join(label(f"grade.{g}") for g in grade.split(" or "))
    return text if basis == "stated" else aside(label, text, label(f"basis.{basis}"))


def evaluation_table(label: Labels, evaluation: pd.DataFrame) -> pd.DataFrame:
    """Return the tool evaluation (:func:`~report_lib.analysis.evaluation.evaluate_tools`) for reading.

    One row per tool: its three grades with their basis, the published tier and 3C
    membership, and ✓ when the grades reproduce the published result, else ✗ with the
    result they contradict.
    """
    def reproduced(ok: bool, conflict: str) -> str:
        if ok:
            return check_mark(label, True)
        return aside(label, check_mark(label, False),
                     label("column.conflict") + label("footer.colon") + label("column.published_" + conflict))

    return pd.DataFrame({
        "tool": evaluation["tool_id"].map(lambda t: label.name("tools", t)),
        **{d: [shown_grade(label, g, b) for g, b in zip(evaluation[d], evaluation[f"{d}_basis"])]
           for d in ("importance", "maturity", "effect")},
        "published_tier": evaluation["published_tier"].map(lambda t: tier_name(label, t)),
        "published_core": evaluation["published_core"].map(lambda c: tick(label, c)),
        "reproduced": [reproduced(ok, c) for ok, c in zip(evaluation["reproduced"], evaluation["conflict"].str.split(";").str[0])],
    })


def stated_grades_table(label: Labels, grades: pd.DataFrame) -> pd.DataFrame:
    """Return the grades the text states (``tool_grades.csv``) in words, with their quotes."""
    return pd.DataFrame({
        "tool": grades["tool_id"].map(lambda t: label.name("tools", t)),
        "subject": grades["dimension"].map(lambda d: label(f"column.{d}")),
        "time_point": grades["time_point"].map(lambda t: label(f"time.{t}") if label.has(f"time.{t}") else label("cell.none")),
        "value": grades["grade"].map(lambda g: label(f"grade.{g}")),
        "quote_zh": grades["quote_zh"],
    })


def sizes_table(label: Labels, inference: Inference, segments: list[str]) -> pd.DataFrame:
    """Return the inferred n of each of ``segments`` (every size it takes, ``36 / 54``)."""
    return pd.DataFrame({
        "segment": [label.segment(s) for s in segments],
        "n": [" / ".join(map(str, inference.sizes(s))) for s in segments],
    })


def known_sizes_table(label: Labels, sizes: dict[str, int], segments: list[str]) -> pd.DataFrame:
    """Return the counted n of each of ``segments`` (a survey wave's respondents), like :func:`sizes_table`."""
    return pd.DataFrame({"segment": [label.segment(s) for s in segments], "n": [str(sizes[s]) for s in segments]})


def size_evidence_table(label: Labels, evidence: pd.DataFrame) -> pd.DataFrame:
    """Return the figures behind the inferred sizes: each share, the n tested, ✓/✗, and how many sizes fit it."""
    return pd.DataFrame({
        "id": evidence["id"],
        "segment": evidence["segment"].map(label.segment),
        "value": [label.value(p, "percent", q) for p, q in zip(evidence["value_printed"], evidence["qualifier"])],
        "n": evidence["n"],
        "explained": evidence["explained"].map(lambda e: check_mark(label, e)),
        "sizes_possible": evidence["sizes_possible"],
    })


def expert_views(experts: pd.DataFrame, label: Labels) -> str:
    """Return the experts' views as Markdown: per printed view, who speaks, then the view's summary.

    Experts sharing a view (``view_id``) are named together and the summary is given once. Names,
    titles, companies and the summary follow the label language; the English page adds the Chinese
    name, and the punctuation comes from the ``phrase.expert`` and ``join.separator_long`` labels. Every
    data string is escaped (:func:`report_lib.present.escape.markdown_text`); only the bold is markup.
    """
    lang = label.lang
    ordered = experts.sort_values("order", kind="stable")
    blocks = []
    for _, group in ordered.groupby("view_id", sort=False):
        names = label("join.separator_long").join(
            label("phrase.expert").format(name=f"**{markdown_text(r[f'name_{lang}'])}**",
                                          name_zh=markdown_text(r["name_zh"]), title=markdown_text(r[f"title_{lang}"]),
                                          company=markdown_text(r[f"company_{lang}"]))
            for _, r in group.iterrows())
        blocks.append(f"{names}\n\n{markdown_text(group.iloc[0][f'summary_{lang}'])}")
    return "\n\n".join(blocks)
