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
