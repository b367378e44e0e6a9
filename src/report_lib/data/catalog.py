"""The data files of the report and the rules each must satisfy.

``published/figures.csv`` is the data of record: one row per figure the source states.
The ``reference/`` tables hold labels (zh/en) and lookups; figures refer to them, and a
few reference tables refer back to figures (a theme echoes a chapter-2 need, a trend lists
its figure topics). Tables are validated in dependency order (:func:`in_dependency_order`),
so each lookup's keys are known, and become the allowed values, before they are used.
"""

from __future__ import annotations

from report_lib.data.schema import TableSpec

SEGMENTS = TableSpec(
    "segments", "reference", key="segment",
    required=("segment", "kind", "label_en", "label_zh", "short_en", "short_zh", "order", "description_en",
              "description_zh"),
    optional=("source_terms_zh",), numbers=("order",),
    choices={"kind": ("market", "bank_type", "combined", "subgroup")},
)
UNITS = TableSpec(
    "units", "reference", key="unit", required=("unit", "label_en", "label_zh", "description_en", "whole"),
    optional=("suffix_en", "suffix_zh", "min", "max"), numbers=("min", "max"), choices={"whole": ("yes", "no")},
)
QUALIFIERS = TableSpec(
    "qualifiers", "reference", key="qualifier", required=("qualifier", "label_en", "label_zh", "description_en"),
    optional=("prefix_en", "suffix_en", "prefix_zh", "suffix_zh"),
)
BASES = TableSpec("bases", "reference", key="base", required=("base", "survey", "label_en", "label_zh", "description_en"),
                  optional=("n",), numbers=("n",), choices={"survey": ("yes", "no")})
FLAGS = TableSpec("flags", "reference", key="flag", required=("flag", "label_en", "label_zh", "description_en"))
LABELS = TableSpec("labels", "reference", key="key", required=("key", "en", "zh"))
GLOSSARY = TableSpec("glossary", "reference", key="term_zh", required=("term_zh", "term_en", "definition_en",
                                                                          "definition_zh"),
                     optional=("variants_zh",))
POLICY_LEVELS = TableSpec(
    "policy_levels", "reference", key="scope_level", required=("scope_level", "scope_order", "label_en", "label_zh"),
    numbers=("scope_order",),
)
POLICIES = TableSpec(
    "policies", "reference", key="policy_id",
    required=("policy_id", "scope_level", "title_zh", "title_en", "short_en", "short_zh", "issuer_basis", "key_phrase_zh",
              "key_phrase_en", "quote_zh"),
    optional=("issuer_zh", "issuer_en", "period_in_title"),
    lookups={"scope_level": ("policy_levels", "scope_level")},
    choices={"issuer_basis": ("source", "public_record")},
)
TOOLS = TableSpec(
    "tools", "reference", key="tool_id",
    required=("tool_id", "name_zh", "name_en", "definition_en", "quote_zh"),
    optional=("parent_tool", "lifecycle_stage", "channel", "placement_basis"),
    choices={"lifecycle_stage": ("acquisition", "value_growth", "retention"),
             "channel": ("online", "offline", "channel_linkage"), "placement_basis": ("stated", "inferred")},
)
TOOL_GRADES = TableSpec(
    "tool_grades", "reference", key="grade_id",
    required=("grade_id", "tool_id", "dimension", "time_point", "grade", "quote_zh"), optional=("note",),
    lookups={"tool_id": ("tools", "tool_id")},
    choices={"dimension": ("importance", "maturity", "effect"), "time_point": ("t0", "t+5y", "overall"),
             "grade": ("high", "medium", "low")},
)
TOOL_CLASSES = TableSpec(
    "tool_classes", "reference", key="tool_id",
    required=("tool_id", "tier", "tier_quote_zh", "core", "core_quote_zh"), optional=("note",), numbers=("tier",),
    lookups={"tool_id": ("tools", "tool_id")}, choices={"tier": ("1", "2", "3"), "core": ("yes", "no")},
)
TRENDS = TableSpec(
    "trends", "reference", key="trend_id",
    required=("trend_id", "order", "title_zh", "title_en", "summary_en", "summary_zh", "quote_zh"),
    optional=("figure_topics",), numbers=("order",),
    lookups={"figure_topics": ("figures", "topic")},
)
STRUCTURE_NEEDS = TableSpec(
    "structure_needs", "reference", key="need_id",
    required=("need_id", "order", "name_zh", "name_en", "description_en", "description_zh", "quote_zh"),
    numbers=("order",),
)
EXPERTS = TableSpec(
    "experts", "reference", key="expert_id",
    required=("expert_id", "order", "view_id", "name_zh", "name_en", "company_zh", "company_en", "title_zh",
              "title_en", "summary_en", "summary_zh", "quote_zh"),
    optional=("headline_zh",), numbers=("order",),
)
THEMES = TableSpec(
    "themes", "reference", key="theme_id",
    required=("theme_id", "order", "name_zh", "name_en", "definition_en"),
    optional=("echoes_trend", "echoes_need"), numbers=("order",),
    lookups={"echoes_trend": ("trends", "trend_id"), "echoes_need": ("figures", "subject")},
)
EXPERT_THEMES = TableSpec(
    "expert_themes", "reference", key="cell_id",
    required=("cell_id", "expert_id", "theme_id", "quote_zh"),
    lookups={"expert_id": ("experts", "expert_id"), "theme_id": ("themes", "theme_id")},
)
FIGURES = TableSpec(
    "figures", "published", key="id",
    required=("id", "chapter", "topic", "subject", "segment", "value", "unit", "qualifier", "base", "quote_zh"),
    optional=("category", "flag", "note", "note_zh"),
    numbers=("chapter", "value"),
    lookups={
        "segment": ("segments", "segment"),
        "unit": ("units", "unit"),
        "qualifier": ("qualifiers", "qualifier"),
        "base": ("bases", "base"),
        "flag": ("flags", "flag"),
    },
)

# Chapter 3: vendors, the TOP30 list and the case studies.
VENDOR_DIMENSIONS = TableSpec(
    "vendor_dimensions", "reference", key="dimension_id",
    required=("dimension_id", "order", "name_zh", "name_en", "note_en", "quote_zh"),
    optional=("sub_indicators_en", "sub_indicators_zh", "weight"), numbers=("order", "weight"),
)
VENDOR_CATEGORIES = TableSpec(
    "vendor_categories", "reference", key="category_id",
    required=("category_id", "order", "group_zh", "group_en", "name_zh", "name_en", "definition_en", "definition_zh",
              "quote_zh"),
    numbers=("order",),
)
VENDORS = TableSpec(
    "vendors", "reference", key="vendor_id",
    required=("vendor_id", "name_zh", "name_en", "category_basis", "top30_listed", "quote_zh", "note_en"),
    optional=("category_id",),
    lookups={"category_id": ("vendor_categories", "category_id")},
    choices={"category_basis": ("stated", "inferred", "unknown"), "top30_listed": ("yes", "unknown")},
)
CASES = TableSpec(
    "cases", "reference", key="case_id",
    required=("case_id", "order", "vendor_id", "claims_topic", "title_zh", "title_en", "summary_en", "summary_zh",
              "quote_zh"),
    numbers=("order",), lookups={"vendor_id": ("vendors", "vendor_id")},
)
CAPABILITIES = TableSpec(
    "capabilities", "reference", key="capability_id",
    required=("capability_id", "order", "name_zh", "name_en", "definition_en"), numbers=("order",),
)
VENDOR_CAPABILITIES = TableSpec(
    "vendor_capabilities", "reference", key="cell_id",
    required=("cell_id", "vendor_id", "capability_id", "quote_zh"), optional=("case_id", "note_en"),
    lookups={"vendor_id": ("vendors", "vendor_id"), "capability_id": ("capabilities", "capability_id"),
             "case_id": ("cases", "case_id")},
)
VENDOR_TABLES: tuple[TableSpec, ...] = (
    VENDOR_DIMENSIONS, VENDOR_CATEGORIES, VENDORS, CASES, CAPABILITIES, VENDOR_CAPABILITIES,
)

REFERENCE_TABLES: tuple[TableSpec, ...] = (
    SEGMENTS, UNITS, QUALIFIERS, BASES, FLAGS, LABELS, GLOSSARY, POLICY_LEVELS, POLICIES, TOOLS,
    TOOL_GRADES, TOOL_CLASSES,
    *VENDOR_TABLES,
    TRENDS, STRUCTURE_NEEDS, EXPERTS, THEMES, EXPERT_THEMES,
)


def in_dependency_order(specs: tuple[TableSpec, ...]) -> tuple[TableSpec, ...]:
    """Return ``specs`` ordered so that every table comes after the tables its lookups refer to.

    Reference tables may look up the data of record (e.g. ``themes.echoes_need`` ->
    ``figures.subject``), so validation cannot simply take reference tables first. The
    order is otherwise kept (a stable topological sort).

    Raises
    ------
    ValueError
        If a lookup names a table that is not in ``specs``, or lookups form a cycle.
    """
    names = {spec.name for spec in specs}
    pending, ordered, done = list(specs), [], set()
    while pending:
        ready = next((s for s in pending if {t for t, _ in s.lookups.values()} - {s.name} <= done), None)
        if ready is None:
            unknown = {t for s in pending for t, _ in s.lookups.values()} - names
            reason = f"unknown tables {sorted(unknown)}" if unknown else "a cycle"
            raise ValueError(f"table lookups cannot be ordered: {reason} in {[s.name for s in pending]}")
        ordered.append(ready)
        done.add(ready.name)
        pending.remove(ready)
    return tuple(ordered)


ALL_TABLES: tuple[TableSpec, ...] = in_dependency_order(REFERENCE_TABLES + (FIGURES,))
