"""Small hand-made event logs shared by the metric tests."""

import pandas as pd


def log(rows):
    """rows: (customer, event, 'YYYY-MM-DD HH:MM'[, channel])."""
    data = {
        "customer_id": [r[0] for r in rows],
        "event": [r[1] for r in rows],
        "timestamp": pd.to_datetime([r[2] for r in rows]),
    }
    if rows and len(rows[0]) > 3:
        data["channel"] = [r[3] for r in rows]
    return pd.DataFrame(data)
