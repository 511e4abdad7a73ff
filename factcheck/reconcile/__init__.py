"""Reconciliation: group claims, tell agreement, growth and conflict apart, estimate.

Contract (kept stable)::

    reconcile(articles_or_claims, *, settings=None) -> Report
    Reconciler(settings=None).run(items) -> Report

Rules, estimate and JSON schema: docs/reconcile.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck._lazy import exports as _exports

# Loaded on first use (the reconciler imports NumPy): see factcheck/_lazy.py.
__getattr__, __dir__ = _exports(__name__, {
    "is_cumulative": "factcheck.reconcile.measures",
    "Reconciler": "factcheck.reconcile.reconciler",
    "is_path_text": "factcheck.reconcile.reconciler",
    "reconcile": "factcheck.reconcile.reconciler",
    "text_id": "factcheck.reconcile.reconciler",
    "relate": "factcheck.reconcile.relations",
    "Estimate": "factcheck.reconcile.report",
    "Group": "factcheck.reconcile.report",
    "Relation": "factcheck.reconcile.report",
    "Report": "factcheck.reconcile.report",
}, globals())

if TYPE_CHECKING:
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
