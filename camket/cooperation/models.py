"""Bilateral agreements with partner states, and the cooperation requests made under them."""

from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from camket.reports.files import KINDS


class CooperationKind(models.TextChoices):
    MUTUAL_LEGAL_ASSISTANCE = (
        "mutual_legal_assistance",
        _("Mutual legal assistance in criminal matters"),
    )
    EXTRADITION = "extradition", _("Extradition")
    TRANSFER_OF_SENTENCED_PERSONS = (
        "transfer_of_sentenced_persons",
        _("Transfer of sentenced persons"),
    )
    OTHER = "other", _("Other")


class Agreement(models.Model):
    class Status(models.TextChoices):
        UNDER_NEGOTIATION = "under_negotiation", _("Under negotiation")
        SIGNED = "signed", _("Signed")
        RATIFIED = "ratified", _("Ratified")
        IN_FORCE = "in_force", _("In force")
        TERMINATED = "terminated", _("Terminated")

    partner = models.ForeignKey(
        "frameworks.State",
        verbose_name=_("partner state"),
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    kind = models.CharField(_("type"), max_length=40, choices=CooperationKind.choices)
    title = models.CharField(_("English title"), max_length=400, blank=True)
    title_vi = models.CharField(_("Vietnamese title"), max_length=400, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    ratified_on = models.DateField(_("ratified on"), null=True, blank=True)
    in_force_on = models.DateField(_("in force since"), null=True, blank=True)
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    central_authority = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("central authority"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="central_authority_for",
    )
    note = models.TextField(_("note"), blank=True)
    archived = models.BooleanField(_("archived"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["partner__name", "kind"]
        verbose_name = _("bilateral agreement")
        verbose_name_plural = _("bilateral agreements")

    def __str__(self) -> str:
        return f"{self.partner} — {self.get_kind_display()}"

    def label(self, language: str) -> str:
        title = self.title_vi if language == "vi" and self.title_vi else self.title
        return title or str(self)


class AgreementDocument(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(_("file"), upload_to="agreements/%Y/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["agreement", "uploaded_at"]
        verbose_name = _("agreement document")
        verbose_name_plural = _("agreement documents")

    def __str__(self) -> str:
        return self.title

    @property
    def original_name(self) -> str:
        return PurePosixPath(self.file.name).name

    @property
    def content_type(self) -> str:
        kind = KINDS.get(PurePosixPath(self.file.name).suffix.lower())
        return kind.content_type if kind else "application/octet-stream"


class CooperationRequest(models.Model):
    """A request for legal assistance, extradition or transfer, sent or received.

    Confidential: only members of its responsible and handling agencies see it. Counts per
    year, direction and type may be published, never its details."""

    class Direction(models.TextChoices):
        SENT = "sent", _("Sent")
        RECEIVED = "received", _("Received")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("Being executed")
        EXECUTED = "executed", _("Executed")
        REFUSED = "refused", _("Refused")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    kind = models.CharField(_("type"), max_length=40, choices=CooperationKind.choices)
    partner = models.ForeignKey(
        "frameworks.State",
        verbose_name=_("partner state"),
        on_delete=models.PROTECT,
        related_name="cooperation_requests",
    )
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("under the agreement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
    )
    instrument = models.ForeignKey(
        "treaties.Instrument",
        verbose_name=_("under the convention"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cooperation_requests",
    )
    basis_note = models.CharField(
        _("other legal basis"),
        max_length=200,
        blank=True,
        help_text=_("E.g. reciprocity, when no agreement applies."),
    )
    reference = models.CharField(_("file number"), max_length=80, blank=True)
    subject = models.TextField(_("subject"), blank=True)
    dated_on = models.DateField(_("sent or received on"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    responsible_agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("responsible agency"),
        on_delete=models.PROTECT,
        related_name="cooperation_requests",
    )
    handling_agencies = models.ManyToManyField(
        "accounts.Agency", verbose_name=_("also handled by"), blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[handling_agencies])

    class Meta:
        ordering = ["-dated_on", "-id"]
        verbose_name = _("cooperation request")
        verbose_name_plural = _("cooperation requests")

    def __str__(self) -> str:
        return self.reference or f"{self.get_direction_display()} {self.get_kind_display()}"
