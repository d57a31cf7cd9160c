from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Cluster(models.Model):
    """Recommendations that say the same thing, reviewed and decided once."""

    framework = models.ForeignKey(
        "frameworks.Framework", on_delete=models.PROTECT, related_name="clusters"
    )
    title = models.CharField(_("title"), max_length=250)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    archived = models.BooleanField(_("archived"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["title"]
        verbose_name = _("cluster")
        verbose_name_plural = _("clusters")

    def __str__(self) -> str:
        return self.title


class Conformity(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Not assessed")


def _conformity_field(label):
    return models.CharField(
        label, max_length=10, choices=Conformity.choices, default=Conformity.UNKNOWN
    )


class Assessment(models.Model):
    """One agency's opinion on one recommendation, requested by the coordinator."""

    Conformity = Conformity

    class State(models.TextChoices):
        REQUESTED = "requested", _("Awaiting the agency")
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    recommendation = models.ForeignKey(
        "frameworks.Recommendation", on_delete=models.PROTECT, related_name="assessments"
    )
    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="assessments",
    )
    state = models.CharField(
        _("status"), max_length=10, choices=State.choices, default=State.REQUESTED, db_index=True
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    requested_on = models.DateTimeField(auto_now_add=True)
    due_on = models.DateField(_("answer due"), null=True, blank=True)
    conforms_to_law = _conformity_field(_("conformity with law"))
    conforms_to_policy = _conformity_field(_("conformity with policy"))
    resources_available = _conformity_field(_("resources available"))
    capacity_available = _conformity_field(_("capacity available"))
    proposed_response = models.CharField(
        _("proposed response"),
        max_length=20,
        blank=True,
        choices=[
            ("supported", _("Supported")),
            ("supported_in_part", _("Supported in part")),
            ("noted", _("Noted")),
        ],
    )
    comment = models.TextField(_("comment"), blank=True)
    submitted_on = models.DateTimeField(_("submitted on"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation", "agency"]
        constraints = [
            models.UniqueConstraint(
                fields=["recommendation", "agency"], name="assessment_one_per_agency"
            )
        ]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return f"{self.agency} — {self.recommendation.reference}"

    @property
    def is_open(self) -> bool:
        return self.state in (self.State.REQUESTED, self.State.DRAFT)
