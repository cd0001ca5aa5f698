"""A seeded simulator of a fictional Spanish online shop ("La Tienda de Lola").

Everything is vectorised with numpy (no Python loop per event or per customer), so ten million
events take seconds. The same seed always gives the same data; a text seed (a student id) is hashed
into a number, so every student gets their own numbers *and* their own stories (which week the
mobile checkout broke, which channel brings visits but no buyers, when deliveries were late). The
ground truth of those stories is returned as data (``ShopData.stories``) so exercises have right
answers.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from cjcourse.i18n import t

__all__ = [
    "CHANNELS",
    "DEVICES",
    "EVENTS",
    "FUNNEL_STEPS",
    "SEGMENTS",
    "STAGE_OF_EVENT",
    "ShopData",
    "load_shop",
    "seed_from",
    "simulate_shop",
]

#: Web events, in funnel order, then post-purchase events.
EVENTS: tuple[str, ...] = (
    "visita",
    "ver_producto",
    "leer_opiniones",
    "carrito",
    "iniciar_pago",
    "compra",
    "entrega",
    "opinion",
    "recomendacion",
)
#: The purchase funnel of the shop (five steps).
FUNNEL_STEPS: tuple[str, ...] = ("visita", "ver_producto", "carrito", "iniciar_pago", "compra")
#: Stage of the course model (seed 002) for every event.
STAGE_OF_EVENT: dict[str, str] = {
    "visita": "conciencia",
    "ver_producto": "consideración",
    "leer_opiniones": "consideración",
    "carrito": "decisión",
    "iniciar_pago": "decisión",
    "compra": "compra",
    "entrega": "poscompra",
    "opinion": "poscompra",
    "recomendacion": "lealtad",
}
STAGES: tuple[str, ...] = (
    "conciencia",
    "consideración",
    "decisión",
    "compra",
    "poscompra",
    "lealtad",
)
CHANNELS: tuple[str, ...] = (
    "buscador",
    "sem",
    "redes_sociales",
    "afiliados",
    "email",
    "directo",
)
#: Channels of the events that happen after a purchase (not marketing touchpoints).
POST_CHANNELS: tuple[str, ...] = ("transportista", "email", "directo")
DEVICES: tuple[str, ...] = ("móvil", "ordenador", "tableta")
SEGMENTS: tuple[str, ...] = ("cazaofertas", "familia", "profesional")

_ACQ_MIX = np.array([0.27, 0.21, 0.21, 0.12, 0.06, 0.13])
_RETURN_MIX = np.array([0.25, 0.10, 0.08, 0.05, 0.30, 0.22])
_DEVICE_MIX = np.array([0.62, 0.32, 0.06])
_SEGMENT_MIX = np.array([0.45, 0.35, 0.20])
#: Cost per visit of each channel (EUR); the buscador (SEO) and directo channels cost nothing.
_CPC = np.array([0.0, 0.55, 0.30, 0.22, 0.03, 0.0])


def seed_from(seed: int | str) -> int:
    """A reproducible integer seed from an int or a text (e.g. a student id).

    >>> seed_from(7)
    7
    >>> seed_from("alumna-042") == seed_from("alumna-042")
    True
    """
    if isinstance(seed, (int, np.integer)) and not isinstance(seed, bool):
        if seed < 0:
            raise ValueError(t("data.bad_seed", seed=seed))
        return int(seed)
    if isinstance(seed, str):
        return int.from_bytes(hashlib.sha256(seed.strip().encode("utf-8")).digest()[:8], "little")
    raise ValueError(t("data.bad_seed", seed=repr(seed)))


@dataclass(frozen=True)
class ShopData:
    """Tables of the simulated shop.

    Attributes
    ----------
    events : DataFrame
        ``customer_id, session_id, timestamp, event, stage, channel, device, segment, revenue``.
    surveys : DataFrame
        ``customer_id, timestamp, survey ("nps"|"csat"|"ces"), stage, score, channel, device``.
    costs : DataFrame
        ``date, channel, concept, spend_eur`` (media per channel and the general team/tools cost).
    support : DataFrame
        ``customer_id, timestamp, contact_channel, reason, stage, contacts, resolved_first_contact``.
    customers : DataFrame
        ``customer_id, segment, acquisition_channel, device, first_seen``.
    stories : DataFrame
        The ground truth: ``story, description, start, end, channel, device, stage, effect``.
    seed : int
    """

    events: pd.DataFrame
    surveys: pd.DataFrame
    costs: pd.DataFrame
    support: pd.DataFrame
    customers: pd.DataFrame
    stories: pd.DataFrame
    seed: int

    def __repr__(self) -> str:  # short: the tables can be big
        return (
            f"ShopData(seed={self.seed}, events={len(self.events):,}, surveys={len(self.surveys):,}, "
            f"support={len(self.support):,}, costs={len(self.costs):,}, stories={len(self.stories)})"
        )


def _group_cumsum(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Cumulative sum restarting at every index in ``starts`` (sorted group start positions)."""
    total = np.cumsum(values)
    offsets = np.zeros_like(total)
    before = np.concatenate(([0], total[:-1]))[starts]
    lengths = np.diff(np.append(starts, len(values)))
    offsets = np.repeat(before, lengths)
    return total - offsets


def _cat(codes: np.ndarray, categories: tuple[str, ...]) -> pd.Categorical:
    return pd.Categorical.from_codes(codes.astype(np.int8), categories=list(categories))


def simulate_shop(
    n_customers: int = 5_000,
    seed: int | str = 0,
    *,
    start: str = "2026-01-01",
    days: int = 90,
    first_customer_id: int = 1,
) -> ShopData:
    """Simulate the journeys of ``n_customers`` customers of a Spanish online shop.

    Each customer arrives through an acquisition channel and makes several visits (sessions). In each
    visit they go down the funnel ``visita → ver_producto → carrito → iniciar_pago → compra`` and
    may drop off at every step, loop (view another product and come back to the cart), retry the
    payment, and buy again in later visits. Purchases bring revenue, deliveries, reviews,
    recommendations, satisfaction surveys (NPS 0–10, CSAT 1–5, CES 1–7) and support contacts.

    Three stories with a known answer are hidden in the data, chosen from the seed:

    - ``bug_pago_movil``: during one week the payment page fails on mobile (few purchases, many
      payment retries, support contacts about payment, low CSAT at the decision stage).
    - ``canal_sin_compradores``: one paid channel brings many visits but almost no buyers.
    - ``retraso_entregas``: for two weeks deliveries are late (more support contacts, lower NPS).

    Parameters
    ----------
    n_customers : int
        Number of customers (about 9 events each over 90 days: 1.1 million customers give
        ~10 million events, in ~10 s and ~2 GB of memory).
    seed : int or str
        Same seed, same data. A text (e.g. the student id) is hashed to a seed.
    start : str
        First day (ISO date).
    days : int
        Length of the period in days (at least 35, so the stories fit).
    first_customer_id : int
        Id of the first customer (to simulate a big log in chunks with distinct ids).

    Returns
    -------
    ShopData

    Examples
    --------
    >>> shop = simulate_shop(200, seed="alumna-042", days=60)
    >>> shop.events.columns.tolist()[:5]
    ['customer_id', 'session_id', 'timestamp', 'event', 'stage']
    >>> simulate_shop(200, seed="alumna-042", days=60).events.equals(shop.events)
    True
    >>> sorted(shop.stories["story"])
    ['bug_pago_movil', 'canal_sin_compradores', 'retraso_entregas']
    """
    if not isinstance(n_customers, (int, np.integer)) or n_customers < 1:
        raise ValueError(t("data.bad_n_customers", n=n_customers))
    if days < 35:
        raise ValueError(t("data.too_few_days", days=days))
    seed_int = seed_from(seed)
    # The stories depend only on the seed (not on the size), so a student's small and big data agree.
    story_rng = np.random.default_rng([seed_int, 1])
    rng = np.random.default_rng([seed_int, 2, int(first_customer_id)])
    t0 = pd.Timestamp(start).normalize()
    day_us = 86_400 * 1_000_000

    # ---------------------------------------------------------------- stories (ground truth)
    bug_day = int(story_rng.integers(7, days - 14))
    dead_channel = int(story_rng.choice([2, 3]))  # redes_sociales or afiliados
    delay_day = int(story_rng.integers(7, days - 21))
    jitter = story_rng.uniform(0.9, 1.1, size=4)  # per-student base rates

    # ---------------------------------------------------------------- customers
    n = int(n_customers)
    segment = rng.choice(3, size=n, p=_SEGMENT_MIX)
    acq = rng.choice(6, size=n, p=_ACQ_MIX)
    pref_device = rng.choice(3, size=n, p=_DEVICE_MIX)
    intent = rng.lognormal(0.0, 0.45, size=n)
    intent[acq == dead_channel] *= 0.35
    # Arrivals grow a little over the period.
    first_seen = (rng.random(n) ** 0.85) * days
    extra_mean = np.array([2.2, 3.2, 1.8])[segment] * np.where(acq == dead_channel, 0.25, 1.0)
    n_sess = 1 + rng.poisson(extra_mean)
    cust_of_sess = np.repeat(np.arange(n), n_sess)
    s_total = len(cust_of_sess)
    cust_start = np.concatenate(([0], np.cumsum(n_sess)[:-1]))
    k = np.arange(s_total) - np.repeat(cust_start, n_sess)  # session number within customer
    gap_mean = np.array([9.0, 12.0, 15.0])[segment[cust_of_sess]]
    gaps = np.where(k == 0, 0.0, rng.exponential(gap_mean))
    sess_day = first_seen[cust_of_sess] + _group_cumsum(gaps, cust_start)
    keep = sess_day < days
    cust_of_sess, k, sess_day = cust_of_sess[keep], k[keep], sess_day[keep]
    s_total = len(cust_of_sess)
    # Time of day: busier in the evening.
    hour = np.clip(rng.normal(18.5, 4.0, size=s_total), 0, 23.99)
    sess_day_int = np.floor(sess_day).astype(np.int64)
    sess_t = sess_day_int * day_us + (hour * 3600 * 1e6).astype(np.int64)

    ret_channel = rng.choice(6, size=s_total, p=_RETURN_MIX)
    same = rng.random(s_total) < 0.45
    channel = np.where((k == 0) | same, acq[cust_of_sess], ret_channel)
    device = np.where(
        rng.random(s_total) < 0.8,
        pref_device[cust_of_sess],
        rng.choice(3, size=s_total, p=_DEVICE_MIX),
    )
    seg_s = segment[cust_of_sess]

    # ---------------------------------------------------------------- funnel depth per session
    p = np.empty((s_total, 4))
    p[:, 0] = 0.62 * jitter[0]
    p[:, 1] = 0.28 * jitter[1] * np.minimum(intent[cust_of_sess], 3.0)
    p[:, 2] = 0.58 * jitter[2]
    p[:, 3] = 0.74 * jitter[3]
    p[:, 0] *= np.array([1.0, 1.15, 0.85, 0.9, 1.2, 1.25])[channel]
    p[:, 1] *= np.array([1.0, 1.2, 0.8, 0.9, 1.35, 1.3])[channel] * np.where(k > 0, 1.3, 1.0)
    p[:, 2] *= np.array([0.92, 1.1, 1.0])[device]
    p[:, 3] *= np.array([0.95, 1.05, 1.0])[device] * np.array([0.95, 1.0, 1.08])[seg_s]
    dead = channel == dead_channel
    p[dead, 0] *= 0.7
    p[dead, 1] *= 0.04
    in_bug = (device == 0) & (sess_day_int >= bug_day) & (sess_day_int < bug_day + 7)
    p[in_bug, 3] *= 0.12
    np.clip(p, 0.0, 0.97, out=p)
    ok = rng.random((s_total, 4)) < p
    depth = 1 + np.cumprod(ok, axis=1).sum(axis=1)  # 1 = visita only … 5 = compra

    # ---------------------------------------------------------------- web events
    # slots inside a session: 0 visita, 1 ver_producto (repeats), 2 leer_opiniones, 3 carrito,
    # 4 ver_producto (loop), 5 carrito (loop), 6 iniciar_pago (retries), 7 compra
    n_view = np.where(depth >= 2, rng.geometric(0.45, size=s_total), 0)
    n_read = np.where(depth >= 2, rng.random(s_total) < 0.35, 0).astype(np.int64)
    n_cart = (depth >= 3).astype(np.int64)
    loop = (depth >= 3) & (rng.random(s_total) < 0.2)
    n_pay = np.where(
        depth >= 4,
        np.where(in_bug, rng.geometric(0.4, size=s_total), 1 + (rng.random(s_total) < 0.04)),
        0,
    )
    n_buy = (depth >= 5).astype(np.int64)
    slot_counts = [
        (0, 0, np.ones(s_total, dtype=np.int64)),
        (1, 1, n_view),
        (2, 2, n_read),
        (3, 3, n_cart),
        (4, 1, loop.astype(np.int64)),
        (5, 3, loop.astype(np.int64)),
        (6, 4, n_pay),
        (7, 5, n_buy),
    ]
    dwell_mean_s = np.array([0.0, 50.0, 80.0, 25.0, 60.0, 30.0])  # by event code
    sess_ids, slots, codes = [], [], []
    for slot, code, counts in slot_counts:
        idx = np.repeat(np.arange(s_total), counts)
        sess_ids.append(idx)
        slots.append(np.full(len(idx), slot, dtype=np.int8))
        codes.append(np.full(len(idx), code, dtype=np.int8))
    w_sess = np.concatenate(sess_ids)
    w_slot = np.concatenate(slots)
    w_code = np.concatenate(codes)
    del sess_ids, slots, codes
    order = np.argsort(w_sess * 8 + w_slot, kind="stable")
    w_sess, w_code = w_sess[order], w_code[order]
    del w_slot, order
    dwell = rng.exponential(1.0, size=len(w_sess)) * dwell_mean_s[w_code]
    # slow payment page on mobile during the bug
    dwell[(w_code == 4) & in_bug[w_sess]] *= 4.0
    sess_first = np.flatnonzero(np.r_[True, w_sess[1:] != w_sess[:-1]])
    offs_us = (_group_cumsum(dwell, sess_first) * 1e6).astype(np.int64)
    w_t = sess_t[w_sess] + offs_us
    w_rev = np.full(len(w_sess), np.nan)
    buy_rows = np.flatnonzero(w_code == 5)
    seg_buy = seg_s[w_sess[buy_rows]]
    w_rev[buy_rows] = np.round(
        rng.lognormal(np.log(42.0), 0.55, size=len(buy_rows)) * np.array([0.7, 1.35, 1.8])[seg_buy],
        2,
    )

    # ---------------------------------------------------------------- after the purchase
    buy_sess = w_sess[buy_rows]
    buy_t = w_t[buy_rows]
    n_buys = len(buy_sess)
    deliver_days = rng.gamma(3.0, 0.8, size=n_buys) + 0.5
    buy_day = (buy_t // day_us).astype(np.int64)
    delayed = (buy_day >= delay_day) & (buy_day < delay_day + 14)
    deliver_days = deliver_days + np.where(delayed, rng.uniform(3.0, 7.0, size=n_buys), 0.0)
    deliver_t = buy_t + (deliver_days * day_us).astype(np.int64)
    bug_retries = in_bug[buy_sess] & (n_pay[buy_sess] > 1)
    # support contacts
    p_contact = 0.05 + 0.22 * delayed
    contact = rng.random(n_buys) < p_contact
    c_t = deliver_t[contact] - (rng.uniform(0.2, 2.0, size=contact.sum()) * day_us).astype(np.int64)
    c_reason = rng.choice(4, size=contact.sum(), p=[0.45, 0.1, 0.25, 0.2])
    c_reason[delayed[contact]] = 0  # envío
    # failed payments on mobile during the bug also call support
    failed = in_bug & (depth == 4)
    f_contact = failed & (rng.random(s_total) < 0.15)
    f_t = sess_t[f_contact] + (rng.uniform(0.05, 1.0, size=f_contact.sum()) * day_us).astype(
        np.int64
    )
    sup_cust = np.concatenate((cust_of_sess[buy_sess[contact]], cust_of_sess[f_contact]))
    sup_t = np.concatenate((c_t, f_t))
    sup_reason = np.concatenate((c_reason, np.full(f_contact.sum(), 1)))
    n_sup = len(sup_cust)
    sup_contacts = 1 + rng.poisson(np.where(sup_reason == 0, 0.8, 0.4))
    sup_channel = rng.choice(3, size=n_sup, p=[0.35, 0.45, 0.2])
    sup_stage = np.where(sup_reason == 1, 2, 4)  # decisión / poscompra
    buy_contacted = np.zeros(n_buys, dtype=bool)
    buy_contacted[contact] = True

    # reviews and recommendations
    review = rng.random(n_buys) < 0.16
    rev_t = deliver_t[review] + (rng.exponential(2.0, size=review.sum()) * day_us).astype(np.int64)
    p_rec = np.where(delayed, 0.02, 0.09)
    recommend = rng.random(n_buys) < p_rec
    rec_t = deliver_t[recommend] + (rng.exponential(5.0, size=recommend.sum()) * day_us).astype(
        np.int64
    )

    # ---------------------------------------------------------------- surveys (tied to the journey)
    # NPS after the delivery; CSAT after the purchase and in the decision stage; CES after support.
    nps_mask = rng.random(n_buys) < 0.15
    latent = 8.3 + rng.normal(0, 1.9, size=n_buys) - 3.0 * delayed - 1.5 * buy_contacted
    nps_score = np.clip(np.round(latent), 0, 10)[nps_mask]
    nps_t = deliver_t[nps_mask] + (rng.uniform(0.5, 3.0, size=nps_mask.sum()) * day_us).astype(
        np.int64
    )
    csat_mask = rng.random(n_buys) < 0.2
    csat_lat = 4.2 + rng.normal(0, 0.8, size=n_buys) - 1.6 * bug_retries
    csat_score = np.clip(np.round(csat_lat), 1, 5)[csat_mask]
    csat_t = buy_t[csat_mask] + 60_000_000
    # micro-survey shown on the payment page (stage decisión), answered by those who leave it too
    pay_sess = np.flatnonzero((depth >= 4) & (rng.random(s_total) < 0.08))
    pay_lat = 4.0 + rng.normal(0, 0.8, size=len(pay_sess)) - 2.0 * in_bug[pay_sess]
    pay_score = np.clip(np.round(pay_lat), 1, 5)
    pay_t = sess_t[pay_sess] + 120_000_000
    # micro-survey on product pages (stage consideración)
    view_sess = np.flatnonzero((depth >= 2) & (rng.random(s_total) < 0.02))
    view_score = np.clip(np.round(3.9 + rng.normal(0, 0.9, size=len(view_sess))), 1, 5)
    view_t = sess_t[view_sess] + 90_000_000
    ces_mask = rng.random(n_sup) < 0.5
    ces_lat = 5.3 + rng.normal(0, 1.1, size=n_sup) - 0.9 * (sup_contacts - 1)
    ces_score = np.clip(np.round(ces_lat), 1, 7)[ces_mask]
    ces_t = sup_t[ces_mask] + (rng.uniform(0.1, 1.0, size=ces_mask.sum()) * day_us).astype(np.int64)

    # ---------------------------------------------------------------- assemble the event log
    p_cust = np.concatenate(
        (
            cust_of_sess[buy_sess],
            cust_of_sess[buy_sess[review]],
            cust_of_sess[buy_sess[recommend]],
        )
    )
    p_t = np.concatenate((deliver_t, rev_t, rec_t))
    p_code = np.concatenate(
        (
            np.full(n_buys, 6, np.int8),
            np.full(review.sum(), 7, np.int8),
            np.full(recommend.sum(), 8, np.int8),
        )
    )
    p_chan = np.concatenate(
        (
            np.full(n_buys, 0, np.int8),
            np.full(review.sum(), 1, np.int8),
            np.full(recommend.sum(), 2, np.int8),
        )
    )
    p_sess = np.concatenate(
        (buy_sess, buy_sess[review], buy_sess[recommend])
    )  # the purchase that caused them
    p_keep = p_t < days * day_us
    p_cust, p_t, p_code, p_chan, p_sess = (a[p_keep] for a in (p_cust, p_t, p_code, p_chan, p_sess))

    all_chan_names = CHANNELS + tuple(c for c in POST_CHANNELS if c not in CHANNELS)
    post_chan_code = np.array([all_chan_names.index(c) for c in POST_CHANNELS], dtype=np.int8)
    cust = np.concatenate((cust_of_sess[w_sess], p_cust))
    ts = np.concatenate((w_t, p_t))
    code = np.concatenate((w_code, p_code))
    chan = np.concatenate((channel[w_sess].astype(np.int8), post_chan_code[p_chan]))
    sess = np.concatenate((w_sess, p_sess))
    rev = np.concatenate((w_rev, np.full(len(p_t), np.nan)))
    del w_t, w_code, w_rev
    order = np.argsort(ts, kind="stable")
    cust, ts, code, chan, sess, rev = (a[order] for a in (cust, ts, code, chan, sess, rev))
    del order
    stage_codes = np.array([STAGES.index(STAGE_OF_EVENT[e]) for e in EVENTS], dtype=np.int8)
    base_us = t0.value // 1000
    events = pd.DataFrame(
        {
            "customer_id": cust.astype(np.int64) + int(first_customer_id),
            "session_id": sess.astype(np.int64) + 1 + (int(first_customer_id) - 1) * 32,
            "timestamp": (ts + base_us).astype("datetime64[us]"),
            "event": _cat(code, EVENTS),
            "stage": _cat(stage_codes[code], STAGES),
            "channel": _cat(chan, all_chan_names),
            "device": _cat(device[sess], DEVICES),
            "segment": _cat(segment[cust], SEGMENTS),
            "revenue": rev,
        }
    )
    # post-purchase events are not web visits: they have no session
    events["session_id"] = events["session_id"].astype("Int64")
    events.loc[code >= 6, "session_id"] = pd.NA

    # ---------------------------------------------------------------- other tables
    def _ts(a: np.ndarray) -> np.ndarray:
        return (a + base_us).astype("datetime64[us]")

    s_cust = [
        cust_of_sess[buy_sess[nps_mask]],
        cust_of_sess[buy_sess[csat_mask]],
        cust_of_sess[pay_sess],
        cust_of_sess[view_sess],
        sup_cust[ces_mask],
    ]
    s_sess = [buy_sess[nps_mask], buy_sess[csat_mask], pay_sess, view_sess, None]
    sv_kind = [0, 1, 1, 1, 2]
    sv_stage = [4, 3, 2, 1, 4]
    sv_score = [nps_score, csat_score, pay_score, view_score, ces_score]
    sv_t = [nps_t, csat_t, pay_t, view_t, ces_t]
    parts = []
    for c_, s_, kind, stg, sc, tt in zip(
        s_cust, s_sess, sv_kind, sv_stage, sv_score, sv_t, strict=True
    ):
        m = len(c_)
        dev = device[s_] if s_ is not None else pref_device[c_]
        ch = channel[s_] if s_ is not None else acq[c_]
        parts.append(
            pd.DataFrame(
                {
                    "customer_id": c_.astype(np.int64) + int(first_customer_id),
                    "timestamp": _ts(tt),
                    "survey": _cat(np.full(m, kind), ("nps", "csat", "ces")),
                    "stage": _cat(np.full(m, stg), STAGES),
                    "score": sc.astype(np.int64),
                    "channel": _cat(ch, CHANNELS),
                    "device": _cat(dev, DEVICES),
                }
            )
        )
    surveys = pd.concat(parts, ignore_index=True)
    surveys = surveys[surveys["timestamp"] < t0 + pd.Timedelta(days=days)]
    surveys = surveys.sort_values("timestamp", kind="stable").reset_index(drop=True)

    support = pd.DataFrame(
        {
            "customer_id": sup_cust.astype(np.int64) + int(first_customer_id),
            "timestamp": _ts(sup_t),
            "contact_channel": _cat(sup_channel, ("teléfono", "chat", "email")),
            "reason": _cat(sup_reason, ("envío", "pago", "devolución", "producto")),
            "stage": _cat(sup_stage, STAGES),
            "contacts": sup_contacts.astype(np.int64),
            "resolved_first_contact": sup_contacts == 1,
        }
    )
    support = support[support["timestamp"] < t0 + pd.Timedelta(days=days)]
    support = support.sort_values("timestamp", kind="stable").reset_index(drop=True)

    # costs: media spend per paid channel and day (per visit, with noise) + team and tools
    visits = np.bincount(sess_day_int * 6 + channel, minlength=days * 6).reshape(days, 6)
    noise = story_rng.uniform(0.85, 1.15, size=(days, 6))
    spend = np.round(visits * _CPC * noise, 2)
    paid = [i for i in range(6) if _CPC[i] > 0]
    dates = pd.date_range(t0, periods=days, freq="D")
    media = pd.DataFrame(
        {
            "date": np.repeat(dates.values, len(paid)),
            "channel": np.tile(np.array(CHANNELS)[paid], days),
            "concept": "medios",
            "spend_eur": spend[:, paid].ravel(),
        }
    )
    team = pd.DataFrame(
        {
            "date": dates,
            "channel": "general",
            "concept": "equipo_y_herramientas",
            "spend_eur": np.round(0.6 * n / days, 2),
        }
    )
    costs = pd.concat([media, team], ignore_index=True)
    costs["channel"] = costs["channel"].astype("category")
    costs["concept"] = costs["concept"].astype("category")

    customers = pd.DataFrame(
        {
            "customer_id": np.arange(n, dtype=np.int64) + int(first_customer_id),
            "segment": _cat(segment, SEGMENTS),
            "acquisition_channel": _cat(acq, CHANNELS),
            "device": _cat(pref_device, DEVICES),
            "first_seen": ((np.floor(first_seen * day_us)).astype(np.int64) + base_us).astype(
                "datetime64[us]"
            ),
        }
    )

    def _day(d: int) -> pd.Timestamp:
        return t0 + pd.Timedelta(days=d)

    stories = pd.DataFrame(
        {
            "story": ["bug_pago_movil", "canal_sin_compradores", "retraso_entregas"],
            "description": [
                t("data.story.bug", start=_day(bug_day).date(), end=_day(bug_day + 6).date()),
                t("data.story.dead_channel", channel=CHANNELS[dead_channel]),
                t(
                    "data.story.delay",
                    start=_day(delay_day).date(),
                    end=_day(delay_day + 13).date(),
                ),
            ],
            "start": [_day(bug_day), t0, _day(delay_day)],
            "end": [_day(bug_day + 7), _day(days), _day(delay_day + 14)],
            "channel": [None, CHANNELS[dead_channel], None],
            "device": ["móvil", None, None],
            "stage": ["decisión", "consideración", "poscompra"],
            "effect": [
                "iniciar_pago→compra ×0.12 en móvil",
                "ver_producto→carrito ×0.04",
                "entrega +3–7 días; contactos ×5; NPS −3",
            ],
        }
    )
    return ShopData(
        events=events,
        surveys=surveys,
        costs=costs,
        support=support,
        customers=customers,
        stories=stories,
        seed=seed_int,
    )


_SIZES = {
    "pequeño": 2_000,
    "small": 2_000,
    "mediano": 20_000,
    "medium": 20_000,
    "grande": 200_000,
    "large": 200_000,
}


@lru_cache(maxsize=4)
def _cached_shop(size: str, seed: int | str, days: int) -> ShopData:
    return simulate_shop(_SIZES[size], seed=seed, days=days)


def load_shop(size: str = "pequeño", seed: int | str = 0, *, days: int = 90) -> ShopData:
    """The shop data in a standard size; simulated once per session, then served from a cache.

    Each call returns its own tables (pandas copy-on-write makes that nearly free), so a
    student who changes ``tienda.events`` never changes what the next ``load_shop`` returns.

    Parameters
    ----------
    size : {"pequeño", "mediano", "grande"}
        2,000, 20,000 or 200,000 customers (~18 k, ~180 k and ~1.8 M events over 90 days).
    seed : int or str
        Your student id gives you your own shop.

    Examples
    --------
    >>> a = load_shop("pequeño", seed=1)
    >>> a.events["event"] = "x"          # a student overwrites a column…
    >>> load_shop("pequeño", seed=1).events["event"].iloc[0] != "x"   # …the next load is intact
    True
    """
    if size not in _SIZES:
        raise ValueError(t("data.bad_size", size=size, sizes=", ".join(list(_SIZES)[::2])))
    shop = _cached_shop(size, seed, days)
    return dataclasses.replace(
        shop,
        **{
            f.name: getattr(shop, f.name).copy(deep=False)
            for f in dataclasses.fields(shop)
            if isinstance(getattr(shop, f.name), pd.DataFrame)
        },
    )
