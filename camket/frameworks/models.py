from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from camket.frameworks import kinds
from camket.frameworks.state_names import vietnamese_name
from camket.lib.folding import fold, folded_document


class Framework(models.Model):
    """Anything a state must follow and report on: a UPR cycle, a programme, a convention…"""

    class Kind(models.TextChoices):
        UPR_CYCLE = "upr_cycle", _("UPR cycle")
        TREATY_BODY = "treaty_body", _("Treaty body review")
        PROGRAMME = "programme", _("Programme")
        DECLARATION = "declaration", _("Declaration")
        STRATEGY = "strategy", _("National strategy")
        CONVENTION = "convention", _("Convention")

    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=250)
    name_vi = models.CharField(_("Vietnamese name"), max_length=250, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    levels = models.JSONField(
        _("levels"),
        default=list,
        blank=True,
        help_text=_("The levels of its items, top first; empty: the kind's levels."),
    )
    has_response = models.BooleanField(
        _("items receive a response"),
        default=True,
        help_text=_("The state accepts or notes each item (UPR, treaty bodies)."),
    )
    has_recommending_states = models.BooleanField(_("items name recommending states"), default=True)
    has_indicators = models.BooleanField(_("items may have indicators"), default=True)
    coordinating_agency = models.ForeignKey(
        "accounts.Agency",
        verbose_name=_("coordinating agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_frameworks",
        help_text=_(
            "Its coordinators decide, plan and review for this framework; empty: the "
            "coordinating ministry."
        ),
    )
    taxonomies = models.ManyToManyField(
        "Taxonomy", verbose_name=_("taxonomies"), blank=True, related_name="frameworks"
    )
    cycle = models.PositiveSmallIntegerField(_("cycle"), null=True, blank=True)
    state_under_review = models.ForeignKey(
        "State",
        verbose_name=_("state under review"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    archived = models.BooleanField(_("archived"), default=False)
    public = models.BooleanField(
        _("on the public portal"),
        default=False,
        help_text=_(
            "Its published items, actions and public progress appear on the public "
            "portal and in its open data."
        ),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[taxonomies])

    class Meta:
        ordering = ["-cycle", "name"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self) -> str:
        return self.name

    def label(self, language: str) -> str:
        return self.name_vi if language == "vi" and self.name_vi else self.name

    def level_list(self) -> tuple[kinds.Level, ...]:
        return kinds.levels_from(self.levels) or kinds.defaults_for(self.kind).levels

    def level_label(self, index: int | None, language: str) -> str:
        levels = self.level_list()
        index = len(levels) - 1 if index is None else min(max(index, 0), len(levels) - 1)
        return levels[index].label(language)

    def item_label(self, language: str) -> str:
        """What the items this framework is about are called: its lowest level."""
        return self.level_label(None, language)

    def apply_kind_defaults(self) -> None:
        """A new framework takes which fields apply from its kind."""
        defaults = kinds.defaults_for(self.kind)
        self.has_response = defaults.has_response
        self.has_recommending_states = defaults.has_recommending_states
        self.has_indicators = defaults.has_indicators


class State(models.Model):
    """A UN member or observer state. Unknown names found in imports are kept without a code."""

    iso3 = models.CharField(_("ISO code"), max_length=3, unique=True, null=True, blank=True)
    name = models.CharField(_("name"), max_length=120, unique=True)
    name_vi = models.CharField(_("Vietnamese name"), max_length=120, blank=True)
    aliases = models.JSONField(_("other names"), default=list, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("state")
        verbose_name_plural = _("states")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.name_vi and self.iso3:
            self.name_vi = vietnamese_name(self.iso3)
        super().save(*args, **kwargs)

    def label(self, language: str) -> str:
        return self.name_vi if language == "vi" and self.name_vi else self.name


class Taxonomy(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_vi = models.CharField(_("Vietnamese name"), max_length=200, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")

    def __str__(self) -> str:
        return self.name


class Category(models.Model):
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.PROTECT, related_name="categories")
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    code = models.CharField(_("code"), max_length=30, blank=True)
    name = models.CharField(_("name"), max_length=1000)
    name_vi = models.CharField(_("Vietnamese name"), max_length=1000, blank=True)
    folded_name = models.CharField(max_length=1000, editable=False, db_index=True)
    aliases = models.JSONField(
        _("other names"),
        default=list,
        blank=True,
        help_text=_("Labels found in imported files that mean this category."),
    )
    unmapped = models.BooleanField(
        _("to be mapped"),
        default=False,
        db_index=True,
        help_text=_(
            "Created by an import from a label that matched no category: a "
            "coordinator maps it onto one or gives it a Vietnamese name."
        ),
    )
    related_sdgs = models.ManyToManyField(
        "self",
        verbose_name=_("related SDG targets"),
        symmetrical=False,
        blank=True,
        related_name="related_topics",
        limit_choices_to={"taxonomy__slug": "sdg"},
        help_text=_("The Sustainable Development Goal targets this subject serves."),
    )

    class Meta:
        ordering = ["taxonomy", "code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "name"], name="category_unique_name")
        ]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return f"{self.code} {self.name}".strip()

    def save(self, *args, **kwargs):
        self.folded_name = fold(self.name)
        super().save(*args, **kwargs)

    def label(self, language: str) -> str:
        return self.name_vi if language == "vi" and self.name_vi else self.name


class Implementation(models.TextChoices):
    """How far an action (and through its actions, a recommendation) has been carried out."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    PARTLY_IMPLEMENTED = "partly_implemented", _("Partly implemented")
    IMPLEMENTED = "implemented", _("Implemented")
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")


class Recommendation(models.Model):
    class Response(models.TextChoices):
        SUPPORTED = "supported", _("Supported")
        SUPPORTED_IN_PART = "supported_in_part", _("Supported in part")
        NOTED = "noted", _("Noted")
        ALREADY_IMPLEMENTED = "already_implemented", _("Already implemented")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class ActionCategory(models.IntegerChoices):
        MINIMAL = 1, _("1 – Minimal action (share, request)")
        CONTINUING = 2, _("2 – Continuing action (continue, maintain)")
        CONSIDERING = 3, _("3 – Considering action (consider, review)")
        GENERAL = 4, _("4 – General action (take measures, promote)")
        SPECIFIC = 5, _("5 – Specific action (adopt, ratify, abolish)")

    framework = models.ForeignKey(
        Framework,
        verbose_name=_("framework"),
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    reference = models.CharField(_("reference"), max_length=60)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    level = models.PositiveSmallIntegerField(
        _("level"), default=0, help_text=_("Its place in the framework's levels, 0 at the top.")
    )
    text = models.TextField(_("text"))
    text_vi = models.TextField(_("Vietnamese translation"), blank=True)
    recommending_states = models.ManyToManyField(
        State, verbose_name=_("recommending states"), blank=True, related_name="recommended"
    )
    state_under_review = models.ForeignKey(
        State,
        verbose_name=_("state under review"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed",
    )
    session = models.PositiveSmallIntegerField(_("session"), null=True, blank=True)
    source_document = models.CharField(_("source document"), max_length=200, blank=True)
    response = models.CharField(_("response"), max_length=20, choices=Response.choices, blank=True)
    response_reason = models.TextField(_("reason for the response"), blank=True)
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    action_category = models.PositiveSmallIntegerField(
        _("action category"), choices=ActionCategory.choices, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    categories = models.ManyToManyField(
        Category, verbose_name=_("categories"), blank=True, related_name="recommendations"
    )
    implementation = models.CharField(
        _("implementation"),
        max_length=20,
        choices=Implementation.choices,
        blank=True,
        db_index=True,
        help_text=_("Derived from the actions of the plan that implement it."),
    )
    cluster = models.ForeignKey(
        "review.Cluster",
        verbose_name=_("cluster"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    search_document = models.TextField(editable=False, default="")
    # What the last import's source said (fields, state and category ids): a later import
    # changes only what nobody changed in camket since (see importers/merge.py)
    imported_values = models.JSONField(default=dict, editable=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(
        m2m_fields=[recommending_states, categories],
        excluded_fields=["search_document", "imported_values"],
        # History is read by item (its id) and date; an index per copied field made every
        # imported item's history row update seven more, nine on PostgreSQL (import-speed.md).
        no_db_index=[
            "status",
            "implementation",
            "parent",
            "cluster",
            "decided_by",
            "framework",
            "state_under_review",
            # and the history of its links is read by history row (history_diff.py), never by
            # item, state or category: three index entries fewer per imported link
            "recommendation",
            "state",
            "category",
        ],
    )

    class Meta:
        ordering = ["framework", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "reference"], name="recommendation_unique_reference"
            )
        ]
        indexes = [
            models.Index(fields=["framework", "status"]),
            # The dashboard counts a state's items (and compares its UPR cycles) by these
            # columns alone, read from the index.
            models.Index(
                fields=[
                    "state_under_review",
                    "framework",
                    "status",
                    "response",
                    "implementation",
                    "session",
                ],
                name="recommendation_state_counts",
            ),
        ]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return f"{self.reference}: {self.text[:80]}"

    def refresh_search_document(self, state_names: list[str] | None = None) -> None:
        if state_names is None:
            state_names = [s.name for s in self.recommending_states.all()] if self.pk else []
        self.search_document = folded_document(
            self.reference, self.text, self.text_vi, " ".join(state_names)
        )


class TsVector(models.Field):
    """A PostgreSQL tsvector, read only through the lookups below (never loaded as a value)."""

    def db_type(self, connection) -> str:
        return "tsvector"


@TsVector.register_lookup
class MatchesTsQuery(models.Lookup):
    """`vector__matches="('women':*)"`: the vector matches the tsquery (simple configuration)."""

    lookup_name = "matches"

    def as_sql(self, compiler, connection):
        lhs_sql, lhs_params = self.process_lhs(compiler, connection)
        rhs_sql, rhs_params = self.process_rhs(compiler, connection)
        return (
            f"{lhs_sql} @@ to_tsquery('simple'::regconfig, {rhs_sql})",
            [*lhs_params, *rhs_params],
        )


class SearchRow(models.Model):
    """PostgreSQL only: the narrow table of search vectors migration 0017 creates and its
    triggers keep (docs/postgres-search.md); mapped so that a query can join it."""

    recommendation = models.OneToOneField(
        Recommendation,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="search_row",
    )
    search_vector = TsVector()

    class Meta:
        managed = False
        db_table = "frameworks_recommendation_search"

    def __str__(self) -> str:
        return f"search vector of item {self.pk}"
