"""Reconciliation: group claims, tell agreement, growth and conflict apart, estimate.

Contract (kept stable)::

    reconcile(articles_or_claims, *, settings=None) -> Report
    Reconciler(settings=None).run(items) -> Report
"""

from __future__ import annotations

from factcheck.reconcile._placeholder import Reconciler, Report, reconcile

__all__ = ["Reconciler", "Report", "reconcile"]
