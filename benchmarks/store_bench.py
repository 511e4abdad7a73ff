"""Store and Dask benchmarks: add / re-add a day's feed, reconcile from a store, Dask vs one process.

Every measurement runs in a fresh interpreter (``python benchmarks/store_bench.py MODE …``
prints one JSON line), so each peak RSS is its own:

- ``add N``: write N mixed-language articles of the claim-dense corpus (:mod:`corpus`) as a
  JSONL feed, then time ``Store.add([feed])`` (extraction included), then the same add
  again (nothing changed: hashing and lookups only).
- ``recon N``: a store of N synthetic claims (:func:`recon_bench.make_claims`, grouped into
  their articles), then time ``Store(path).reconcile()`` — reading the claims back and
  reconciling — with its peak RSS.
- ``dask N W…``: the feed of N articles reconciled end to end (read, extract, reconcile) in
  one process, then by :mod:`factcheck.dask` on a LocalCluster of W worker processes for
  each W. Both sides are warmed up first (extractor built, each language's data loaded):
  cluster start-up and warm-up are timed apart.

>>> isinstance(TARGETS, dict)
True
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

TARGETS = {"readd_ratio": 0.10, "recon_s": 15.0, "recon_mb": 2048.0, "dask2_speedup": 1.7}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def add_child(n: int, seed: int) -> dict:
    """First add and re-add of a feed of ``n`` articles."""
    from factcheck.store import Store

    with tempfile.TemporaryDirectory() as d:
        feed = Path(d) / "feed.jsonl"
        size = corpus.write_feed(feed, n, seed=seed)
        store = Store(Path(d) / "claims.duckdb")
        t0, c0 = time.perf_counter(), time.process_time()
        first = store.add([feed])
        add_s, add_cpu = time.perf_counter() - t0, time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        again = store.add([feed])
        readd_s, readd_cpu = time.perf_counter() - t0, time.process_time() - c0
        db_mb = store.path.stat().st_size / 2**20
        assert again.unchanged == n and again.claims == 0, again
        return {"articles": n, "chars": size["chars"], "claims": first.claims, "add_s": add_s, "add_cpu_s": add_cpu,
                "readd_s": readd_s, "readd_cpu_s": readd_cpu, "store_mb": db_mb, "feed_mb": size["bytes"] / 2**20,
                "peak_mb": _rss_mb()}


def recon_child(n: int, seed: int) -> dict:
    """Reconcile from a store of ``n`` synthetic claims: time and peak RSS of this process."""
    from factcheck.store import Store

    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "claims.duckdb"
        t0 = time.perf_counter()
        build = subprocess.run([sys.executable, __file__, "fill", str(n), str(seed), str(path)],
                               capture_output=True, text=True)
        if build.returncode != 0:
            return {"n": n, "error": f"building the store failed: {build.stderr.strip().splitlines()[-1:]}"}
        fill_s = time.perf_counter() - t0
        Store(path).reconcile(measure="none-such")  # warm imports (reads no claims)
        base = _rss_mb()
        t0, c0 = time.perf_counter(), time.process_time()
        report = Store(path).reconcile()
        run, cpu = time.perf_counter() - t0, time.process_time() - c0
        return {"n": n, "fill_s": fill_s, "reconcile_s": run, "reconcile_cpu_s": cpu, "baseline_mb": base,
                "peak_mb": _rss_mb(), "groups": len(report.groups), "claims": sum(len(g.claims) for g in report.groups),
                "store_mb": path.stat().st_size / 2**20}


def fill(n: int, seed: int, path: str) -> dict:
    """Write ``n`` synthetic claims into a new store at ``path`` (one add, grouped by article)."""
    import recon_bench

    from factcheck.models import Article
    from factcheck.store import Store

    claims = recon_bench.make_claims(n, seed)
    by_article: dict[str, list] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    arts = [Article(id=aid, text=f"synthetic article {aid}", published=cs[0].published, publisher=cs[0].publisher,
                    language=cs[0].language) for aid, cs in by_article.items()]
    t0 = time.perf_counter()
    result = Store(path).add(arts, extract=lambda batch: [by_article[a.id] for a in batch], batch_size=4096)
    return {"n": n, "write_s": time.perf_counter() - t0, "claims": result.claims}


def dask_child(n: int, seed: int, workers: list[int]) -> dict:
    """One process vs LocalClusters of ``workers`` processes on a feed of ``n`` articles."""
    from factcheck import dask as fdask
    from factcheck.extraction import Extractor
    from factcheck.reconcile import Reconciler
    from factcheck.settings import Settings

    out: dict = {"articles": n, "runs": []}
    with tempfile.TemporaryDirectory() as d:
        feed = Path(d) / "feed.jsonl"
        out.update(corpus.write_feed(feed, n, seed=seed))
        # both sides warm (extractor built, every language's data loaded) before the clock starts
        ex = Extractor(Settings())
        fdask.warm_up(Settings(), ex)
        t0 = time.perf_counter()
        one = Reconciler(Settings(), extractor=ex).run([feed])
        out["one_process_s"] = time.perf_counter() - t0
        out["claims"] = sum(len(g.claims) for g in one.groups)
        for w in workers:
            run: dict = {"workers": w}
            try:
                t0 = time.perf_counter()
                with fdask.client(f"local:{w}", warm=Settings()):
                    run["startup_s"] = time.perf_counter() - t0
                    t0 = time.perf_counter()
                    report = fdask.reconcile(fdask.extract([str(feed)]), trusted=True, progress=False)
                    run["seconds"] = time.perf_counter() - t0
                run["speedup"] = out["one_process_s"] / run["seconds"]
                run["same_groups"] = report.groups == one.groups
            except Exception as e:  # noqa: BLE001 - a cluster that cannot start is reported, not fatal
                run["error"] = f"{type(e).__name__}: {e}"
            out["runs"].append(run)
    return out


def run_child(args: list[str], timeout: float) -> dict:
    """Run one MODE in a fresh interpreter; its JSON, or ``{"error": …}``."""
    try:
        proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "PYTHONHASHSEED": "0"})
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f}s"}
    if proc.returncode != 0:
        tail = (proc.stderr or "").strip().splitlines()[-1:] or ["no output"]
        return {"error": f"exit {proc.returncode}: {tail[0]}"}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def render(res: dict) -> tuple[list[str], list[tuple[str, str, str]]]:
    """Markdown lines and target rows for the ``store`` and ``dask`` sections of ``res``."""
    out: list[str] = []
    summary: list[tuple[str, str, str]] = []

    def status(ok: bool) -> str:
        return "MET" if ok else "MISSED"

    add = res.get("store_add")
    if add is not None:
        out += ["### Claim store (DuckDB): add and re-add a feed", ""]
        if "error" in add:
            out += [f"- not measured: {add['error']}", ""]
        else:
            ratio = add["readd_s"] / add["add_s"] if add["add_s"] else 0.0
            out += ["| articles | claims | first add s (wall / CPU) | re-add unchanged s (wall / CPU) | re-add / add | store MB | feed MB | peak RSS |",
                    "|---:|---:|---:|---:|---:|---:|---:|---:|",
                    f"| {add['articles']:,} | {add['claims']:,} | {add['add_s']:.1f} / {add['add_cpu_s']:.1f} | "
                    f"{add['readd_s']:.2f} / {add['readd_cpu_s']:.2f} | {ratio:.1%} | {add['store_mb']:.0f} | "
                    f"{add['feed_mb']:.0f} | {add['peak_mb']:,.0f} MB |", ""]
            summary.append((f"re-add of an unchanged feed ≤ 10 % of the first add ({add['articles']:,} articles)",
                            f"{ratio:.1%}", status(ratio <= TARGETS["readd_ratio"])))
    rec = res.get("store_recon")
    if rec is not None:
        out += ["### Reconcile from a store", ""]
        if "error" in rec:
            out += [f"- not measured: {rec['error']}", ""]
        else:
            out += ["| claims in store | reconcile s (wall / CPU) | peak RSS | store MB | groups |", "|---:|---:|---:|---:|---:|",
                    f"| {rec['n']:,} | {rec['reconcile_s']:.1f} / {rec['reconcile_cpu_s']:.1f} | {rec['peak_mb']:,.0f} MB | "
                    f"{rec['store_mb']:.0f} | {rec['groups']:,} |", "",
                    "Reading the claims back from DuckDB, rebuilding them, and reconciling: one process.", ""]
            if rec["n"] >= 10**6:
                summary.append(("reconcile from a store of 10^6 claims ≤ 15 s", f"{rec['reconcile_s']:.1f} s",
                                status(rec["reconcile_s"] <= TARGETS["recon_s"])))
                summary.append(("reconcile from a store of 10^6 claims ≤ 2 GB", f"{rec['peak_mb']:,.0f} MB",
                                status(rec["peak_mb"] <= TARGETS["recon_mb"])))
    dk = res.get("dask")
    if dk is not None:
        out += ["### Dask LocalCluster vs one process (read + extract + reconcile a feed)", ""]
        if "error" in dk:
            out += [f"- not measured: {dk['error']}", ""]
        else:
            out += [f"One process: {dk['one_process_s']:.1f} s for {dk['articles']:,} articles ({dk['claims']:,} claims).", "",
                    "| workers | cluster start s | seconds | speed-up | same groups |", "|---:|---:|---:|---:|---|"]
            for r in dk["runs"]:
                if "error" in r:
                    out.append(f"| {r['workers']} | | {r['error']} | | |")
                else:
                    out.append(f"| {r['workers']} | {r['startup_s']:.1f} | {r['seconds']:.1f} | {r['speedup']:.2f}× | {r['same_groups']} |")
                    if r["workers"] == 2:
                        summary.append((f"Dask LocalCluster(2) ≥ 1.7× one process ({dk['articles']:,} articles)",
                                        f"{r['speedup']:.2f}×", status(r["speedup"] >= TARGETS["dask2_speedup"])))
            out.append("")
    return out, summary


if __name__ == "__main__":
    mode, rest = sys.argv[1], sys.argv[2:]
    if mode == "add":
        result = add_child(int(rest[0]), int(rest[1]))
    elif mode == "recon":
        result = recon_child(int(rest[0]), int(rest[1]))
    elif mode == "fill":
        result = fill(int(rest[0]), int(rest[1]), rest[2])
    elif mode == "dask":
        result = dask_child(int(rest[0]), int(rest[1]), [int(w) for w in rest[2:]])
    else:
        raise SystemExit(f"unknown mode {mode!r}: add N SEED | recon N SEED | dask N SEED W… | fill N SEED PATH")
    print(json.dumps(result))
