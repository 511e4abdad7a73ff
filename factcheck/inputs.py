"""What the public API accepts, checked at the door (issue 14).

:func:`factcheck.reconcile` / :meth:`factcheck.Reconciler.run` take **items**:

- a single ``str`` or ``os.PathLike`` is **one** item, never iterated character by character:
  a ``pathlib.Path`` is a file or folder; a ``str`` is a path when it is shaped like one
  (:func:`factcheck.reconcile.is_path_text`), else article text;
- a single :class:`~factcheck.models.Article`, :class:`~factcheck.models.Claim` or
  :class:`~factcheck.models.SkippedInput` is one item;
- a mapping (``dict``) is one **row** with the article columns ``id, text, published,
  publisher, url, language`` (other keys ignored), read by the rules of file rows
  (:func:`factcheck.io.iter_rows`): dates kept, a bad row listed as skipped;
- a pandas ``DataFrame`` is its rows, by those rules (a ``Timestamp`` in ``published`` is
  its day, a missing value ``NaN``/``NaT``/``None`` is no value);
- any other iterable (list, tuple, generator) holds items of the kinds above, mixed.

Anything else — a pandas ``Series`` (one column: the other columns, dates among them,
would be lost; pass the DataFrame), ``bytes``, a number — raises
:class:`~factcheck.errors.InputTypeError` (a ``TypeError``) naming the type and the accepted ones.

:func:`factcheck.extract` takes one article: an ``Article``, its text (``str``) or a row
(mapping); anything else raises ``InputTypeError``.

>>> as_items("About 3,000 troops were sent.")
['About 3,000 troops were sent.']
>>> as_items([{"id": "a", "text": "600 soldiers", "published": "2025-04-01"}])[0].published
datetime.date(2025, 4, 1)
>>> as_items(42)
Traceback (most recent call last):
  ...
factcheck.errors.InputTypeError: reconcile cannot use an object of type int: pass an Article, Claim, SkippedInput, path (str or pathlib.Path), article text (str), a row (dict) or a pandas DataFrame — or a list of them
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import numbers
import os
from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.errors import InputTypeError
from factcheck.models import Article, Claim, SkippedInput

_ONE = (Article, Claim, SkippedInput, str)
_ACCEPTED = (
    "an Article, Claim, SkippedInput, path (str or pathlib.Path), article text (str), "
    "a row (dict) or a pandas DataFrame — or a list of them"
)
_ACCEPTED_ONE = "an Article, its text (str) or a row (dict with a 'text' key)"


def as_items(obj: Any, *, api: str = "reconcile") -> list[Any]:
    """The items ``obj`` stands for: a list of Article, Claim, SkippedInput, str and PathLike.

    Rows (mappings, DataFrame rows) become Articles or SkippedInputs. See the module
    docstring for what is accepted.

    Raises:
        InputTypeError: ``obj`` (or an item in it) is of a type not accepted.
    """
    if isinstance(obj, _ONE) or isinstance(obj, os.PathLike):
        return [obj]
    if isinstance(obj, Mapping):
        return _rows([("row", obj)])
    kind = _pandas_kind(obj)
    if kind == "DataFrame":
        return _rows((f"row {label!r}", dict(zip(obj.columns, values, strict=False)))
                     for label, values in zip(obj.index, obj.itertuples(index=False, name=None), strict=False))
    if kind == "Series":
        raise InputTypeError(
            f"{api} cannot use a pandas Series (one column): its rows' other columns, the "
            "published dates among them, would be lost — pass the DataFrame itself "
            "(columns id, text, published, publisher, url, language), or list(series) to "
            "read the texts alone"
        )
    if isinstance(obj, bytes | bytearray | memoryview) or not isinstance(obj, Iterable):
        raise InputTypeError(f"{api} cannot use an object of type {_type_name(obj)}: pass {_ACCEPTED}")
    items = obj if isinstance(obj, list | tuple) else list(obj)
    # the common cases (a list of claims, articles, paths) pass in one set pass, uncopied
    if all(t in _PLAIN for t in set(map(type, items))):
        return items if isinstance(items, list) else list(items)
    out: list[Any] = []
    rows: list[tuple[str, Mapping[str, Any]]] = []
    for i, item in enumerate(items):
        if isinstance(item, _ONE) or isinstance(item, os.PathLike):
            out.append(item)
        elif isinstance(item, Mapping):
            rows.append((f"row {i}", item))
        else:
            raise InputTypeError(
                f"{api} cannot use an item of type {_type_name(item)} (item {i}): each item must be "
                "an Article, Claim, SkippedInput, path (str or pathlib.Path), article text (str) or "
                "a row (dict)"
            )
    return out + _rows(rows)


def as_article(obj: Any, *, language: str | None = None) -> Article:
    """The one article ``obj`` stands for (:func:`factcheck.extract`'s argument).

    ``language`` wins over the article's own. A row that is not an article raises
    :class:`~factcheck.errors.InputError` naming what is wrong.

    >>> as_article("About 3,000 troops.", language="en").id
    'text'
    >>> as_article({"id": "a", "text": "600 soldiers", "published": "2025-04-01"}).published
    datetime.date(2025, 4, 1)
    """
    if isinstance(obj, Article):
        return obj if language is None else obj.model_copy(update={"language": language})
    if isinstance(obj, str):
        return Article(id="text", text=obj, language=language)
    if isinstance(obj, Mapping):
        from factcheck.errors import InputError
        from factcheck.io import iter_rows

        row = _clean(obj)
        if language is not None:
            row["language"] = language
        row.setdefault("id", "text")
        (item,) = iter_rows([("row", "text", row)], max_chars=None)
        if isinstance(item, SkippedInput):
            raise InputError(f"extract cannot read the row: {item.reason}")
        return item
    raise InputTypeError(f"extract cannot use an object of type {_type_name(obj)}: pass {_ACCEPTED_ONE}")


def _rows(rows: Iterable[tuple[str, Mapping[str, Any]]]) -> list[Any]:
    from factcheck.io import iter_rows

    cleaned = []
    for where, row in rows:
        values = _clean(row)
        text = values.get("text")
        default_id = _text_id(text) if isinstance(text, str) else where
        cleaned.append((where, default_id, values))
    return list(iter_rows(cleaned, max_chars=None))


def _clean(row: Mapping[str, Any]) -> dict[str, Any]:
    """A row's values as JSON would give them: missing values dropped, days for datetimes,
    plain ints and strs for numpy's."""
    out: dict[str, Any] = {}
    for key, v in row.items():
        if not isinstance(key, str):
            continue
        key = key.strip().lower()
        if _missing(v):
            continue
        if isinstance(v, dt.datetime):  # pandas Timestamp too
            v = v.date()
        elif isinstance(v, numbers.Integral) and not isinstance(v, bool):
            v = int(v)
        elif isinstance(v, str) and type(v) is not str:  # numpy.str_
            v = str(v)
        out[key] = v
    return out


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    return type(v).__name__ in ("NAType", "NaTType")


def _text_id(text: str) -> str:
    """The id of a row without one: from its text (as for raw text), never its position."""
    return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _pandas_kind(obj: Any) -> str | None:
    t = type(obj)
    if t.__module__.split(".")[0] == "pandas" and t.__name__ in ("DataFrame", "Series"):
        return t.__name__
    for base in t.__mro__[1:]:  # subclasses (e.g. geopandas)
        if base.__module__.split(".")[0] == "pandas" and base.__name__ in ("DataFrame", "Series"):
            return base.__name__
    return None


def _type_name(obj: Any) -> str:
    t = type(obj)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def _plain_types() -> frozenset[type]:
    import pathlib

    return frozenset({Article, Claim, SkippedInput, str, pathlib.PosixPath, pathlib.WindowsPath,
                      pathlib.PurePosixPath, pathlib.PureWindowsPath})


_PLAIN = _plain_types()
