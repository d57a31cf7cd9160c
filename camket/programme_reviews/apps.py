from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeReviewsConfig(AppConfig):
    name = "camket.programme_reviews"
    label = "programme_reviews"
    verbose_name = _("Programme reviews")
