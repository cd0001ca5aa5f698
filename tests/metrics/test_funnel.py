import itertools
import re

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjcourse.events import EventLogError
from cjcourse.metrics import funnel, funnel_times
from tests.metrics._logs import log

STEPS = ["visita", "carrito", "compra"]


def counts(df):
    return df["customers"].tolist()


def test_closed_funnel_hand_computed():
    ev = log(
        [
            (1, "visita", "2026-01-01 10:00"),
            (1, "carrito", "2026-01-01 10:05"),
            (1, "compra", "2026-01-01 10:10"),
            (2, "visita", "2026-01-01 10:00"),
            (2, "compra", "2026-01-01 10:30"),  # skips carrito
            (3, "carrito", "2026-01-01 09:00"),
            (3, "compra", "2026-01-01 09:10"),  # never visita
            (4, "visita", "2026-01-02 10:00"),
            (4, "carrito", "2026-01-02 11:00"),
        ]
    )
    out = funnel(ev, STEPS)
    assert out["step"].tolist() == STEPS
    assert counts(out) == [3, 2, 1]
    assert out["conversion_from_start"].round(4).tolist() == [1.0, 0.6667, 0.3333]
    assert out["conversion_from_previous"].tolist() == [1.0, 2 / 3, 0.5]
    assert out["dropoff"].round(4).tolist() == [0.0, 0.3333, 0.5]
    assert out["dropoff_customers"].tolist() == [0, 1, 1]


def test_closed_funnel_requires_order():
    ev = log(
        [
            (1, "compra", "2026-01-01 09:00"),
            (1, "carrito", "2026-01-01 09:30"),
            (1, "visita", "2026-01-01 10:00"),
        ]
    )
    assert counts(funnel(ev, STEPS)) == [1, 0, 0]


def test_equal_timestamps_count_as_in_order():
    ev = log(
        [
            (1, "visita", "2026-01-01 10:00"),
            (1, "carrito", "2026-01-01 10:00"),
            (1, "compra", "2026-01-01 10:00"),
        ]
    )
    assert counts(funnel(ev, STEPS)) == [1, 1, 1]


def test_repeat_events_count_a_customer_once_and_use_a_later_repeat():
    ev = log(
        [
            (1, "visita", "2026-01-01 10:00"),
            (1, "visita", "2026-01-01 11:00"),
            (1, "carrito", "2026-01-01 09:00"),  # before any visita: does not count
            (1, "carrito", "2026-01-01 12:00"),
            (1, "carrito", "2026-01-01 12:30"),
            (9, "compra", "2026-01-01 12:30"),
        ]
    )  # a purchase without visita: not counted
    assert counts(funnel(ev, STEPS)) == [1, 1, 0]


def test_window_counts_from_the_first_step():
    ev = log(
        [
            (1, "visita", "2026-01-01 10:00"),
            (1, "carrito", "2026-01-03 10:00"),
            (1, "compra", "2026-01-09 10:00"),
            (2, "visita", "2026-01-01 10:00"),
            (2, "carrito", "2026-01-01 11:00"),
            (2, "compra", "2026-01-02 09:00"),
        ]
    )
    assert counts(funnel(ev, STEPS, window=7)) == [2, 2, 1]
    assert counts(funnel(ev, STEPS, window="1 day")) == [2, 1, 1]
    assert counts(funnel(ev, STEPS, window=pd.Timedelta(days=30))) == [2, 2, 2]


def test_open_funnel_lets_customers_enter_at_any_step():
    ev = log(
        [
            (1, "visita", "2026-01-01 10:00"),
            (1, "compra", "2026-01-01 11:00"),
            (2, "carrito", "2026-01-01 10:00"),
            (2, "compra", "2026-01-01 10:30"),
            (3, "compra", "2026-01-01 08:00"),
            (3, "carrito", "2026-01-01 09:00"),
        ]
    )
    out = funnel(ev, STEPS, mode="open")
    assert counts(out) == [1, 2, 3]
    # of the 2 at carrito, only customer 2 bought afterwards
    assert out["conversion_from_previous"].tolist()[2] == 0.5
    # of the 1 at visita, nobody did carrito afterwards
    assert out["conversion_from_previous"].tolist()[1] == 0.0


def test_by_splits_the_funnel():
    ev = log(
        [
            (1, "visita", "2026-01-01 10:00"),
            (1, "carrito", "2026-01-01 11:00"),
            (2, "visita", "2026-01-01 10:00"),
            (9, "compra", "2026-01-01 12:30"),
        ]
    )
    ev["device"] = ["móvil", "móvil", "ordenador", "ordenador"]
    out = funnel(ev, STEPS, by="device")
    assert out.groupby("device")["customers"].apply(list).to_dict() == {
        "móvil": [1, 1, 0],
        "ordenador": [1, 0, 0],
    }


def test_empty_log_gives_zeros():
    ev = log([]).astype({"customer_id": "int64", "event": "str"})
    out = funnel(ev, STEPS)
    assert counts(out) == [0, 0, 0]


def test_unknown_step_suggests_the_close_name():
    ev = log([(1, "visita", "2026-01-01 10:00"), (1, "compra", "2026-01-01 11:00")])
    with pytest.raises(EventLogError, match=re.escape("¿Quisiste decir 'compra'?")):
        funnel(ev, ["visita", "compras"])


def test_bad_mode_and_window_are_explained():
    ev = log([(1, "visita", "2026-01-01 10:00")])
    with pytest.raises(EventLogError, match="closed"):
        funnel(ev, ["visita"], mode="cerrado")
    with pytest.raises(EventLogError, match="ventana"):
        funnel(ev, ["visita"], window="pronto")
    with pytest.raises(EventLogError, match="cerrado"):
        funnel(ev, ["visita"], mode="open", window=3)


def test_funnel_times_median_and_quantiles():
    ev = log(
        [
            (1, "visita", "2026-01-01 10:00"),
            (1, "carrito", "2026-01-01 11:00"),
            (1, "compra", "2026-01-01 13:00"),
            (2, "visita", "2026-01-01 10:00"),
            (2, "carrito", "2026-01-01 13:00"),
            (2, "compra", "2026-01-01 14:00"),
        ]
    )
    out = funnel_times(ev, STEPS).set_index("step")
    assert out.loc["carrito", "hours_from_previous_p50"] == pytest.approx(2.0)
    assert out.loc["compra", "hours_from_start_p50"] == pytest.approx(3.5)
    assert out.loc["compra", "mean_hours_from_previous"] == pytest.approx(1.5)
    assert out.loc["compra", "customers"] == 2


def test_parquet_and_csv_input_give_the_same_funnel(tmp_path):
    ev = log(
        [
            (1, "visita", "2026-01-01 10:00"),
            (1, "carrito", "2026-01-01 11:00"),
            (2, "visita", "2026-01-01 10:00"),
        ]
    )
    ev.to_parquet(tmp_path / "e.parquet")
    ev.to_csv(tmp_path / "e.csv", index=False)
    expected = funnel(ev, STEPS[:2])
    pd.testing.assert_frame_equal(funnel(tmp_path / "e.parquet", STEPS[:2]), expected)
    pd.testing.assert_frame_equal(funnel(str(tmp_path / "e.csv"), STEPS[:2]), expected)


events_strategy = st.lists(
    st.tuples(st.integers(1, 6), st.sampled_from(["a", "b", "c", "d"]), st.integers(0, 20)),
    min_size=1,
    max_size=40,
)


def _frame(rows):
    return pd.DataFrame(
        {
            "customer_id": [r[0] for r in rows],
            "event": [r[1] for r in rows],
            "timestamp": pd.Timestamp("2026-01-01") + pd.to_timedelta([r[2] for r in rows], "h"),
        }
    )


def _brute_closed(df, steps, window_h=None):
    n = [0] * len(steps)
    for _, g in df.groupby("customer_id"):
        first = g.loc[g.event == steps[0], "timestamp"]
        if first.empty:
            continue
        t0 = tprev = first.min()
        n[0] += 1
        for i, s in enumerate(steps[1:], start=1):
            c = g.loc[(g.event == s) & (g.timestamp >= tprev), "timestamp"]
            if window_h is not None:
                c = c[c <= t0 + pd.Timedelta(hours=window_h)]
            if c.empty:
                break
            tprev = c.min()
            n[i] += 1
    return n


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events_strategy, st.sampled_from([None, 3, 10]))
def test_closed_counts_never_increase_and_match_a_brute_force(rows, window_h):
    df = _frame(rows)
    steps = [s for s in ["a", "b", "c"] if s in set(df.event)] or ["a"]
    if steps == ["a"] and "a" not in set(df.event):
        return
    out = funnel(df, steps, window=None if window_h is None else pd.Timedelta(hours=window_h))
    c = counts(out)
    assert all(x >= y for x, y in itertools.pairwise(c))
    assert c == _brute_closed(df, steps, window_h)
    rates = out["conversion_from_previous"].dropna()
    assert ((rates >= 0) & (rates <= 1)).all()


@settings(max_examples=20, deadline=None)
@given(events_strategy)
def test_open_counts_are_the_customers_who_did_each_step(rows):
    df = _frame(rows)
    steps = sorted(set(df.event))
    out = funnel(df, steps, mode="open")
    assert counts(out) == [df.loc[df.event == s, "customer_id"].nunique() for s in steps]
    assert ((out["conversion_from_previous"] >= 0) & (out["conversion_from_previous"] <= 1)).all()
