"""A log of reminders sent: the unique constraint is what makes each one go out only once."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Reminder(models.Model):
    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Due soon")
        OVERDUE = "overdue", _("Overdue")

    due_date = models.ForeignKey(
        "plans.DueDate", on_delete=models.PROTECT, related_name="reminders"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    email = models.EmailField(_("e-mail"))
    sent_on = models.DateTimeField(_("sent on"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["due_date", "kind", "recipient"], name="reminder_sent_once"
            )
        ]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.email}"
