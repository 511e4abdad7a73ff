"""Reconciliation: group claims, tell agreement, growth and conflict apart, estimate.

Contract (kept stable)::

    reconcile(articles_or_claims, *, settings=None) -> Report
    Reconciler(settings=None).run(items) -> Report

Rules, estimate and JSON schema: docs/reconcile.md.
"""

from __future__ import annotations

from factcheck.reconcile.measures import is_cumulative
from factcheck.reconcile.reconciler import Reconciler, is_path_text, reconcile, text_id
from factcheck.reconcile.relations import relate
from factcheck.reconcile.report import Estimate, Group, Relation, Report

__all__ = [
    "Estimate",
    "Group",
    "Reconciler",
    "Relation",
    "Report",
    "is_cumulative",
    "is_path_text",
    "reconcile",
    "relate",
    "text_id",
]
