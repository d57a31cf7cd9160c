"""The Master Plan: actions that implement accepted recommendations, with indicators."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from camket.frameworks.models import Implementation
from camket.lib.text import check_single_line

# Indicators count people, laws, cases, shares of a whole: none of them goes below zero.
NEGATIVE_VALUE_MESSAGE = _("An indicator's value cannot be negative.")


class Plan(models.Model):
    """A plan (e.g. the Prime Minister's Master Plan for a UPR cycle) for one framework."""

    framework = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("framework"),
        on_delete=models.PROTECT,
        related_name="plans",
    )
    title = models.CharField(
        _("title"),
        max_length=300,
        help_text=_("In Vietnamese (or the only language it exists in)."),
    )
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=100, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    archived = models.BooleanField(_("archived"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        check_single_line(self, ["title", "title_en", "decision_number"])

    @property
    def is_approved(self) -> bool:
        return self.approved_on is not None


class Action(models.Model):
    """A measure of the plan, led by one agency, implementing one or more recommendations."""

    Status = Implementation

    class Publication(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.PROTECT, related_name="actions"
    )
    reference = models.CharField(_("reference"), max_length=30)
    title = models.CharField(
        _("title"),
        max_length=500,
        help_text=_("In Vietnamese (or the only language it exists in)."),
    )
    title_en = models.CharField(_("title in English"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    expected_output = models.TextField(_("expected output"), blank=True)
    lead_agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("lead agency"),
        on_delete=models.PROTECT,
        related_name="lead_actions",
    )
    co_agencies = models.ManyToManyField(
        "accounts.Agency", verbose_name=_("co-agencies"), blank=True, related_name="co_actions"
    )
    start_on = models.DateField(_("start date"), null=True, blank=True)
    target_on = models.DateField(_("target date"), null=True, blank=True)
    budget_source = models.CharField(_("budget source"), max_length=300, blank=True)
    status = models.CharField(
        _("implementation status"),
        max_length=20,
        choices=Implementation.choices,
        default=Implementation.NOT_STARTED,
        db_index=True,
    )
    status_reason = models.TextField(_("reason for the status"), blank=True)
    recommendations = models.ManyToManyField(
        "frameworks.Recommendation",
        verbose_name=_("recommendations"),
        blank=True,
        related_name="actions",
    )
    source_cluster = models.ForeignKey(
        "review.Cluster",
        verbose_name=_("made from cluster"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
    )
    publication = models.CharField(
        _("publication"),
        max_length=10,
        choices=Publication.choices,
        default=Publication.DRAFT,
        db_index=True,
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[co_agencies, recommendations])

    class Meta:
        ordering = ["plan", "reference"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "reference"], name="action_unique_reference")
        ]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    def clean(self):
        check_single_line(self, ["reference", "title", "title_en", "budget_source"])


class Indicator(models.Model):
    """What is measured for an action (or directly for a recommendation), and how often."""

    class Frequency(models.IntegerChoices):
        MONTHLY = 1, _("Every month")
        QUARTERLY = 3, _("Every 3 months")
        HALF_YEARLY = 6, _("Every 6 months")
        YEARLY = 12, _("Every 12 months")

    action = models.ForeignKey(
        Action,
        verbose_name=_("action"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
    )
    recommendation = models.ForeignKey(
        "frameworks.Recommendation",
        verbose_name=_("recommendation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
    )
    agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("reporting agency"),
        on_delete=models.PROTECT,
        related_name="indicators",
    )
    title = models.CharField(
        _("title"),
        max_length=500,
        help_text=_("In Vietnamese (or the only language it exists in)."),
    )
    title_en = models.CharField(_("title in English"), max_length=500, blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline = models.DecimalField(
        _("baseline"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    target = models.DecimalField(
        _("target"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    frequency_months = models.PositiveSmallIntegerField(
        _("reporting frequency"), choices=Frequency.choices, default=Frequency.HALF_YEARLY
    )
    starts_on = models.DateField(_("first period starts"))
    ends_on = models.DateField(_("last period ends"))
    archived = models.BooleanField(_("archived"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__isnull=False, recommendation__isnull=True)
                | models.Q(action__isnull=True, recommendation__isnull=False),
                name="indicator_for_action_or_recommendation",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="indicator_schedule_in_order",
            ),
        ]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        check_single_line(self, ["title", "title_en", "unit"])
        errors = {
            name: NEGATIVE_VALUE_MESSAGE
            for name in ("baseline", "target")
            if getattr(self, name) is not None and getattr(self, name) < 0
        }
        if errors:
            raise ValidationError(errors)


class DueDate(models.Model):
    """One reporting period of an indicator; a progress report answers it."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="due_dates"
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    due_on = models.DateField(_("due on"), db_index=True)
    archived = models.BooleanField(_("archived"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "due_on"], name="due_date_unique")
        ]
        verbose_name = _("due date")
        verbose_name_plural = _("due dates")

    def __str__(self) -> str:
        return f"{self.indicator} — {self.due_on:%Y-%m-%d}"
