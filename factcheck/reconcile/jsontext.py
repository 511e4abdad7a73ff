"""``Report.to_json()`` text, byte for byte what ``json.dumps(report.to_dict(), indent=…)`` prints, faster.

``json.dumps`` with an indent runs Python's pure-Python encoder over every value, and
``to_dict()`` first builds a 22-key record per claim: ~6 s for 10^5 claims, a minute for
an archive of 10^6. Here the indented layout is written around leaves encoded in C
(``json.encoder.encode_basestring``), flat objects (relations, article rows) are encoded
whole by the C encoder with the newline-and-indent as item separator, and each claim's
record is written from its parts, whose JSON is cached: a million claims share a few
thousand values, time scopes and attributions (interned, see ``factcheck.models``).

The record layout mirrors ``Claim.to_record()``; tests compare this text with
``json.dumps(report.to_dict(), indent=…)`` so the two cannot drift apart silently.

>>> from factcheck.reconcile.report import Report
>>> report_json(Report(groups=(), articles=()), 2)
'{\\n  "version": 1,\\n  "groups": [],\\n  "articles": []\\n}'
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring  # the C encoder's string quoting, non-ASCII kept
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any

from factcheck.models import Attribution, Claim, TimeScope, _num
from factcheck.reconcile.gcpause import gc_paused
from factcheck.values import Value

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.reconcile.report import Report

def _leaf(x: Any) -> str:
    """One scalar as ``json.dumps`` writes it (floats: repr, NaN/Infinity as json does)."""
    if isinstance(x, str):
        return encode_basestring(x)
    return json.dumps(x, ensure_ascii=False)


class _Encoded(dict):  # type: ignore[type-arg]
    """Scalar -> its JSON text, encoded on first use (measures, subjects, units repeat)."""

    def __missing__(self, key: Any) -> str:
        text = self[key] = _leaf(key)
        return text


class _EncodedEnum(dict):  # type: ignore[type-arg]
    """Enum member -> its value's JSON text (``Modality``, ``Role``)."""

    def __missing__(self, key: Any) -> str:
        text = self[key] = _leaf(key.value)
        return text


#: A claim's record fields, in ``Claim.to_record()`` order, read from its instance dict.
_CLAIM_FIELDS = itemgetter(
    "article_id", "measure", "subject", "value", "unit", "modality", "role", "subset",
    "attribution", "time", "evidence", "language",
)
_EVIDENCE_FIELDS = itemgetter("text", "start", "end", "sentence")
_DICT = attrgetter("__dict__")


class _Deferred:
    """A value whose text is written by ``render(level)`` (the claims of a group)."""

    __slots__ = ("render",)

    def __init__(self, render: Callable[[int], str]) -> None:
        self.render = render


_NOT_SCALAR = (dict, list, tuple, _Deferred)


class _Writer:
    """The indented layout of ``json.dumps(obj, indent=n, ensure_ascii=False)``.

    Objects and lists of scalars, and lists of such objects, are encoded by the C encoder
    in one call with ``",\\n" + indent`` as item separator. That is exact because a newline
    never occurs inside encoded JSON text (strings escape it): every newline the C encoder
    writes is a separator, so the brackets and the between-object separators can be put
    right by plain string edits.
    """

    def __init__(self, indent: int) -> None:
        self.indent = indent
        self._encoders: dict[int, Callable[[Any], str]] = {}

    def pad(self, level: int) -> str:
        return " " * (self.indent * level)

    def _c_encoder(self, level: int) -> Callable[[Any], str]:
        """C-encoded ``{"k": v,<newline + pad(level + 1)>"k2": v2}`` (or a list likewise)."""
        enc = self._encoders.get(level)
        if enc is None:
            sep = ",\n" + self.pad(level + 1)
            enc = self._encoders[level] = json.JSONEncoder(ensure_ascii=False, separators=(sep, ": ")).encode
        return enc

    def _flat(self, obj: dict[str, Any] | list[Any] | tuple[Any, ...], level: int) -> str:
        """A non-empty object or list of scalars; its closing bracket at ``level``."""
        text = self._c_encoder(level)(obj)
        return text[0] + "\n" + self.pad(level + 1) + text[1:-1] + "\n" + self.pad(level) + text[-1]

    def _flat_objects(self, objs: list[Any] | tuple[Any, ...], level: int) -> str:
        """A list of non-empty objects of scalars; its closing bracket at ``level``."""
        text = self._c_encoder(level + 1)(objs)  # item separator right inside the objects only
        inner, item, outer = self.pad(level + 2), self.pad(level + 1), self.pad(level)
        # an object ends with "}" and the next starts with "{"; inside one, a separator
        # is followed by a key's quote: so this replaces exactly the separators between objects
        body = text[2:-2].replace("},\n" + inner + "{", "\n" + item + "},\n" + item + "{\n" + inner)
        return "[\n" + item + "{\n" + inner + body + "\n" + item + "}\n" + outer + "]"

    def write(self, obj: Any, level: int, out: list[str]) -> None:
        """Append ``obj``'s text at nesting ``level`` (its closing bracket's indent) to ``out``."""
        if isinstance(obj, dict):
            if not obj:
                out.append("{}")
            elif _scalars(obj.values()):
                out.append(self._flat(obj, level))
            else:
                inner = self.pad(level + 1)
                sep = "{\n"
                for k, v in obj.items():
                    out.append(sep + inner + encode_basestring(k) + ": ")
                    sep = ",\n"
                    self.write(v, level + 1, out)
                out.append("\n" + self.pad(level) + "}")
        elif isinstance(obj, (list, tuple)):
            if not obj:
                out.append("[]")
            elif _scalars(obj):
                out.append(self._flat(obj, level))
            elif all(type(v) is dict and v and _scalars(v.values()) for v in obj):
                out.append(self._flat_objects(obj, level))
            else:
                inner = self.pad(level + 1)
                sep = "[\n"
                for v in obj:
                    out.append(sep + inner)
                    sep = ",\n"
                    self.write(v, level + 1, out)
                out.append("\n" + self.pad(level) + "]")
        elif isinstance(obj, _Deferred):
            out.append(obj.render(level))
        else:
            out.append(_leaf(obj))


def _scalars(values: Any) -> bool:
    """Whether no value is a container (or a deferred text)."""
    return not any(isinstance(v, _NOT_SCALAR) for v in values)


class _ClaimText:
    """Claim records (``Claim.to_record()``) as indented JSON, their shared parts encoded once.

    Parts are cached by identity: the report being written holds every part alive, so an
    id is not reused during one ``report_json`` call.
    """

    def __init__(self, writer: _Writer) -> None:
        self.writer = writer
        self.strings = _Encoded()
        self.enums = _EncodedEnum()
        self.values: dict[int, str] = {}
        self.times: dict[int, str] = {}
        self.attributions: dict[int, str] = {}

    def _value(self, v: Value, p: str) -> str:
        text = self.values.get(id(v))
        if text is None:
            iv = v.interval()
            text = self.values[id(v)] = (
                f'"value": {_leaf(_num(v.point))},\n{p}"low": {_leaf(_num(iv.low))},\n'
                f'{p}"high": {_leaf(_num(iv.high))},\n{p}"bound": {_leaf(v.bound)}'
            )
        return text

    def _attribution(self, a: Attribution, p: str, level: int) -> str:
        text = self.attributions.get(id(a))
        if text is None:
            out: list[str] = []
            self.writer.write(list(a.chain), level, out)
            text = self.attributions[id(a)] = f'"source": {_leaf(a.source)},\n{p}"chain": {"".join(out)}'
        return text

    def _time(self, t: TimeScope, p: str) -> str:
        text = self.times.get(id(t))
        if text is None:
            start = t.start.isoformat() if t.start else None
            end = t.end.isoformat() if t.end else None
            text = self.times[id(t)] = (
                f'"as_of": {_leaf(t.as_of_text())},\n{p}"period_start": {_leaf(start)},\n'
                f'{p}"period_end": {_leaf(end)},\n{p}"time_note": {_leaf(t.reason)}'
            )
        return text

    def records(self, claims: Sequence[Claim], level: int) -> str:
        """The list of the claims' records, its ``[`` at ``level``."""
        if not claims:
            return "[]"
        pad = self.writer.pad
        item, p = pad(level + 1), pad(level + 2)
        s, e, values, times, attributions = self.strings, self.enums, self.values, self.times, self.attributions
        n = ",\n" + p  # between two keys of a record
        parts: list[str] = []
        append = parts.append
        # fields from the instance dicts, read in C: attribute reads cost as much as the writing
        for aid, measure, subject, value, unit, modality, role, subset, attribution, time, ev, language in map(
            _CLAIM_FIELDS, map(_DICT, claims)
        ):
            text, start, end, sentence = _EVIDENCE_FIELDS(ev.__dict__)
            v = values.get(id(value)) or self._value(value, p)
            a = attributions.get(id(attribution)) or self._attribution(attribution, p, level + 2)
            t = times.get(id(time)) or self._time(time, p)
            append(
                f'{{\n{p}"article": {s[aid]}{n}"measure": {s[measure]}{n}"subject": {s[subject]}'
                f'{n}{v}{n}"unit": {s[unit]}{n}"modality": {e[modality]}{n}"role": {e[role]}'
                f'{n}"subset": {s[subset]}{n}{a}{n}{t}{n}"text": {encode_basestring(text)}'
                f'{n}"start": {start!r}{n}"end": {end!r}{n}"sentence": {encode_basestring(sentence)}'
                f'{n}"language": {s[language]}\n{item}}}'
            )
        return "[\n" + item + (",\n" + item).join(parts) + "\n" + pad(level) + "]"


def report_json(report: Report, indent: int) -> str:
    """``json.dumps(report.to_dict(), ensure_ascii=False, indent=indent)``, written faster.

    Args:
        report: the report.
        indent: spaces per nesting level (``>= 0``).
    """
    writer = _Writer(indent)
    claim_text = _ClaimText(writer)
    with gc_paused():  # many small strings and dicts, no cycles: collections would rescan the report
        return _write(report, writer, claim_text)


def _write(report: Report, writer: _Writer, claim_text: _ClaimText) -> str:
    doc = report._as_dict(
        lambda g: g._as_dict(_Deferred(lambda level: claim_text.records(g.claims, level)))
    )
    out: list[str] = []
    writer.write(doc, 0, out)
    return "".join(out)
