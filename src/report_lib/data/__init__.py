"""Read and validate the data folder: CSV records with line numbers, table specs, metadata, the Dataset.

Knows nothing of labels, charts or books. Every problem is a ``file:line: column: reason``.
"""
