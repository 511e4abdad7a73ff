"""Schema of the ``extraction:`` section of a language file (owned by claim extraction)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class ExtractionData(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
