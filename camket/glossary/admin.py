from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from camket.glossary.models import GlossaryTerm


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(SimpleHistoryAdmin):
    list_display = ("term_vi", "term_en", "domain", "archived")
    list_filter = ("domain", "archived")
    search_fields = ("term_vi", "folded_vi", "term_en", "variants_en")
