from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _install_builtin_data(sender, **kwargs):
    from camket.treaties.catalogue import install_catalogue
    from camket.treaties.shipped import install_shipped_status

    install_catalogue()
    install_shipped_status()


class TreatiesConfig(AppConfig):
    name = "camket.treaties"
    label = "treaties"
    verbose_name = _("Treaties")

    def ready(self):
        post_migrate.connect(_install_builtin_data, sender=self)
        from camket.importers.hooks import after_import
        from camket.treaties.linking import link_imported_items

        after_import(link_imported_items)
