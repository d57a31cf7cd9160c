from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaggingConfig(AppConfig):
    name = "camket.tagging"
    label = "tagging"
    verbose_name = _("Automatic tagging")

    def ready(self):
        from camket.tagging import interruptions  # noqa: F401  (connects its signal receiver)
