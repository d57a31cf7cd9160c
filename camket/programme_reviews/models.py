"""Review records of a framework (a programme's regular reviews): when it met, who took part,
what it found and what it agreed to change, with the files that support it."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from camket.reports.models import StoredFile, evidence_storage


def attachment_path(instance, filename: str) -> str:
    # Like evidence: the stored name never holds what the user typed, only an id and extension.
    suffix = PurePosixPath(filename).suffix.lower()
    return f"reviews/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{suffix}"


class FrameworkReview(models.Model):
    framework = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("framework"),
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    held_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    participants = models.TextField(_("participants"))
    findings = models.TextField(_("findings"))
    agreed_changes = models.TextField(_("agreed changes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("programme review")
        verbose_name_plural = _("programme reviews")

    def __str__(self) -> str:
        return self.title or f"{self.framework} — {self.held_on:%Y-%m-%d}"


class ReviewAttachment(StoredFile):
    review = models.ForeignKey(
        FrameworkReview,
        verbose_name=_("review"),
        on_delete=models.PROTECT,
        related_name="attachments",
    )
    file = models.FileField(storage=evidence_storage, upload_to=attachment_path, max_length=200)
    history = HistoricalRecords()

    class Meta(StoredFile.Meta):
        verbose_name = _("review attachment")
        verbose_name_plural = _("review attachments")
