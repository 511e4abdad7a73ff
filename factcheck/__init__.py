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

from factcheck.errors import (
    DataError,
    FactcheckError,
    InputError,
    RegistryError,
    UnsupportedLanguageError,
)
from factcheck.extraction import Extractor, extract
from factcheck.io import iter_articles, load_articles
from factcheck.langdata import load_language, supported_languages
from factcheck.models import Article, Attribution, Claim, Evidence, Modality, Role, TimeScope
from factcheck.numbers import NumberMention, find_numbers, parse_number
from factcheck.reconcile import Reconciler, Report, reconcile
from factcheck.settings import Settings
from factcheck.values import Approx, AtLeast, AtMost, Between, Exact, Interval, Vague, Value

__version__ = "0.1.0"

__all__ = [
    "Approx",
    "Article",
    "AtLeast",
    "AtMost",
    "Attribution",
    "Between",
    "Claim",
    "DataError",
    "Evidence",
    "Exact",
    "Extractor",
    "FactcheckError",
    "InputError",
    "Interval",
    "Modality",
    "NumberMention",
    "Reconciler",
    "RegistryError",
    "Report",
    "Role",
    "Settings",
    "TimeScope",
    "UnsupportedLanguageError",
    "Vague",
    "Value",
    "extract",
    "find_numbers",
    "iter_articles",
    "load_articles",
    "load_language",
    "parse_number",
    "reconcile",
    "supported_languages",
]
