from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from camket.frameworks.models import Category, Framework, State, Taxonomy
from camket.lib.admin import NoDeleteMixin


@admin.register(Framework)
class FrameworkAdmin(NoDeleteMixin, SimpleHistoryAdmin):
    list_display = ("name", "slug", "kind", "cycle", "archived")
    list_filter = ("kind", "archived")
    search_fields = ("name", "slug")


@admin.register(State)
class StateAdmin(NoDeleteMixin, admin.ModelAdmin):
    list_display = ("name", "name_vi", "iso3")
    search_fields = ("name", "name_vi", "iso3")


@admin.register(Taxonomy)
class TaxonomyAdmin(NoDeleteMixin, admin.ModelAdmin):
    list_display = ("name", "slug")


@admin.register(Category)
class CategoryAdmin(NoDeleteMixin, admin.ModelAdmin):
    list_display = ("__str__", "taxonomy", "parent", "name_vi", "unmapped")
    list_filter = ("taxonomy", "unmapped")
    search_fields = ("name", "name_vi", "code")
    autocomplete_fields = ("parent",)
