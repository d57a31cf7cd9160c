"""International instruments (treaties, conventions, protocols) and each state's status in them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Instrument(models.Model):
    """A multilateral treaty, convention or protocol a state may sign and join."""

    class Family(models.TextChoices):
        HUMAN_RIGHTS = "human_rights", _("Human rights")
        INTERNATIONAL_CRIMINAL_LAW = "international_criminal_law", _("International criminal law")
        CRIME = "crime", _("Organized crime and corruption")
        DRUGS = "drugs", _("Drug control")
        TERRORISM = "terrorism", _("Counter-terrorism")
        OTHER = "other", _("Other")

    key = models.CharField(
        _("key"),
        max_length=40,
        unique=True,
        help_text=_("A stable short key, OHCHR's abbreviation where there is one (ICCPR, CAT…)."),
    )
    name = models.CharField(_("name"), max_length=400)
    name_vi = models.CharField(_("Vietnamese name"), max_length=400, blank=True)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    short_name_vi = models.CharField(_("Vietnamese short name"), max_length=120, blank=True)
    family = models.CharField(_("family"), max_length=30, choices=Family.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("protocol to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="protocols",
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    in_force_on = models.DateField(_("in force since"), null=True, blank=True)
    depositary = models.CharField(_("depositary"), max_length=200, blank=True)
    treaty_body = models.CharField(_("treaty body"), max_length=200, blank=True)
    treaty_body_vi = models.CharField(_("treaty body (Vietnamese)"), max_length=200, blank=True)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    aliases = models.JSONField(
        _("other names"),
        default=list,
        blank=True,
        help_text=_(
            "Other names and abbreviations, in English and Vietnamese, that find it in "
            "the text of a recommendation."
        ),
    )
    builtin = models.BooleanField(_("built in"), default=False, editable=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    archived = models.BooleanField(_("archived"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "key"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")

    def __str__(self) -> str:
        return self.key

    def label(self, language: str) -> str:
        return self.name_vi if language == "vi" and self.name_vi else self.name

    def short_label(self, language: str) -> str:
        if language == "vi" and self.short_name_vi:
            return self.short_name_vi
        return self.short_name or self.key


class Participation(models.Model):
    """Where one state stands with one instrument. No row: nothing is recorded (unknown)."""

    class Action(models.TextChoices):
        RATIFICATION = "ratification", _("Ratification")
        ACCESSION = "accession", _("Accession")
        SUCCESSION = "succession", _("Succession")
        ACCEPTANCE = "acceptance", _("Acceptance")
        APPROVAL = "approval", _("Approval")

    class Status(models.TextChoices):
        PARTY = "party", _("Party")
        SIGNATORY = "signatory", _("Signatory")
        NOT_PARTY = "not_party", _("Not party")
        UNKNOWN = "unknown", _("Not recorded")

    state = models.ForeignKey(
        "frameworks.State",
        verbose_name=_("state"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    instrument = models.ForeignKey(
        Instrument,
        verbose_name=_("instrument"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    action = models.CharField(
        _("consent to be bound"),
        max_length=20,
        choices=Action.choices,
        blank=True,
        help_text=_("Ratification, accession, succession…; empty: not (yet) a party."),
    )
    action_on = models.DateField(_("ratified or acceded on"), null=True, blank=True)
    in_force_on = models.DateField(_("in force for the state since"), null=True, blank=True)
    complaints_accepted = models.BooleanField(
        _("individual complaints accepted"),
        null=True,
        blank=True,
        help_text=_("Empty: no such procedure, or not recorded."),
    )
    inquiry_accepted = models.BooleanField(
        _("inquiry procedure accepted"),
        null=True,
        blank=True,
        help_text=_("Empty: no such procedure, or not recorded."),
    )
    report_due_on = models.DateField(_("next report due"), null=True, blank=True)
    report_note = models.CharField(_("about the report"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    source_url = models.URLField(_("source address"), max_length=500, blank=True)
    note = models.TextField(_("note"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["state", "instrument"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "instrument"], name="participation_unique_instrument"
            )
        ]
        verbose_name = _("status in an instrument")
        verbose_name_plural = _("statuses in instruments")

    def __str__(self) -> str:
        return f"{self.state} — {self.instrument}: {self.status}"

    @property
    def party(self) -> bool:
        return bool(self.action)

    @property
    def status(self) -> str:
        if self.action:
            return self.Status.PARTY
        if self.signed_on:
            return self.Status.SIGNATORY
        return self.Status.NOT_PARTY

    @property
    def status_date(self):
        """The date of the step the status names: joining, else signing."""
        return self.action_on if self.action else self.signed_on


class Reservation(models.Model):
    """A reservation or declaration a state made to an instrument, withdrawn or not."""

    class Kind(models.TextChoices):
        RESERVATION = "reservation", _("Reservation")
        DECLARATION = "declaration", _("Declaration")

    participation = models.ForeignKey(
        Participation,
        verbose_name=_("status"),
        on_delete=models.CASCADE,
        related_name="reservations",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    article = models.CharField(_("article"), max_length=100, blank=True)
    text = models.TextField(_("text"))
    text_vi = models.TextField(_("Vietnamese text"), blank=True)
    made_on = models.DateField(_("made on"), null=True, blank=True)
    withdrawn = models.BooleanField(_("withdrawn"), default=False)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["participation", "kind", "id"]
        verbose_name = _("reservation or declaration")
        verbose_name_plural = _("reservations and declarations")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.article}".strip()
