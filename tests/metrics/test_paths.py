import pandas as pd

from cjcourse.metrics import next_actions, path_links, previous_actions, top_paths, transitions
from tests.metrics._logs import log


def as_dict(df):
    return {(r.source, r.target): (r.count, r.customers) for r in df.itertuples()}


def test_transitions_hand_computed_with_repeats():
    ev = log(
        [
            (1, "visita", "2026-01-01 10:00"),
            (1, "ver", "2026-01-01 10:01"),
            (1, "ver", "2026-01-01 10:02"),
            (1, "compra", "2026-01-01 10:03"),
            (2, "visita", "2026-01-01 10:00"),
            (2, "ver", "2026-01-01 10:05"),
        ]
    )
    out = transitions(ev)
    assert as_dict(out) == {
        ("visita", "ver"): (2, 2),
        ("ver", "ver"): (1, 1),
        ("ver", "compra"): (1, 1),
    }
    assert out["share"].sum() == 2  # shares add up to one per source (visita, ver)
    collapsed = transitions(ev, collapse_repeats=True)
    assert as_dict(collapsed) == {("visita", "ver"): (2, 2), ("ver", "compra"): (1, 1)}
    ended = transitions(ev, include_end=True)
    assert as_dict(ended)[("ver", "(fin)")] == (1, 1)
    assert as_dict(ended)[("compra", "(fin)")] == (1, 1)


def test_ties_are_ordered_by_event_name_whatever_the_row_order():
    rows = [
        (1, "b", "2026-01-01 10:00"),
        (1, "a", "2026-01-01 10:00"),
        (1, "c", "2026-01-01 11:00"),
    ]
    a = transitions(log(rows))
    b = transitions(log(rows[::-1]))
    pd.testing.assert_frame_equal(a, b)
    assert as_dict(a) == {("a", "b"): (1, 1), ("b", "c"): (1, 1)}


def test_sessions_are_not_crossed():
    ev = log([(1, "visita", "2026-01-01 10:00"), (1, "compra", "2026-01-02 10:00")])
    ev["session_id"] = [1, 2]
    assert transitions(ev, session_col="session_id").empty
    assert len(transitions(ev)) == 1


def test_next_and_previous_actions():
    ev = log(
        [
            (1, "carrito", "2026-01-01 10:00"),
            (1, "compra", "2026-01-01 10:01"),
            (2, "visita", "2026-01-01 09:00"),
            (2, "carrito", "2026-01-01 10:00"),
            (3, "carrito", "2026-01-01 10:00"),
            (3, "carrito", "2026-01-01 11:00"),
        ]
    )
    nxt = next_actions(ev, "carrito").set_index("action")["count"].to_dict()
    assert nxt == {"compra": 1, "(fin)": 2, "carrito": 1}
    prev = previous_actions(ev, "carrito").set_index("action")["count"].to_dict()
    assert prev == {"(inicio)": 2, "visita": 1, "carrito": 1}


def test_top_paths_and_sankey_links():
    ev = log(
        [
            (1, "visita", "2026-01-01 10:00"),
            (1, "visita", "2026-01-01 10:01"),
            (1, "compra", "2026-01-01 10:02"),
            (2, "visita", "2026-01-01 10:00"),
            (2, "compra", "2026-01-01 10:02"),
            (3, "visita", "2026-01-01 10:00"),
        ]
    )
    paths = top_paths(ev)
    assert paths.set_index("path")["customers"].to_dict() == {"visita → compra": 2, "visita": 1}
    links = path_links(ev)
    assert links[["source", "target", "customers"]].values.tolist() == [
        ["1. visita", "2. compra", 2]
    ]


def test_empty_log():
    ev = log([]).astype({"customer_id": "int64", "event": "str"})
    assert transitions(ev).empty
    assert top_paths(ev).empty
