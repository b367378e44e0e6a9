"""The key findings as a Markdown list: each sentence, its n, a link to where the book shows it, and why.

A key finding's sentence is ``keyfinding.<key>.<outcome>`` where the chapter's sentence leans on
its paragraph ("It is ..."), else the chapter's own ``finding.<key>.<outcome>``. Its n is the
counted n of the deciding figures (a wave), or the n the base of the printed figures states.
"""

from __future__ import annotations

import pandas as pd

from report_lib.analysis.findings.finding import Finding
from report_lib.present.escape import markdown_text
from report_lib.present.finding_text import finding_reason, named, reason_marker
from report_lib.present.labels import Labels


def key_sentence(label: Labels, finding: Finding) -> str:
    """The sentence of a key finding, written to stand alone."""
    key = f"keyfinding.{finding.key}.{finding.outcome}"
    if not label.has(key):
        key = f"finding.{finding.key}.{finding.outcome}"
    return label(key).format(**{name: named(label, value) for name, value in finding.fields.items()})


def finding_n(label: Labels, finding: Finding) -> str:
    """``n=…`` of a finding: the counted n of its figures (a range when they differ), else their bases' stated n."""
    counted = sorted({int(e.n) for e in finding.evidence if e.n is not None})
    if counted:
        return f"{counted[0]}–{counted[-1]}" if len(counted) > 1 else str(counted[0])
    bases = label.dataset.table("bases").set_index("base")["n"]
    figures = label.dataset.figures.set_index("id")
    stated = {bases.get(figures.loc[e.figure_id, "base"]) for e in finding.evidence if e.figure_id in figures.index}
    stated = {int(n) for n in stated if n is not None and pd.notna(n)}
    return str(stated.pop()) if len(stated) == 1 else ""



def key_findings_markdown(label: Labels, findings: list[Finding], links: dict[str, str]) -> str:
    """The key findings as a MyST list: sentence, n, a cross-reference (``links``: key -> role), the reason marker."""
    items = []
    for finding in findings:
        n = finding_n(label, finding)
        size = (label("keyfinding.n").format(n=n) if n else label("footer.n_not_published")) if finding.evidence else ""
        parts = [p for p in (size, links.get(finding.key, "")) if p]
        tail = label("keyfinding.tail").format(parts=label("join.separator_long").join(parts)) if parts else ""
        items.append(f"- {markdown_text(key_sentence(label, finding))}{tail}{reason_marker(finding_reason(label, finding), label.lang)}")
    return "\n".join(items) + "\n"
