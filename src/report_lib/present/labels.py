"""Labels in English or Chinese, from the reference tables, never from string literals.

Examples
--------
>>> label = Labels(load_dataset(), "zh")   # doctest: +SKIP
>>> label("axis.year")                     # doctest: +SKIP
'年份'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from report_lib.analysis.segment_sizes import MARKET_BASE, segment_sizes, sizes_known
from report_lib.analysis.needs import needs_led_by
from report_lib.analysis.sample_sizes import SEGMENT_BASE
from report_lib.analysis.segments import MARKET, segment_figures
from report_lib.data.catalog import ALL_TABLES
from report_lib.data.dataset import Dataset

LANGUAGES = ("en", "zh")
QUARTER = re.compile(r"(\d{4})Q([1-4])")
"""A quarter as the data writes it (``2022Q2``)."""


@dataclass(frozen=True)
class Labels:
    """Look up labels of one language in a :class:`~report_lib.data.dataset.Dataset`."""

    dataset: Dataset
    lang: str = "en"

    _columns: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    """``(table, key column, column)`` -> ``{key: value}``, built on first use (a page looks up thousands of labels)."""

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {LANGUAGES}, not {self.lang!r}")

    def __call__(self, key: str) -> str:
        """Return the label of ``key`` (e.g. ``"axis.year"``) from ``reference/labels.csv``."""
        return self._lookup("labels", "key", key, self.lang)

    def has(self, key: str) -> bool:
        """Return whether ``reference/labels.csv`` has a label for ``key``."""
        return key in self._column("labels", "key", self.lang)

    def _column(self, table: str, key_column: str, column: str) -> dict:
        frame = self.dataset.table(table)  # every lookup records the table as read (run_record)
        found = self._columns.get((table, key_column, column))
        if found is None:
            found = {}
            for key, value in zip(frame[key_column], frame[column]):
                found.setdefault(key, value)  # the first row of a key, as the file reads
            self._columns[table, key_column, column] = found
        return found

    def _lookup(self, table: str, key_column: str, key: str, column: str) -> str:
        found = self._column(table, key_column, column)
        if key not in found:
            raise KeyError(f"{key!r} is missing from {self.dataset.data_dir / 'reference' / (table + '.csv')}")
        return str(found[key])

    def name(self, table: str, key: str) -> str:
        """Return the name of ``key`` in this language from a reference table with ``name_en``/``name_zh``.

        The one id -> name lookup of the book: ``label.name("tools", "points_mall")``,
        ``label.name("vendors", v)``, ``label.name("themes", t)``. The key column is the
        table's key in :mod:`report_lib.data.catalog`; a missing id raises ``KeyError``
        naming the file.
        """
        spec = next(s for s in ALL_TABLES if s.name == table)
        return self._lookup(table, spec.key, key, f"name_{self.lang}")

    def segment(self, segment: str, short: bool = True) -> str:
        """Return the (short) label of a segment id."""
        return self._lookup("segments", "segment", segment, f"{'short' if short else 'label'}_{self.lang}")

    def unit(self, unit: str) -> str:
        """Return the axis label of a unit id."""
        return self._lookup("units", "unit", unit, f"label_{self.lang}")

    def base(self, base: str) -> str:
        """Return the label of a base id."""
        return self._lookup("bases", "base", base, f"label_{self.lang}")

    def flag(self, flag: str) -> str:
        """Return the label of a flag id."""
        return self._lookup("flags", "flag", flag, f"label_{self.lang}")

    def subject(self, subject: str) -> str:
        """Return the label of a figure subject."""
        return self(f"subject.{subject}")

    def value(self, printed: str, unit: str, qualifier: str) -> str:
        """Format a value as printed with its unit suffix and qualifier (e.g. ``≥ 83%``, ``~35%``)."""
        prefix = self._lookup("qualifiers", "qualifier", qualifier, f"prefix_{self.lang}")
        after = self._lookup("qualifiers", "qualifier", qualifier, f"suffix_{self.lang}")
        suffix = self._lookup("units", "unit", unit, f"suffix_{self.lang}")
        return f"{prefix}{printed}{suffix}{after}"

    def period(self, period: str) -> str:
        """Return a period as the language writes it: a quarter ``2022Q2`` is ``2022年第二季度`` in Chinese.

        Periods other than quarters (years, ranges) are returned as they are.
        """
        match = QUARTER.fullmatch(str(period))
        if not match:
            return str(period)
        return self("period.quarter").format(year=match.group(1), quarter=self(f"period.q{match.group(2)}"))


def aside(label: Labels, text: str, note: str) -> str:
    """Return ``text`` with ``note`` in brackets after it, as the language writes it: ``a (b)`` / ``a（b）``."""
    return label("format.aside").format(text=text, note=note)


def sentences(label: Labels, parts) -> str:
    """Join sentences as the language does: after a space in English, directly after ``。`` in Chinese."""
    return ("" if label.lang == "zh" else " ").join(parts)


def tier_name(label: Labels, tier) -> str:
    """Return the name of a core-tool tier (1, 2, 3): the source's ``一级``/``二级``/``三级`` in Chinese."""
    return label(f"tier.{int(tier)}")


def humanize(identifier: str) -> str:
    """Return an id as words (``need_user_reach`` -> ``need user reach``), for ids without a label."""
    return identifier.replace("_", " ")


def join_words(label: Labels, items, word: str | None = "and", *, long: bool = False,
               none: str | None = "join.none") -> str:
    """Join ``items`` as a list in the label's language: ``a, b and c`` / ``a、b和c``.

    The one list joiner of glued values. ``word`` is the conjunction before the last item
    (``"and"``, ``"or"``: labels ``join.and``, ``join.or``) or ``None`` for separators only;
    ``long`` uses ``join.separator_long`` (``; `` / ``；``) for items that contain commas
    or are phrases, and ``join.<word>_long`` where it exists. No items give the label
    ``none`` (``join.none``: ``none`` / ``无``), or ``""`` when ``none`` is ``None``.
    """
    items = [str(item) for item in items]
    if not items:
        return label(none) if none else ""
    separator = label("join.separator_long" if long else "join.separator")
    if word is None or len(items) == 1:
        return separator.join(items)
    key = f"join.{word}_long" if long and label.has(f"join.{word}_long") else f"join.{word}"
    return separator.join(items[:-1]) + label(key) + items[-1]


def short_name(label: Labels, subject: str) -> str:
    """Name a subject inside a sentence: its short name (``short.<subject>``) in the language's quotes, else its label.

    Chinese prose refers to an item by its short name in quotes (“流量升级”), not by a chart's
    full label; English by the short name alone. A subject without a short name (an answer a
    wave added) is named by its ``subject.*`` label.
    """
    key = f"short.{subject}"
    return label("finding.quoted").format(label(key) if label.has(key) else label.subject(subject))


def figure_name(label: Labels, subject: str, category: str = "") -> str:
    """Name a figure by its subject (and category), from ``subject.*``/``category.*`` labels when present.

    A category that is a tool id is named by the tool's name (``tools.csv``).
    """
    name = label(f"subject.{subject}") if label.has(f"subject.{subject}") else humanize(subject)
    if category:
        tools = label.dataset.table("tools").set_index("tool_id")
        if category in tools.index:
            name += " · " + str(tools.loc[category, f"name_{label.lang}"])
        else:
            name += " · " + (label(f"category.{category}") if label.has(f"category.{category}")
                             else label.period(humanize(category)))
    return name


def no_split_note(label: Labels, figures: pd.DataFrame, segment: str) -> str:
    """Return the one sentence a page prints when ``figures`` have no value for ``segment``.

    ``figures`` are what a chart plots or all figures of a chapter. Empty for the main
    book (``all``) and when ``figures`` include the segment; otherwise ``variant.no_split``
    (the values shown are for all banks), in the label's language.
    """
    if segment == MARKET or not segment_figures(figures, segment).empty:
        return ""
    return label("variant.no_split").format(segment=label.segment(segment, short=False))


def shown(label: Labels, printed_and_qualifier: str, unit: str) -> str:
    """Format a ``value|qualifier`` cell of :func:`~report_lib.analysis.segment_comparison.split_figures`."""
    if not printed_and_qualifier:
        return ""
    printed, qualifier = printed_and_qualifier.split("|")
    return label.value(printed, unit, qualifier)


def difference_text(label: Labels, difference: float, qualifier: str) -> str:
    """Format a difference in percentage points with sign and qualifier (e.g. ``≥ +8.0 pp``)."""
    if pd.isna(difference):
        return ""
    return label.value(f"{difference:+.1f}".replace("+0.0", "0.0"), "percentage_points", qualifier)


def n_text(label: Labels, segment: str, base: str | None = None) -> str:
    """Return how many answered, as the book prints it: ``n=120``, ``n=36 / 54, inferred`` or "n not published".

    The one n formatter of the book (charts, tables, footers, variant pages). Without
    ``base``, the n of ``segment``: stated for all banks, inferred for a bank type
    (:func:`~report_lib.analysis.segment_sizes.segment_sizes`). With ``base``, the n its
    row in ``bases.csv`` states; a base of bank-type respondents falls back to the
    segment's n, and any other base without a stated n gives ``""``.
    """
    known = sizes_known(label.dataset)
    if base is not None and not (known and base in (MARKET_BASE, SEGMENT_BASE)):
        stated = label.dataset.table("bases").set_index("base").loc[base, "n"]
        if pd.notna(stated):
            return label("footer.n_all").format(n=int(stated))
        if base != SEGMENT_BASE:
            return ""
    sizes = segment_sizes(label.dataset, segment)
    if not sizes:
        return label("footer.n_not_published")
    shown = label("footer.n_or").join(map(str, sizes))
    return label("footer.n_all" if segment == MARKET or known else "footer.n_inferred").format(n=shown)


def leaders_sentence(label: Labels, leaders: pd.DataFrame, segments: list[str]) -> str:
    """Return the "who leads on what" sentences: for each bank type, the needs on which its share is highest.

    ``leaders`` is :func:`report_lib.analysis.needs.segment_leaders`; a bank type that
    leads on nothing gets ``sentence.no_lead``, the others ``sentence.leads_on``. The sentences
    are joined with a space in English and without one in Chinese.
    """
    sentences = []
    for segment in segments:
        led = needs_led_by(leaders, segment)
        sentences.append(label("sentence.leads_on" if led else "sentence.no_lead").format(
            segment=label.segment(segment, short=False),
            needs=join_words(label, (short_name(label, s) for s in led), "and")))
    return ("" if label.lang == "zh" else " ").join(sentences)  # Chinese sentences join without a space
