"""The register of national legal acts: laws, decrees and the like, with what they implement."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class LegalAct(models.Model):
    class Kind(models.TextChoices):
        CONSTITUTION = "constitution", _("Constitution")
        CODE = "code", _("Code")
        LAW = "law", _("Law")
        ORDINANCE = "ordinance", _("Ordinance")
        RESOLUTION = "resolution", _("Resolution")
        DECREE = "decree", _("Decree")
        DECISION = "decision", _("Decision")
        CIRCULAR = "circular", _("Circular")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        DRAFTING = "drafting", _("Being drafted")
        PENDING = "pending", _("Awaiting adoption")
        ADOPTED = "adopted", _("Adopted, not yet in force")
        IN_FORCE = "in_force", _("In force")
        AMENDED = "amended", _("In force, amended")
        REPEALED = "repealed", _("Repealed")

    number = models.CharField(
        _("number"),
        max_length=60,
        blank=True,
        help_text=_("As published, e.g. 73/2021/QH14; empty for a draft."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("English title"), max_length=400, blank=True)
    title_vi = models.CharField(_("Vietnamese title"), max_length=400)
    issuing_body = models.CharField(_("issuing body"), max_length=200, blank=True)
    issuing_body_vi = models.CharField(_("issuing body (Vietnamese)"), max_length=200, blank=True)
    drafting_agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("drafting agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="drafted_acts",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    in_force_on = models.DateField(_("in force since"), null=True, blank=True)
    repealed_on = models.DateField(_("repealed on"), null=True, blank=True)
    url = models.URLField(_("official text"), max_length=500, blank=True)
    instruments = models.ManyToManyField(
        "treaties.Instrument",
        verbose_name=_("instruments it implements"),
        blank=True,
        related_name="legal_acts",
    )
    note = models.TextField(_("note"), blank=True)
    archived = models.BooleanField(_("archived"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[instruments])

    class Meta:
        ordering = ["-adopted_on", "title_vi"]
        verbose_name = _("legal act")
        verbose_name_plural = _("legal acts")

    def __str__(self) -> str:
        return f"{self.number} {self.title_vi}".strip()

    def label(self, language: str) -> str:
        title = self.title if language != "vi" and self.title else self.title_vi
        return f"{title} ({self.number})" if self.number else title
