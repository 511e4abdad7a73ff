"""The ``factcheck`` command line."""

from __future__ import annotations

import argparse
import json
import sys

from factcheck.extraction import Extractor
from factcheck.io import iter_articles


def _cmd_extract(args: argparse.Namespace) -> int:
    extractor = Extractor()
    out = sys.stdout
    for article in iter_articles(args.paths):
        for claim in extractor.extract(article):
            out.write(json.dumps(claim.to_record(), ensure_ascii=False) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="factcheck", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("extract", help="print the numeric claims found in articles")
    e.add_argument("--format", choices=["jsonl", "json", "csv", "table"], default="jsonl")
    e.add_argument("paths", nargs="+")
    e.set_defaults(func=_cmd_extract)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
