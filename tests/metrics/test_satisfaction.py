import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cjcourse.metrics import (
    SmallSampleWarning,
    ces,
    ces_summary,
    csat,
    csat_summary,
    nps,
    nps_summary,
    wilson_interval,
)


def test_nps_hand_computed():
    # 3 promoters, 2 passives, 5 detractors of 10 → 30 % − 50 % = −20
    assert nps([10, 9, 9, 8, 7, 6, 5, 0, 3, 1]) == pytest.approx(-20.0)
    assert nps([9] * 4) == 100.0
    assert nps([6] * 4) == -100.0
    assert np.isnan(nps([]))
    assert nps([10, np.nan, 0]) == 0.0  # empty answers are ignored


def test_scores_out_of_scale_are_explained():
    with pytest.raises(ValueError, match="0–10"):
        nps([11, 3])
    with pytest.raises(ValueError, match="1–5"):
        csat([0, 5])


def test_csat_and_ces():
    assert csat([5, 4, 3, 2, 1]) == pytest.approx(40.0)
    assert ces([1, 7, 4]) == pytest.approx(4.0)


def test_wilson_matches_a_textbook_value():
    lo, hi = wilson_interval(50, 100)
    assert (round(lo, 4), round(hi, 4)) == (0.4038, 0.5962)
    assert wilson_interval(0, 10)[0] == 0.0


def test_small_samples_warn_and_are_flagged():
    with pytest.warns(SmallSampleWarning, match="menos de 30"):
        out = nps_summary([10, 9, 2])
    assert bool(out["small_sample"].iloc[0])
    assert out["ci_low"].iloc[0] >= -100 and out["ci_high"].iloc[0] <= 100
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nps_summary([10] * 40)


def test_summaries_by_group():
    import pandas as pd

    df = pd.DataFrame({"stage": ["a"] * 40 + ["b"] * 40, "score": [5] * 30 + [1] * 10 + [4] * 40})
    out = csat_summary(df, by="stage").set_index("stage")
    assert out.loc["a", "csat"] == 75.0 and out.loc["b", "csat"] == 100.0
    assert out.loc["a", "ci_low"] < 75 < out.loc["a", "ci_high"]
    c = ces_summary(pd.DataFrame({"score": [7, 5] * 20}))
    assert c["mean"].iloc[0] == 6.0 and c["pct_agree"].iloc[0] == 100.0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 10), min_size=1, max_size=200))
def test_nps_stays_between_minus_100_and_100(scores):
    value = nps(scores)
    assert -100 <= value <= 100
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SmallSampleWarning)
        s = nps_summary(scores)
    assert -100 <= s["ci_low"].iloc[0] <= value <= s["ci_high"].iloc[0] <= 100
