import pytest

from cjcourse.data import load_cdnow, load_cdnow_summary


@pytest.fixture(autouse=True)
def _needs_lifetimes():
    try:
        load_cdnow_summary(with_spend=False)
    except ModuleNotFoundError as err:
        pytest.skip(str(err))


def test_cdnow_sample_and_master_sizes():
    sample = load_cdnow("sample")
    assert len(sample) == 6_919 and sample["customer_id"].nunique() == 2_357
    master = load_cdnow("master")
    assert len(master) == 69_659 and master["customer_id"].nunique() == 23_570
    assert list(sample.columns) == ["customer_id", "timestamp", "event", "quantity", "revenue"]
    assert sample["timestamp"].min().year == 1997


def test_cdnow_summary():
    s = load_cdnow_summary()
    assert len(s) == 2_357
    assert (s["frequency"] > 0).sum() == 946


def test_bad_kind():
    with pytest.raises(ValueError, match="sample"):
        load_cdnow("todo")
