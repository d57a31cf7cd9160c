from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from camket.accounts.models import Agency, ApiToken, Membership
from camket.lib.admin import NoDeleteMixin


@admin.register(Agency)
class AgencyAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ("name", "code", "is_coordinator", "archived")
    list_filter = ("is_coordinator", "archived")
    search_fields = ("name", "name_en", "code")


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ("user", "role", "agency")
    list_filter = ("role", "agency")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created", "last_used", "revoked")
    readonly_fields = ("prefix", "digest", "created", "last_used")
