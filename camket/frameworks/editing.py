"""Creating and changing frameworks: the one service the web form and `camket framework load`
call. Who may: a coordinator creates, a coordinator of the framework (`roles.coordinates`)
changes it; `user=None` is the operator at the console (a system change). A change that
changes nothing writes nothing (no history row, no new version)."""

from dataclasses import dataclass, field

from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from camket.frameworks import kinds
from camket.frameworks.models import Framework, Recommendation
from camket.lib.concurrency import save_if_current
from camket.lib.history import attribute_change

FIELDS = (
    "name",
    "name_vi",
    "kind",
    "levels",
    "description",
    "coordinating_agency",
    "starts_on",
    "ends_on",
    "cycle",
    "state_under_review",
    "has_response",
    "has_recommending_states",
    "has_indicators",
    "archived",
    "public",
)
APPLIES = ("has_response", "has_recommending_states", "has_indicators")


@dataclass
class FrameworkChange:
    framework: Framework
    created: bool
    changed: list[str] = field(default_factory=list)  # the fields changed (taxonomies too)


def may_create(user) -> bool:
    return user is None or user.has_perm("frameworks.manage_frameworks")


def may_change(user, framework: Framework) -> bool:
    """Whether `user` coordinates `framework` (see `roles.coordinates`)."""
    return user is None or user.has_perm("frameworks.change_framework", framework)


def problems(values: dict, framework: Framework | None) -> dict[str, str]:
    """What is wrong with `values` beyond each field's own type: date order, levels that
    are not unique, and levels that would leave existing items below the last one."""
    found = {}
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if starts and ends and ends < starts:
        found["ends_on"] = _("The end date is before the start date.")
    agency = values.get("coordinating_agency")
    if (
        agency is not None
        and agency.archived
        and (framework is None or framework.coordinating_agency_id != agency.pk)
    ):
        found["coordinating_agency"] = _("The agency %(code)s is archived.") % {"code": agency.code}
    levels = (
        kinds.levels_from(values.get("levels")) or kinds.defaults_for(values.get("kind", "")).levels
    )
    names = [level.name.casefold() for level in levels]
    keys = [level.key for level in levels]
    if len(set(names)) != len(names) or len(set(keys)) != len(keys):
        found["levels"] = _("Two levels have the same name.")
    elif framework is not None and framework.pk:
        deepest = framework.recommendations.aggregate(deepest=Max("level"))["deepest"]
        if deepest is not None and deepest >= len(levels):
            found["levels"] = _(
                "Items of this framework sit %(depth)d levels below the top: it needs at least "
                "%(count)d levels."
            ) % {"depth": deepest, "count": deepest + 1}
    return found


@transaction.atomic
def create_framework(user, slug: str, values: dict, taxonomies=()) -> FrameworkChange:
    """A new framework. Which fields apply come from its kind unless `values` says."""
    if not may_create(user):
        raise PermissionDenied(_("Only coordinators can create frameworks."))
    framework = Framework(slug=slug, **{k: v for k, v in values.items() if k in FIELDS})
    framework.apply_kind_defaults()
    for name in APPLIES:  # unless `values` says otherwise
        if name in values:
            setattr(framework, name, values[name])
    _check(framework, None)
    if framework.state_under_review_id is None and framework.state_under_review is not None:
        framework.state_under_review.save()  # a state named by its code, first seen here
    attribute_change(framework, user)
    framework.save()
    taxonomies = list(taxonomies)
    if taxonomies:
        framework.skip_history_when_saving = True
        framework.taxonomies.set(taxonomies)
        del framework.skip_history_when_saving
        _record_taxonomies(framework)
    return FrameworkChange(framework, created=True, changed=["slug", *values])


@transaction.atomic
def update_framework(
    user, framework: Framework, values: dict, *, taxonomies=None, version: int | None = None
) -> FrameworkChange:
    """Change the fields `values` names (and the taxonomies, unless None). `version`: the one
    the edit was based on (a stale one is refused); None takes the stored one."""
    # What is stored, not an instance a form may already have changed (its agency too)
    framework = Framework.objects.select_for_update().get(pk=framework.pk)
    if not may_change(user, framework):
        raise PermissionDenied(_("Only the coordinators of this framework can change it."))
    changed = [
        name
        for name in FIELDS
        if name in values and _stored(framework, name) != _given(values[name])
    ]
    new_taxonomies = None
    if taxonomies is not None:
        new_taxonomies = {t.pk for t in taxonomies}
        if new_taxonomies != set(framework.taxonomies.values_list("pk", flat=True)):
            changed.append("taxonomies")
    if not changed:
        return FrameworkChange(framework, created=False)
    for name in changed:
        if name != "taxonomies":
            setattr(framework, name, values[name])
    _check(framework, framework)
    state = framework.state_under_review
    if state is not None and state.pk is None:
        state.save()
        framework.state_under_review = state
    if "taxonomies" in changed:
        framework.skip_history_when_saving = True
        framework.taxonomies.set(new_taxonomies)
        del framework.skip_history_when_saving
    saved = [name for name in changed if name != "taxonomies"]
    save_if_current(framework, framework.version if version is None else version, saved, user=user)
    return FrameworkChange(framework, created=False, changed=changed)


def _stored(framework: Framework, name: str):
    if name in ("coordinating_agency", "state_under_review"):
        return getattr(framework, f"{name}_id")
    return getattr(framework, name)


def _given(value):
    return value.pk if hasattr(value, "_meta") else value


def _check(framework: Framework, existing: Framework | None) -> None:
    errors = problems({name: getattr(framework, name) for name in FIELDS}, existing)
    try:
        framework.full_clean(
            exclude=["version", "state_under_review"], validate_unique=existing is None
        )
    except ValidationError as error:
        errors = {**{k: " ".join(v) for k, v in error.message_dict.items()}, **errors}
    if errors:
        raise ValidationError(errors)


def _record_taxonomies(framework: Framework) -> None:
    """The creation's history row was written before its taxonomies existed: give it them."""
    record = framework.history.latest()
    historical = apps.get_model("frameworks", "HistoricalFramework_taxonomies")
    links = Framework.taxonomies.through.objects.filter(framework=framework)
    historical.objects.bulk_create(
        [
            historical(
                id=link.pk, framework_id=framework.pk, taxonomy_id=link.taxonomy_id, history=record
            )
            for link in links
        ]
    )


@dataclass
class ItemSpec:
    """An item of a framework as a definition file gives it."""

    reference: str
    text: str
    text_vi: str
    parent: str | None
    level: int  # its place in the levels (validated: depth of the tree)


@dataclass
class ItemCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def as_dict(self) -> dict:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


def write_items(user, framework: Framework, specs: list[ItemSpec]) -> ItemCounts:
    """Create or update the items (checked by `trees.validate_tree` first), parents first.
    New items are published; an item the file does not list is left as it is. Call inside
    the caller's transaction."""
    counts = ItemCounts()
    stored = {item.reference: item for item in framework.recommendations.all()}
    for spec in sorted(specs, key=lambda spec: spec.level):
        parent = stored[spec.parent] if spec.parent else None
        item = stored.get(spec.reference)
        if item is None:
            item = Recommendation(
                framework=framework,
                reference=spec.reference,
                text=spec.text,
                text_vi=spec.text_vi,
                parent=parent,
                level=spec.level,
                status=Recommendation.Status.PUBLISHED,
                state_under_review_id=framework.state_under_review_id,
            )
            item.refresh_search_document([])
            attribute_change(item, user)
            item.save()
            stored[spec.reference] = item
            counts.created += 1
            continue
        wanted = {
            "text": spec.text,
            "text_vi": spec.text_vi,
            "parent_id": parent.pk if parent else None,
            "level": spec.level,
        }
        fields = [name for name, value in wanted.items() if getattr(item, name) != value]
        if not fields:
            counts.unchanged += 1
            continue
        for name in fields:
            setattr(item, name, wanted[name])
        item.refresh_search_document()
        save_if_current(
            item,
            item.version,
            [f.removesuffix("_id") for f in fields] + ["search_document"],
            user=user,
        )
        counts.updated += 1
    return counts
