"""Tests of report_lib.present.labels: labels come from reference data in both languages."""

import pytest

from report_lib.present.labels import Labels


def test_label_in_both_languages(dataset):
    """A key has an English and a Chinese label."""
    assert Labels(dataset, "en")("axis.year") == "Year"
    assert Labels(dataset, "zh")("axis.year") == "年份"


def test_missing_label_names_the_key_and_file(dataset):
    """An unknown key raises KeyError naming labels.csv."""
    with pytest.raises(KeyError, match="axis.nothing.*labels.csv"):
        Labels(dataset)("axis.nothing")


def test_unknown_language_is_refused(dataset):
    """Only en and zh are languages of the book."""
    with pytest.raises(ValueError):
        Labels(dataset, "fr")


@pytest.mark.parametrize("lang,qualifier,expected", [
    ("en", "at_least", "≥ 83%"), ("zh", "at_least", "83%以上"), ("en", "approx", "~83%"), ("zh", "approx", "约83%"),
    ("en", "exact", "83%"),
])
def test_value_keeps_its_qualifier(dataset, lang, qualifier, expected):
    """A value is shown with its qualifier in the reader's language."""
    assert Labels(dataset, lang).value("83", "percent", qualifier) == expected


def test_every_segment_has_labels(dataset):
    """All segment ids have short labels in both languages."""
    for segment in dataset.table("segments")["segment"]:
        assert Labels(dataset, "en").segment(segment) and Labels(dataset, "zh").segment(segment)


def test_no_split_note_only_where_the_segment_has_no_value(dataset):
    """The sentence appears for a bank type without a value, never in the main book or with a value."""
    from report_lib.present.labels import no_split_note

    label = Labels(dataset, "zh")
    cards = dataset.select(topic="bank_cards")
    rights = dataset.select(topic="rights_selection_factors")
    assert no_split_note(label, cards, "regional") == label("variant.no_split").format(segment=label.segment("regional", short=False))
    assert "没有按银行类型拆分" in no_split_note(label, cards, "regional")
    assert no_split_note(label, cards, "all") == ""
    assert no_split_note(label, rights, "regional") == ""
    assert label.segment("joint_stock", short=False) in no_split_note(label, dataset.select(chapter=4), "joint_stock")


def test_n_text_of_a_base_states_its_n_or_falls_back_to_the_segment(dataset):
    """A base with a stated n shows it; bank-type respondents show the inferred n; other bases without n show nothing."""
    from report_lib.present.labels import n_text

    label = Labels(dataset, "en")
    bases = dataset.table("bases")
    unstated = bases.loc[bases["n"].isna() & (bases["base"] != "respondents_segment"), "base"]
    assert n_text(label, "regional", "respondents_all") == "n=120"
    assert n_text(label, "regional", "respondents_segment") == n_text(label, "regional")
    if len(unstated):
        assert n_text(label, "regional", unstated.iloc[0]) == ""


def test_leaders_sentence_names_each_bank_type_in_the_page_language(dataset):
    """One sentence per bank type, naming it in full; Chinese labels give a Chinese sentence."""
    from report_lib.analysis.needs import segment_leaders
    from report_lib.analysis.segments import bank_types
    from report_lib.present.labels import leaders_sentence

    leaders = segment_leaders(dataset.figures)
    for lang in ("en", "zh"):
        label = Labels(dataset, lang)
        text = leaders_sentence(label, leaders, bank_types(dataset))
        assert all(label.segment(s, short=False) in text for s in bank_types(dataset))


@pytest.mark.parametrize("lang,items,kwargs,expected", [
    ("en", ["2022Q2", "2022Q3"], {}, "2022Q2 and 2022Q3"),
    ("zh", ["2022Q2", "2022Q3"], {}, "2022Q2和2022Q3"),
    ("en", ["a", "b", "c"], {}, "a, b and c"),
    ("zh", ["甲", "乙", "丙"], {}, "甲、乙和丙"),
    ("zh", ["甲", "乙"], {"word": "or"}, "甲或乙"),
    ("en", ["a", "b", "c"], {"word": None}, "a, b, c"),
    ("zh", ["甲", "乙", "丙"], {"word": None}, "甲、乙、丙"),
    ("en", ["a, x", "b"], {"word": None, "long": True}, "a, x; b"),
    ("zh", ["甲", "乙"], {"word": None, "long": True}, "甲；乙"),
    ("en", ["a 1, b 2", "a 3, b 4"], {"word": "or", "long": True}, "a 1, b 2 or a 3, b 4"),
    ("zh", ["甲 1、乙 2", "甲 3、乙 4"], {"word": "or", "long": True}, "甲 1、乙 2；或甲 3、乙 4"),
    ("en", ["only"], {}, "only"),
    ("en", [], {}, "none"),
    ("zh", [], {}, "无"),
    ("zh", [], {"none": None}, ""),
])
def test_join_words_uses_the_separators_and_conjunctions_of_the_language(dataset, lang, items, kwargs, expected):
    """Glued lists are joined with the language's separators and 'and'/'or' from labels.csv, never English in zh."""
    from report_lib.present.labels import join_words

    assert join_words(Labels(dataset, lang), items, **kwargs) == expected


def test_join_phrases_have_both_languages(dataset):
    """Every join.* and phrase.* label has an English and a Chinese text, and the Chinese has no English word."""
    import re

    labels = dataset.table("labels")
    rows = labels[labels["key"].str.startswith(("join.", "phrase."))]
    assert len(rows) >= 10
    for row in rows.itertuples():
        assert row.en and row.zh
        assert not re.search(r"[A-Za-z]{2,}", re.sub(r"\{\w+\}", "", row.zh)), row.key
