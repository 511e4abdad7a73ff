"""Extraction benchmarks: throughput beside the spaCy floor, parallel speed-up, peak memory.

Timing rules (the machine is shared and noisy): every tool is warmed up first, tools run
interleaved in rounds on the same articles, and each round gives a ratio to the floor
measured in that same round; we report the best throughput and the median ratio.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import corpus
import tools
from factcheck.models import Article


@dataclass
class ToolResult:
    name: str
    note: str
    skipped: str | None = None
    seconds: list[float] = field(default_factory=list)  # wall, per round
    cpu: list[float] = field(default_factory=list)  # process CPU time, per round
    chars: list[int] = field(default_factory=list)  # per round (each round has its own articles)
    articles: list[int] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)  # chars/s ÷ floor chars/s, per round (CPU time)
    count: int = 0

    @property
    def best_cps(self) -> float:
        return max((c / s for c, s in zip(self.chars, self.seconds)), default=0.0)

    @property
    def best_cpu_cps(self) -> float:
        return max((c / s for c, s in zip(self.chars, self.cpu)), default=0.0)

    @property
    def best_aps(self) -> float:
        return max((a / s for a, s in zip(self.articles, self.seconds)), default=0.0)

    @property
    def ratio(self) -> float | None:
        return statistics.median(self.ratios) if self.ratios else None

    def to_dict(self) -> dict:
        return {
            "name": self.name, "note": self.note, "skipped": self.skipped, "seconds": self.seconds, "cpu": self.cpu,
            "chars": self.chars, "articles": self.articles, "ratios": self.ratios, "count": self.count,
            "best_chars_per_s": self.best_cps, "best_cpu_chars_per_s": self.best_cpu_cps,
            "best_articles_per_s": self.best_aps,
            "median_ratio_to_floor": self.ratio,
        }


def _chars(articles: Sequence[Article]) -> int:
    return sum(len(a.text) for a in articles)


def _prefix(articles: list[Article], max_chars: float) -> list[Article]:
    n, size = 0, 0
    for a in articles:
        if n >= 4 and size + len(a.text) > max_chars:
            break
        n, size = n + 1, size + len(a.text)
    return articles[:n]


def throughput(
    lang: str, warmup: list[Article], slices: list[list[Article]], *, max_pass_s: float, log=print,
    which: Sequence[tools.Tool] = tools.TOOLS,
) -> list[ToolResult]:
    """Time every available tool of ``which`` (the floor first) for one language,
    interleaved, one round per slice.

    Each round gives every tool the same, previously unseen articles (an archive run sees
    new text; re-reading one text would flatter every cache). A slice is cut to the
    longest prefix the slowest tool can pass over in ``max_pass_s`` (estimated on the
    warm-up articles), so every tool sees identical text within a round.

    Returns:
        One result per tool; skipped ones carry the reason.
    """
    probe, estimate = warmup[:3], warmup[3:]
    results: list[ToolResult] = []
    runs = {}
    slowest_cps = float("inf")
    for tool in which:
        res = ToolResult(tool.name, tool.note)
        results.append(res)
        try:
            t0 = time.perf_counter()
            run = tools.prepare(tool, lang, probe)  # first call: builds pipelines, fills caches
            t1 = time.perf_counter()
            run(estimate)  # second call: a warm estimate of the speed
            cps = _chars(estimate) / max(time.perf_counter() - t1, 1e-9)
        except tools.Unavailable as exc:
            res.skipped = str(exc)
            log(f"  [{lang}] skip {tool.name}: {exc}")
            continue
        log(f"  [{lang}] {tool.name}: ready in {t1 - t0:.1f}s, ~{cps / 1e3:,.0f}k chars/s warm")
        runs[tool.name] = run
        slowest_cps = min(slowest_cps, cps)
    for r, arts in enumerate(slices):
        subset = _prefix(arts, slowest_cps * max_pass_s)
        chars = _chars(subset)
        floor_s = None
        for res in results:
            if res.name not in runs:
                continue
            c0, t0 = time.process_time(), time.perf_counter()
            res.count = runs[res.name](subset)
            dt = time.perf_counter() - t0
            cpu = time.process_time() - c0
            res.seconds.append(dt)
            res.cpu.append(cpu)
            res.chars.append(chars)
            res.articles.append(len(subset))
            # Ratios use CPU time: on a shared machine wall time also counts other people's work.
            if res.name == tools.FLOOR.name:
                floor_s = cpu
            if floor_s is not None:
                res.ratios.append(floor_s / max(cpu, 1e-9))  # (chars/cpu) / (chars/floor_cpu)
        log(f"  [{lang}] round {r + 1}/{len(slices)} ({len(subset)} articles, {chars:,} chars): " + ", ".join(
            f"{res.name.split(' (')[0]} {chars / res.seconds[-1] / 1e3:,.0f}k/s" for res in results if res.name in runs))
    return results


# -- parallel ------------------------------------------------------------------------

_worker_extractor = None


def _init_worker() -> None:
    global _worker_extractor
    from factcheck.extraction import Extractor
    from factcheck.settings import Settings

    _worker_extractor = Extractor(Settings())
    for lang in corpus.languages():  # warm every language pipeline before timing
        _worker_extractor.extract(corpus.make_article(lang, 0))


def _extract_one(article: Article):
    c0 = time.process_time()
    claims = _worker_extractor.extract(article)
    return claims, time.process_time() - c0


def _burn(loops: int) -> float:
    """A pure-Python CPU loop; returns its wall time."""
    t0 = time.perf_counter()
    x = 0
    for i in range(loops):
        x += i
    return time.perf_counter() - t0


def machine_ceiling(jobs: int, loops: int = 10_000_000) -> float:
    """Speed-up the machine itself gives ``jobs`` processes on a trivial CPU loop.

    On a VM whose vCPUs share a core, or with other work running, this is well under
    ``jobs``; no extractor can scale better than it.
    """
    one = min(_burn(loops) for _ in range(2))
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    with ctx.Pool(jobs) as pool:
        pool.map(_burn, [1000] * jobs)
        t0 = time.perf_counter()
        pool.map(_burn, [loops] * jobs, chunksize=1)
        both = time.perf_counter() - t0
    return jobs * one / both


def parallel(articles: list[Article], jobs: int, *, rounds: int = 3, log=print) -> dict:
    """Speed-up of a ``multiprocessing`` pool (one Extractor per worker) over one process.

    Both sides return the claims to the caller (so the pool pays for pickling them), on
    the same articles, alternating, best of ``rounds``; the pool is started and warmed
    before timing (its start-up time is reported separately).
    """
    from factcheck.extraction import Extractor
    from factcheck.settings import Settings

    ex = Extractor(Settings())
    for lang in corpus.languages():
        ex.extract(corpus.make_article(lang, 0))
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    t0 = time.perf_counter()
    pool = ctx.Pool(jobs, initializer=_init_worker)
    pool.map(_extract_one, articles[:jobs * 2], chunksize=1)  # wait until every worker is warm
    startup = time.perf_counter() - t0
    serial, par, serial_cpu, par_cpu = [], [], [], []
    try:
        for _ in range(rounds):
            t0, c0 = time.perf_counter(), time.process_time()
            n1 = sum(len(ex.extract(a)) for a in articles)
            serial.append(time.perf_counter() - t0)
            serial_cpu.append(time.process_time() - c0)
            t0 = time.perf_counter()
            done = list(pool.imap(_extract_one, articles, chunksize=4))
            par.append(time.perf_counter() - t0)
            par_cpu.append(sum(cpu for _, cpu in done))  # extraction CPU summed over workers
            n2 = sum(len(c) for c, _ in done)
            log(f"  parallel: 1 process {serial[-1]:.2f}s ({serial_cpu[-1]:.2f}s CPU), "
                f"{jobs} processes {par[-1]:.2f}s ({par_cpu[-1]:.2f}s CPU in workers)")
    finally:
        pool.close()
        pool.join()
    ceiling = machine_ceiling(jobs)
    log(f"  parallel: a trivial CPU loop in {jobs} processes runs {ceiling:.2f}x one (the machine's ceiling)")
    chars = _chars(articles)
    return {
        "ceiling": ceiling,
        "jobs": jobs, "articles": len(articles), "chars": chars, "claims": n1, "claims_parallel": n2,
        "serial_s": serial, "parallel_s": par, "serial_cpu_s": serial_cpu, "parallel_cpu_s": par_cpu,
        "pool_startup_s": startup,
        # share of the cores the workers actually got: < 1 when other work held them
        "core_share": min(c / (jobs * w) for c, w in zip(par_cpu, par)),
        "serial_cps": chars / min(serial), "parallel_cps": chars / min(par),
        "speedup": min(serial) / min(par),
    }


# -- memory (runs in a child process) -----------------------------------------------

def _rss_mb() -> float:
    """Peak RSS of this process so far, in MB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_child(n: int, seed: int) -> dict:
    """Extract ``n`` articles (languages alternating) keeping every claim; report peak RSS."""
    from factcheck.extraction import Extractor
    from factcheck.settings import Settings

    langs = corpus.languages()
    ex = Extractor(Settings())
    for lang in langs:
        ex.extract(corpus.make_article(lang, 0, seed))
    base = _rss_mb()
    claims = []
    chars = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(n):
        art = corpus.make_article(langs[i % len(langs)], i // len(langs), seed)
        chars += len(art.text)
        claims.extend(ex.extract(art))
        if (i + 1) % 1000 == 0 and i + 1 < n:  # a checkpoint the parent keeps if it must stop us
            print(json.dumps({"articles": i + 1, "chars": chars, "claims": len(claims),
                              "seconds": time.perf_counter() - t0, "cpu_s": time.process_time() - c0,
                              "baseline_mb": base,
                              "peak_mb": _rss_mb(), "partial": True}), flush=True)
    dt = time.perf_counter() - t0
    return {"articles": n, "chars": chars, "claims": len(claims), "seconds": dt,
            "cpu_s": time.process_time() - c0, "baseline_mb": base, "peak_mb": _rss_mb()}


def start_memory_child(n: int, seed: int) -> subprocess.Popen:
    """Start the memory measurement in a fresh interpreter (clean RSS); collect with :func:`finish_child`."""
    cmd = [sys.executable, str(Path(__file__).with_name("run.py")), "--child", "memory", "--n", str(n),
           "--seed", str(seed)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONHASHSEED": "0"})


def finish_child(proc: subprocess.Popen, timeout: float) -> dict:
    """The JSON a child printed last, or ``{"error": ...}`` when it failed or timed out."""
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        lines = (out or "").strip().splitlines()
        if lines:  # keep the last checkpoint, marked partial
            last = json.loads(lines[-1])
            last["note"] = (f"stopped at the time limit; figures at the last checkpoint "
                            f"({last.get('articles', 0):,} articles)")
            return last
        return {"error": f"timed out after {timeout:.0f}s"}
    if proc.returncode != 0:
        tail = (err or "").strip().splitlines()[-1:] or ["no output"]
        return {"error": f"exit {proc.returncode}: {tail[0]}"}
    return json.loads(out.strip().splitlines()[-1])
