from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HealthConfig(AppConfig):
    name = "camket.health"
    verbose_name = _("Health")

    def ready(self):
        from camket.health import checks  # noqa: F401 — registers the deploy checks
