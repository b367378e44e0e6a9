"""A computed finding in words: its sentence in the page's language, and why the data chose it.

The sentence of a finding is the label ``finding.<key>.<outcome>`` (one per language, each
written for its own grammar); its ``{...}`` fields are filled from the finding's values: a
figure as printed (``figure_text``), a bank type as it reads inside a sentence
(``inline.segment.<id>``), a subject by its short name in quotes (``short.<subject>``), a tool by
its name, a tuple as a list (``a, b and c`` / ``a、b和c``), a tuple of pairs as ``a: b; c: d``.
The reason is the rule's label ``rule.<rule>`` followed by the deciding figures with their n.
"""

from __future__ import annotations

from report_lib.analysis.findings.finding import Evidence, Finding, Ref
from report_lib.analysis.findings.rules import THRESHOLDS
from report_lib.present.labels import Labels, join_words, short_name
from report_lib.present.tables import figure_text


def named(label: Labels, value: object) -> str:
    """One field value in words: a :class:`Ref` by its label, a tuple as a list, a number as written."""
    if isinstance(value, Ref):
        if value.kind == "figure":
            return figure_text(label, value.id)
        if value.kind == "segment":
            return label(f"inline.segment.{value.id}")
        if value.kind == "tool":
            return in_sentence(label, label.name("tools", value.id))
        return in_sentence(label, short_name(label, value.id))
    if isinstance(value, tuple):
        if value and all(isinstance(item, tuple) for item in value):
            return join_words(label, (label("finding.pair").format(*(named(label, v) for v in item))
                                      for item in value), None, long=True)
        return join_words(label, (named(label, item) for item in value), "and")
    return str(value)


def in_sentence(label: Labels, name: str) -> str:
    """A name as it reads inside an English sentence: ``User rights platform`` -> ``user rights platform``.

    Only a capital that starts a plain word is lowered (``WeCom``, ``CRM`` keep theirs); Chinese is unchanged.
    """
    first = name.split(" ", 1)[0]
    if label.lang == "en" and len(first) > 1 and first[0].isupper() and first[1:].islower():
        return name[0].lower() + name[1:]
    return name


def finding_sentence(label: Labels, finding: Finding, **given: str) -> str:
    """The sentence of ``finding`` in ``label``'s language, its fields filled in.

    ``given`` are texts for fields the finding does not compute (a 2023 figure an attributed
    sentence quotes); the finding's own values take precedence.
    """
    fields = given | {name: named(label, value) for name, value in finding.fields.items()}
    return label(f"finding.{finding.key}.{finding.outcome}").format(**fields)


def evidence_text(label: Labels, evidence: Evidence) -> str:
    """One deciding figure: what it measures, for whom, its value and n (``Data security, all banks: 29.1%, n=591``)."""
    what = label(f"short.{evidence.subject}") if label.has(f"short.{evidence.subject}") else label.subject(evidence.subject)
    if evidence.category:  # the tool a figure is about
        what = label("finding.tool_measure").format(tool=label.name("tools", evidence.category), what=what)
    n = "" if evidence.n is None else label("finding.n").format(n=int(evidence.n))
    return label("finding.evidence").format(what=what, segment=label(f"inline.segment.{evidence.segment}")
                                            if label.has(f"inline.segment.{evidence.segment}") else evidence.segment,
                                            value=f"{evidence.value:g}%", n=n)


def finding_reason(label: Labels, finding: Finding) -> str:
    """Why the data chose the sentence: the rule with its threshold, then every deciding figure; empty if attributed."""
    if not finding.computed:
        return ""
    rule = label(f"rule.{finding.rule}").format(**THRESHOLDS)
    if not finding.evidence:
        return label("finding.reason_rule").format(rule=rule)
    figures = label("join.separator_long").join(evidence_text(label, e) for e in finding.evidence)
    return label("finding.reason").format(rule=rule, figures=figures)


def reason_marker(reason: str, lang: str = "en") -> str:
    """The focusable marker of a computed sentence: its reason as tooltip, focus text and print note.

    English sets it off with a space; Chinese, which puts no space after its punctuation, does not.
    """
    from html import escape
    space = "" if lang == "zh" else " "
    return (f'{space}<span class="finding-why" tabindex="0" role="note" aria-label="{escape(reason)}" '
            f'data-reason="{escape(reason)}">ⓘ</span>') if reason else ""
