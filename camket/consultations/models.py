"""Public consultations on a framework's drafts: the coordinator opens one for a period, anyone
comments on the whole draft or on one of the items shown, the coordinator moderates, answers
and publishes a summary."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from camket.reports.models import StoredFile, evidence_storage


def draft_path(instance, filename: str) -> str:
    # Like evidence: the stored name never holds what the user typed, only an id and extension.
    suffix = PurePosixPath(filename).suffix.lower()
    return f"consultations/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{suffix}"


class Consultation(models.Model):
    class Subject(models.TextChoices):
        POSITIONS = "positions", _("Draft positions")
        MIDTERM = "midterm", _("Mid-term report")
        PLAN = "plan", _("Plan")

    framework = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("framework"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    subject = models.CharField(_("subject"), max_length=10, choices=Subject.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    draft_text = models.TextField(
        _("draft text"),
        blank=True,
        help_text=_("The draft as the public reads it (a file may be attached as well)."),
    )
    items = models.ManyToManyField(
        "frameworks.Recommendation",
        verbose_name=_("items shown"),
        blank=True,
        related_name="consultations",
        help_text=_("The framework's items shown to the public, each open to comments."),
    )
    opens_at = models.DateTimeField(_("opens at"))
    closes_at = models.DateTimeField(_("closes at"))
    summary = models.TextField(_("summary of comments and responses"), blank=True)
    summary_published_at = models.DateTimeField(_("summary published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[items])

    class Meta:
        ordering = ["-opens_at", "-id"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def __str__(self) -> str:
        return self.title

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_opened(self, now=None) -> bool:
        return self.opens_at <= (now or timezone.now())

    @property
    def summary_is_published(self) -> bool:
        return self.summary_published_at is not None


class DraftDocument(StoredFile):
    """The draft file the public reads; attaching another archives the previous one."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    file = models.FileField(storage=evidence_storage, upload_to=draft_path, max_length=200)
    history = HistoricalRecords()

    class Meta(StoredFile.Meta):
        verbose_name = _("draft document")
        verbose_name_plural = _("draft documents")


class Comment(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected (spam or off-topic)")

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.PROTECT,
        related_name="comments",
    )
    item = models.ForeignKey(
        "frameworks.Recommendation",
        verbose_name=_("item"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("None: the whole draft."),
    )
    name = models.CharField(_("name"), max_length=120, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    text = models.TextField(_("comment"))
    # What duplicates are found by: the text folded and without repeated spaces, hashed.
    fingerprint = models.CharField(max_length=64, editable=False, db_index=True)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    # A keyed hash of the sender's address (the address itself is never stored).
    sender_hash = models.CharField(max_length=64, editable=False, db_index=True)
    state = models.CharField(
        _("moderation"), max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    response = models.TextField(_("coordinator's response"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responded by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(excluded_fields=["fingerprint", "sender_hash"])

    class Meta:
        ordering = ["submitted_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.text[:80]
