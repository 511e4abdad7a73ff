"""A cache keyed by object identity, for structures compiled from language data."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

_K = TypeVar("_K")
_V = TypeVar("_V")


def cached_by_identity(build: Callable[[_K], _V]) -> Callable[[_K], _V]:
    """Cache ``build(data)`` per data *object* (by identity, not by value).

    Compiled matchers are built once per language data object; hashing a whole frozen
    language model on every lookup would cost more than the lookup saves, and a re-loaded
    object (``load_language.cache_clear()``) must get a fresh build.

    >>> calls = []
    >>> f = cached_by_identity(lambda d: calls.append(d) or len(calls))
    >>> x = ("data",)
    >>> f(x), f(x), len(calls)
    (1, 1, 1)
    """
    cache: dict[int, tuple[Any, Any]] = {}

    def get(data: _K) -> _V:
        hit = cache.get(id(data))
        if hit is None or hit[0] is not data:
            hit = (data, build(data))
            cache[id(data)] = hit
        return hit[1]

    get.__doc__ = build.__doc__
    return get
