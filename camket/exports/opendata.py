"""The JSON export: an envelope naming its schema and version, the framework, then its items.

Field names follow the UN's where they exist (OHCHR's UPR and Universal Human Rights Index
wording: recommending states, state under review, session, response/position, themes,
affected persons, SDGs, document symbol); see docs/open-data.md and schema/*.json.
"""

import json
from importlib import resources

from django.utils import timezone

from camket.exports.gather import Gathered
from camket.lib.vocabulary import AFFECTED_PERSONS

SCHEMA_NAME = "camket-recommendations"
SCHEMA_VERSION = "1.0"
SCHEMA_FILE = "recommendations-1.json"
# Fields every item has, whatever columns were chosen (the schema requires them)
REQUIRED = ("reference", "text", "response", "themes", "sdgs")


def schema_text() -> str:
    return resources.files("camket.exports").joinpath("schema", SCHEMA_FILE).read_text("utf-8")


def framework_metadata(framework) -> dict:
    return {
        "slug": framework.slug,
        "name": framework.name,
        "name_vi": framework.name_vi,
        "kind": framework.kind,
        "cycle": framework.cycle,
        "state_under_review": (
            framework.state_under_review.name if framework.state_under_review else None
        ),
        "levels": [level.key for level in framework.level_list()],
        "has_levels": len(framework.level_list()) > 1,
        "starts_on": framework.starts_on.isoformat() if framework.starts_on else None,
        "ends_on": framework.ends_on.isoformat() if framework.ends_on else None,
    }


def _category(category) -> dict:
    return {
        "taxonomy": category.taxonomy.slug,
        "code": category.code or None,
        "name": category.name,
        "name_vi": category.name_vi or None,
    }


def item_record(item, gathered: Gathered, keys: set[str], with_parent: bool) -> dict:
    """One item as open data; `keys`: the optional fields chosen (column keys)."""
    themes = gathered.themes_of(item)
    record = {
        "reference": item.reference,
        "text": item.text,
        "response": item.response or None,
        "themes": [_category(c) for c in themes if c.taxonomy.slug != AFFECTED_PERSONS],
        "sdgs": [c.code for c in gathered.sdgs_of(item)],
    }
    if with_parent:
        record["parent"] = gathered.parent_reference(item) or None
        record["level"] = item.framework.level_list()[
            min(item.level, len(item.framework.level_list()) - 1)
        ].key
    optional = {
        "framework": lambda: item.framework.slug,
        "text_vi": lambda: item.text_vi or None,
        "recommending_states": lambda: [s.name for s in gathered.states_of(item)],
        "state_under_review": lambda: (
            item.state_under_review.name if item.state_under_review else None
        ),
        "session": lambda: item.session,
        "response_reason": lambda: item.response_reason or None,
        "decided_on": lambda: item.decided_on.isoformat() if item.decided_on else None,
        "action_category": lambda: item.action_category,
        "affected_persons": lambda: [
            _category(c) for c in themes if c.taxonomy.slug == AFFECTED_PERSONS
        ],
        "implementation": lambda: item.implementation or None,
        "status": lambda: item.status,
        "document_symbol": lambda: item.source_document or None,
        "actions": lambda: list(gathered.actions.get(item.pk, [])),
    }
    aliases = {"themes": "affected_persons", "source_document": "document_symbol"}
    for key in keys:
        field = aliases.get(key, key)
        if field in optional:
            record[field] = optional[field]()
    return record


def json_document(framework, gathered: Gathered, keys: list[str]) -> bytes:
    with_parent = (
        len(framework.level_list()) > 1
        if framework
        else any(gathered.parent_of(item) for item in gathered.items)
    )
    chosen = set(keys)
    envelope = {
        "schema": SCHEMA_NAME,
        "schema_version": SCHEMA_VERSION,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "framework": framework_metadata(framework) if framework else None,
        "items": [item_record(item, gathered, chosen, with_parent) for item in gathered.items],
    }
    return json.dumps(envelope, ensure_ascii=False, indent=1).encode("utf-8")
