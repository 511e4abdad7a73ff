"""Write, or check, the claims extracted from the benchmark corpus: a guard for speed work.

A speed change must not change what is extracted. Record the claims before the change,
then check after it::

    .venv/bin/python benchmarks/snapshot.py write /tmp/before.jsonl
    # ... change the code ...
    .venv/bin/python benchmarks/snapshot.py check /tmp/before.jsonl

``check`` prints every claim that appeared, vanished or changed (by article id and
evidence span) and exits 1 if there is any. ``--bytes N`` sets the corpus size per
language (default 600,000 bytes, both languages, articles from two parts of the corpus).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402


def records(size: int) -> list[dict]:
    """Every claim of the corpus, fully dumped, in a stable order."""
    from factcheck.extraction import Extractor

    ex = Extractor()
    out: list[dict] = []
    for lang in corpus.languages():
        for start in (0, 500_000):
            for article in corpus.generate_articles(lang, target_bytes=size // 2, start=start):
                out.extend(c.model_dump(mode="json") for c in ex.extract(article))
    return out


def _key(rec: dict) -> tuple:
    ev = rec["evidence"]
    return (rec["article_id"], ev["start"], ev["end"], rec["measure"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["write", "check"])
    parser.add_argument("path", type=Path)
    parser.add_argument("--bytes", type=int, default=600_000)
    args = parser.parse_args(argv)
    recs = records(args.bytes)
    if args.action == "write":
        with args.path.open("w", encoding="utf-8") as fh:
            for rec in recs:
                fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"wrote {len(recs)} claims to {args.path}")
        return 0
    before = {}
    with args.path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            before[_key(rec)] = rec
    after = {_key(r): r for r in recs}
    changed = 0
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        changed += 1
        if old is None:
            print(f"+ {key}: {new['evidence']['text']}")
        elif new is None:
            print(f"- {key}: {old['evidence']['text']}")
        else:
            diff = {k: (old.get(k), new.get(k)) for k in old.keys() | new.keys() if old.get(k) != new.get(k)}
            print(f"~ {key}: {diff}")
    print(f"{len(after)} claims now, {len(before)} before, {changed} differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
