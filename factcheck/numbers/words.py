"""Compose a run of number atoms (digits, number words, scales, modifiers) into values.

The rule is the same for every language, so Hindi "एक लाख पचास हजार", English
"one hundred and twenty-three thousand", Korean "3억5천만" and "1.5 लाख" all go
through :func:`compose`:

- a scale multiplies the trailing items smaller than itself ("two hundred thousand":
  2 → 200 → 200,000; "5천만": 5 → 5,000 → 50,000,000);
- the items left on the stack are added, and must shrink from left to right
  ("पांच हजार दो सौ" = 5,000 + 200; "five thousand six thousand" is two numbers);
- two plain number *words* add only when the second fits in the first's zeros
  ("twenty five" = 25, "two hundred fifty" = 250, "five twenty" is two numbers);
  two plain *digit* numerals never add ("2024 15" is two numbers);
- a modifier changes the next number (साढ़े तीन = 3.5; सवा लाख = 1.25 लाख).

When an atom does not fit, the run is split there: the atoms before it form one number
and the rest starts the next.

>>> atoms = [Atom(0, 3, "number", 2.0, True), Atom(4, 11, "scale", 100.0, True)]
>>> compose(atoms)[0].value
200.0
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Atom:
    """One token of a number run; offsets are into the original text."""

    start: int
    end: int
    role: str  # number | ordinal | scale | modifier | article
    value: float
    is_word: bool
    ordinal: bool = False  # carries an ordinal suffix (5th, पांचवां, hundredth)
    after_digits_only: bool = False
    standalone: bool = False
    alone: float | None = None
    grouped: bool = False  # digits written with group separators (2,024)
    decimal: bool = False  # digits with a decimal part (1.5)


@dataclass(frozen=True)
class Composed:
    """A number built from ``atoms[first:last]``."""

    first: int
    last: int  # exclusive
    value: float
    ordinal: bool
    scale: float  # the largest scale used (1.0: none) — "10 से 12 हजार" shares it


@dataclass
class _Item:
    value: float
    scale: float
    is_word: bool


def _trailing_zeros(v: float) -> int:
    if v != int(v) or v <= 0:
        return 0
    n, k = int(v), 0
    while n % 10 == 0:
        n //= 10
        k += 1
    return k


class _Builder:
    def __init__(self, lone: bool = False) -> None:
        self.lone = lone  # a number begun by a bare scale: later bare scales add one of each
        self.stack: list[_Item] = []
        self.mod: Atom | None = None
        self.ordinal = False
        self.count = 0  # atoms accepted

    def push(self, a: Atom) -> bool:
        """Accept ``a`` into this number, or return False (the number ends before it)."""
        if self.ordinal:
            return False
        if a.role in ("number", "ordinal"):
            ok = self._number(a)
        elif a.role == "modifier":
            ok = self.mod is None and not (self.stack and self.stack[-1].scale == 1)
            if ok:
                self.mod = a
        elif a.role == "article":
            ok = not self.stack and self.mod is None
            if ok:
                self.stack.append(_Item(1.0, 1.0, True))
        else:
            ok = self._scale(a)
        if ok:
            self.count += 1
            if a.ordinal or a.role == "ordinal":
                self.ordinal = True
        return ok

    def _number(self, a: Atom) -> bool:
        n = a.value + (self.mod.value if self.mod else 0.0)
        if n < 0:  # "पौने 0" (0 - 0.25): the modifier cannot apply; the number starts after it
            return False
        top = self.stack[-1] if self.stack else None
        if top is not None and top.scale == 1:
            # tens + units ("twenty five") only for words, never for digits or modified numbers
            if not (top.is_word and a.is_word and self.mod is None and top.value >= 10):
                return False
            if not (1 <= n < 10 ** _trailing_zeros(top.value)):
                return False
            top.value += n
            return True
        if top is not None and n >= top.scale:
            return False
        self.mod = None
        self.stack.append(_Item(n, 1.0, a.is_word))
        return True

    def _scale(self, a: Atom) -> bool:
        s = a.value
        if a.after_digits_only and (not self.stack or self.stack[-1].is_word or self.stack[-1].scale != 1):
            return False
        if self.mod is not None:
            if self.mod.alone is None:
                return False
            self.stack.append(_Item(self.mod.alone, 1.0, True))
            self.mod = None
        i = len(self.stack)
        while i > 0 and self.stack[i - 1].value < s:
            i -= 1
        if i == len(self.stack):
            if self.stack:
                # begun by a bare scale, a smaller bare scale adds one of it: "만 천" = 11,000
                if not (self.lone and self.stack[-1].scale > s):
                    return False
            elif not a.standalone:
                return False
            combined = s
        else:
            combined = sum(it.value for it in self.stack[i:]) * s
            del self.stack[i:]
        if self.stack and combined >= self.stack[-1].scale:
            return False
        self.stack.append(_Item(combined, s, True))
        return True

    def result(self, first: int) -> Composed | None:
        if not self.stack:
            return None
        used = self.count - (1 if self.mod is not None else 0)  # a trailing modifier is not part
        scale = max(it.scale for it in self.stack)
        return Composed(first, first + used, sum(it.value for it in self.stack), self.ordinal, scale)


def compose(atoms: list[Atom]) -> list[Composed]:
    """Split a run of atoms into the numbers it writes (see the module docstring).

    Atoms that cannot start a number on their own (a lone "k", a modifier with nothing
    after it) are skipped.

    >>> [c.value for c in compose([Atom(0, 4, "number", 2024.0, False), Atom(5, 7, "number", 15.0, False)])]
    [2024.0, 15.0]
    """
    out: list[Composed] = []
    i = 0
    while i < len(atoms):
        b = _Builder()
        j = i
        while j < len(atoms) and b.push(atoms[j]):
            j += 1
        res = b.result(i)
        if res is None or res.last == i:
            i += 1  # this atom starts no number
            continue
        out.append(res)
        i = res.last
    return out


def compose_first(atoms: Iterable[Atom], lone: bool = False) -> tuple[list[Atom], Composed] | None:
    """The number at the start of a run, reading only the atoms it needs (linear time on
    long runs such as "1 2 3 4 …"); None when the first atom starts no number.

    >>> used, c = compose_first(iter([Atom(0, 4, "number", 2024.0, False), Atom(5, 7, "number", 15.0, False)]))
    >>> c.value, len(used)
    (2024.0, 2)

    ``lone``: the run begins with a scale standing alone (its first atom is marked
    ``standalone``); a smaller scale after it adds one of itself ("만 천" = 11,000).
    """
    b = _Builder(lone)
    used: list[Atom] = []
    for a in atoms:
        used.append(a)
        if not b.push(a):
            break
    res = b.result(0)
    if res is None or res.last == 0:
        return None
    return used, res
