import numpy as np
import pandas as pd
import pytest

from cjcourse.data import FUNNEL_STEPS, load_shop, seed_from, simulate_shop
from cjcourse.events import validate_events
from cjcourse.metrics import attribution, funnel, nps_summary


@pytest.fixture(scope="module")
def shop():
    return simulate_shop(6_000, seed="alumna-042", days=90)


def test_same_seed_same_data_and_students_differ(shop):
    again = simulate_shop(6_000, seed="alumna-042", days=90)
    pd.testing.assert_frame_equal(shop.events, again.events)
    pd.testing.assert_frame_equal(shop.surveys, again.surveys)
    other = simulate_shop(6_000, seed="alumno-043", days=90)
    assert not other.events["timestamp"].equals(shop.events["timestamp"].head(len(other.events)))
    assert seed_from("alumna-042") != seed_from("alumno-043")


def test_stories_depend_on_the_seed_only():
    a = simulate_shop(300, seed=5).stories
    b = simulate_shop(3_000, seed=5).stories
    pd.testing.assert_frame_equal(a, b)
    starts = {str(simulate_shop(100, seed=s).stories["start"].iloc[0]) for s in range(8)}
    assert len(starts) > 1  # different students, different bug weeks


def test_schema_and_value_ranges(shop):
    ev = validate_events(shop.events, steps=list(FUNNEL_STEPS))
    assert ev["timestamp"].is_monotonic_increasing
    assert ev.loc[ev.event == "compra", "revenue"].gt(0).all()
    assert ev.loc[ev.event != "compra", "revenue"].isna().all()
    sv = shop.surveys
    for kind, (lo, hi) in {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7)}.items():
        scores = sv.loc[sv.survey == kind, "score"]
        assert len(scores) > 30 and scores.between(lo, hi).all()
    assert set(shop.costs.columns) == {"date", "channel", "concept", "spend_eur"}
    assert (shop.support["contacts"] >= 1).all()
    # loops and repeat purchases exist
    assert (shop.events[shop.events.event == "compra"].groupby("customer_id").size() > 1).any()


def test_the_mobile_checkout_bug_is_visible(shop):
    story = shop.stories.set_index("story").loc["bug_pago_movil"]
    ev = shop.events
    during = ev[(ev.timestamp >= story.start) & (ev.timestamp < story.end)]
    f = funnel(during, FUNNEL_STEPS, by="device").set_index(["device", "step"])
    mobile = f.loc[("móvil", "compra"), "conversion_from_previous"]
    desktop = f.loc[("ordenador", "compra"), "conversion_from_previous"]
    assert mobile < 0.5 * desktop


def test_the_channel_without_buyers_is_visible(shop):
    story = shop.stories.set_index("story").loc["canal_sin_compradores"]
    visits = shop.events[shop.events.event == "visita"]["channel"].astype(str).value_counts()
    last = attribution(shop.events, model="last_touch", touch_events=["visita"]).set_index(
        "channel"
    )
    rate = last["conversions"] / visits.reindex(last.index)
    assert visits[story.channel] > 0.05 * visits.sum()  # many visits…
    assert rate[story.channel] == rate.min()  # …and the fewest buyers per visit


def test_late_deliveries_lower_the_nps(shop):
    story = shop.stories.set_index("story").loc["retraso_entregas"]
    nps = shop.surveys[shop.surveys.survey == "nps"].copy()
    late = nps.timestamp.between(story.start, story.end + pd.Timedelta(days=10))
    nps["period"] = np.where(late, "retraso", "normal")
    s = nps_summary(nps, by="period").set_index("period")
    assert s.loc["retraso", "nps"] < s.loc["normal", "nps"] - 15


def test_load_shop_is_cached_but_each_caller_gets_its_own_tables():
    from cjcourse.data.simulator import _cached_shop

    first = load_shop("pequeño", seed=3)
    hits = _cached_shop.cache_info().hits
    second = load_shop("pequeño", seed=3)
    assert _cached_shop.cache_info().hits == hits + 1, "the simulation is not run again"
    assert second.events is not first.events and second.events.equals(first.events)
    first.events["event"] = "roto"  # a student overwrites a column of their copy
    first.surveys.loc[:, "score"] = -1
    third = load_shop("pequeño", seed=3)
    assert third.events.equals(second.events) and (third.surveys["score"] >= 0).all()


def test_load_shop_checks_sizes():
    with pytest.raises(ValueError, match="Tamaños"):
        load_shop("enorme")


def test_bad_arguments_are_explained():
    with pytest.raises(ValueError, match="35 días"):
        simulate_shop(10, days=10)
    with pytest.raises(ValueError, match="semilla"):
        simulate_shop(10, seed=-1)
