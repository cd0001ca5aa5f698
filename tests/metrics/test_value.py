import pandas as pd
import pytest

from cjcourse.metrics import (
    acquisitions,
    cac,
    clv_retention,
    clv_simple,
    fit_bgnbd,
    fit_gamma_gamma,
    ltv_cac,
    predict_clv,
    rfm_summary,
)


def test_clv_formulas():
    assert clv_retention(100, 0.8, 0.1) == pytest.approx(266.67, abs=0.01)
    assert clv_retention(100, 0.8, 0.1, acquisition_cost=66.67) == pytest.approx(200.0, abs=0.01)
    assert clv_simple(40, 3, 2) == 240.0
    with pytest.raises(ValueError, match="entre 0 y 1"):
        clv_retention(100, 80, 0.1)


def test_cac_and_ltv_cac():
    costs = pd.DataFrame(
        {"channel": ["sem", "social", "general"], "spend_eur": [300.0, 100.0, 200.0]}
    )
    new = pd.DataFrame({"channel": ["sem"] * 3 + ["social"] * 0 + ["buscador"]})
    out = cac(costs, new).set_index("channel")
    assert out.loc["sem", "cac"] == 100.0
    assert pd.isna(out.loc["social", "cac"])  # spend but nobody new
    assert out.loc["(total)", "cac"] == 150.0  # (300 + 100 + 200) / 4
    assert ltv_cac(300.0, 100.0) == 3.0


def test_acquisitions_use_first_touch_and_first_purchase():
    ev = pd.DataFrame(
        {
            "customer_id": [1, 1, 1, 2],
            "event": ["visita", "compra", "compra", "visita"],
            "channel": ["sem", "email", "email", "sem"],
            "timestamp": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-05", "2026-01-01"]),
        }
    )
    a = acquisitions(ev)
    assert a["customer_id"].tolist() == [1]
    assert a["channel"].tolist() == ["sem"]
    assert a["first_purchase"].iloc[0] == pd.Timestamp("2026-01-02")


def test_rfm_summary_hand_computed():
    tx = pd.DataFrame(
        {
            "customer_id": [1, 1, 1, 1, 2],
            "timestamp": pd.to_datetime(
                [
                    "2026-01-01 09:00",
                    "2026-01-01 18:00",
                    "2026-01-15 09:00",
                    "2026-03-01 09:00",
                    "2026-01-08 09:00",
                ]
            ),
            "revenue": [10.0, 5.0, 30.0, 99.0, 7.0],
        }
    )
    s = rfm_summary(tx, calibration_end="2026-01-29", time_unit="D").set_index("customer_id")
    assert s.loc[1].tolist() == [1, 14.0, 28.0, 30.0]  # the March purchase is after calibration
    assert s.loc[2].tolist() == [0, 0.0, 21.0, 0.0]


@pytest.fixture(scope="module")
def cdnow():
    from cjcourse.data import load_cdnow_summary

    try:
        return load_cdnow_summary()
    except ModuleNotFoundError as err:
        pytest.skip(str(err))


def test_bgnbd_reproduces_the_published_cdnow_fit(cdnow):
    fit = fit_bgnbd(cdnow)
    assert fit.n == 2357
    assert fit.r == pytest.approx(0.243, abs=0.001)
    assert fit.alpha == pytest.approx(4.414, abs=0.005)
    assert fit.a == pytest.approx(0.793, abs=0.001)
    assert fit.b == pytest.approx(2.426, abs=0.005)
    assert fit.log_likelihood == pytest.approx(-9582.4, abs=0.1)  # published LL


def test_gamma_gamma_reproduces_the_published_cdnow_fit(cdnow):
    gg = fit_gamma_gamma(cdnow)
    assert gg.n == 946
    assert gg.p == pytest.approx(6.25, abs=0.01)
    assert gg.q == pytest.approx(3.74, abs=0.01)
    assert gg.gamma == pytest.approx(15.45, abs=0.02)


def test_summary_from_raw_cdnow_matches_the_published_summary(cdnow):
    from cjcourse.data import load_cdnow

    ours = rfm_summary(load_cdnow("sample"), calibration_end="1997-09-30")
    m = cdnow.merge(ours, on="customer_id", suffixes=("_pub", ""))
    assert len(m) == 2357
    assert (m["frequency_pub"] == m["frequency"]).all()
    assert (m["recency_pub"] - m["recency"]).abs().max() < 0.01  # published values are rounded
    assert (m["monetary_value_pub"] - m["monetary_value"]).abs().max() < 0.01


def test_predict_clv_is_positive_and_ordered(cdnow):
    fit, gg = fit_bgnbd(cdnow), fit_gamma_gamma(cdnow)
    out = predict_clv(cdnow, fit, gg, horizon=39)
    assert (out["clv"] >= 0).all()
    # paper: a new customer makes E[X(39)] ≈ 1.5 purchases... of the sample, ~1.4 repeat purchases
    assert 0.5 < fit.expected_purchases_new(39) < 2.0
    assert out["prob_alive"].between(0, 1).all()
