"""The base of every API schema: what all API input must respect, whatever the route."""

from typing import Any

from ninja import Field
from ninja import Schema as NinjaSchema
from ninja.pagination import LimitOffsetPagination
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


# A list's page: at most 100 people a request, and an offset bounded well inside what a database
# integer holds, so an absurd number is refused naming its parameter instead of failing the query.
LARGEST_PAGE = 100
# The largest id a record can have: a 64-bit database integer.
LARGEST_ID = 2**63 - 1
LARGEST_OFFSET = 1_000_000


class Pagination(LimitOffsetPagination):
    class Input(NinjaSchema):
        limit: int = Field(LARGEST_PAGE, ge=1, le=LARGEST_PAGE)
        offset: int = Field(0, ge=0, le=LARGEST_OFFSET)
