from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from camket.cooperation.models import Agreement, AgreementDocument, CooperationRequest


class ReadOnlyAdmin(SimpleHistoryAdmin):
    """Read in the admin; changed through the services (which check who may and record who)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Agreement)
class AgreementAdmin(ReadOnlyAdmin):
    list_display = ("partner", "kind", "status", "signed_on", "in_force_on", "archived")
    list_filter = ("kind", "status", "archived")


@admin.register(AgreementDocument)
class AgreementDocumentAdmin(ReadOnlyAdmin):
    list_display = ("title", "agreement", "uploaded_at")


@admin.register(CooperationRequest)
class CooperationRequestAdmin(ReadOnlyAdmin):
    """Confidential: only a Django superuser reads requests here (and their history); staff
    given model permissions do not, whatever their role."""

    list_display = (
        "reference",
        "direction",
        "kind",
        "partner",
        "dated_on",
        "status",
        "responsible_agency",
    )
    list_filter = ("direction", "kind", "status")

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.none()

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_module_permission(self, request):
        return request.user.is_superuser
