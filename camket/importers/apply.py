"""Writing parsed records in bulk, with history, matched on framework + reference."""

from collections import defaultdict
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.states import StateResolver
from camket.frameworks.taxonomies import SDG, CategoryResolver, ensure_builtin_taxonomies
from camket.importers.records import AFFECTED_PERSONS, ParsedRecommendation, ParseResult, RowError
from camket.lib.folding import folded_document

COMPARED_FIELDS = (
    "text",
    "text_vi",
    "state_under_review_id",
    "session",
    "source_document",
    "response",
    "response_reason",
    "action_category",
)
BATCH = 1000
UPR_CYCLE_YEARS = {1: (2008, 2011), 2: (2012, 2016), 3: (2017, 2022), 4: (2022, 2027)}


class RecordWriter:
    def __init__(self, *, user, status, reason, progress=None):
        self.user = user if getattr(user, "is_authenticated", False) else None
        self.status = status
        self.reason = reason
        self.progress = progress
        self.states = StateResolver()
        self.categories = CategoryResolver()
        self.framework_slugs: set[str] = set()
        self.warnings: list[RowError] = []
        self._frameworks: dict[str, Framework] = {}

    def write(self, parsed: ParseResult, *, framework: Framework | None) -> tuple[int, int, int]:
        ensure_builtin_taxonomies()
        by_framework: dict[Framework, list[ParsedRecommendation]] = defaultdict(list)
        for record in parsed.records:
            by_framework[self._framework_for(record, parsed, framework)].append(record)
        totals = [0, 0, 0]
        for target, records in by_framework.items():
            self.framework_slugs.add(target.slug)
            for index, count in enumerate(self._write_framework(target, records)):
                totals[index] += count
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
            self.warnings.append(
                RowError(
                    None,
                    None,
                    _("New category “%(label)s” added to %(taxonomy)s.")
                    % {"label": label, "taxonomy": slug},
                )
            )
        return totals[0], totals[1], totals[2]

    def _framework_for(self, record, parsed, framework) -> Framework:
        if framework is not None:
            return framework
        hint = parsed.framework_hint
        if hint is not None:
            key = hint.slug
            defaults = {
                "name": hint.name,
                "kind": hint.kind,
                "cycle": hint.cycle,
                "state_under_review": self.states.resolve(hint.state_under_review),
            }
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
            self._frameworks[key], _ = Framework.objects.get_or_create(slug=key, defaults=defaults)
        return self._frameworks[key]

    def _wanted(self, framework, record: ParsedRecommendation) -> tuple[dict, set, set, str]:
        states = [self.states.resolve(name) for name in record.recommending_states]
        state_ids = {s.pk for s in states if s is not None}
        fields = {
            "text": record.text,
            "state_under_review_id": getattr(
                self.states.resolve(record.state_under_review), "pk", None
            )
            or framework.state_under_review_id,
            "session": record.session,
            "source_document": record.source_document[:200],
            "action_category": record.action_category,
        }
        if record.text_vi:
            fields["text_vi"] = record.text_vi
        if record.response:
            fields["response"] = record.response
            fields["response_reason"] = record.response_reason
        labels = [
            *record.themes,
            *((AFFECTED_PERSONS, p) for p in record.affected_persons),
            *((SDG, code) for code in record.sdgs),
        ]
        category_ids = set()
        for slug, label in labels:
            category = self.categories.resolve(slug, label)
            if category is None:
                self.warnings.append(
                    RowError(record.row, None, _("Unknown SDG “%(label)s”.") % {"label": label})
                )
            else:
                category_ids.add(category.pk)
        names = " ".join(s.name for s in states if s is not None)
        return fields, state_ids, category_ids, names

    def _write_framework(self, framework, records) -> tuple[int, int, int]:
        existing = {r.reference: r for r in Recommendation.objects.filter(framework=framework)}
        current_states, current_categories = _current_links(existing.values())
        new, changed, links = [], [], []
        unchanged = 0
        for position, record in enumerate(records, start=1):
            fields, state_ids, category_ids, names = self._wanted(framework, record)
            found = existing.get(record.reference)
            text_vi = fields.get("text_vi") or (found.text_vi if found else "")
            fields["search_document"] = folded_document(
                record.reference, record.text, text_vi, names
            )
            if found is None:
                new.append(
                    Recommendation(
                        framework=framework,
                        reference=record.reference,
                        status=self.status,
                        **fields,
                    )
                )
                links.append((new[-1], state_ids, category_ids))
            else:
                differs = [k for k, v in fields.items() if getattr(found, k) != v]
                old_states = current_states.get(found.pk, set())
                old_categories = current_categories.get(found.pk, set())
                add_states = state_ids - old_states if state_ids else set()
                drop_states = old_states - state_ids if state_ids else set()
                add_categories = category_ids - old_categories
                if differs or add_states or drop_states or add_categories:
                    for key in differs:
                        setattr(found, key, fields[key])
                    found.version += 1
                    changed.append(found)
                    links.append((found, add_states, add_categories))
                    if drop_states:
                        Recommendation.recommending_states.through.objects.filter(
                            recommendation_id=found.pk, state_id__in=drop_states
                        ).delete()
                else:
                    unchanged += 1
            if self.progress and position % 500 == 0:
                self.progress(500)
        if self.progress:
            self.progress(len(records) % 500)
        history = {"default_user": self.user, "default_change_reason": self.reason}
        if new:
            bulk_create_with_history(new, Recommendation, batch_size=BATCH, **history)
        if changed:
            now = timezone.now()
            for recommendation in changed:
                recommendation.modified = now  # bulk updates skip auto_now
            bulk_update_with_history(
                changed,
                Recommendation,
                [*COMPARED_FIELDS, "search_document", "version", "modified"],
                batch_size=BATCH,
                **history,
            )
        _add_links(links)
        return len(new), len(changed), unchanged


def _current_links(recommendations) -> tuple[dict[int, set], dict[int, set]]:
    ids = [r.pk for r in recommendations]
    states, categories = defaultdict(set), defaultdict(set)
    through_states = Recommendation.recommending_states.through.objects
    through_categories = Recommendation.categories.through.objects
    for start in range(0, len(ids), 5000):
        chunk = ids[start : start + 5000]
        for rec_id, state_id in through_states.filter(recommendation_id__in=chunk).values_list(
            "recommendation_id", "state_id"
        ):
            states[rec_id].add(state_id)
        for rec_id, cat_id in through_categories.filter(recommendation_id__in=chunk).values_list(
            "recommendation_id", "category_id"
        ):
            categories[rec_id].add(cat_id)
    return states, categories


def _add_links(links) -> None:
    state_link = Recommendation.recommending_states.through
    category_link = Recommendation.categories.through
    state_rows, category_rows = [], []
    for recommendation, state_ids, category_ids in links:
        state_rows += [
            state_link(recommendation_id=recommendation.pk, state_id=s) for s in state_ids
        ]
        category_rows += [
            category_link(recommendation_id=recommendation.pk, category_id=c) for c in category_ids
        ]
    state_link.objects.bulk_create(state_rows, batch_size=BATCH, ignore_conflicts=True)
    category_link.objects.bulk_create(category_rows, batch_size=BATCH, ignore_conflicts=True)
