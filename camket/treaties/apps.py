from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TreatiesConfig(AppConfig):
    name = "camket.treaties"
    label = "treaties"
    verbose_name = _("Treaties")

    def ready(self):
        from camket.importers.hooks import after_import
        from camket.treaties.linking import link_imported_items

        after_import(link_imported_items)
