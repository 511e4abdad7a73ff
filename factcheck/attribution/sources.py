"""The source registry: who can be credited for a figure, and every name they go by.

Like pint's unit registry: a :class:`Source` is a frozen definition that knows nothing of
the registry; a :class:`SourceRegistry` indexes every alias (case folded, NFC, both
nukta spellings) and raises :class:`~factcheck.errors.RegistryError` when two sources
claim one alias. The bundled definitions live in ``factcheck/data/sources.yaml``;
:func:`default_registry` is the one shared registry, and users add their own with
``registry.define(Source(...))`` or ``registry.load(path)``.

>>> reg = default_registry()
>>> reg.get("राष्ट्रीय ख़ुफ़िया सेवा").id
'NIS'
>>> reg.get("조선중앙통신").kind
'state_media'
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.attribution._text import fold
from factcheck.attribution.schema import SourceKind
from factcheck.errors import DataError, RegistryError

SOURCES_FILE = Path(__file__).resolve().parent.parent / "data" / "sources.yaml"

#: Kinds whose sources pass on what others said (they are relays when they cite someone).
RELAY_KINDS: frozenset[str] = frozenset({"news_agency", "state_media"})


class Source(BaseModel):
    """One creditable source.

    ``aliases`` and ``patterns`` are keyed by language code; ``patterns`` are regular
    expressions describing the source ("a report by 11 countries" for MSMT).

    >>> Source(id="NIS", name="National Intelligence Service", kind="intelligence_agency").id
    'NIS'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    name: str
    kind: SourceKind
    country: str | None = None
    aliases: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    patterns: dict[str, tuple[str, ...]] = Field(default_factory=dict)

    def all_aliases(self) -> Iterator[tuple[str, str]]:
        """``(language, alias)`` pairs, the id itself first (under the key ``"*"``)."""
        yield "*", self.id
        for code, names in self.aliases.items():
            for name in names:
                yield code, name

    @property
    def is_relay_kind(self) -> bool:
        return self.kind in RELAY_KINDS


class _SourcesFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    sources: tuple[Source, ...]


class SourceRegistry:
    """Indexes sources by id and by every alias; refuses collisions.

    >>> reg = SourceRegistry()
    >>> reg.define(Source(id="X", name="X", kind="person", aliases={"en": ("Mr X",)}))
    >>> reg.get("mr x").id
    'X'
    """

    def __init__(self) -> None:
        self._by_id: dict[str, Source] = {}
        self._index: dict[str, str] = {}
        #: Bumped on every change so compiled matchers know when to rebuild.
        self.version = 0

    def define(self, source: Source, *, where: str = "") -> None:
        """Add one source. Raises RegistryError if its id or an alias is taken."""
        prefix = f"{where}: " if where else ""
        if source.id in self._by_id:
            raise RegistryError(f"{prefix}source {source.id!r} is already defined; use another id")
        keys: dict[str, str] = {}
        for code, alias in source.all_aliases():
            key = fold(alias)
            if not key:
                raise RegistryError(f"{prefix}source {source.id!r}: empty alias under {code!r}")
            owner = self._index.get(key)
            if owner is not None and owner != source.id:
                raise RegistryError(
                    f"{prefix}alias {alias!r} of source {source.id!r} ({code}) is already an alias "
                    f"of {owner!r}; remove it from one of them"
                )
            keys[key] = source.id
        self._by_id[source.id] = source
        self._index.update(keys)
        self.version += 1

    def load(self, path: str | Path) -> None:
        """Define every source of a YAML file (``sources: [...]``, as ``sources.yaml``)."""
        from factcheck.langdata import format_validation_error, load_yaml

        p = Path(path)
        raw = load_yaml(p)
        try:
            parsed = _SourcesFile.model_validate(raw)
        except ValidationError as e:
            raise DataError(format_validation_error(p, e)) from None
        for i, src in enumerate(parsed.sources):
            self.define(src, where=f"{p}: key sources.{i}")

    def get(self, name: str) -> Source:
        """The source with this id or alias. Raises KeyError naming the alias."""
        found = self.find(name)
        if found is None:
            raise KeyError(f"no source is called {name!r}; define it with registry.define(Source(...))")
        return found

    def find(self, name: str) -> Source | None:
        """The source with this id or alias, or None."""
        if name in self._by_id:
            return self._by_id[name]
        sid = self._index.get(fold(name))
        return self._by_id[sid] if sid else None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.find(name) is not None

    def __iter__(self) -> Iterator[Source]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)


@functools.lru_cache(maxsize=1)
def default_registry() -> SourceRegistry:
    """The shared registry holding the bundled ``sources.yaml``."""
    reg = SourceRegistry()
    reg.load(SOURCES_FILE)
    return reg
