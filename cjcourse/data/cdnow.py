"""The CDNOW transactions (real purchases of a US online CD shop, 1997–1998), read offline.

The files ship inside the PyPI package ``lifetimes`` (MIT licence; see ``cjcourse/data/README.md``).
We read them through ``importlib.metadata`` *without importing* lifetimes (which does not import on
numpy 2 / pandas 3), so ``pip install --no-deps lifetimes==0.11.3`` is enough.
"""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pandas as pd

from cjcourse.i18n import t

__all__ = ["load_cdnow", "load_cdnow_summary"]


def _lifetimes_file(name: str) -> Path:
    try:
        dist = importlib.metadata.distribution("lifetimes")
    except importlib.metadata.PackageNotFoundError as err:
        raise ModuleNotFoundError(t("data.no_lifetimes")) from err
    path = Path(str(dist.locate_file(f"lifetimes/datasets/{name}")))
    if not path.exists():
        raise ModuleNotFoundError(t("data.no_lifetimes"))
    return path


def load_cdnow(kind: str = "sample") -> pd.DataFrame:
    """CDNOW purchases, one row per transaction line.

    Parameters
    ----------
    kind : {"sample", "master"}
        ``"sample"``: the 1/10 sample of Fader & Hardie (2,357 customers, 6,919 rows), the one the
        BG/NBD paper fits. ``"master"``: the full cohort (23,570 customers, 69,659 rows).

    Returns
    -------
    DataFrame
        ``customer_id`` (int), ``timestamp`` (day of purchase), ``quantity`` (CDs),
        ``revenue`` (US dollars), ``event`` (always ``"compra"``).

    Examples
    --------
    >>> df = load_cdnow()  # doctest: +SKIP
    >>> df["customer_id"].nunique()  # doctest: +SKIP
    2357
    """
    if kind == "sample":
        raw = pd.read_csv(
            _lifetimes_file("CDNOW_sample.txt"),
            sep=r"\s+",
            header=None,
            names=["customer_id", "sample_id", "date", "quantity", "revenue"],
            dtype={"date": str},
        )
        # the paper numbers the sample customers 1..2357 (the second column)
        raw["customer_id"] = raw["sample_id"]
        raw = raw.drop(columns="sample_id")
    elif kind == "master":
        raw = pd.read_csv(
            _lifetimes_file("CDNOW_master.txt"),
            sep=r"\s+",
            header=0,
            names=["customer_id", "date", "quantity", "revenue"],
            dtype={"date": str},
        )
    else:
        raise ValueError(t("data.bad_cdnow_kind", kind=kind))
    out = pd.DataFrame(
        {
            "customer_id": raw["customer_id"].astype("int64"),
            "timestamp": pd.to_datetime(raw["date"], format="%Y%m%d"),
            "event": "compra",
            "quantity": raw["quantity"].astype("int64"),
            "revenue": raw["revenue"].astype("float64"),
        }
    )
    return out


def load_cdnow_summary(with_spend: bool = True) -> pd.DataFrame:
    """The published calibration summary of the CDNOW sample (Fader, Hardie & Lee 2005).

    One row per customer (2,357): ``frequency`` (repeat purchases in the 39 calibration weeks),
    ``recency`` (week of the last purchase since the first), ``T`` (weeks observed) and, with
    ``with_spend``, ``monetary_value`` (mean spend of the repeat purchases, in dollars).

    Examples
    --------
    >>> s = load_cdnow_summary()  # doctest: +SKIP
    >>> len(s), round(s["T"].max(), 2)  # doctest: +SKIP
    (2357, 38.86)
    """
    if with_spend:
        df = pd.read_csv(_lifetimes_file("cdnow_customers_summary_with_transactions.csv"))
        df.columns = ["customer_id", "frequency", "recency", "T", "monetary_value"]
    else:
        df = pd.read_csv(_lifetimes_file("cdnow_customers_summary.csv"))
        df.columns = ["customer_id", "frequency", "recency", "T"]
    return df
