import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjcourse.events import EventLogError
from cjcourse.metrics import attribution, attribution_comparison, markov_attribution
from cjcourse.metrics.attribution import MODELS, NO_TOUCH


def journey(rows):
    return pd.DataFrame(
        {
            "customer_id": [r[0] for r in rows],
            "event": [r[1] for r in rows],
            "channel": [r[2] for r in rows],
            "timestamp": pd.Timestamp("2026-01-01") + pd.to_timedelta([r[3] for r in rows], "D"),
            "revenue": [r[4] if len(r) > 4 else None for r in rows],
        }
    )


# customer 1: sem → social → email → email → buy(100); customer 2: social → buy(50)
EV = journey(
    [
        (1, "visita", "sem", 0),
        (1, "visita", "social", 1),
        (1, "visita", "email", 2),
        (1, "visita", "email", 3),
        (1, "compra", "email", 3, 100.0),
        (2, "visita", "social", 0),
        (2, "compra", "social", 0, 50.0),
    ]
)


def credit(model, **kw):
    return (
        attribution(EV, model=model, touch_events=["visita"], **kw)
        .set_index("channel")["conversions"]
        .to_dict()
    )


def test_rule_based_models_hand_computed():
    assert credit("first_touch") == {"sem": 1.0, "social": 1.0, "email": 0.0}
    assert credit("last_touch") == {"email": 1.0, "social": 1.0, "sem": 0.0}
    lin = credit("linear")
    assert lin == pytest.approx({"sem": 0.25, "social": 1.25, "email": 0.5})
    pos = credit("position_based")  # 0.4 / 0.1 / 0.1 / 0.4 for four touches
    assert pos == pytest.approx({"sem": 0.4, "social": 1.1, "email": 0.5})
    td = credit("time_decay", half_life_days=1)  # ages 3,2,1,0 days → weights 1/8,1/4,1/2,1
    assert td["sem"] == pytest.approx((1 / 8) / (15 / 8))
    assert td["social"] == pytest.approx(1 + (1 / 4) / (15 / 8))


def test_revenue_is_shared_too():
    rev = attribution(EV, model="linear", touch_events=["visita"], revenue_col="revenue")
    assert rev.set_index("channel")["revenue"].to_dict() == pytest.approx(
        {"sem": 25.0, "social": 75.0, "email": 50.0}
    )


def test_touch_at_the_same_time_counts_and_no_touch_goes_to_its_own_row():
    ev = journey(
        [
            (1, "compra", "directo", 0, 10.0),
            (1, "visita", "sem", 0),
            (2, "compra", "directo", 1, 10.0),
        ]
    )
    out = attribution(ev, model="last_touch", touch_events=["visita"]).set_index("channel")
    assert out.loc["sem", "conversions"] == 1.0
    assert out.loc[NO_TOUCH, "conversions"] == 1.0


def test_repeat_purchases_start_a_new_journey_and_lookback():
    ev = journey(
        [
            (1, "visita", "sem", 0),
            (1, "compra", "sem", 1, 1.0),
            (1, "visita", "email", 30),
            (1, "compra", "email", 31, 1.0),
        ]
    )
    assert credit_of(ev, "first_touch") == {"sem": 1.0, "email": 1.0}
    ev2 = journey(
        [(1, "visita", "sem", 0), (1, "visita", "email", 29), (1, "compra", "email", 30, 1.0)]
    )
    out = attribution(ev2, model="first_touch", touch_events=["visita"], lookback=7)
    assert out.set_index("channel")["conversions"].to_dict() == {"email": 1.0}


def credit_of(ev, model):
    return (
        attribution(ev, model=model, touch_events=["visita"])
        .set_index("channel")["conversions"]
        .to_dict()
    )


def test_markov_removal_effect_hand_computed():
    # paths: sem→conv, sem→email→conv, email→null
    ev = journey(
        [
            (1, "visita", "sem", 0),
            (1, "compra", "x", 1, 1.0),
            (2, "visita", "sem", 0),
            (2, "visita", "email", 1),
            (2, "compra", "x", 2, 1.0),
            (3, "visita", "email", 0),
        ]
    )
    out = markov_attribution(ev, touch_events=["visita"]).set_index("channel")
    # P(conv) = 2/3 · (1/2 + 1/2 · 1/2) + 1/3 · 1/2 · ... computed: start→sem 2/3, start→email 1/3;
    # sem→conv 1/2, sem→email 1/2; email→conv 1/2, email→null 1/2 → P = 2/3·3/4 + 1/3·1/2 = 2/3
    # without sem: P = 1/3·1/2 = 1/6 → RE = 0.75; without email: P = 2/3·1/2 = 1/3 → RE = 0.5
    assert out.loc["sem", "removal_effect"] == pytest.approx(0.75)
    assert out.loc["email", "removal_effect"] == pytest.approx(0.5)
    assert out.loc["sem", "conversions"] == pytest.approx(2 * 0.75 / 1.25)
    assert out["conversions"].sum() == pytest.approx(2.0)


def test_unknown_model_and_no_conversions_are_explained():
    with pytest.raises(EventLogError, match="Modelos"):
        attribution(EV, model="shapley")
    with pytest.raises(EventLogError, match="conversión"):
        attribution(EV[EV.event == "visita"], model="linear")


rows_strategy = st.lists(
    st.tuples(
        st.integers(1, 5),
        st.sampled_from(["visita", "visita", "compra"]),
        st.sampled_from(["sem", "email", "social"]),
        st.integers(0, 10),
    ),
    min_size=1,
    max_size=30,
)


@settings(max_examples=40, deadline=None)
@given(rows_strategy)
def test_credits_add_up_to_the_conversions(rows):
    ev = journey(rows)
    n_conv = int((ev["event"] == "compra").sum())
    if n_conv == 0:
        return
    table = attribution_comparison(ev, touch_events=["visita"])
    for model in (*MODELS, "markov"):
        assert table[model].sum() == pytest.approx(n_conv)
        assert (table[model] >= -1e-12).all()
