"""Pin the public API of the measurement engine (a change here is a change for the notebooks)."""

import inspect

import cjcourse.data
import cjcourse.events
import cjcourse.metrics


def test_metrics_api():
    assert sorted(cjcourse.metrics.__all__) == sorted(
        [
            "BGNBDFit",
            "GammaGammaFit",
            "SmallSampleWarning",
            "acquisitions",
            "attribution",
            "attribution_comparison",
            "cac",
            "cart_abandonment",
            "ces",
            "ces_summary",
            "churn_rate",
            "clv_retention",
            "clv_simple",
            "csat",
            "csat_summary",
            "first_contact_resolution",
            "fit_bgnbd",
            "fit_gamma_gamma",
            "funnel",
            "funnel_times",
            "ltv_cac",
            "markov_attribution",
            "next_actions",
            "nps",
            "nps_summary",
            "pain_points",
            "path_links",
            "period_retention",
            "predict_clv",
            "previous_actions",
            "retention_cohorts",
            "retention_matrix",
            "retention_rate",
            "rfm_summary",
            "top_paths",
            "transitions",
            "wilson_interval",
        ]
    )
    for name in cjcourse.metrics.__all__:
        assert getattr(cjcourse.metrics, name).__doc__, name


def test_column_arguments_have_the_documented_defaults():
    for fn in (
        cjcourse.metrics.funnel,
        cjcourse.metrics.transitions,
        cjcourse.metrics.retention_cohorts,
        cjcourse.metrics.attribution,
    ):
        params = inspect.signature(fn).parameters
        assert params["customer_col"].default == "customer_id"
        assert params["event_col"].default == "event"
        assert params["timestamp_col"].default == "timestamp"
    params = inspect.signature(cjcourse.metrics.funnel).parameters
    assert params["mode"].default == "closed" and params["window"].default is None


def test_data_and_events_api():
    assert {"simulate_shop", "load_shop", "ShopData", "load_cdnow", "load_cdnow_summary"} <= set(
        cjcourse.data.__all__
    )
    assert issubclass(cjcourse.events.EventLogError, ValueError)
