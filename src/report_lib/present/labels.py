"""Labels in English or Chinese, from the reference tables, never from string literals.

Examples
--------
>>> label = Labels(load_dataset(), "zh")   # doctest: +SKIP
>>> label("axis.year")                     # doctest: +SKIP
'年份'
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from report_lib.analysis.segment_sizes import segment_sizes
from report_lib.analysis.segments import MARKET
from report_lib.data.catalog import ALL_TABLES
from report_lib.data.dataset import Dataset

LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Labels:
    """Look up labels of one language in a :class:`~report_lib.data.dataset.Dataset`."""

    dataset: Dataset
    lang: str = "en"

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {LANGUAGES}, not {self.lang!r}")

    def __call__(self, key: str) -> str:
        """Return the label of ``key`` (e.g. ``"axis.year"``) from ``reference/labels.csv``."""
        return self._lookup("labels", "key", key, self.lang)

    def has(self, key: str) -> bool:
        """Return whether ``reference/labels.csv`` has a label for ``key``."""
        return bool((self.dataset.table("labels")["key"] == key).any())

    def _lookup(self, table: str, key_column: str, key: str, column: str) -> str:
        frame = self.dataset.table(table)
        found = frame.loc[frame[key_column] == key, column]
        if found.empty:
            raise KeyError(f"{key!r} is missing from {self.dataset.data_dir / 'reference' / (table + '.csv')}")
        return str(found.iloc[0])

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


def humanize(identifier: str) -> str:
    """Return an id as words (``need_user_reach`` -> ``need user reach``), for ids without a label."""
    return identifier.replace("_", " ")


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
            name += " · " + (label(f"category.{category}") if label.has(f"category.{category}") else humanize(category))
    return name


def no_split_note(figures: pd.DataFrame, label: Labels, segment: str) -> str:
    """Return the sentence to print under a chart of ``figures`` when they have no value for ``segment``.

    Empty for the main book (``all``) and when ``figures`` include the segment. When no
    bank type has a value, the sentence says the values shown are for all banks.
    """
    if segment == MARKET or (figures["segment"] == segment).any():
        return ""
    return label("variant.no_split")


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


def n_text(label: Labels, segment: str) -> str:
    """Return ``n=120``, ``n=36 / 54, inferred`` or "n not published" for ``segment``, in the label's language."""
    sizes = segment_sizes(label.dataset, segment)
    if not sizes:
        return label("footer.n_not_published")
    shown = " / ".join(map(str, sizes))
    return label("footer.n_all" if segment == MARKET else "footer.n_inferred").format(n=shown)


def base_n_text(label: Labels, segment: str, base: str) -> str:
    """Return the n of one figure: stated by its ``base``, inferred for a bank type's respondents, else empty.

    A base with an ``n`` in ``bases.csv`` gives ``n=<n>``; the base ``respondents_segment``
    gives :func:`n_text` of ``segment``; any other base has no n to show.
    """
    bases = label.dataset.table("bases").set_index("base")
    if pd.notna(bases.loc[base, "n"]):
        return label("footer.n_all").format(n=int(bases.loc[base, "n"]))
    if base == "respondents_segment":
        return n_text(label, segment)
    return ""
