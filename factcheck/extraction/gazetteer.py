"""The subjects gazetteer: states and armed groups with their names in every language.

``factcheck/data/subjects.yaml`` lists, per subject (a canonical English name), its kind and
its aliases per language code: the country or group name, the adjectives of its people and
forces, the names of its armed forces ("ВСУ", "IDF"). When a language loads
(:func:`factcheck.langdata.load_language`), the gazetteer's aliases for that language are
added to the language file's ``extraction.subjects``; a language file may still list its
own, and both are read the same way. An alias that names two subjects is refused: the error
names the file, both subjects and the alias.

Aliases match as whole words and follow the lexicon's rules (a trailing ``*`` matches any
ending). List only the forms that name an **owner** of a counted thing; leave out the forms
a language uses for a place or recipient (the Russian dative/prepositional "Израилю",
"в Израиле"; Korean "이스라엘에"), as the language files do for their own subjects.

>>> g = load_gazetteer()
>>> "Israel" in g.subjects and "en" in g.subjects["Israel"].aliases
True
>>> merge_subjects({"A": ("a",)}, {"A": ("b",), "B": ("c",)}, "test")
{'A': ('a', 'b'), 'B': ('c',)}
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.errors import DataError

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "subjects.yaml"

Words = tuple[str, ...]


class SubjectEntry(BaseModel):
    """One state or armed group."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: Literal["country", "armed_group", "alliance", "people"] = Field(
        description="What the subject is: a state, a non-state armed group, an alliance, a people."
    )
    aliases: dict[str, Words] = Field(
        default_factory=dict, description="Language code -> names, adjectives, names of its forces."
    )


class Gazetteer(BaseModel):
    """Every subject of the gazetteer, by canonical name."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    subjects: dict[str, SubjectEntry] = Field(default_factory=dict)

    def aliases_for(self, code: str) -> dict[str, Words]:
        """Subject -> its aliases in language ``code`` (subjects without any are left out)."""
        return {s: e.aliases[code] for s, e in self.subjects.items() if e.aliases.get(code)}


def _key(form: str) -> str:
    return unicodedata.normalize("NFC", " ".join(form.split())).casefold()


def merge_subjects(own: dict[str, Words], extra: dict[str, Words], where: str) -> dict[str, Words]:
    """The union of two subject tables (``own`` first, each subject's forms without repeats).

    Raises:
        DataError: one form names two subjects; the message names ``where``, the form and both.
    """
    out: dict[str, list[str]] = {s: list(ws) for s, ws in own.items()}
    for s, ws in extra.items():
        forms = out.setdefault(s, [])
        for w in ws:
            if w not in forms:
                forms.append(w)
    owner: dict[str, str] = {}
    for s, ws in out.items():
        for w in ws:
            k = _key(w)
            if owner.setdefault(k, s) != s:
                raise DataError(
                    f"{where}: subject alias {w!r} names both {owner[k]!r} and {s!r}; "
                    "keep it under one subject (in the language file or in the gazetteer)"
                )
    return {s: tuple(ws) for s, ws in out.items()}


@functools.lru_cache(maxsize=None)
def load_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    """The validated gazetteer (read once).

    Raises:
        DataError: the file cannot be read or is invalid; the message names the file and key.
    """
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise DataError(f"{path}: cannot read the subjects gazetteer: {e.strerror}") from e
    except yaml.YAMLError as e:
        raise DataError(f"{path}: invalid YAML: {e}") from e
    try:
        g = Gazetteer.model_validate(raw or {})
    except ValidationError as e:
        lines = [f"{path}: key {'.'.join(str(p) for p in i['loc']) or '<top>'}: {i['msg']}"
                 for i in e.errors()]
        raise DataError("\n".join(lines)) from None
    for code in {c for e in g.subjects.values() for c in e.aliases}:
        merge_subjects({}, g.aliases_for(code), f"{path} (language {code})")
    return g
