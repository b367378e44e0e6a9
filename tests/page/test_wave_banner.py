"""The "synthetic data" banner: shown for a wave whose metadata says synthetic, in the page's language, else nothing."""

from __future__ import annotations

from pathlib import Path

from report_lib import paths
from report_lib.page.wave_banner import banner_html, banner_text
from survey_helpers import synthetic_wave, tiny_wave


def test_synthetic_wave_has_a_banner_in_both_languages(tmp_path):
    wave = synthetic_wave(tmp_path)
    assert "Synthetic data, not survey results" in banner_html(wave, "en")
    assert "合成数据" in banner_html(wave, "zh")
    assert 'role="note"' in banner_html(wave, "en")


def test_published_data_and_a_real_wave_have_none(tmp_path):
    assert banner_text(paths.DEFAULT_DATA_DIR, "en") == ""
    assert banner_html(tiny_wave(tmp_path), "en") == ""  # no metadata: not said to be synthetic


def test_the_flag_drives_it(tmp_path):
    wave = synthetic_wave(tmp_path)
    meta = Path(wave, "survey", "responses.meta.yaml")
    meta.write_text(meta.read_text(encoding="utf-8").replace("synthetic: true", "synthetic: false"), encoding="utf-8")
    banner_text.cache_clear()
    assert banner_html(wave, "en") == ""
