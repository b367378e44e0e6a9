"""Chart builders of the book, grouped by form; each returns ``(chart, table)``.

Every builder takes :class:`~report_lib.present.labels.Labels`. The chart carries no
title (:meth:`report_lib.page.page.Chapter.show` sets it from the chart's key); the table
is the tidy data behind the chart, written as its downloadable CSV and shown in the PDF. Bars: :mod:`~report_lib.present.charts.bars`; lines:
:mod:`~report_lib.present.charts.lines`; points: :mod:`~report_lib.present.charts.points`;
grids: :mod:`~report_lib.present.charts.grids`.

Altair checks every spec object against the Vega-Lite schema as it is built (its "debug mode")
and again when a chart becomes a spec (``to_dict``, in :func:`report_lib.page.render.render_chart`).
The book keeps the check at the end, which sees the whole spec and fails the page on an invalid
one, and skips the check of every object on the way (``disable_debug_mode``): the same specs,
built in a fraction of the time.
"""

from altair.utils.schemapi import disable_debug_mode

from report_lib.present.charts.bars import (claims_per_case, derived_services, figure_bars, theme_frequency,
                                            vendors_per_category)
from report_lib.present.charts.grids import (capability_grid, segment_heatmap, strategy_matrix, theme_matrix,
                                             tier_grid)
from report_lib.present.charts.lines import growth_check, level_line
from report_lib.present.charts.points import deployment_modes, policy_ladder

disable_debug_mode()
