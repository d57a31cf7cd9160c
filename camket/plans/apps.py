from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "camket.plans"
    label = "plans"
    verbose_name = _("Master plans and actions")
