from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentRequest(models.Model):
    """A report draft someone asked for on the Documents page, and how far it got."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    class Kind(models.TextChoices):
        POSITIONS = "positions", _("Positions on the recommendations")
        PLAN = "plan", _("Implementation plan")
        MIDTERM = "midterm", _("Mid-term implementation report")

    class Format(models.TextChoices):
        DOCX = "docx", _("Word (DOCX)")
        PDF = "pdf", _("PDF")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    framework = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("framework"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    file_format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    state = models.CharField(
        _("progress"), max_length=8, choices=State.choices, default=State.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("per cent done"), default=0)
    error = models.TextField(_("error"), blank=True)
    # Relative to CAMKET_DOCUMENTS_DIR, outside every served folder; "" until done.
    stored_name = models.CharField(max_length=100, blank=True, editable=False)
    created = models.DateTimeField(_("requested at"), auto_now_add=True)
    finished = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("document request")
        verbose_name_plural = _("document requests")

    def __str__(self) -> str:
        return f"{self.framework_id} {self.kind} {self.file_format} ({self.state})"

    @property
    def is_pending(self) -> bool:
        return self.state in (self.State.QUEUED, self.State.RUNNING)
