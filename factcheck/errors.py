"""Errors raised by factcheck.

Every error names the input it is about (file, line, article id, data key) and says
what to do about it.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base class for every error factcheck raises on purpose."""


class DataError(FactcheckError):
    """A bundled or user-supplied data file (language, measures, sources) is invalid.

    The message names the file and the key.
    """


class UnsupportedLanguageError(FactcheckError):
    """No language data exists for the requested language."""

    def __init__(self, language: str, supported: list[str], where: str | None = None) -> None:
        self.language = language
        self.supported = sorted(supported)
        prefix = f"{where}: " if where else ""
        super().__init__(
            f"{prefix}language {language!r} is not supported; "
            f"only {self.supported} are. Pass one of them with --language / Article(language=...), "
            "or add factcheck/data/lang/<code>.yaml."
        )


class InputError(FactcheckError):
    """An input (file, row, argument) cannot be read; names the file and line/row."""


class InputTypeError(InputError, TypeError):
    """The public API was given an object of a type it does not accept; the message names the
    type and the accepted ones. A ``TypeError`` (and an :class:`InputError`)."""


class RegistryError(FactcheckError):
    """A registry (sources, measures) refuses a definition, e.g. an alias collision."""


class DimensionalityError(FactcheckError):
    """Two quantities of different units/dimensions were compared (troops vs missiles)."""
