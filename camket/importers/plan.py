"""What an import would do, worked out by reading only: no write lock is taken here.

The plan says, per framework, which recommendations are new, which change (field, old value,
new value) and which values people changed in camket are kept. `apply.write_plans` then
writes it inside one short transaction.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _

from camket.frameworks.models import Framework, Recommendation, State, Taxonomy
from camket.frameworks.states import StateResolver
from camket.frameworks.taxonomies import (
    BUILTIN_TAXONOMIES,
    SDG,
    CategoryResolver,
    ensure_builtin_taxonomies,
)
from camket.importers.existing import current_links, legacy_baselines
from camket.importers.merge import CATEGORIES, STATES, Merge, baseline_of, merge
from camket.importers.records import AFFECTED_PERSONS, ParsedRecommendation, ParseResult, RowError
from camket.importers.tree import ParentResolver, PendingItem, place
from camket.lib.folding import folded_document

UPR_CYCLE_YEARS = {1: (2008, 2011), 2: (2012, 2016), 3: (2017, 2022), 4: (2022, 2027)}


@dataclass
class RecordChange:
    """One existing recommendation the import changes, or where it keeps camket's values."""

    reference: str
    framework: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # field, old, new
    kept: list[tuple[str, str, str]] = field(default_factory=list)  # field, camket, file


@dataclass
class NewRow:
    reference: str
    states: list
    categories: list
    wanted: dict  # a state under review not saved yet is its State object until written


@dataclass
class Update:
    recommendation: Recommendation
    merged: Merge
    states: list
    categories: list
    wanted: dict
    final_state_names: list[str]
    visible: bool  # False: only what the import remembers (or the search text) changes


@dataclass
class FrameworkPlan:
    framework: Framework  # not saved yet when the import creates it
    records: list[ParsedRecommendation]
    new: list[NewRow] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    unchanged: int = 0
    report: list[RecordChange] = field(default_factory=list)
    parents: ParentResolver | None = None
    created_ids: list[int] = field(default_factory=list)  # once written


class Planner:
    def __init__(self, *, status: str, overwrite: bool = False, progress=None):
        self.status = status
        self.overwrite = overwrite
        self.progress = progress
        self.states = StateResolver(defer=True)
        self.categories = CategoryResolver(defer=True)
        self.warnings: list[RowError] = []
        self.errors: list[RowError] = []  # the tree the file makes cannot be: nothing is planned
        self._frameworks: dict[str, Framework] = {}
        self._state_names: dict[int, str] | None = None
        self._taxonomies_of: dict[str, list[str]] = {}  # a new framework's, by its slug
        self._invalid: set[str] = set()  # new frameworks that failed cleaning: never saved

    def plan(self, parsed: ParseResult, framework: Framework | None) -> list[FrameworkPlan]:
        if Taxonomy.objects.filter(slug__in=[t[0] for t in BUILTIN_TAXONOMIES]).count() < len(
            BUILTIN_TAXONOMIES
        ):
            ensure_builtin_taxonomies()  # normally installed by migrate; idempotent
        if parsed.framework_hint is not None:
            self.categories.declare(parsed.framework_hint.taxonomies)
        by_framework: dict[str, list[ParsedRecommendation]] = defaultdict(list)
        for record in parsed.records:
            by_framework[self._framework_for(record, parsed, framework).slug].append(record)
        if self.errors:  # a framework the file describes cannot be made
            return []
        if parsed.tree_columns:
            for slug, records in by_framework.items():
                self.errors += place(records, self._frameworks[slug], parsed.columns)
            if self.errors:
                return []
        plans = [
            self.plan_framework(self._frameworks[slug], records)
            for slug, records in by_framework.items()
        ]
        for name in sorted(self.states.unresolved):
            self.warnings.append(
                RowError(
                    None,
                    None,
                    _("“%(name)s” is not a known state name; it was kept as written.")
                    % {"name": name},
                )
            )
        for slug, label in self.categories.created:
            if slug in self.categories.brought:  # a taxonomy the file itself brings
                message = _("New category “%(label)s” added to %(taxonomy)s.")
            else:
                message = _(
                    "New category “%(label)s” added to %(taxonomy)s: it matches none "
                    "of its categories and waits for a coordinator to map it."
                )
            self.warnings.append(RowError(None, None, message % {"label": label, "taxonomy": slug}))
        return plans

    def flush(self) -> None:
        """Save what planning found missing (frameworks, states, categories): inside the write."""
        self.states.flush()
        self.categories.flush()
        for framework in self._frameworks.values():
            if framework.pk is None and framework.slug not in self._invalid:
                found = Framework.objects.filter(slug=framework.slug).first()
                if found is not None:
                    framework.pk = found.pk
                else:
                    framework.save()
                    slugs = self._taxonomies_of.get(framework.slug)
                    if slugs:
                        framework.taxonomies.set(Taxonomy.objects.filter(slug__in=slugs))

    def _framework_for(self, record, parsed, framework) -> Framework:
        if framework is not None:
            self._frameworks.setdefault(framework.slug, framework)
            return framework
        hint = parsed.framework_hint
        if hint is not None:
            key = hint.slug
            defaults = {
                "name": hint.name,
                "kind": hint.kind,
                "cycle": hint.cycle,
                "state_under_review": self.states.resolve(hint.state_under_review),
                **hint.extra,
            }
            self._taxonomies_of.setdefault(key, hint.framework_taxonomies)
        else:
            key = f"upr-cycle-{record.cycle}"
            years = UPR_CYCLE_YEARS.get(record.cycle)
            defaults = {
                "name": f"UPR cycle {record.cycle}",
                "kind": Framework.Kind.UPR_CYCLE,
                "cycle": record.cycle,
                "starts_on": date(years[0], 1, 1) if years else None,
                "ends_on": date(years[1], 12, 31) if years else None,
            }
        if key not in self._frameworks:
            found = Framework.objects.filter(slug=key).first()
            if found is None:
                found = Framework(slug=key, **defaults)
                self._check_new(found)
            self._frameworks[key] = found
        return self._frameworks[key]

    def _check_new(self, framework: Framework) -> None:
        """A framework the import would create must be one a person could have entered."""
        try:
            framework.full_clean(exclude=["state_under_review"])  # may be saved in flush()
        except ValidationError as error:
            self._invalid.add(framework.slug)
            for name, messages in error.message_dict.items():
                column = (
                    str(Framework._meta.get_field(name).verbose_name)
                    if name != NON_FIELD_ERRORS
                    else None
                )
                self.errors += [
                    RowError(
                        None,
                        column,
                        _("The framework “%(slug)s”: %(message)s")
                        % {"slug": framework.slug, "message": message},
                    )
                    for message in messages
                ]

    def _wanted(
        self, framework, record: ParsedRecommendation, parents: ParentResolver
    ) -> tuple[dict, list, list]:
        states = [s for s in (self.states.resolve(n) for n in record.recommending_states) if s]
        under_review = self.states.resolve(record.state_under_review)
        fields = {
            "text": record.text,
            "state_under_review_id": saved_or_pending(under_review or framework.state_under_review),
            "session": record.session,
            "source_document": record.source_document[:200],
            "action_category": record.action_category,
        }
        if record.text_vi:
            fields["text_vi"] = record.text_vi
        if record.tree_level is not None:  # the file says where the item sits in the tree
            fields["parent_id"] = parents.resolve(record.parent)
            fields["level"] = record.tree_level
        if record.response:
            fields["response"] = record.response
            fields["response_reason"] = record.response_reason
        labels = [
            *record.themes,
            *((AFFECTED_PERSONS, p) for p in record.affected_persons),
            *((SDG, code) for code in record.sdgs),
        ]
        categories = []
        for slug, label in labels:
            category = self.categories.resolve(slug, label)
            if category is None:
                self.warnings.append(
                    RowError(record.row, None, _("Unknown SDG “%(label)s”.") % {"label": label})
                )
            else:
                categories.append(category)
        return fields, _unique(states), _unique(categories)

    def plan_framework(self, framework: Framework, records) -> FrameworkPlan:
        existing = (
            {r.reference: r for r in Recommendation.objects.filter(framework=framework)}
            if framework.pk
            else {}
        )
        plan = FrameworkPlan(framework=framework, records=records, parents=ParentResolver(existing))
        current_states, current_categories = current_links(existing.values())
        legacy = legacy_baselines([r for r in existing.values() if not r.imported_values])
        for position, record in enumerate(records, start=1):
            wanted, states, categories = self._wanted(framework, record, plan.parents)
            found = existing.get(record.reference)
            if found is None:
                plan.new.append(NewRow(record.reference, states, categories, wanted))
            else:
                self._plan_update(
                    plan,
                    found,
                    wanted,
                    states,
                    categories,
                    current_states.get(found.pk, set()),
                    current_categories.get(found.pk, set()),
                    found.imported_values or legacy.get(found.pk),
                )
            if self.progress and position % 500 == 0:
                self.progress(500)
        if self.progress:
            self.progress(len(records) % 500)
        return plan

    def _plan_update(
        self, plan, found, wanted, states, categories, cur_states, cur_categories, baseline
    ) -> None:
        if baseline is not None and "level" in wanted:
            # imported before the file said where it sits: then it sat at the top
            baseline = {"parent_id": None, "level": 0, **baseline}
        merged = merge(
            found,
            wanted,
            states,
            categories,
            cur_states,
            cur_categories,
            baseline,
            overwrite=self.overwrite,
        )
        final_ids = (cur_states - merged.drop_states) | {s.pk for s in merged.add_states if s.pk}
        names = sorted(
            {self.state_name(pk) for pk in final_ids}
            | {s.name for s in merged.add_states if s.pk is None}
        )
        text = merged.fields.get("text", found.text)
        text_vi = merged.fields.get("text_vi", found.text_vi)
        document = folded_document(found.reference, text, text_vi, " ".join(names))
        silent = document != found.search_document or found.imported_values != baseline_of(
            wanted, states, categories
        )
        if merged.changes_anything or silent:
            plan.updates.append(
                Update(
                    found,
                    merged,
                    states,
                    categories,
                    wanted,
                    names,
                    visible=merged.changes_anything,
                )
            )
        if not merged.changes_anything:
            plan.unchanged += 1
        if merged.changes_anything or merged.kept:
            plan.report.append(
                self._describe(plan.framework.slug, found, merged, cur_states, names)
            )

    def state_name(self, pk) -> str:
        if self._state_names is None:
            self._state_names = dict(State.objects.values_list("pk", "name"))
        if pk not in self._state_names:
            self._state_names.update(State.objects.filter(pk=pk).values_list("pk", "name"))
        return self._state_names.get(pk, f"#{pk}")

    def _describe(self, slug, found, merged: Merge, cur_states, final_names) -> RecordChange:
        change = RecordChange(reference=found.reference, framework=slug)
        for key, value in merged.fields.items():
            change.changes.append(
                (label(key), self.show(key, getattr(found, key)), self.show(key, value))
            )
        if merged.clear_decision:
            change.changes.append((label("decided_by"), str(found.decided_by or ""), "—"))
        if merged.add_states or merged.drop_states:
            old = ", ".join(sorted(self.state_name(pk) for pk in cur_states)) or "—"
            change.changes.append((label(STATES), old, ", ".join(final_names) or "—"))
        if merged.add_categories:
            change.changes.append(
                (label(CATEGORIES), "", "+ " + "; ".join(str(c) for c in merged.add_categories))
            )
        for key, current, value in merged.kept:
            change.kept.append((label(key), self.show(key, current), self.show(key, value)))
        return change

    def show(self, key: str, value) -> str:
        """A value as a person reads it in the preview."""
        if value is None or value == "" or value == []:
            return "—"
        if key == STATES:  # ids, or State objects (maybe not saved yet)
            return ", ".join(
                sorted(v.name if isinstance(v, State) else self.state_name(v) for v in value)
            )
        if key == "state_under_review_id":
            return value.name if isinstance(value, State) else self.state_name(value)
        if key == "parent_id":
            return (
                value.reference
                if isinstance(value, PendingItem)
                else (
                    Recommendation.objects.filter(pk=value)
                    .values_list("reference", flat=True)
                    .first()
                    or f"#{value}"
                )
            )
        model_field = _field(key)
        if model_field is not None and model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        return str(value)


def _unique(objects: list) -> list:
    """Without repeats, by identity (objects not saved yet cannot be hashed)."""
    return list({id(o): o for o in objects}.values())


def saved_or_pending(state: State | None):
    """A state's id, or the State itself while it is not saved (see `written`)."""
    if state is None:
        return None
    return state.pk if state.pk else state


def written(values: dict) -> dict:
    """`values` with states and parents saved since planning replaced by their ids."""
    saved = (State, PendingItem)  # a tuple: isinstance with a union type is slower
    return {k: (v.pk if isinstance(v, saved) else v) for k, v in values.items()}


def _field(key: str):
    name = {
        "state_under_review_id": "state_under_review",
        STATES: "recommending_states",
        "parent_id": "parent",
    }.get(key, key)
    try:
        return Recommendation._meta.get_field(name)
    except Exception:  # noqa: BLE001 — a key that is no model field is shown as written
        return None


def label(key: str) -> str:
    model_field = _field(key)
    return str(model_field.verbose_name) if model_field is not None else key
