from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "camket.documents"
    label = "documents"
    verbose_name = _("Report drafts")

    def ready(self):
        from camket.documents import interruptions  # noqa: F401  (connects its receiver)
