"""A wave's figures under the 2023 keys, and what its changed questionnaire leaves without a counterpart.

A figure is found by its key ``(topic, subject, category, segment)``
(:data:`report_lib.analysis.survey_merge.KEY`). A wave's option takes the key of the 2023 option
the crosswalk maps it to (:mod:`report_lib.data.survey.crosswalk`), whatever its own
``options.csv`` says, so a renamed or reworded answer is compared with its 2023 figure. An option
that maps to none gets a key of its own, ``wave__<question>`` / ``wave__<question>__<option>``,
that no published figure has, so it is never silently paired with one.

Each row gets a status in :data:`STATUS` (empty when nothing changed):

- ``reworded``: computed, mapped by a crosswalk row marked ``reworded``;
- ``new``: computed, its question is new in this wave;
- ``not_comparable``: computed from a wave option that maps to no 2023 option, or a 2023 figure
  fed only by a 2023 option no wave option maps to;
- ``not_asked``: a 2023 figure fed only by a question the wave did not ask (its value stays the
  2023 one and the chart says so).
"""

from __future__ import annotations

import pandas as pd

from report_lib.data.survey.crosswalk import REWORDED, Crosswalk

STATUS = "wave_change"
"""Column of a page's figures that says how the questionnaire change touches the row."""
NEW, NOT_COMPARABLE, NOT_ASKED = "new", "not_comparable", "not_asked"
BASE_COLUMNS = ("base_question_id", "base_option_id")
"""Columns naming the 2023 question and option a row stands for (empty for a wave's own)."""
FIGURE_KEY = ["topic", "subject", "category"]


def own_key(question_id: str, option_id: str) -> tuple[str, str]:
    """The ``(topic, subject)`` of a wave option that maps to no 2023 option: no published figure has it."""
    return f"wave__{question_id}", f"wave__{question_id}__{option_id}"


def keyed_options(options: pd.DataFrame, base_options: pd.DataFrame, crosswalk: Crosswalk) -> pd.DataFrame:
    """The wave's ``options`` with the key each feeds, its status and the 2023 option it stands for.

    Parameters
    ----------
    options, base_options
        The wave's and the 2023 ``survey/options.csv``.
    crosswalk
        The resolved mapping between them.

    Returns
    -------
    pandas.DataFrame
        ``options`` in its order, ``topic, subject, category, unit`` replaced by the 2023
        option's (mapped) or :func:`own_key` (unmapped), plus :data:`STATUS` and :data:`BASE_COLUMNS`.
    """
    base = base_options.set_index(["question_id", "option_id"])
    rows = []
    for option in options.to_dict("records"):
        source = (option["question_id"], option["option_id"])
        mapped = crosswalk.options.get(source)
        if mapped is not None:
            base_q, base_o, comparability = mapped
            found = base.loc[(base_q, base_o)]
            option.update({c: found[c] for c in (*FIGURE_KEY, "unit")}, base_question_id=base_q, base_option_id=base_o)
            option[STATUS] = REWORDED if comparability == REWORDED else ""
        else:
            option["topic"], option["subject"] = own_key(*source)
            option.update(category="", base_question_id="", base_option_id="")
            option[STATUS] = NEW if source[0] in crosswalk.new else NOT_COMPARABLE
        rows.append(option)
    return pd.DataFrame(rows, columns=[*options.columns, STATUS, *BASE_COLUMNS])


def to_base_keys(computed: pd.DataFrame, keyed: pd.DataFrame, base_questions: pd.DataFrame,
                 crosswalk: Crosswalk) -> pd.DataFrame:
    """The wave's computed figures under the keys of :func:`keyed_options`.

    A mapped row also takes its 2023 question's chapter; a new question keeps its own.
    """
    columns = ["question_id", "option_id", *FIGURE_KEY, "unit", STATUS, *BASE_COLUMNS]
    rows = computed.drop(columns=[*FIGURE_KEY, "unit"]).merge(keyed[columns], on=["question_id", "option_id"],
                                                             how="left", validate="many_to_one")
    chapters = dict(zip(base_questions["question_id"], base_questions["chapter"].astype(int)))
    mapped = rows["question_id"].map(crosswalk.questions).map(chapters)
    rows["chapter"] = mapped.fillna(rows["chapter"]).astype(int)
    rows["unit"] = rows["unit"].replace("", "percent")
    return rows[[*computed.columns, STATUS, *BASE_COLUMNS]]


def unanswered(base_options: pd.DataFrame, crosswalk: Crosswalk) -> pd.DataFrame:
    """The 2023 figure keys this wave leaves without a value of its own, each with its status.

    A key fed by a question the wave did not ask is ``not_asked``; one fed by a 2023 option
    of an asked question that no wave option maps to is ``not_comparable``.
    """
    status = {**{(q, o): NOT_COMPARABLE for q, o in crosswalk.base_unmapped},
              **{(q, o): NOT_ASKED for q, o in zip(base_options["question_id"], base_options["option_id"])
                 if q in crosswalk.not_asked}}
    rows = base_options[[(q, o) in status for q, o in zip(base_options["question_id"], base_options["option_id"])]]
    out = rows[FIGURE_KEY].assign(**{STATUS: [status[(q, o)] for q, o in zip(rows["question_id"], rows["option_id"])]},
                                  base_question_id=rows["question_id"], base_option_id=rows["option_id"])
    return out.drop_duplicates(FIGURE_KEY).reset_index(drop=True)


def mark_unanswered(figures: pd.DataFrame, keys: pd.DataFrame) -> pd.DataFrame:
    """``figures`` with :data:`STATUS` and :data:`BASE_COLUMNS` set on the published rows of ``keys``.

    Computed rows keep theirs; published rows of other keys get empty ones. A key the wave
    computes (another option feeds it) is not touched: its value is the wave's.
    """
    out = figures.copy()
    for column in (STATUS, *BASE_COLUMNS):
        out[column] = out[column].astype(object).fillna("") if column in out else ""
    published = out["question_id"].fillna("").astype(str) == "" if "question_id" in out else pd.Series(True, out.index)
    found = out.loc[published, FIGURE_KEY].astype(str).merge(keys, on=FIGURE_KEY, how="left")
    for column in (STATUS, *BASE_COLUMNS):
        out.loc[published, column] = found[column].astype(object).fillna("").to_numpy()
    return out


def computed_with_status(figures: pd.DataFrame, statuses: tuple[str, ...]) -> pd.DataFrame:
    """The rows of ``figures`` whose :data:`STATUS` is one of ``statuses`` (none without the column)."""
    if STATUS not in figures:
        return figures.iloc[0:0]
    return figures[figures[STATUS].fillna("").isin(statuses)]


def new_question_rows(figures: pd.DataFrame, chapter: int) -> pd.DataFrame:
    """The computed rows of questions new in this wave whose ``chapter`` is ``chapter`` (shares only, no means)."""
    rows = computed_with_status(figures, (NEW,))
    rows = rows[(rows["chapter"].astype(int) == int(chapter)) & (rows["unit"] == "percent")]
    return rows.drop_duplicates(["question_id", "option_id", "segment"])
