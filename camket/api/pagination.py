"""Page-number pagination whose page number cannot overflow the database's OFFSET."""

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

from camket.lib.numbers import MAX_ID


class BoundedPageNumberPagination(PageNumberPagination):
    """`?page=` above MAX_ID is refused (422) instead of reaching the database as an OFFSET
    no database accepts."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_ID)
        page_size: int | None = Field(None, ge=1, le=MAX_ID)
