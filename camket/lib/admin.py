class NoDeleteMixin:
    """Records are archived, never deleted."""

    def has_delete_permission(self, request, obj=None):
        return False
