"""Progress reports answering an indicator's due dates, and the evidence attached to them."""

import uuid
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from camket.frameworks.models import Implementation
from camket.plans.models import NEGATIVE_VALUE_MESSAGE


@deconstructible
class EvidenceStorage(FileSystemStorage):
    """Evidence lives outside any served directory: only the download view hands it out.

    The folder follows MEDIA_ROOT when settings change (tests), instead of being fixed when
    the models are loaded.
    """

    @cached_property
    def base_location(self):
        return str(Path(settings.MEDIA_ROOT) / "evidence")


evidence_storage = EvidenceStorage()


def evidence_path(instance, filename: str) -> str:
    # The stored name never contains what the user typed: only a random id and the extension.
    suffix = PurePosixPath(filename).suffix.lower()
    return f"{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{suffix}"


class ProgressReport(models.Model):
    """The responsible agency's report for one due date, reviewed by the coordinator."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for changes")

    due_date = models.OneToOneField(
        "plans.DueDate", verbose_name=_("due date"), on_delete=models.PROTECT, related_name="report"
    )
    state = models.CharField(
        _("submission state"),
        max_length=10,
        choices=State.choices,
        default=State.DRAFT,
        db_index=True,
    )
    status = models.CharField(
        _("implementation status"), max_length=20, choices=Implementation.choices, blank=True
    )
    narrative = models.TextField(_("narrative"), blank=True)
    indicator_value = models.DecimalField(
        _("indicator value"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    review_comment = models.TextField(_("coordinator's comment"), blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Once accepted, its status, narrative and value appear on the public portal."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_on = models.DateTimeField(_("submitted on"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_on = models.DateTimeField(_("reviewed on"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date__due_on", "id"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self) -> str:
        return str(self.due_date)

    def clean(self):
        if self.indicator_value is not None and self.indicator_value < 0:
            raise ValidationError({"indicator_value": NEGATIVE_VALUE_MESSAGE})

    @property
    def is_editable(self) -> bool:
        return self.state in (self.State.DRAFT, self.State.RETURNED)


class StoredFile(models.Model):
    """What camket keeps of a checked upload (see `files.check_evidence`): evidence of a report,
    an attachment of a programme review. Subclasses add the file field and what it belongs to."""

    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_on = models.DateTimeField(_("uploaded on"), auto_now_add=True)
    archived = models.BooleanField(_("archived"), default=False)

    class Meta:
        abstract = True
        ordering = ["uploaded_on", "id"]

    def __str__(self) -> str:
        return self.original_name


class Evidence(StoredFile):
    """A file supporting a report: public ones may be shown outside the government."""

    report = models.ForeignKey(
        ProgressReport, verbose_name=_("report"), on_delete=models.PROTECT, related_name="evidence"
    )
    file = models.FileField(storage=evidence_storage, upload_to=evidence_path, max_length=200)
    is_public = models.BooleanField(_("public"), default=False)
    history = HistoricalRecords()

    class Meta(StoredFile.Meta):
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
