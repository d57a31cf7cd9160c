from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoDatabase(models.Model):
    """Present (one row) when `camket demo` filled this database.

    The demo creates `admin` and other users with the passwords README publishes and renames
    agencies: it runs only on an empty database or on one it made itself.
    """

    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("demo database marker")

    def __str__(self) -> str:
        return f"camket demo, {self.created:%Y-%m-%d}"
