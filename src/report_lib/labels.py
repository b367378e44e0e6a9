"""Labels in English or Chinese, from the reference tables, never from string literals.

Examples
--------
>>> label = Labels(load_dataset(), "zh")   # doctest: +SKIP
>>> label("axis.year")                     # doctest: +SKIP
'年份'
"""

from __future__ import annotations

from dataclasses import dataclass

from report_lib.dataset import Dataset

LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Labels:
    """Look up labels of one language in a :class:`~report_lib.dataset.Dataset`."""

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
