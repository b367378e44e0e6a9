"""What a computed finding is: an outcome, the values its sentence names, and the figures that decided it.

A rule returns a :class:`Finding`; the page turns its outcome into the sentence
``finding.<key>.<outcome>`` (a label in each language, written for that language's grammar), fills
its fields, and marks it with why it was chosen (the rule, label ``rule.<rule>``, and the
:class:`Evidence`). The values are ids and numbers, never words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

ATTRIBUTED = "attributed"
"""The outcome of a finding the data cannot decide: the sentence says what the 2023 report found."""


@dataclass(frozen=True)
class Ref:
    """An id that a sentence names in words: ``kind`` is ``segment``, ``subject``, ``tool`` or ``figure``."""

    kind: str
    id: str


@dataclass(frozen=True)
class Evidence:
    """One figure that decided a finding: its id, what it measures, for which bank type, its value, n and chapter."""

    figure_id: str
    subject: str
    segment: str
    category: str
    value: float
    n: float | None = None
    chapter: int | None = None

    @classmethod
    def of(cls, row: pd.Series) -> "Evidence":
        """The evidence of one figure row (a row of the data of record, or a wave's computed row)."""
        n, chapter = row.get("n"), row.get("chapter")
        return cls(str(row["id"]), str(row["subject"]), str(row["segment"]), str(row.get("category", "") or ""),
                   float(row["value"]), None if n is None or pd.isna(n) else float(n),
                   None if chapter is None or pd.isna(chapter) else int(chapter))


@dataclass(frozen=True)
class Finding:
    """A finding as computed: which sentence (``outcome``), its fields, the rule and the deciding figures.

    Attributes
    ----------
    key
        The finding's id (``c2_deploy_factor_first``); its sentences are ``finding.<key>.<outcome>``.
    outcome
        The sentence to state: e.g. ``same`` / ``different``, ``majority`` / ``minority``, or
        :data:`ATTRIBUTED` when the data cannot decide and the sentence says what the 2023 report found.
    rule
        The rule applied (label ``rule.<rule>`` names it and its threshold); empty when attributed.
    fields
        Values for the sentence's ``{...}`` fields: :class:`Ref` (named by labels), numbers, or tuples of them.
    evidence
        The figures that decided the outcome.
    """

    key: str
    outcome: str
    rule: str = ""
    fields: dict[str, object] = field(default_factory=dict)
    evidence: tuple[Evidence, ...] = ()

    @property
    def computed(self) -> bool:
        """True when the data decided the sentence (not attributed to the 2023 report)."""
        return self.outcome != ATTRIBUTED


def attributed(key: str, **fields: object) -> Finding:
    """The finding ``key`` as the 2023 report stated it, for data that cannot decide it."""
    return Finding(key, ATTRIBUTED, fields=fields)


def evidence_of(rows: pd.DataFrame) -> tuple[Evidence, ...]:
    """The evidence of every row of ``rows``, in order."""
    return tuple(Evidence.of(row) for _, row in rows.iterrows())
