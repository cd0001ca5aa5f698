import pandas as pd
import pytest

from cjcourse.metrics import cart_abandonment, first_contact_resolution


def test_cart_abandonment_per_session_and_per_customer():
    ev = pd.DataFrame(
        {
            "customer_id": [1, 1, 1, 1, 2, 2],
            "session_id": [10, 10, 11, 11, 20, 20],
            "event": ["carrito", "carrito", "carrito", "compra", "visita", "compra"],
            "timestamp": pd.to_datetime(["2026-01-01"] * 6),
        }
    )
    per_session = cart_abandonment(ev)
    assert per_session[["carts", "orders"]].iloc[0].tolist() == [2, 1]
    assert per_session["abandonment"].iloc[0] == pytest.approx(0.5)
    per_customer = cart_abandonment(ev, unit_col="customer_id")
    assert per_customer[["carts", "orders"]].iloc[0].tolist() == [1, 1]  # 2 bought without a cart


def test_fcr_by_group():
    sup = pd.DataFrame(
        {"reason": ["envío", "envío", "pago"], "resolved_first_contact": [True, False, True]}
    )
    out = first_contact_resolution(sup, by="reason").set_index("reason")
    assert out.loc["envío", "fcr"] == 50.0 and out.loc["pago", "fcr"] == 100.0
