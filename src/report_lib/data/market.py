"""The segment id that stands for the whole market (every bank type together) in the data files.

A module of its own so that code which only needs the id (the publishing workers, for
instance) does not import pandas with :mod:`report_lib.analysis.segments`.
"""

MARKET = "all"
