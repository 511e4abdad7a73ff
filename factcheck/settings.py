"""Run-time settings shared by extraction and reconciliation.

>>> Settings().approx_tolerance
0.1
>>> Settings(approx_tolerance=0.05).approx_tolerance
0.05
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from factcheck.values import DEFAULT_APPROX_TOLERANCE


class Settings(BaseModel):
    """Knobs a user may turn; frozen, so one object can be shared across threads."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    approx_tolerance: float = Field(
        default=DEFAULT_APPROX_TOLERANCE,
        ge=0,
        le=1,
        description='Relative half-width of "about N" (0.1 = N ± 10 %).',
    )
    same_period_days: int = Field(
        default=31,
        ge=0,
        description="Two claims whose time scopes lie within this many days are 'the same period'.",
    )
    undated_window_days: int = Field(
        default=14,
        ge=0,
        description="Claims with unknown time are compared only when their articles are this close.",
    )
    include_boilerplate: bool = Field(
        default=False,
        description="Also extract from teasers, sidebars and widgets (off: they are other stories).",
    )
    # ---- reconciliation thresholds (docs/reconcile.md, "Relations" and "The current figure")
    magnitude_ratio: float = Field(
        default=5.0,
        gt=1,
        description="Disjoint figures this many times apart (the larger's lower bound over the smaller's upper "
        "bound) are not compared as two estimates of one count: more likely a part, another measure or a "
        "misread scale. Also the distance from the median that makes an originator's latest figure an "
        "outlier in the current figure.",
    )
    disagree_days: int = Field(
        default=10,
        ge=0,
        description="Within one period, a running total's later, larger figure from another originator is a "
        "disagreement only when dated at most this many days later; after that it is growth.",
    )
    long_window_days: int = Field(
        default=92,
        ge=0,
        description="A running total given for a window longer than this ('in 2024', 'since October') is the "
        "count reached by the window's end, and is compared as of that day.",
    )
    current_days: int = Field(
        default=62,
        ge=0,
        description="An originator's latest figure counts in the current figure when it is at most this many "
        "days older than the latest figure kept (two reporting months).",
    )
