"""The base of every API schema: what all API input must respect, whatever the route."""

from typing import Any

from ninja import Field
from ninja import Schema as NinjaSchema
from pydantic import model_validator


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(item) for item in value.values())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


class Schema(NinjaSchema):
    @model_validator(mode="before")
    @classmethod
    def refuse_nul_characters(cls, data: Any) -> Any:
        # PostgreSQL text cannot hold NUL; refuse it as bad input rather than fail on save.
        # django-ninja hands the input over wrapped in a DjangoGetter; its _obj is the parsed body.
        raw = getattr(data, "_obj", data)
        if isinstance(raw, dict) and _has_nul(raw):
            raise ValueError("Text must not contain NUL characters")
        return data


# A list's page: at most 100 records a request, and an offset bounded well inside what a database
# integer holds, so an absurd number is refused naming its parameter instead of failing the query.
LARGEST_PAGE = 100
# The largest id a record can have: a 64-bit database integer.
LARGEST_ID = 2**63 - 1
LARGEST_OFFSET = 1_000_000


class Page(NinjaSchema):
    """The `limit` and `offset` every list route takes (`page: Query[Page]`): no request reads more
    than LARGEST_PAGE records. Exports are not lists: they are permitted and audited on their own."""

    limit: int = Field(LARGEST_PAGE, ge=1, le=LARGEST_PAGE, description=f"How many records, 1 to {LARGEST_PAGE}")
    offset: int = Field(0, ge=0, le=LARGEST_OFFSET, description="How many records to skip first")

    def of(self, records):
        """This page of a list or a queryset; a queryset in a stable order, so pages neither repeat
        nor skip a record."""
        if getattr(records, "ordered", True) is False:
            records = records.order_by("pk")
        return records[self.offset : self.offset + self.limit]
