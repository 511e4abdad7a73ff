"""A quick read of extraction speed against the spaCy floor, for working on the hot paths.

Usage::

    .venv/bin/python benchmarks/ratio.py [en hi] [--bytes 300000] [--rounds 3]

Times, by process CPU time, the spaCy blank tokeniser (the floor), ``find_numbers`` and
``Extractor.extract``, and prints each as a multiple of the floor's time: the median over
``--rounds`` rounds, each on its own unseen slice of the corpus (every tool on the same
slice), as ``benchmarks/run.py`` does — re-reading one text would flatter every cache
(spaCy's tokeniser caches whole words and is ~2x faster on text it has seen). The issue's target is extraction at ≤ 3× the
floor's time (≥ 1/3 of its throughput). ``benchmarks/run.py`` is the full benchmark.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402


def _timed(work: Callable[[], object]) -> float:
    t0 = time.process_time()
    work()
    return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    import spacy

    from factcheck.extraction import Extractor
    from factcheck.langdata import load_language
    from factcheck.numbers import find_numbers

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", default=["en", "hi"])
    parser.add_argument("--bytes", type=int, default=300_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    ex = Extractor()
    for lang in args.langs:
        nlp = spacy.blank(load_language(lang).spacy)
        warm = corpus.generate_articles(lang, count=5, start=900_000)
        list(nlp.pipe(a.text for a in warm))
        for a in warm:
            ex.extract(a)
        rows: list[tuple[float, float, float]] = []
        chars = n_articles = 0
        first = 500_000
        for _ in range(args.rounds):
            arts = corpus.generate_articles(lang, target_bytes=args.bytes, start=first)
            first += len(arts)
            texts = [a.text for a in arts]
            chars, n_articles = sum(map(len, texts)), len(arts)
            floor = _timed(lambda: list(nlp.pipe(texts)))
            numbers = _timed(lambda: [find_numbers(t, lang) for t in texts])
            full = _timed(lambda: [ex.extract(a) for a in arts])
            rows.append((floor, numbers, full))
        floor = statistics.median(r[0] for r in rows)
        numbers = statistics.median(r[1] / r[0] for r in rows)
        full = statistics.median(r[2] / r[0] for r in rows)
        print(f"{lang}: {args.rounds} rounds of ~{n_articles} articles, ~{chars:,} chars; floor "
              f"{floor:.3f} s CPU ({chars / floor / 1e6:.2f} M chars/s), median of per-round ratios")
        print(f"  find_numbers  {numbers:5.2f}x floor time")
        print(f"  extract       {full:5.2f}x floor time (target <= 3.00x; ratio {1 / full:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
