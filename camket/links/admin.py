from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from camket.links.models import ItemLink, RegisterLink


@admin.register(ItemLink)
class ItemLinkAdmin(SimpleHistoryAdmin):
    """Read in the admin; changed through the services (which check who may and record who)."""

    list_display = ("source", "relation", "target", "state", "archived", "decided_by")
    list_filter = ("relation", "state", "archived")
    raw_id_fields = ("source", "target", "created_by", "decided_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RegisterLink)
class RegisterLinkAdmin(SimpleHistoryAdmin):
    """Read in the admin with its history; changed through the services."""

    list_display = (
        "item",
        "relation",
        "instrument",
        "legal_act",
        "agreement",
        "state",
        "archived",
        "decided_by",
    )
    list_filter = ("relation", "state", "archived")
    raw_id_fields = ("item", "instrument", "legal_act", "agreement", "created_by", "decided_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
