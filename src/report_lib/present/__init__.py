"""Presentation: labels (zh/en), the chart theme, charts grouped by form, display tables and footers. No file I/O."""
