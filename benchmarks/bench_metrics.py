"""Benchmark of the journey metrics on the simulator's event log (not a test: prints a table).

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_metrics.py                 # 10 M events
    .venv/bin/python benchmarks/bench_metrics.py --events 2e6    # smaller, quicker
    .venv/bin/python benchmarks/bench_metrics.py --big           # + 100 M events from Parquet

Each measurement runs in a fresh subprocess, so the reported peak memory (max RSS) is that of
loading the data plus running one metric. Engine = the cjcourse functions (Ibis on DuckDB);
pandas = a straightforward pandas implementation of the same numbers (checked to agree).
Timings are the best of ``--repeat`` runs after the first one (reported apart: it includes
registering the data in DuckDB). The machine's load average is printed: on a shared machine the
numbers move.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
warnings.filterwarnings("ignore", message=".*future.infer_string.*")

STEPS = ["visita", "ver_producto", "carrito", "iniciar_pago", "compra"]
EVENTS_PER_CUSTOMER = 9.07  # simulator average over 90 days (measured)


# ----------------------------------------------------------------------------- pandas baselines


def pandas_funnel(df):
    d = df.loc[df["event"].isin(STEPS), ["customer_id", "event", "timestamp"]]
    cur = d.loc[d["event"] == STEPS[0]].groupby("customer_id")["timestamp"].min().rename("tp")
    counts = [len(cur)]
    for step in STEPS[1:]:
        c = d.loc[d["event"] == step, ["customer_id", "timestamp"]].merge(
            cur, left_on="customer_id", right_index=True
        )
        c = c[c["timestamp"] >= c["tp"]]
        cur = c.groupby("customer_id")["timestamp"].min().rename("tp")
        counts.append(len(cur))
    return counts


def pandas_transitions(df):
    d = df[["customer_id", "timestamp", "event"]].copy()
    d["event"] = d["event"].astype(str)
    d = d.sort_values(["customer_id", "timestamp", "event"])
    same = d["customer_id"].eq(d["customer_id"].shift(-1))
    d["target"] = d["event"].shift(-1)
    d = d[same]
    out = d.groupby(["event", "target"]).agg(
        count=("customer_id", "size"), customers=("customer_id", "nunique")
    )
    return out.reset_index()


def pandas_retention(df):
    import pandas as pd

    week = df["timestamp"].dt.to_period("W-SUN").dt.start_time
    act = pd.DataFrame({"c": df["customer_id"].to_numpy(), "w": week.to_numpy()}).drop_duplicates()
    first = act.groupby("c")["w"].transform("min")
    act["period"] = (act["w"] - first).dt.days // 7
    act["cohort"] = first
    return act.groupby(["cohort", "period"]).size().reset_index(name="customers")


# ----------------------------------------------------------------------------- worker


def _cpu() -> float:
    """CPU seconds of this process, all threads (DuckDB's too): independent of the machine load."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def worker(metric: str, impl: str, source: str, path: str, repeat: int, memory_limit: str | None):
    import pandas as pd

    from cjcourse import metrics
    from cjcourse.events import connection, to_table

    if memory_limit:
        con = connection()
        con.raw_sql(f"SET memory_limit = '{memory_limit}'")
        con.raw_sql("SET preserve_insertion_order = false")
        # spill to /tmp, never into the repository (DuckDB's default is ./.tmp)
        spill = Path(tempfile.gettempdir()) / "cjcourse-bench-spill"
        con.raw_sql(f"SET temp_directory = '{spill}'")
    t0 = time.perf_counter()
    data = path if source == "parquet" else pd.read_parquet(path)
    load_s = time.perf_counter() - t0
    if impl == "engine":
        table = to_table(data)
        fns = {
            "funnel": lambda: metrics.funnel(table, STEPS),
            "transitions": lambda: metrics.transitions(table),
            "retention": lambda: metrics.retention_cohorts(table, period="W"),
        }
    else:
        fns = {
            "funnel": lambda: pandas_funnel(data),
            "transitions": lambda: pandas_transitions(data),
            "retention": lambda: pandas_retention(data),
        }
    fn = fns[metric]
    t = time.perf_counter()
    result = fn()
    first_s = time.perf_counter() - t
    times, cpus = [], []
    for _ in range(repeat):
        c, t = _cpu(), time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
        cpus.append(_cpu() - c)
    if metric == "funnel":
        check = [int(x) for x in (result["customers"] if impl == "engine" else result)]
    elif metric == "transitions":
        check = int(result["count"].sum())
    else:
        check = int(result["customers"].sum())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2  # KiB → GiB
    print(
        json.dumps(
            {
                "load_s": load_s,
                "first_s": first_s,
                "best_s": min(times) if times else first_s,
                "cpu_s": min(cpus) if cpus else None,
                "peak_gib": peak,
                "check": check,
            }
        )
    )


def run(metric, impl, source, path, repeat, memory_limit=None):
    cmd = [
        sys.executable,
        __file__,
        "--worker",
        metric,
        impl,
        source,
        str(path),
        "--repeat",
        str(repeat),
    ]
    if memory_limit:
        cmd += ["--memory-limit", memory_limit]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        return {"error": (out.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


# ----------------------------------------------------------------------------- data


def make_log(n_events: int, path: Path, seed: int) -> int:
    from cjcourse.data import simulate_shop

    n_customers = int(n_events / EVENTS_PER_CUSTOMER)
    t = time.perf_counter()
    shop = simulate_shop(n_customers, seed=seed)
    sim_s = time.perf_counter() - t
    shop.events.to_parquet(path)
    print(
        f"simulated {len(shop.events):,} events of {n_customers:,} customers in {sim_s:.1f} s "
        f"-> {path} ({path.stat().st_size / 1e6:.0f} MB)"
    )
    return len(shop.events)


def make_big(n_events: int, folder: Path, seed: int, chunk_events: int = 10_000_000) -> int:
    """Write a big log in chunks (distinct customer ids) so memory stays flat."""
    from cjcourse.data import simulate_shop

    folder.mkdir(parents=True, exist_ok=True)
    total, first_id, i = 0, 1, 0
    n_chunk = int(chunk_events / EVENTS_PER_CUSTOMER)
    t = time.perf_counter()
    while total < n_events:
        shop = simulate_shop(n_chunk, seed=seed, first_customer_id=first_id)
        shop.events.to_parquet(folder / f"part-{i:03d}.parquet")
        total += len(shop.events)
        first_id += n_chunk
        i += 1
        del shop
    print(
        f"simulated {total:,} events in {i} Parquet chunks in {time.perf_counter() - t:.0f} s -> {folder}"
    )
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--worker", nargs=4, metavar=("METRIC", "IMPL", "SOURCE", "PATH"))
    ap.add_argument("--events", type=float, default=10e6)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cache", default=os.environ.get("CJCOURSE_BENCH_DIR", "/tmp/cjcourse-bench"))
    ap.add_argument("--no-pandas", action="store_true", help="skip the pandas baseline")
    ap.add_argument("--big", action="store_true", help="also run on 100 M events from Parquet")
    ap.add_argument("--big-events", type=float, default=100e6)
    ap.add_argument("--memory-limit", default=None, help="DuckDB memory_limit, e.g. 6GB")
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker, repeat=args.repeat, memory_limit=args.memory_limit)
        return

    cache = Path(args.cache)
    cache.mkdir(parents=True, exist_ok=True)
    n = int(args.events)
    path = cache / f"events-{n}-{args.seed}.parquet"
    if not path.exists():
        make_log(n, path, args.seed)
    import pandas as pd

    rows = pd.read_parquet(path, columns=["event"]).shape[0]
    print(
        f"\nevent log: {rows:,} events; machine: {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f} (before)\n"
    )
    header = (
        f"{'metric':<12} {'input':<8} {'engine s':>9} {'cpu s':>6} {'1st run s':>9} {'peak GiB':>9} "
        f"{'pandas s':>9} {'pandas GiB':>10} {'pandas/engine':>13}  same numbers"
    )
    print(header)
    print("-" * len(header))
    for metric in ("funnel", "transitions", "retention"):
        eng = run(metric, "engine", "memory", path, args.repeat)
        pq = run(metric, "engine", "parquet", path, args.repeat)
        pdr = {} if args.no_pandas else run(metric, "pandas", "memory", path, 1)
        for label, res, base in (("memory", eng, pdr), ("parquet", pq, {})):
            if "error" in res:
                print(f"{metric:<12} {label:<8} ERROR {res['error']}")
                continue
            ps = base.get("best_s")
            ratio = f"{ps / res['best_s']:.1f}x" if ps else ""
            same = "" if not base else ("yes" if base.get("check") == res.get("check") else "NO")
            ps_txt = "" if ps is None else f"{ps:.2f}"
            pg_txt = "" if not base else f"{base['peak_gib']:.2f}"
            print(
                f"{metric:<12} {label:<8} {res['best_s']:>9.2f} {res.get('cpu_s') or 0:>6.2f} "
                f"{res['first_s']:>9.2f} "
                f"{res['peak_gib']:>9.2f} {ps_txt:>9} {pg_txt:>10} {ratio:>13}  {same}"
            )
    print(f"\nload average after: {os.getloadavg()[0]:.1f}")

    if args.big:
        big = cache / f"big-{int(args.big_events)}-{args.seed}"
        if not any(big.glob("*.parquet")):
            make_big(int(args.big_events), big, args.seed)
        glob = str(big / "*.parquet")
        print(
            f"\n{int(args.big_events):,} events from Parquet ({glob}), DuckDB memory_limit "
            f"{args.memory_limit or '6GB'}:"
        )
        for metric in ("funnel", "transitions", "retention"):
            res = run(metric, "engine", "parquet", glob, 0, args.memory_limit or "6GB")
            if "error" in res:
                print(f"  {metric:<12} ERROR {res['error']}")
            else:
                print(f"  {metric:<12} {res['first_s']:8.1f} s   peak {res['peak_gib']:.2f} GiB")


if __name__ == "__main__":
    main()
