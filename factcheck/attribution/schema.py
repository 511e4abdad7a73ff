"""Schema of the ``attribution:`` section of a language file (owned by attribution and time)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class AttributionData(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
