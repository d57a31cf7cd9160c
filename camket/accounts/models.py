import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Agency(models.Model):
    """A ministry or other body that gives opinions and implements actions."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    is_coordinator = models.BooleanField(
        _("coordinating agency"),
        default=False,
        help_text=_("Its coordinators run the review and record the decisions."),
    )
    archived = models.BooleanField(_("archived"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        ADMINISTRATOR = "admin", _("Administrator")
        COORDINATOR = "coordinator", _("Coordinator")
        FOCAL_POINT = "focal_point", _("Agency focal point")
        MANAGER = "manager", _("Agency manager")
        VIEWER = "viewer", _("Viewer")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="members", null=True, blank=True
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    # The person's account as a whole (user fields and membership): edits based on an older
    # one are refused (camket.lib.concurrency).
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} ({self.agency or '—'})"


LAST_USED_EVERY = timedelta(minutes=1)


class ApiToken(models.Model):
    """A bearer token for the REST API. Only a hash of the secret is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=12, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def mark_used(self, now=None) -> bool:
        """Record the use, at most once a minute: a write per API call would contend for
        SQLite's write lock with every save. Returns whether it wrote."""
        now = now or timezone.now()
        if self.last_used is not None and now - self.last_used < LAST_USED_EVERY:
            return False
        ApiToken.objects.filter(pk=self.pk).update(last_used=now)
        self.last_used = now
        return True

    @staticmethod
    def hash_secret(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        secret = "ck_" + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, name=name, prefix=secret[:10], digest=cls.hash_secret(secret)
        )
        return token, secret


class AccountEvent(models.Model):
    """What was done to a person's account, by whom: the history shown on their page. Field
    changes keep the field's name and the old and new values, never a password."""

    class Kind(models.TextChoices):
        CREATED = "created", _("account created")
        CHANGED = "changed", _("account changed")
        PASSWORD_RESET = "password_reset", _("password reset")
        DEACTIVATED = "deactivated", _("account deactivated")
        REACTIVATED = "reactivated", _("account reactivated")
        TOKEN_ISSUED = "token_issued", _("API token issued")
        TOKEN_REVOKED = "token_revoked", _("API token revoked")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account_events"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    changes = models.JSONField(default=list, blank=True)  # [[field, old, new], …]
    detail = models.CharField(max_length=200, blank=True)
    when = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-when", "-id"]
        verbose_name = _("account event")
        verbose_name_plural = _("account events")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_kind_display()}"


class TemporaryPassword(models.Model):
    """A password someone else set: while the user's password hash is still this one, they
    are sent to change it. Changing it (any way) ends the requirement by itself."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="temporary_password"
    )
    password = models.CharField(max_length=128)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    set_on = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.user} — {self.set_on:%Y-%m-%d}"
