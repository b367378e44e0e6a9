"""Tests of report_lib.page.icons: the theme's stylesheet without Font Awesome's fonts, the used icons as masks."""

from __future__ import annotations

from urllib.parse import unquote

from report_lib.page import icons

SCRIPT = ('var p={"square-github":[448,512,[],"f092","M64 32Z"]};d("fab",p);'
          'var p={sun:[512,512,[9728],"f185","M1 1Z"]};d("far",p);'
          'var p={sun:[512,512,[9728],"f185","M2 2Z"],"magnifying-glass":[512,512,[128269,"search"],"f002","M3 3Z"]};'
          'd("fas",p);')


def test_icons_are_read_per_pack_with_their_aliases():
    """Each icon belongs to the pack whose call follows it; aliases name the same icon; quoted or bare names."""
    packs = icons.read_icons(SCRIPT)
    assert packs["fab"]["square-github"] == icons.Icon(448, 512, "M64 32Z")
    assert packs["far"]["sun"].path == "M1 1Z" and packs["fas"]["sun"].path == "M2 2Z"
    assert packs["fas"]["search"] is packs["fas"]["magnifying-glass"]


def test_icon_rules_draw_the_solid_icon_as_a_mask_of_its_width():
    """A used icon gets its SVG (solid first) as a mask; a class that is no icon gets nothing."""
    css = icons.icon_rules(icons.read_icons(SCRIPT), {"sun", "square-github", "lg"})
    assert ".fa-sun:before" in css and ".fa-square-github:before" in css and "fa-lg" not in css
    assert "background-color:currentColor" in css
    sun = unquote(css.split(".fa-sun{")[1].split("}")[0])
    assert "M2 2Z" in sun and "viewBox='0 0 512 512'" in sun
    assert "--report-icon-width:0.875em" in css  # 448 / 512


def test_font_awesome_fonts_and_glyphs_are_stripped():
    """Font faces of Font Awesome and per-icon glyph rules go; other rules stay."""
    css = ('@font-face{font-family:"Font Awesome 6 Free";src:url(a.woff2)}@font-face{font-family:Other;src:url(b)}'
           '.fa-sun:before{content:"\\f185"}.fa-a:before,.fa-b:before{content:"\\f000"}.fa-spin{x:1}')
    assert icons.strip_font_awesome(css) == "@font-face{font-family:Other;src:url(b)}.fa-spin{x:1}"


def test_theme_stylesheet_needs_no_font_and_draws_the_theme_icons():
    """The real theme: no Font Awesome font is referenced, and the icons the site shows are drawn."""
    css = icons.light_theme_stylesheet()
    assert "webfonts" not in css and "Font Awesome" not in css.split("@font-face")[-1][:200]
    for name in ("bars", "magnifying-glass", "sun", "moon", "circle-half-stroke", "list", "arrow-up", "xmark"):
        assert f".fa-{name}{{--report-icon:" in css, name
