from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Suggestion(models.Model):
    """A tag the classifier proposes for a recommendation, until a person accepts or rejects it.

    One row per recommendation and tag (`key`): a rejected suggestion stays, so the same tag is
    never proposed again for that recommendation.
    """

    class Kind(models.TextChoices):
        THEME = "theme", _("Theme")
        SDG = "sdg", _("SDG")
        ACTION_CATEGORY = "action_category", _("Action category")

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    recommendation = models.ForeignKey(
        "frameworks.Recommendation",
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="suggestions",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=40, editable=False)
    category = models.ForeignKey(
        "frameworks.Category",
        verbose_name=_("category"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    action_category = models.PositiveSmallIntegerField(_("action category"), null=True, blank=True)
    confidence = models.FloatField(_("confidence"))
    reasons = models.JSONField(_("words that drove it"), default=list, blank=True)
    model_version = models.CharField(_("model version"), max_length=40, blank=True)
    state = models.CharField(
        _("decision"), max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["recommendation", "kind", "-confidence"]
        constraints = [
            models.UniqueConstraint(fields=["recommendation", "key"], name="suggestion_unique_tag"),
        ]
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")

    def __str__(self) -> str:
        return f"{self.recommendation_id} {self.key} ({self.state})"

    @property
    def percent(self) -> int:
        return round(self.confidence * 100)

    @staticmethod
    def key_for(*, category_id: int | None = None, action_category: int | None = None) -> str:
        if category_id is not None:
            return f"category:{category_id}"
        return f"action:{action_category}"


class TaggingRun(models.Model):
    """One pass of the classifier over recommendations (from the web, the API or the CLI)."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")
        INTERRUPTED = "interrupted", _("Interrupted")  # the worker stopped during the run

    class Job(models.TextChoices):
        SUGGEST = "suggest", _("Suggest tags")
        RETRAIN = "retrain", _("Retrain the model")

    job = models.CharField(_("job"), max_length=10, choices=Job.choices)
    framework = models.ForeignKey(
        "frameworks.Framework",
        verbose_name=_("framework"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    state = models.CharField(
        _("progress"), max_length=12, choices=State.choices, default=State.QUEUED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("tagging run")
        verbose_name_plural = _("tagging runs")

    def __str__(self) -> str:
        return f"{self.job} {self.requested_at:%Y-%m-%d %H:%M} ({self.state})"
