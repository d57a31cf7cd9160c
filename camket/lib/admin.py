from django.db.models import Model
from django.http import HttpRequest


class NoDeleteMixin:
    """Records are archived, never deleted."""

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
