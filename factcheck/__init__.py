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
