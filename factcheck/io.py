"""Loading articles from files: ``.txt`` (id = file name), JSONL and CSV rows.

Columns / keys: ``id, text, published, publisher, url, language``.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from factcheck.errors import InputError
from factcheck.models import Article


def iter_articles(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Article]:
    """Yield every article in ``paths`` (files or folders), in a stable order."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for child in sorted(c for c in p.iterdir() if c.is_file()):
                yield from _from_file(child)
        else:
            yield from _from_file(p)


def load_articles(paths: Iterable[str | os.PathLike[str]]) -> list[Article]:
    """All articles in ``paths`` as a list."""
    return list(iter_articles(paths))


def _from_file(p: Path) -> Iterator[Article]:
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        with open(p, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    yield Article.model_validate(json.loads(line))
    elif suffix == ".csv":
        with open(p, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                yield Article.model_validate({k: v for k, v in row.items() if v not in (None, "")})
    else:
        try:
            text = p.read_text(encoding="utf-8")
        except OSError as e:
            raise InputError(f"{p}: cannot read: {e.strerror}") from e
        yield Article(id=p.name, text=text)
