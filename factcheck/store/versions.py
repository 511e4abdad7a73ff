"""What read an article: the factcheck version and a hash of the language data it used.

``data_version(code)`` hashes the language's YAML file with the shared data files
(measures, sources, units); an article read with other data would be read differently,
so ``factcheck store refresh`` re-reads exactly the articles whose hash or version differs.

>>> data_version("en") == data_version("en") != data_version("hi")
True
"""

from __future__ import annotations

import functools
import hashlib

from factcheck.langdata import DATA_DIR, _files


def factcheck_version() -> str:
    from factcheck import __version__

    return __version__


@functools.lru_cache(maxsize=None)
def _shared_hash() -> bytes:
    h = hashlib.sha256()
    for p in sorted(DATA_DIR.glob("*.yaml")):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.digest()


def data_version(code: str | None) -> str:
    """16 hex digits naming the data an article of language ``code`` is read with.

    An unsupported (or unknown) language hashes the list of supported ones: adding a
    language changes it, so refresh retries such articles.
    """
    files = _files()
    h = hashlib.sha256(_shared_hash())
    path = files.get(code or "")
    if path is None:
        h.update(b"unsupported:" + ",".join(sorted(files)).encode())
    else:
        h.update(path.read_bytes())
    return h.hexdigest()[:16]
