from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """The record of one applied import: which file, by whom, and what it changed."""

    file_name = models.CharField(_("file"), max_length=255)
    source = models.CharField(_("format"), max_length=30)
    framework_slugs = models.CharField(_("frameworks"), max_length=500, blank=True)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    imported_on = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-imported_on"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.imported_on:%Y-%m-%d %H:%M})"
