"""Profile the hot paths the benchmark measures (needs ``pip install pyinstrument``).

Usage::

    .venv/bin/python benchmarks/hotpaths.py extract en [BYTES]      # Extractor.extract over the corpus
    .venv/bin/python benchmarks/hotpaths.py extract hi
    .venv/bin/python benchmarks/hotpaths.py reconcile [N]           # Reconciler.run over N synthetic claims

Prints pyinstrument's call tree (wall-clock samples; on a loaded machine the shares
still hold, the seconds do not — the header gives the CPU time).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import recon_bench  # noqa: E402


def main(argv: list[str]) -> int:
    try:
        from pyinstrument import Profiler
    except ImportError:
        print("pyinstrument is not installed: .venv/bin/pip install pyinstrument", file=sys.stderr)
        return 2
    from factcheck.settings import Settings

    what = argv[0] if argv else "extract"
    if what == "extract":
        from factcheck.extraction import Extractor

        lang = argv[1] if len(argv) > 1 else "en"
        size = int(argv[2]) if len(argv) > 2 else 300_000
        ex = Extractor(Settings())
        arts = corpus.generate_articles(lang, target_bytes=size, start=500_000)
        ex.extract(arts[0])  # build the pipeline outside the profile

        def work() -> None:
            for a in arts:
                ex.extract(a)
    elif what == "reconcile":
        from factcheck.reconcile import Reconciler

        n = int(argv[1]) if len(argv) > 1 else 30_000
        Reconciler(Settings()).run(recon_bench.make_claims(20, 3))
        claims = recon_bench.make_claims(n)

        def work() -> None:
            Reconciler(Settings()).run(claims)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    prof = Profiler(interval=0.001)
    prof.start()
    work()
    prof.stop()
    print(prof.output_text(unicode=False, color=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
