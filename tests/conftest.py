"""Shared fixtures and the hypothesis profiles.

Profiles: ``ci`` (default under CI=true: 500 examples for fuzz tests), ``dev`` (fast),
``nightly`` (10,000 examples). Choose with ``HYPOTHESIS_PROFILE=nightly pytest``.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "ci", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "nightly", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("FACTCHECK_SHARED", ROOT.parent / "shared"))

#: The one "now" every date example is resolved against.
REFERENCE_DATE = dt.date(2025, 9, 4)


@pytest.fixture(scope="session")
def reference_date() -> dt.date:
    return REFERENCE_DATE


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared``; tests that need it skip cleanly when it is absent."""
    if not (SHARED / "corpus" / "seeds").is_dir():
        pytest.skip(f"seed corpus not found at {SHARED}/corpus/seeds (set FACTCHECK_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT
