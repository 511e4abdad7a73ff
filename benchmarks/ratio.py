"""A quick read of extraction speed against the spaCy floor, for working on the hot paths.

Usage::

    .venv/bin/python benchmarks/ratio.py [en hi] [--bytes 300000] [--rounds 5]

Runs the benchmark's own throughput rounds (``extract_bench.throughput``: every round on
its own unseen slice of the corpus, tools interleaved, CPU time) for the spaCy blank
tokeniser (the floor), ``find_numbers`` and ``Extractor.extract`` only, on smaller slices,
and prints each tool's time as a multiple of the floor's: the median of the per-round
ratios. The issue's target is extraction at ≤ 3× the floor's time (≥ 1/3 of its
throughput). ``benchmarks/run.py`` is the full benchmark.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import extract_bench  # noqa: E402
import tools  # noqa: E402

QUICK_TOOLS = tuple(t for t in tools.TOOLS if t.build in (
    tools.spacy_floor, tools.factcheck_numbers, tools.factcheck_extract))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", default=["en", "hi"])
    parser.add_argument("--bytes", type=int, default=300_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    for lang in args.langs:
        warm = corpus.generate_articles(lang, count=8, start=900_000)
        slices, first = [], 500_000
        for _ in range(args.rounds):
            arts = corpus.generate_articles(lang, target_bytes=args.bytes, start=first)
            slices.append(arts)
            first += len(arts)
        results = extract_bench.throughput(lang, warm, slices, max_pass_s=float("inf"),
                                           log=lambda _msg: None, which=QUICK_TOOLS)
        floor = results[0]
        print(f"{lang}: {args.rounds} rounds of ~{floor.articles[-1]} articles, "
              f"~{floor.chars[-1]:,} chars; floor {statistics.median(floor.cpu):.3f} s CPU, "
              "median of per-round ratios")
        for res in results[1:]:
            times = statistics.median(1 / r for r in res.ratios)
            target = f" (target <= 3.00x; ratio {1 / times:.3f})" if res.name == tools.FULL else ""
            print(f"  {res.name:28s} {times:5.2f}x floor time{target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
