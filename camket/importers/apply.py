"""Writing an import's plan (`plan.py`) in bulk, with history, inside the caller's transaction.

Everything that only reads was done while planning; here are the writes alone, so SQLite's
write lock is held as briefly as the rows allow. A record someone changed in camket between
planning and writing (its version moved, or a planned new reference now exists) makes that
framework be planned again here, inside the transaction, so nothing they did is overwritten.
"""

from django.apps import apps
from django.db import connection
from django.utils import timezone

from camket.frameworks.item_index import ITEMS
from camket.frameworks.models import Recommendation
from camket.importers.merge import baseline_of
from camket.importers.plan import CHUNK, FrameworkPlan, Planner, written
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
        stored = Recommendation.objects.filter(pk__in=ids[start : start + CHUNK]).values_list(
            "pk", "version"
        )
        if any(seen[pk] != version for pk, version in stored):
            return True
    references = [row.reference for row in plan.new]
    for start in range(0, len(references), CHUNK):
        if Recommendation.objects.filter(
            framework_id=plan.framework.pk, reference__in=references[start : start + CHUNK]
        ).exists():
            return True
    return False


def _write(plan: FrameworkPlan, status: str, *, user, reason: str) -> None:
    now = timezone.now()
    state_links, category_links, dropped = [], [], []
    created, new_rows = [], sorted(plan.new, key=lambda row: row.wanted.get("level", 0))
    for level in sorted({row.wanted.get("level", 0) for row in new_rows}):
        # parents before their children: a child's parent id is known when it is written
        layer = [
            _new_recommendation(plan, row, status)
            for row in new_rows
            if row.wanted.get("level", 0) == level
        ]
        Recommendation.objects.bulk_create(layer, batch_size=BATCH)
        plan.parents.written(layer)
        created += layer
    for recommendation, row in zip(created, new_rows, strict=True):
        state_links.append((recommendation.pk, [s.pk for s in row.states]))
        category_links.append((recommendation.pk, [c.pk for c in row.categories]))
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
    _change_links(state_links, category_links, dropped)
    history = Recommendation.history
    options = {
        "batch_size": BATCH,
        "default_user": user if _is_person(user) else None,
        "default_change_reason": reason,
        "default_date": now,
    }
    rows = [
        *history.bulk_history_create(created, **options),
        *history.bulk_history_create(visible, update=True, **options),
    ]
    _record_links_in_history(rows)


def _new_recommendation(plan: FrameworkPlan, row, status: str) -> Recommendation:
    values = written(row.wanted)
    return Recommendation(
        framework=plan.framework,
        reference=row.reference,
        status=status,
        search_document=folded_document(
            row.reference,
            values["text"],
            values.get("text_vi", ""),
            " ".join(s.name for s in row.states),
        ),
        imported_values=baseline_of(values, row.states, row.categories),
        **values,
    )


def _is_person(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def _change_links(state_links, category_links, dropped) -> None:
    state_link = Recommendation.recommending_states.through
    category_link = Recommendation.categories.through
    for recommendation_id, state_ids in dropped:
        state_link.objects.filter(
            recommendation_id=recommendation_id, state_id__in=state_ids
        ).delete()
    _insert(
        state_link,
        ["recommendation_id", "state_id"],
        [(r, s) for r, ids in state_links for s in ids],
        ignore_conflicts=True,
    )
    _insert(
        category_link,
        ["recommendation_id", "category_id"],
        [(r, c) for r, ids in category_links for c in ids],
        ignore_conflicts=True,
    )


def _insert(model, columns: list[str], rows: list[tuple], *, ignore_conflicts=False) -> None:
    """Plain multi-row INSERTs for the link tables: Django's bulk_create spends most of the
    write lock preparing tens of thousands of two-integer rows one value at a time."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    conflict = " ON CONFLICT DO NOTHING" if ignore_conflicts else ""
    per_statement = max(1, min(BATCH, 900 // len(columns)))  # SQLite's variable limit
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(chunk))
            sql = f"INSERT INTO {table} ({names}) VALUES {values}{conflict}"  # noqa: S608
            cursor.execute(sql, [value for row in chunk for value in row])  # names: model meta


def _record_links_in_history(rows) -> None:
    """Bulk history rows record no many-to-many links by themselves: without these, the next
    entry in a history would show every state and category as removed, or added."""
    history_of = {row.id: row.history_id for row in rows}
    ids = list(history_of)
    for field, target in (("recommending_states", "state_id"), ("categories", "category_id")):
        through = getattr(Recommendation, field).through
        historical = apps.get_model("frameworks", f"HistoricalRecommendation_{field}")
        for start in range(0, len(ids), CHUNK):
            links = through.objects.filter(
                recommendation_id__in=ids[start : start + CHUNK]
            ).values_list("id", "recommendation_id", target)
            _insert(
                historical,
                ["id", "recommendation_id", target, "history_id"],
                [(pk, rec, value, history_of[rec]) for pk, rec, value in links],
            )
