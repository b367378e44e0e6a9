"""The gate every build passes first: validate the data folder, print each problem, build nothing when one is found.

It imports only the data layer, so ``check-data`` answers without loading the analysis,
presentation or page layers (about two seconds of imports less per run).
"""

from __future__ import annotations

import sys
from pathlib import Path

from report_lib.data.dataset import check_data
from report_lib.data.survey.edition import edition_warnings
from report_lib.data.survey.exports.summary import wave_reading_lines


def validate_or_report(data_dir: Path) -> bool:
    """Print every data problem (one per line) to stderr, then any warning; return True when the data is valid.

    A warning (a wave without a ``year``, :func:`report_lib.data.survey.edition.edition_warnings`)
    does not stop the build.
    """
    problems = check_data(data_dir)
    for warning in [] if problems else edition_warnings(Path(data_dir)):
        print(warning, file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) in {data_dir}; nothing was built.", file=sys.stderr)
    else:
        for line in wave_reading_lines(data_dir):  # which shape the survey responses were read as (issue 23)
            print(line)
    return not problems
