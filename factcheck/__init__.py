"""factcheck: claim-consistency fact-checking of multilingual news.

Extract every numeric claim about a tracked quantity, type it (value with its qualifier,
unit, time, modality, role), attribute it to its source, and reconcile claims across
articles::

    >>> import factcheck
    >>> claims = factcheck.extract("About 15,000 North Korean troops were sent to Russia.",
    ...                            language="en")   # doctest: +SKIP
    >>> report = factcheck.reconcile(["examples/articles"])   # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from factcheck import _interrupt  # Ctrl-C while the program starts: one line, status 130

from factcheck.errors import (
    DataError,
    DimensionalityError,
    FactcheckError,
    InputError,
    InputTypeError,
    RegistryError,
    UnsupportedLanguageError,
)
from factcheck._lazy import exports as _exports

# Every name below loads on first use (factcheck/_lazy.py): `import factcheck` stays fast and
# imports no engine (spaCy, pint, NumPy, DuckDB) a caller does not use.
__getattr__, __dir__ = _exports(__name__, {
    "Source": "factcheck.attribution",
    "SourceRegistry": "factcheck.attribution",
    "source_registry": "factcheck.attribution:default_registry",
    "Extractor": "factcheck.extraction",
    "Measure": "factcheck.extraction",
    "MeasureRegistry": "factcheck.extraction",
    "extract": "factcheck.extraction",
    "get_measure": "factcheck.extraction",
    "register_measure": "factcheck.extraction",
    "detect_language": "factcheck.detect",
    "iter_articles": "factcheck.io",
    "iter_inputs": "factcheck.io",
    "load_articles": "factcheck.io",
    "load_language": "factcheck.langdata",
    "supported_languages": "factcheck.langdata",
    "Article": "factcheck.models",
    "ArticleStatus": "factcheck.models",
    "Attribution": "factcheck.models",
    "Claim": "factcheck.models",
    "Evidence": "factcheck.models",
    "Modality": "factcheck.models",
    "Role": "factcheck.models",
    "SkippedInput": "factcheck.models",
    "TimeScope": "factcheck.models",
    "NumberMention": "factcheck.numbers",
    "find_numbers": "factcheck.numbers",
    "parse_number": "factcheck.numbers",
    "Estimate": "factcheck.reconcile",
    "Group": "factcheck.reconcile",
    "Reconciler": "factcheck.reconcile",
    "Relation": "factcheck.reconcile",
    "Report": "factcheck.reconcile",
    "reconcile": "factcheck.reconcile",
    "Settings": "factcheck.settings",
    "Store": "factcheck.store",
    "check_comparable": "factcheck.units",
    "quantity": "factcheck.units",
    "Approx": "factcheck.values",
    "AtLeast": "factcheck.values",
    "AtMost": "factcheck.values",
    "Between": "factcheck.values",
    "Exact": "factcheck.values",
    "Interval": "factcheck.values",
    "Vague": "factcheck.values",
    "Value": "factcheck.values",
}, globals())

if TYPE_CHECKING:
    from factcheck.attribution import Source, SourceRegistry
    from factcheck.attribution import default_registry as source_registry
    from factcheck.extraction import Extractor, Measure, MeasureRegistry, extract, get_measure, register_measure
    from factcheck.detect import detect_language
    from factcheck.io import iter_articles, iter_inputs, load_articles
    from factcheck.langdata import load_language, supported_languages
    from factcheck.models import (
        Article,
        ArticleStatus,
        Attribution,
        Claim,
        Evidence,
        Modality,
        Role,
        SkippedInput,
        TimeScope,
    )
    from factcheck.numbers import NumberMention, find_numbers, parse_number
    from factcheck.reconcile import Estimate, Group, Reconciler, Relation, Report, reconcile
    from factcheck.settings import Settings
    from factcheck.store import Store
    from factcheck.units import check_comparable, quantity
    from factcheck.values import Approx, AtLeast, AtMost, Between, Exact, Interval, Vague, Value

# ``factcheck.reconcile`` is both a subpackage and the function reconcile(): importing the
# subpackage (cheap, its names are lazy too) binds the module here, so drop that binding and
# let the name load the function, as the eager import did.
importlib.import_module("factcheck.reconcile")
del globals()["reconcile"]

__version__ = "0.1.0"

_interrupt.done()

__all__ = [
    "Approx",
    "Article",
    "ArticleStatus",
    "AtLeast",
    "AtMost",
    "Attribution",
    "Between",
    "Claim",
    "DataError",
    "DimensionalityError",
    "Estimate",
    "Evidence",
    "Exact",
    "Extractor",
    "FactcheckError",
    "Group",
    "InputError",
    "InputTypeError",
    "Interval",
    "Measure",
    "MeasureRegistry",
    "Modality",
    "NumberMention",
    "Reconciler",
    "RegistryError",
    "Relation",
    "Report",
    "Role",
    "Settings",
    "SkippedInput",
    "Source",
    "SourceRegistry",
    "Store",
    "TimeScope",
    "UnsupportedLanguageError",
    "Vague",
    "Value",
    "check_comparable",
    "detect_language",
    "extract",
    "find_numbers",
    "get_measure",
    "iter_articles",
    "iter_inputs",
    "load_articles",
    "load_language",
    "parse_number",
    "quantity",
    "reconcile",
    "register_measure",
    "source_registry",
    "supported_languages",
]
