"""Chart builders of the book, grouped by form; each returns ``(chart, table)``.

Every builder takes :class:`~report_lib.present.labels.Labels`. The chart carries no
title (:meth:`report_lib.page.page.Chapter.show` sets it from the chart's key); the table
is the tidy data behind the chart, written as its downloadable CSV and shown in the PDF. Bars: :mod:`~report_lib.present.charts.bars`; lines:
:mod:`~report_lib.present.charts.lines`; points: :mod:`~report_lib.present.charts.points`;
grids: :mod:`~report_lib.present.charts.grids`.
"""

from report_lib.present.charts.bars import (claims_per_case, derived_services, figure_bars, theme_frequency,
                                            vendors_per_category)
from report_lib.present.charts.grids import (capability_grid, segment_heatmap, strategy_matrix, theme_matrix,
                                             tier_grid)
from report_lib.present.charts.lines import growth_check, level_line
from report_lib.present.charts.points import deployment_modes, policy_ladder
