"""Schema of the ``numbers:`` section of a language file (owned by the numbers normaliser)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class NumbersData(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
