"""Reconciliation benchmark: synthetic claims at 10^3…10^6, each size in a fresh process.

The claims look like an archive's: a few measures × subjects × roles (some keys far
busier than others), hundreds of sources with relay chains, articles dated over two
years, figures that grow over time with reporting noise, a few outliers, every kind of
qualifier, and some claims with unknown time. Evidence, values and claims are distinct
objects per claim, each with its own sentence string, as the extractor makes them; equal
time scopes and attributions are shared here as an extractor interning them could (Claim
itself shares equal values, time scopes and attributions: ``factcheck.models``).

>>> claims = make_claims(50, seed=1)
>>> len(claims), len({c.key for c in claims}) > 1
(50, True)
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

from factcheck.models import Attribution, Claim, Evidence, Modality, Role, TimeScope
from factcheck.values import Approx, AtLeast, AtMost, Between, Exact, Vague

MEASURES = {  # measure -> unit
    "troops_deployed": "soldier",
    "troops_killed": "soldier",
    "troops_wounded": "soldier",
    "troops_captured": "soldier",
    "missiles_supplied": "missile",
    "shells_supplied": "shell",
}
SUBJECTS = (
    "north_korea", "russia", "ukraine", "iran", "belarus", "china", "syria", "israel", "gaza",
    "lebanon", "yemen", "sudan", "myanmar", "ethiopia", "somalia", "mali", "libya", "iraq",
    "afghanistan", "pakistan",
)
ROLES = ((Role.TOTAL, 0.80), (Role.INCREMENT, 0.12), (Role.SUBSET, 0.08))
NAMED_SOURCES = ("NIS", "KCNA", "TASS", "Bloomberg", "Yonhap", "AP", "IANS", "Reuters", "AFP", "JCS",
                 "South Korea", "Ukraine", "HUR", "Pentagon", "Kremlin", "MSMT")
SOURCES = NAMED_SOURCES + tuple(f"outlet_{i:03d}" for i in range(400))
MODALITIES = ((Modality.ASSERTED, 0.80), (Modality.ESTIMATED, 0.10), (Modality.POSSIBLE, 0.04),
              (Modality.PLANNED, 0.02), (Modality.DENIED, 0.03), (Modality.HYPOTHETICAL, 0.01))
FIRST_DAY = dt.date(2024, 1, 1)
DAYS = 730


def make_claims(n: int, seed: int = 20250904) -> list[Claim]:
    """``n`` synthetic claims, reproducible from ``seed``; see the module docstring."""
    rng = random.Random(seed)
    keys = [(s, m, r) for s in SUBJECTS for m in MEASURES for r, _ in ROLES]
    # Zipf-like busyness: a handful of stories dominate an archive
    key_weights = [1 / (i + 1) ** 0.8 * dict(ROLES)[k[2]] for i, k in enumerate(rng.sample(keys, len(keys)))]
    base = {k: 10 ** rng.uniform(2, 4.7) for k in keys}
    n_articles = max(1, n // 4)
    articles = [(f"art{i:07d}", FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS)), f"publisher_{rng.randrange(60):02d}",
                 rng.choice(("en", "hi"))) for i in range(n_articles)]
    times: dict[tuple, TimeScope] = {}
    attrs: dict[tuple, Attribution] = {}
    sentence = ("The figure was ", "reported in the article.")
    key_choices = rng.choices(keys, weights=key_weights, k=n)
    mods, mod_weights = zip(*MODALITIES)
    modalities = rng.choices(mods, weights=mod_weights, k=n)
    claims: list[Claim] = []
    append = claims.append
    for i in range(n):
        subject, measure, role = key_choices[i]
        art_id, published, publisher, lang = articles[rng.randrange(n_articles)]
        # time: usually a few days before publication, sometimes only month/year, sometimes unknown
        r = rng.random()
        if r < 0.15:
            tkey = (None, None)
        else:
            as_of = published - dt.timedelta(days=rng.randrange(30))
            prec = "day" if r < 0.75 else "month" if r < 0.95 else "year"
            if prec == "month":
                as_of = as_of.replace(day=1)
            elif prec == "year":
                as_of = as_of.replace(month=1, day=1)
            tkey = (as_of, prec)
        scope = times.get(tkey)
        if scope is None:
            scope = times[tkey] = TimeScope(
                as_of=tkey[0], precision=tkey[1],
                reason=None if tkey[0] else "no date in the sentence")
        # figure: a running total growing over two years, with noise and rare outliers
        day = (tkey[0] or published) - FIRST_DAY
        truth = base[(subject, measure, role)] * (1 + 2 * max(day.days, 0) / DAYS)
        v = truth * rng.uniform(0.85, 1.15) * (rng.uniform(0.3, 3) if rng.random() < 0.03 else 1)
        v = float(round(v, -max(0, int(math.log10(v)) - 1)))  # reporters round
        r = rng.random()
        if r < 0.35:
            value = Exact(value=v)
        elif r < 0.65:
            value = Approx(value=v)
        elif r < 0.80:
            value = AtLeast(value=v, strict=rng.random() < 0.5)
        elif r < 0.85:
            value = AtMost(value=v, strict=rng.random() < 0.5)
        elif r < 0.95:
            value = Between(low=v, high=v * 1.2)
        else:
            value = Vague(low=1000.0, high=10000.0 if v < 10000 else None, word="thousands")
        src = rng.choice(SOURCES)
        chain = (publisher,) if rng.random() < 0.3 else ()
        akey = (src, chain)
        attribution = attrs.get(akey)
        if attribution is None:
            attribution = attrs[akey] = Attribution(source=src, chain=chain, cue="according to")
        text = f"{v:,.0f}"
        start = rng.randrange(20, 4000)
        # the extractor slices a fresh sentence string per claim and names the zone: so here
        evidence = Evidence(article_id=art_id, start=start, end=start + len(text), text=text,
                            sentence_start=start - 20, sentence_end=start + len(text) + 19,
                            sentence="".join(sentence), zone="body")
        append(Claim(
            article_id=art_id, measure=measure, subject=subject, value=value, unit=MEASURES[measure],
            modality=modalities[i], role=role,
            subset="combat_engineers" if role is Role.SUBSET else None,
            attribution=attribution, time=scope, evidence=evidence, language=lang,
            published=published, publisher=publisher,
        ))
    return claims


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def read_floor(claims: list[Claim]) -> float:
    """CPU seconds to read, once, the fields any reconciler needs from every Claim.

    A pure-Python reconciler over Claim objects cannot be faster than this loop; it is
    the floor the reconciliation time is set against.
    """
    c0 = time.process_time()
    acc = 0.0
    for c in claims:
        iv = c.value.interval()
        t = c.time
        acc += iv.low + len(c.key) + len(c.attribution.source) + len(c.unit)
        _ = (t.as_of, t.start, t.end, c.modality, c.published, c.article_id)
    return time.process_time() - c0


def recon_child(n: int, seed: int) -> dict:
    """Build ``n`` claims, then time ``Reconciler(Settings()).run(claims)``; peak RSS in MB."""
    from factcheck.reconcile import Reconciler
    from factcheck.settings import Settings

    Reconciler(Settings()).run(make_claims(20, seed + 1))  # warm imports and lazy tables
    t0 = time.perf_counter()
    claims = make_claims(n, seed)
    build = time.perf_counter() - t0
    base = _rss_mb()
    scan = read_floor(claims)
    t0, c0 = time.perf_counter(), time.process_time()
    report = Reconciler(Settings()).run(claims)
    run, cpu = time.perf_counter() - t0, time.process_time() - c0
    groups = getattr(report, "groups", ())
    return {"n": n, "build_s": build, "scan_cpu_s": scan, "reconcile_s": run, "reconcile_cpu_s": cpu, "baseline_mb": base,
            "peak_mb": _rss_mb(),
            "groups": len(groups), "keys": len({c.key for c in claims})}


def start_recon_child(n: int, seed: int) -> subprocess.Popen:
    """Run :func:`recon_child` in a fresh interpreter, so each size's RSS is its own."""
    cmd = [sys.executable, str(Path(__file__).with_name("run.py")), "--child", "recon", "--n", str(n),
           "--seed", str(seed)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONHASHSEED": "0"})


def nlogn_factor(n: int, m: int) -> float:
    """Growth from ``n`` to ``m`` items if the cost is n log n (≈ 12–13 per decade)."""
    return (m * math.log(m)) / (n * math.log(n))


if __name__ == "__main__":  # python benchmarks/recon_bench.py 100000 : construction speed only
    k = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    t = time.perf_counter()
    make_claims(k)
    print(json.dumps({"n": k, "build_s": time.perf_counter() - t, "peak_mb": _rss_mb()}))
