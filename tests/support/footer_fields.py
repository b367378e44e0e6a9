"""Test support: find chart-footer fields printed without a value ("Source: ." / "来源：。"), in HTML or PDF text.

A footer is ``Label: text.`` fields in a row (:func:`report_lib.present.footer.chart_footer`); the labels, the
colon and the full stop are the ``footer.*`` labels of the page's language, so they are read from the data,
never listed here.
"""

from __future__ import annotations

import re

from report_lib.present.labels import Labels

NOT_FIELDS = ("footer.colon", "footer.stop", "footer.list_separator", "footer.download", "footer.see_notes")


def field_labels(label: Labels) -> list[str]:
    """The names of the footer's fields in ``label``'s language (``Source``, ``Base``, ...)."""
    keys = label.dataset.table("labels")["key"]
    return [label(k) for k in keys if k.startswith("footer.") and k not in NOT_FIELDS and "{" not in label(k)]


def empty_fields(text: str, label: Labels) -> list[str]:
    """Every ``Label:`` in ``text`` followed by nothing: a full stop, another field, or the end of the text."""
    colon, stop = label("footer.colon").strip(), label("footer.stop").strip()
    names = "|".join(re.escape(n) for n in sorted(field_labels(label), key=len, reverse=True))
    empty = re.compile(rf"(?:{names})\s*{re.escape(colon)}\s*(?:{re.escape(stop)}|(?:{names})\s*{re.escape(colon)}|$)")
    flat = " ".join(text.split())
    return [flat[max(0, m.start() - 40):m.end() + 40] for m in empty.finditer(flat)]
