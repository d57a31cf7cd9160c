"""Crosswalk links: one item of any framework related to an item of any framework."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ItemLink(models.Model):
    """`source` <relation> `target`, e.g. a programme output *contributes to* a UPR
    recommendation. Suggested by the similarity model or added by a person; a person confirms
    or rejects a suggestion. Rows are never deleted: a removed link is archived, and a rejected
    suggestion stays so that it is never suggested again."""

    class Relation(models.TextChoices):
        IMPLEMENTS = "implements", _("implements")
        CONTRIBUTES_TO = "contributes_to", _("contributes to")
        SAME_SUBJECT = "same_subject", _("same subject as")
        SUPERSEDES = "supersedes", _("supersedes")

    class State(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")

    source = models.ForeignKey(
        "frameworks.Recommendation",
        verbose_name=_("from item"),
        on_delete=models.PROTECT,
        related_name="outgoing_links",
    )
    target = models.ForeignKey(
        "frameworks.Recommendation",
        verbose_name=_("to item"),
        on_delete=models.PROTECT,
        related_name="incoming_links",
    )
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.SUGGESTED, db_index=True
    )
    similarity = models.FloatField(
        _("similarity"),
        null=True,
        blank=True,
        help_text=_("How alike the two texts are (suggestions)."),
    )
    note = models.TextField(_("note"), blank=True)
    archived = models.BooleanField(_("removed"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: suggested by the similarity model."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed or rejected by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("confirmed or rejected at"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["relation", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "relation"], name="item_link_unique_relation"
            ),
            models.CheckConstraint(condition=~Q(source=F("target")), name="item_link_not_self"),
        ]
        verbose_name = _("link between items")
        verbose_name_plural = _("links between items")

    def __str__(self) -> str:
        return f"{self.source_id} {self.relation} {self.target_id} ({self.state})"

    @property
    def is_live(self) -> bool:
        return not self.archived and self.state != self.State.REJECTED


class RegisterLink(models.Model):
    """An item of any framework related to an entry of a register: an instrument (a
    recommendation asks to ratify it), a national legal act or a bilateral agreement (it
    implements the item). Same life as an ItemLink: found automatically or added by a person,
    confirmed or rejected by a person, archived rather than deleted, with history."""

    class Relation(models.TextChoices):
        ASKS_TO_JOIN = "asks_to_join", _("asks to ratify or accede to")
        ASKS_TO_WITHDRAW_RESERVATIONS = (
            "asks_to_withdraw_reservations",
            _("asks to withdraw reservations to"),
        )
        IMPLEMENTED_BY = "implemented_by", _("is implemented by")
        CONCERNS = "concerns", _("concerns")

    class State(models.TextChoices):
        DETECTED = "detected", _("Found in the text")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")

    item = models.ForeignKey(
        "frameworks.Recommendation",
        verbose_name=_("item"),
        on_delete=models.PROTECT,
        related_name="register_links",
    )
    instrument = models.ForeignKey(
        "treaties.Instrument",
        verbose_name=_("instrument"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="item_links",
    )
    legal_act = models.ForeignKey(
        "legislation.LegalAct",
        verbose_name=_("legal act"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="item_links",
    )
    agreement = models.ForeignKey(
        "cooperation.Agreement",
        verbose_name=_("bilateral agreement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="item_links",
    )
    relation = models.CharField(_("relation"), max_length=40, choices=Relation.choices)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.CONFIRMED, db_index=True
    )
    matched_text = models.CharField(_("words found"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    archived = models.BooleanField(_("removed"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: found in the item's text when it was imported."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed or rejected by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("confirmed or rejected at"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["relation", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(instrument__isnull=False, legal_act__isnull=True, agreement__isnull=True)
                    | Q(instrument__isnull=True, legal_act__isnull=False, agreement__isnull=True)
                    | Q(instrument__isnull=True, legal_act__isnull=True, agreement__isnull=False)
                ),
                name="register_link_one_entry",
            ),
            models.UniqueConstraint(
                fields=["item", "instrument", "relation"],
                condition=Q(instrument__isnull=False),
                name="register_link_unique_instrument",
            ),
            models.UniqueConstraint(
                fields=["item", "legal_act", "relation"],
                condition=Q(legal_act__isnull=False),
                name="register_link_unique_legal_act",
            ),
            models.UniqueConstraint(
                fields=["item", "agreement", "relation"],
                condition=Q(agreement__isnull=False),
                name="register_link_unique_agreement",
            ),
        ]
        verbose_name = _("link to a register")
        verbose_name_plural = _("links to registers")

    def __str__(self) -> str:
        entry = self.instrument_id or self.legal_act_id or self.agreement_id
        return f"{self.item_id} {self.relation} {entry} ({self.state})"

    @property
    def entry(self):
        return self.instrument or self.legal_act or self.agreement

    @property
    def is_live(self) -> bool:
        return not self.archived and self.state != self.State.REJECTED
