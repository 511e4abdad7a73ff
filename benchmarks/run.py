"""factcheck benchmarks: extraction and reconciliation speed, side by side with alternatives.

Usage::

    .venv/bin/python benchmarks/run.py                 # full run, < 10 minutes on 2 cores
    .venv/bin/python benchmarks/run.py --quick         # smoke run, well under a minute
    .venv/bin/python benchmarks/run.py --out benchmarks/results.md --json benchmarks/results.json

Optional tools measured when installed (not factcheck dependencies):
``pip install number-parser pyduckling-native``. Missing ones are skipped with a note.
Sections: extraction throughput per language beside the spaCy blank-tokeniser floor;
parallel extraction speed-up; peak RSS extracting 10,000 articles; reconciliation time and
peak RSS for 10^3…10^6 synthetic claims (each size in a fresh process); the claim store (add
and re-add a feed of 20,000 articles, reconcile from a store of 10^6 claims) and Dask
LocalClusters of 1 and 2 workers vs one process (store_bench.py). See README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # run as a plain script: the sibling modules import directly

import corpus  # noqa: E402
import extract_bench  # noqa: E402
import recon_bench  # noqa: E402
import report  # noqa: E402
import store_bench  # noqa: E402
import tools  # noqa: E402

FULL = {"bytes": 1_000_000, "rounds": 3, "max_pass_s": 12.0, "parallel_bytes": 400_000,
        "memory_articles": 10_000, "recon_sizes": (10**3, 10**4, 10**5, 10**6), "recon_budget_s": 360.0,
        "memory_timeout_s": 420.0, "store_articles": 20_000, "store_claims": 10**6, "dask_articles": 20_000,
        "dask_workers": (1, 2), "store_timeout_s": 3600.0}
QUICK = {"bytes": 40_000, "rounds": 2, "max_pass_s": 3.0, "parallel_bytes": 80_000,
         "memory_articles": 40, "recon_sizes": (10**3, 10**4), "recon_budget_s": 30.0,
         "memory_timeout_s": 60.0, "store_articles": 24, "store_claims": 10**3, "dask_articles": 24,
         "dask_workers": (1, 2), "store_timeout_s": 300.0}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    if not commit:  # a snapshot (git archive) carries its commit in a COMMIT file
        marker = HERE.parent / "COMMIT"
        commit = marker.read_text().strip() if marker.exists() else "unknown"
    import spacy

    import factcheck

    return {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "nproc": os.cpu_count(),
            "cpu": cpu, "python": platform.python_version(), "spacy": spacy.__version__, "commit": commit,
            "load_start": list(os.getloadavg()), "factcheck": str(Path(factcheck.__file__).parent)}


def run_recon(sizes, seed: int, budget_s: float) -> list[dict]:
    """Each size in a fresh process; stop when the next size cannot finish in the budget."""
    out: list[dict] = []
    t_start = time.perf_counter()
    prev: dict | None = None
    for n in sizes:
        left = budget_s - (time.perf_counter() - t_start)
        if prev and "reconcile_s" in prev:
            growth = max(recon_bench.nlogn_factor(prev["n"], n), prev.get("growth") or 0.0)
            predicted = prev["build_s"] * n / prev["n"] + prev["reconcile_s"] * growth
            if predicted > left:
                out.append({"n": n, "error": f"skipped: predicted {predicted:.0f}s > {left:.0f}s left"})
                log(f"  reconcile n={n:,}: skipped (predicted {predicted:.0f}s, {left:.0f}s left)")
                break
        elif prev is not None:
            out.append({"n": n, "error": "skipped: the smaller size failed"})
            break
        log(f"  reconcile n={n:,} ...")
        res = extract_bench.finish_child(recon_bench.start_recon_child(n, seed), timeout=max(left, 30))
        res.setdefault("n", n)
        if prev and "reconcile_cpu_s" in prev and "reconcile_cpu_s" in res and prev["reconcile_cpu_s"] > 0:
            res["growth"] = res["reconcile_cpu_s"] / prev["reconcile_cpu_s"]  # CPU: robust to other load
            res["nlogn"] = recon_bench.nlogn_factor(prev["n"], n)
        log(f"  reconcile n={n:,}: {res}")
        out.append(res)
        prev = res
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes: a smoke run in well under a minute")
    ap.add_argument("--out", type=Path, help="write the results table (Markdown) here")
    ap.add_argument("--json", type=Path, help="write every raw figure (JSON) here")
    ap.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED, help="corpus and claim seed")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="processes for the parallel run")
    ap.add_argument("--skip", action="append", default=[], choices=("throughput", "parallel", "memory", "recon", "store", "dask"),
                    help="leave a section out (repeatable)")
    ap.add_argument("--sequential", action="store_true",
                    help="run the memory child alone instead of beside the one-core sections (slower)")
    ap.add_argument("--recon-sizes", type=int, nargs="+", help="claim counts to reconcile (default 10^3…10^6)")
    ap.add_argument("--recon-budget", type=float, help="seconds for the reconciliation section (default 360)")
    ap.add_argument("--memory-articles", type=int, help="articles for the memory run (default 10,000)")
    ap.add_argument("--memory-timeout", type=float, help="seconds the memory run may take (default 420)")
    ap.add_argument("--store-articles", type=int, help="articles in the store add/re-add feed (default 20,000)")
    ap.add_argument("--store-claims", type=int, help="claims in the store reconciled from (default 10^6)")
    ap.add_argument("--dask-articles", type=int, help="articles for Dask vs one process (default 20,000)")
    ap.add_argument("--child", choices=("memory", "recon"), help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child == "memory":
        print(json.dumps(extract_bench.memory_child(args.n, args.seed)))
        return 0
    if args.child == "recon":
        print(json.dumps(recon_bench.recon_child(args.n, args.seed)))
        return 0

    cfg = dict(QUICK if args.quick else FULL)
    if args.recon_sizes:
        cfg["recon_sizes"] = tuple(args.recon_sizes)
    if args.recon_budget:
        cfg["recon_budget_s"] = args.recon_budget
    if args.memory_articles:
        cfg["memory_articles"] = args.memory_articles
    if args.memory_timeout:
        cfg["memory_timeout_s"] = args.memory_timeout
    for key in ("store_articles", "store_claims", "dask_articles"):
        if getattr(args, key):
            cfg[key] = getattr(args, key)
    t_all = time.perf_counter()
    results: dict = {"machine": machine(), "mode": "quick" if args.quick else "full", "config": {
        k: list(v) if isinstance(v, tuple) else v for k, v in cfg.items()}}
    log(f"factcheck benchmarks ({results['mode']}) on {results['machine']['cpu']}, {results['machine']['nproc']} cores")

    t0 = time.perf_counter()
    langs = corpus.languages()
    arts = {lang: corpus.generate_articles(lang, seed=args.seed, target_bytes=cfg["bytes"]) for lang in langs}
    results["corpus"] = {lang: {"articles": len(a), "chars": sum(len(x.text) for x in a),
                                "bytes": sum(len(x.text.encode()) for x in a)} for lang, a in arts.items()}
    log(f"corpus: {results['corpus']} in {time.perf_counter() - t0:.1f}s")

    full_ok = _full_extraction_available(arts)
    mem_proc = None
    if "memory" not in args.skip and full_ok is None and not args.sequential:
        # The memory run takes minutes; it uses the second core while the one-core sections
        # run (the parallel section waits until it is done).
        log(f"memory: extracting {cfg['memory_articles']:,} articles in a child process, beside the next sections ...")
        mem_proc = extract_bench.start_memory_child(cfg["memory_articles"], args.seed)
        mem_t0 = time.perf_counter()

    if "throughput" not in args.skip:
        results["throughput"] = {}
        for lang in langs:
            # round r reads its own slice of the corpus (articles from index r * 100,000)
            warm = corpus.generate_articles(lang, seed=args.seed, count=12, start=900_000)
            slices = [arts[lang]] + [
                corpus.generate_articles(lang, seed=args.seed, target_bytes=cfg["bytes"], start=r * 100_000)
                for r in range(1, cfg["rounds"])]
            res = extract_bench.throughput(lang, warm, slices, max_pass_s=cfg["max_pass_s"], log=log)
            results["throughput"][lang] = [r.to_dict() for r in res]

    if "recon" not in args.skip:
        results["recon"] = run_recon(cfg["recon_sizes"], args.seed, cfg["recon_budget_s"])

    if "memory" not in args.skip:
        if full_ok is not None:
            results["memory"] = {"error": f"skipped: full extraction {full_ok}"}
        else:
            if mem_proc is None:
                log(f"memory: extracting {cfg['memory_articles']:,} articles in a child process ...")
                mem_proc, mem_t0 = extract_bench.start_memory_child(cfg["memory_articles"], args.seed), time.perf_counter()
            left = cfg["memory_timeout_s"] - (time.perf_counter() - mem_t0)
            results["memory"] = extract_bench.finish_child(mem_proc, max(left, 1))
            results["memory"]["overlapped"] = not args.sequential
            log(f"memory: {results['memory']}")

    if "parallel" not in args.skip:
        if full_ok is None:
            mixed = [a for lang in langs for a in corpus.generate_articles(
                lang, seed=args.seed, target_bytes=cfg["parallel_bytes"] // len(langs), start=300_000)]
            results["parallel"] = extract_bench.parallel(mixed, args.jobs, log=log)
        else:
            results["parallel"] = {"error": f"skipped: full extraction {full_ok}"}

    if "store" not in args.skip:
        log(f"store: add and re-add {cfg['store_articles']:,} articles ...")
        results["store_add"] = store_bench.run_child(["add", str(cfg["store_articles"]), str(args.seed)],
                                                     cfg["store_timeout_s"])
        log(f"store: {results['store_add']}")
        log(f"store: reconcile from a store of {cfg['store_claims']:,} claims ...")
        results["store_recon"] = store_bench.run_child(["recon", str(cfg["store_claims"]), str(args.seed)],
                                                       cfg["store_timeout_s"])
        log(f"store: {results['store_recon']}")
    if "dask" not in args.skip:
        log(f"dask: {cfg['dask_articles']:,} articles, one process vs LocalCluster {cfg['dask_workers']} ...")
        results["dask"] = store_bench.run_child(
            ["dask", str(cfg["dask_articles"]), str(args.seed), *map(str, cfg["dask_workers"])], cfg["store_timeout_s"])
        log(f"dask: {results['dask']}")

    results["total_s"] = time.perf_counter() - t_all
    results["machine"]["load_end"] = list(os.getloadavg())
    text = report.render(results)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


def _full_extraction_available(arts) -> str | None:
    """None when full extraction runs; else why not (parallel and memory need it)."""
    lang = next(iter(arts))
    try:
        tools.prepare(tools.TOOLS[1], lang, arts[lang][:1])
    except tools.Unavailable as exc:
        return str(exc)
    return None


if __name__ == "__main__":
    sys.exit(main())
