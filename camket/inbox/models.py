"""In-app notifications. A notification stores what happened (its kind and parameters), not
a sentence: it is worded in the reader's language when shown or e-mailed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    class Kind(models.TextChoices):
        OPINION_REQUESTED = "opinion_requested", _("Opinion requested")
        REPORT_RETURNED = "report_returned", _("Report returned")
        REPORT_ACCEPTED = "report_accepted", _("Report accepted")
        DUE_SOON = "due_soon", _("Report due soon")

    class Email(models.TextChoices):
        PENDING = "pending", _("To send")
        SENT = "sent", _("Sent")
        NO_ADDRESS = "no_address", _("No e-mail address")
        NOT_SENT = "not_sent", _("Not sent by e-mail")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The event, e.g. "report_returned:12:3": with the recipient, what makes it happen once.
    event = models.CharField(max_length=100)
    params = models.JSONField(default=dict, blank=True)
    link = models.CharField(_("link"), max_length=300, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    email = models.CharField(
        _("e-mail"), max_length=10, choices=Email.choices, default=Email.PENDING, db_index=True
    )
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event"], name="notification_once_per_event"
            ),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id} ({self.event})"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
