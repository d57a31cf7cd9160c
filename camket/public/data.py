"""The public records as plain data (the public API's bodies): only the fields the portal
shows. Written out field by field, so that a field added to a model never reaches the public
by itself. Nothing here names a person, an opinion, a cluster or an internal note."""

from camket.frameworks.models import Framework, Recommendation
from camket.lib.vocabulary import SDG
from camket.plans.models import Action, Indicator


def framework_data(framework: Framework) -> dict:
    return {
        "slug": framework.slug,
        "name": framework.name,
        "name_vi": framework.name_vi,
        "kind": framework.kind,
        "cycle": framework.cycle,
        "description": framework.description,
        "starts_on": framework.starts_on,
        "ends_on": framework.ends_on,
        "levels": [
            {"name": level.name, "name_vi": level.name_vi} for level in framework.level_list()
        ],
        "item_count": getattr(framework, "item_count", None),
        "action_count": getattr(framework, "action_count", None),
    }


def _category_data(category) -> dict:
    return {"code": category.code, "name": category.name, "name_vi": category.name_vi}


def item_data(item: Recommendation) -> dict:
    """An item of a list (states and categories prefetched: see queries.with_listing_details)."""
    categories = list(item.categories.all())
    return {
        "reference": item.reference,
        "level": item.level,
        "text": item.text,
        "text_vi": item.text_vi,
        "response": item.response,
        "response_reason": item.response_reason,
        "implementation": item.implementation,
        "decided_on": item.decided_on,
        "source_document": item.source_document,
        "recommending_states": [state.name for state in item.recommending_states.all()],
        "themes": [_category_data(c) for c in categories if c.taxonomy.slug != SDG],
        "sdgs": [_category_data(c) for c in categories if c.taxonomy.slug == SDG],
    }


def _report_data(report, indicator: Indicator) -> dict:
    return {
        "period_start": report.due_date.period_start,
        "period_end": report.due_date.period_end,
        "status": report.status,
        "narrative": report.narrative,
        "indicator_value": report.indicator_value,
        "target": indicator.target,
        "files": [
            {"name": f.original_name, "size": f.size, "id": f.pk} for f in report.public_files
        ],
    }


def indicator_data(indicator: Indicator) -> dict:
    """An indicator with its public progress (see queries.attach_progress)."""
    return {
        "title": indicator.title,
        "unit": indicator.unit,
        "baseline": indicator.baseline,
        "target": indicator.target,
        "progress": [_report_data(report, indicator) for report in indicator.public_reports],
    }


def _item_reference(item: Recommendation, action: Action) -> str:
    """The reference alone for an item of the action's own framework; `slug:reference` for an
    item of another framework (two frameworks may both have an item 1.1)."""
    if item.framework_id == action.plan.framework_id:
        return item.reference
    return f"{item.framework.slug}:{item.reference}"


def action_data(action: Action) -> dict:
    """An action (lead agency, co-agencies and public items prefetched: queries.framework_actions).
    Its budget source and the reason for its status stay internal."""
    data = {
        "id": action.pk,
        "reference": action.reference,
        "title": action.title,
        "description": action.description,
        "expected_output": action.expected_output,
        "lead_agency": action.lead_agency.name,
        "co_agencies": [agency.name for agency in action.co_agencies.all()],
        "start_on": action.start_on,
        "target_on": action.target_on,
        "status": action.status,
        "plan": action.plan.title,
        "items": [_item_reference(item, action) for item in action.public_items],
    }
    if hasattr(action, "public_indicators"):
        data["indicators"] = [indicator_data(i) for i in action.public_indicators]
    return data
