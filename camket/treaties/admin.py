from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from camket.lib.admin import NoDeleteMixin
from camket.treaties.models import Instrument, Participation, Reservation


@admin.register(Instrument)
class InstrumentAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ("key", "short_name", "family", "parent", "builtin", "archived")
    list_filter = ("family", "builtin", "archived")
    search_fields = ("key", "name", "name_vi", "short_name", "short_name_vi")
    readonly_fields = ("builtin",)


class ReservationInline(admin.TabularInline):
    model = Reservation
    extra = 0
    can_delete = False
    fields = ("kind", "article", "text", "text_vi", "made_on", "withdrawn", "withdrawn_on")


@admin.register(Participation)
class ParticipationAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    list_display = (
        "state",
        "instrument",
        "action",
        "action_on",
        "signed_on",
        "in_force_on",
        "source",
    )
    list_filter = ("action", "instrument__family", "state")
    search_fields = ("state__name", "state__iso3", "instrument__key", "instrument__name")
    autocomplete_fields = ("state", "instrument")
    inlines = [ReservationInline]


@admin.register(Reservation)
class ReservationAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ("participation", "kind", "article", "withdrawn")
    list_filter = ("kind", "withdrawn")
    search_fields = ("text", "text_vi", "article", "participation__instrument__key")
