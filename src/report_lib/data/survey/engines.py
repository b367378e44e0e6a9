"""The query engines a wave is aggregated on: DuckDB (embedded, the default) or Spark.

Both are Ibis backends, so one set of Ibis expressions runs on either. Spark runs a local
session unless ``REPORT_SPARK_MASTER`` names a cluster (``spark://host:7077``, ``yarn``, ...).
"""

from __future__ import annotations

import os

import ibis

ENGINES = ("duckdb", "spark")


def connect(engine: str = "duckdb") -> ibis.BaseBackend:
    """Return an Ibis connection to ``engine`` (``duckdb`` or ``spark``).

    Parameters
    ----------
    engine
        ``duckdb``: an in-memory DuckDB database. ``spark``: a Spark session on
        ``REPORT_SPARK_MASTER`` (default ``local[2]``); needs a Java runtime.
    """
    if engine == "duckdb":
        return ibis.duckdb.connect()
    if engine == "spark":
        from pyspark.sql import SparkSession

        session = (
            SparkSession.builder.master(os.environ.get("REPORT_SPARK_MASTER", "local[2]"))
            .appName("report_lib-survey")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.ui.enabled", "false")
            .getOrCreate()
        )
        return ibis.pyspark.connect(session)
    raise ValueError(f"unknown engine {engine!r}; expected one of: {', '.join(ENGINES)}")
