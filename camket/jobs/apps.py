from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "camket.jobs"
    label = "camket_jobs"
    verbose_name = _("Background jobs")
