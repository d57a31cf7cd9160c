"""What a round trip must give back: a framework's fields and every item's, comparable."""

from camket.frameworks.models import Framework, Recommendation


def framework_snapshot(slug: str) -> dict:
    framework = Framework.objects.get(slug=slug)
    return {
        "slug": framework.slug,
        "name": framework.name,
        "name_vi": framework.name_vi,
        "kind": framework.kind,
        "cycle": framework.cycle,
        "state_under_review": str(framework.state_under_review or ""),
        "levels": framework.levels,
        "has_response": framework.has_response,
        "has_recommending_states": framework.has_recommending_states,
        "has_indicators": framework.has_indicators,
        "starts_on": framework.starts_on,
        "ends_on": framework.ends_on,
        "description": framework.description,
        "taxonomies": sorted(framework.taxonomies.values_list("slug", flat=True)),
    }


def items_snapshot(slug: str) -> dict[str, dict]:
    items = Recommendation.objects.filter(framework__slug=slug).select_related(
        "parent", "state_under_review"
    )
    states_link = Recommendation.recommending_states.through.objects
    return {
        item.reference: {
            "text": item.text,
            "text_vi": item.text_vi,
            "response": item.response,
            "response_reason": item.response_reason,
            "session": item.session,
            "source_document": item.source_document,
            "action_category": item.action_category,
            "parent": item.parent.reference if item.parent else None,
            "level": item.level,
            "state_under_review": str(item.state_under_review or ""),
            "recommending_states": [
                link.state.name
                for link in states_link.filter(recommendation=item)
                .select_related("state")
                .order_by("id")
            ],
            "categories": sorted(
                (c.taxonomy.slug, c.code, c.name)
                for c in item.categories.select_related("taxonomy")
            ),
        }
        for item in items
    }
