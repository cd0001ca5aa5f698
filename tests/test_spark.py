"""The Ibis metrics give exactly the DuckDB numbers on a local PySpark session."""

import os
import shutil

import pandas as pd
import pytest

pytestmark = [
    pytest.mark.spark,
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

from cjcourse.data import FUNNEL_STEPS, simulate_shop  # noqa: E402
from cjcourse.metrics import funnel, retention_cohorts, transitions  # noqa: E402


@pytest.fixture(scope="module")
def spark_con():
    pyspark = pytest.importorskip(
        "pyspark", reason="pyspark no está instalado (pip install pyspark)"
    )
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip(
            "No hay Java: PySpark necesita Java 17 (apt-get install openjdk-17-jre-headless)"
        )
    import ibis

    session = (
        pyspark.sql.SparkSession.builder.master("local[2]")
        .appName("cjcourse-tests")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield ibis.pyspark.connect(session)
    session.stop()


@pytest.fixture(scope="module")
def data(spark_con):
    ev = simulate_shop(400, seed="spark", days=60).events
    ev = ev[["customer_id", "timestamp", "event", "channel", "device"]].copy()
    for col in ("event", "channel", "device"):
        ev[col] = ev[col].astype(str)
    spark_con._session.createDataFrame(ev).createOrReplaceTempView("events")
    return ev, spark_con.table("events")


def _same(a: pd.DataFrame, b: pd.DataFrame, keys):
    a = a.sort_values(keys).reset_index(drop=True)
    b = b.sort_values(keys).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b, check_dtype=False)


def test_funnel_on_spark_equals_duckdb(data):
    pdf, sdf = data
    for kwargs in ({}, {"window": 2}, {"mode": "open"}, {"by": "device"}):
        _same(
            funnel(sdf, FUNNEL_STEPS, **kwargs),
            funnel(pdf, FUNNEL_STEPS, **kwargs),
            ["device", "step_index"] if "by" in kwargs else ["step_index"],
        )


def test_transitions_on_spark_equal_duckdb(data):
    pdf, sdf = data
    _same(transitions(sdf), transitions(pdf), ["source", "target"])


def test_retention_on_spark_equals_duckdb(data):
    pdf, sdf = data
    for period in ("W", "M"):
        _same(
            retention_cohorts(sdf, period=period),
            retention_cohorts(pdf, period=period),
            ["cohort", "period"],
        )
