"""What camket installs from its shipped data files (instrument catalogue, glossary) and what
people changed since: decided field by field from the object's history."""

from django.db.models import Model


def written_by_installer(obj: Model, name: str, history: list, install_reason: str) -> bool:
    """Whether the installer may write this field: the version that gave it its present value
    is the installer's (`install_reason` is its history change reason). A person's edit stays,
    even one the installer saved again alongside its own changes, or one made without history;
    a field left empty on an object the installer never wrote is filled. `history` is newest
    first."""
    value = getattr(obj, name)
    if not history or getattr(history[0], name) != value:
        return False
    introduced_by = history[0]
    for record in history[1:]:
        if getattr(record, name) != value:
            break
        introduced_by = record
    if introduced_by.history_change_reason == install_reason:
        return True
    never_installed = all(r.history_change_reason != install_reason for r in history)
    return never_installed and value in ("", None)
