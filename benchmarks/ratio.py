"""A quick read of extraction speed against the spaCy floor, for working on the hot paths.

Usage::

    .venv/bin/python benchmarks/ratio.py [en hi] [--bytes 300000] [--rounds 3]

Times, by process CPU time (best of ``--rounds``, each tool on the same articles), the
spaCy blank tokeniser (the floor), ``find_numbers`` and ``Extractor.extract``, and prints
each as a multiple of the floor's time. The issue's target is extraction at ≤ 3× the
floor's time (≥ 1/3 of its throughput). ``benchmarks/run.py`` is the full benchmark.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402


def _best(work: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        work()
        best = min(best, time.process_time() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    import spacy

    from factcheck.extraction import Extractor
    from factcheck.langdata import load_language
    from factcheck.numbers import find_numbers

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", default=["en", "hi"])
    parser.add_argument("--bytes", type=int, default=300_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    ex = Extractor()
    for lang in args.langs:
        arts = corpus.generate_articles(lang, target_bytes=args.bytes, start=500_000)
        texts = [a.text for a in arts]
        chars = sum(map(len, texts))
        nlp = spacy.blank(load_language(lang).spacy)
        list(nlp.pipe(texts[:5]))
        ex.extract(arts[0])
        floor = _best(lambda: list(nlp.pipe(texts)), args.rounds)
        numbers = _best(lambda: [find_numbers(t, lang) for t in texts], args.rounds)
        full = _best(lambda: [ex.extract(a) for a in arts], args.rounds)
        print(f"{lang}: {len(arts)} articles, {chars:,} chars; floor {floor:.3f} s CPU "
              f"({chars / floor / 1e6:.2f} M chars/s)")
        print(f"  find_numbers  {numbers:.3f} s = {numbers / floor:5.2f}x floor time")
        print(f"  extract       {full:.3f} s = {full / floor:5.2f}x floor time "
              f"(target <= 3.00x; ratio {floor / full:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
