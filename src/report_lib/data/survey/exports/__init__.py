"""Survey exports as the platforms write them, read into the fixed survey format (DESIGN.md section 8).

One module per idea: :mod:`.shape` tells which export a responses file is, :mod:`.excel`,
:mod:`.spss` and :mod:`.qualtrics` read the file types and header rows, :mod:`.wenjuanxing`
holds 问卷星's conventions, :mod:`.column_map` reads ``survey/columns.csv``, :mod:`.codes` turns
codes, value labels and option texts into option ids, and :mod:`.reading` applies all of it to
the file as one Ibis projection (no row loops), which :func:`report_lib.data.survey.responses.open_responses`
returns in place of the file. :mod:`.summary` counts what each map translated for ``check-data``.
"""
