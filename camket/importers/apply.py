"""Writing an import's plan (`plan.py`) in bulk, with history, inside the caller's transaction.

Everything that only reads was done while planning; here are the writes alone, so SQLite's
write lock is held as briefly as the rows allow. A record someone changed in camket between
planning and writing (its version moved, or a planned new reference now exists) makes that
framework be planned again here, inside the transaction, so nothing they did is overwritten.
"""

from django.apps import apps
from django.utils import timezone

from camket.frameworks.item_index import ITEMS
from camket.frameworks.models import Recommendation
from camket.importers.existing import CHUNK
from camket.importers.merge import baseline_of
from camket.importers.plan import FrameworkPlan, Planner, written
from camket.lib.any_of import one_of
from camket.lib.bulk import insert_history, insert_rows
from camket.lib.folding import folded_document
from camket.public.cache import portal_changed

BATCH = 1000
UPDATED_FIELDS = [
    "text",
    "text_vi",
    "state_under_review",
    "session",
    "source_document",
    "response",
    "response_reason",
    "action_category",
    "decided_by",
    "decided_on",
    "search_document",
    "imported_values",
    "version",
    "modified",
    "parent",
    "level",
]


def write_plans(
    plans: list[FrameworkPlan], planner: Planner, *, user, reason: str
) -> list[FrameworkPlan]:
    """Write every plan; returns the plans as written (re-planned where something moved)."""
    planner.flush()
    result = []
    for plan in plans:
        if _stale(plan):
            plan = planner.plan_framework(plan.framework, plan.records)
            planner.flush()
        _write(plan, planner.status, user=user, reason=reason)
        result.append(plan)
    if any(plan.new or plan.updates for plan in result):
        portal_changed()  # bulk writes send no signals: the portal would keep the old rows
        ITEMS.changed()  # nor would the lists' counts
    return result


def _stale(plan: FrameworkPlan) -> bool:
    seen = {u.recommendation.pk: u.recommendation.version for u in plan.updates}
    ids = list(seen)
    for start in range(0, len(ids), CHUNK):
        stored = Recommendation.objects.filter(
            **one_of("pk", ids[start : start + CHUNK])
        ).values_list("pk", "version")
        if any(seen[pk] != version for pk, version in stored):
            return True
    references = [row.reference for row in plan.new]
    for start in range(0, len(references), CHUNK):
        if Recommendation.objects.filter(
            framework_id=plan.framework.pk, **one_of("reference", references[start : start + CHUNK])
        ).exists():
            return True
    return False


def _write(plan: FrameworkPlan, status: str, *, user, reason: str) -> None:
    now = timezone.now()
    state_links, category_links, dropped = [], [], []
    created = _create(plan, status, now)
    plan.created_ids = [record["id"] for record in created]
    for record, row in zip(created, plan.new, strict=True):
        state_links.append((record["id"], [s.pk for s in row.states]))
        category_links.append((record["id"], [c.pk for c in row.categories]))
    visible, silent = [], []
    for update in plan.updates:
        recommendation, merged = update.recommendation, update.merged
        for key, value in written(merged.fields).items():
            setattr(recommendation, key, value)
        if merged.clear_decision:
            recommendation.decided_by, recommendation.decided_on = None, None
        recommendation.search_document = folded_document(
            recommendation.reference,
            recommendation.text,
            recommendation.text_vi,
            " ".join(update.final_state_names),
        )
        recommendation.imported_values = baseline_of(
            written(update.wanted), update.states, update.categories
        )
        if update.visible:
            recommendation.version += 1
            recommendation.modified = now  # bulk updates skip auto_now
            visible.append(recommendation)
        else:
            silent.append(recommendation)
        state_links.append((recommendation.pk, [s.pk for s in merged.add_states]))
        category_links.append((recommendation.pk, [c.pk for c in merged.add_categories]))
        if merged.drop_states:
            dropped.append((recommendation.pk, merged.drop_states))
    Recommendation.objects.bulk_update(visible, UPDATED_FIELDS, batch_size=BATCH)
    Recommendation.objects.bulk_update(
        silent, ["search_document", "imported_values"], batch_size=BATCH
    )
    added = _change_links(state_links, category_links, dropped, set(plan.created_ids))
    history = {
        "user_id": user.pk if _is_person(user) else None,
        "reason": reason,
        "date": now,
    }
    fields = [field.attname for field in Recommendation._meta.concrete_fields]
    history_ids = {
        **insert_history(Recommendation, created, history_type="+", **history),
        **insert_history(
            Recommendation,
            ({name: getattr(r, name) for name in fields} for r in visible),
            history_type="~",
            **history,
        ),
    }
    _record_links_in_history(history_ids, added, set(plan.created_ids))


def _create(plan: FrameworkPlan, status: str, now) -> list[dict]:
    """Insert the plan's new items, parents before their children (a child's parent id is
    known when it is written); returns each one's column values, its id included, in the
    order of `plan.new`."""
    defaults = {
        field.attname: field.get_default()
        for field in Recommendation._meta.concrete_fields
        if not field.primary_key
    }
    records = [_new_record(plan, row, status, now, defaults) for row in plan.new]
    columns = list(defaults)
    for level in sorted({record["level"] for record in records}):
        layer = [(r, row) for r, row in zip(records, plan.new, strict=True) if r["level"] == level]
        for record, row in layer:  # a parent written in an earlier layer has its id now
            values = written(row.wanted)
            record["parent_id"] = values.get("parent_id")
            record["imported_values"] = baseline_of(values, row.states, row.categories)
        ids = dict(
            insert_rows(
                Recommendation,
                columns,
                ([record[name] for name in columns] for record, _ in layer),
                returning=["reference", "id"],
            )
        )
        for record, _ in layer:
            record["id"] = ids[record["reference"]]
        plan.parents.written(ids)
    return records


def _new_record(plan: FrameworkPlan, row, status: str, now, defaults: dict) -> dict:
    values = written(row.wanted)  # a parent new in this file has no id yet: see _create
    return {
        **defaults,
        **values,
        "framework_id": plan.framework.pk,
        "reference": row.reference,
        "status": status,
        "search_document": folded_document(
            row.reference,
            values["text"],
            values.get("text_vi", ""),
            " ".join(s.name for s in row.states),
        ),
        "created": now,
        "modified": now,
    }


def _is_person(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _change_links(
    state_links, category_links, dropped, created: set[int]
) -> dict[str, list[tuple]]:
    """Add and drop links; returns the rows added, (id, item id, state or category id), by
    the items' field."""
    state_link = Recommendation.recommending_states.through
    category_link = Recommendation.categories.through
    for recommendation_id, state_ids in dropped:
        state_link.objects.filter(
            recommendation_id=recommendation_id, state_id__in=state_ids
        ).delete()
    added = {}
    for field, model, target, links in (
        ("recommending_states", state_link, "state_id", state_links),
        ("categories", category_link, "category_id", category_links),
    ):
        added[field] = []
        for rows, may_exist in _by_novelty(links, created):
            added[field] += insert_rows(
                model,
                ["recommendation_id", target],
                rows,
                ignore_conflicts=may_exist,
                returning=["id", "recommendation_id", target],
            )
    return added


def _by_novelty(links, created: set[int]) -> list[tuple[list[tuple], bool]]:
    """The links of items created by this import (none can exist yet: they are written without
    a conflict check, which PostgreSQL makes per row; a link named twice is written once), then
    the others'."""
    new = list(dict.fromkeys((r, t) for r, ids in links if r in created for t in ids))
    others = [(r, t) for r, ids in links if r not in created for t in ids]
    return [(new, False), (others, True)]


def _record_links_in_history(history_of: dict[int, int], added, created: set[int]) -> None:
    """Bulk history rows record no many-to-many links by themselves: without these, the next
    entry in a history would show every state and category as removed, or added.
    `history_of`: each item's new history row, by the item's id; the links of the items just
    `created` are all among those `added` (see _change_links): others' are read."""
    changed = [pk for pk in history_of if pk not in created]
    for field, target in (("recommending_states", "state_id"), ("categories", "category_id")):
        through = getattr(Recommendation, field).through
        historical = apps.get_model("frameworks", f"HistoricalRecommendation_{field}")
        links = [row for row in added[field] if row[1] in created]
        for start in range(0, len(changed), CHUNK):
            links += through.objects.filter(
                **one_of("recommendation_id", changed[start : start + CHUNK])
            ).values_list("id", "recommendation_id", target)
        insert_rows(
            historical,
            ["id", "recommendation_id", target, "history_id"],
            [(pk, rec, value, history_of[rec]) for pk, rec, value in links if rec in history_of],
        )
