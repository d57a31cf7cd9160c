from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinksConfig(AppConfig):
    name = "camket.links"
    label = "links"
    verbose_name = _("Links between items")
