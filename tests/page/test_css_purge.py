"""Tests of report_lib.page.css_purge: rules no page can match are dropped, everything else stays."""

from __future__ import annotations

from report_lib.page.css_purge import purge, site_classes, split_blocks


def test_rules_of_unused_classes_are_dropped_and_selectors_pruned():
    """A rule stays when one selector names only used classes; unused selectors of a kept rule go."""
    css = ".a{x:1}.b{x:2}.a .b,.a>p{x:3}p{x:4}"
    assert purge(css, {"a"}) == ".a{x:1}.a>p{x:3}p{x:4}"


def test_media_blocks_are_purged_inside_and_dropped_when_empty():
    """@media keeps its used rules; an @media left empty goes; other at-rules stay whole."""
    css = "@media (min-width:1px){.a{x:1}.b{x:2}}@media print{.b{x:3}}@keyframes k{0%{o:0}}"
    assert purge(css, {"a"}) == "@media (min-width:1px){.a{x:1}}@keyframes k{0%{o:0}}"


def test_attribute_and_functional_selectors_are_kept_and_strings_and_comments_are_safe():
    """Classes inside :not() or [attr] are not required; braces in strings and comments do not split rules."""
    css = '@charset "UTF-8";/*! licence {x} */.a:not(.gone),[class~=gone]{x:1}.b:before{content:"}"}'
    assert purge(css, {"a"}) == '@charset "UTF-8";/*! licence {x} */.a:not(.gone),[class~=gone]{x:1}'
    assert [p.strip() for p, _ in split_blocks(css)[0]][-1] == ".b:before"


def test_a_comment_dot_is_not_a_required_class():
    """A licence comment naming getbootstrap.com before a rule does not make the rule require class 'com'."""
    assert purge("/*! see getbootstrap.com */:root{--x:1}", set()) == "/*! see getbootstrap.com */:root{--x:1}"


def test_site_classes_come_from_class_attributes_and_the_scripts_pages_run(tmp_path):
    """Page class attributes, inline scripts and the scripts pages load; not the search index, not unloaded scripts."""
    (tmp_path / "s.js").write_text("el.className = 'd-e'", encoding="utf-8")
    (tmp_path / "unloaded.js").write_text("el.className = 'modal'", encoding="utf-8")
    (tmp_path / "searchindex.js").write_text("Search.setIndex({terms: {carousel: 1}})", encoding="utf-8")
    (tmp_path / "p.html").write_text('<div class="a b"></div><script>x.classList.add("c")</script>'
                                     '<script src="s.js?v=1"></script><script src="searchindex.js"></script>',
                                     encoding="utf-8")
    classes = site_classes([tmp_path / "p.html"])
    assert {"a", "b", "c", "d-e"} <= classes and not {"carousel", "modal"} & classes


def test_classes_a_script_puts_together_are_kept_by_their_prefix(tmp_path):
    """`bs-${name}-auto` and "toggle-" + state in a script keep the rules of bs-tooltip-auto and toggle-hidden."""
    (tmp_path / "s.js").write_text('t.classList.add(`bs-${this.constructor.NAME}-auto`);x.add("toggle-" + s)',
                                   encoding="utf-8")
    (tmp_path / "p.html").write_text('<script src="s.js"></script>', encoding="utf-8")
    classes = site_classes([tmp_path / "p.html"])
    assert {"bs-", "toggle-"} <= classes
    css = ".bs-tooltip-auto .tooltip-arrow{x:1}.bs-tooltip-auto{x:2}.toggle-hidden{x:3}.popover{x:4}"
    assert purge(css, classes) == ".bs-tooltip-auto{x:2}.toggle-hidden{x:3}"
