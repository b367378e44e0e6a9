"""Chart builders of the book; each takes :class:`~report_lib.present.labels.Labels` and returns ``(chart, table)``.

The table is the tidy data behind the chart, written as its downloadable CSV and shown in the PDF.
"""

from report_lib.present.charts.experts import theme_frequency, theme_matrix
from report_lib.present.charts.general import (growth_check, level_line, policy_ladder, segment_bars,
                                               segment_heatmap, share_bars, strategy_matrix, tier_grid)
from report_lib.present.charts.trends import _tool_name, deployment_modes, derived_services
from report_lib.present.charts.vendors import (capability_grid, case_summaries, cases_table, categories_table,
                                               claims_per_case, claims_table, dimensions_table, marks_per_capability,
                                               marks_per_vendor, vendors_per_category, vendors_table)
