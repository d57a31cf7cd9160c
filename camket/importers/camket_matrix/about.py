"""The "About this file" table of a camket matrix, read and checked: its values become a framework
and taxonomies, so a value camket would not have written (a slug with a space, a date that is
none, levels that are not a list) is an error naming its key, never a stored value or a 500."""

from __future__ import annotations

import json
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.translation import gettext as _

from camket.frameworks.kinds import levels_from
from camket.frameworks.models import Framework, State, Taxonomy
from camket.importers.records import FrameworkHint, RowError

MAX_CYCLE = 32767  # a PositiveSmallIntegerField


class About:
    """The table's values by key; `errors` gathers what is wrong with them."""

    def __init__(self, values: dict[str, str]):
        self.values = values
        self.errors: list[RowError] = []

    def error(self, key: str, message: str) -> None:
        self.errors.append(RowError(None, f"{_('About this file')}: {key}", message))

    def text(self, key: str, *, max_length: int | None = None, required: bool = False) -> str:
        value = (self.values.get(key) or "").strip()
        if required and not value:
            self.error(key, _("This value is missing."))
        elif max_length is not None and len(value) > max_length:
            self.error(
                key, _("This value is longer than %(max)d characters.") % {"max": max_length}
            )
        return value

    def json(self, key: str, default):
        raw = (self.values.get(key) or "").strip()
        if not raw:
            return default
        try:
            return json.loads(raw)
        except ValueError:
            self.error(key, _("This value is not valid JSON."))
            return default

    def slug(self, key: str, value, max_length: int) -> bool:
        if not isinstance(value, str) or not value:
            self.error(key, _("A short name is missing."))
            return False
        try:
            validate_slug(value)
        except ValidationError:
            self.error(
                key,
                _("“%(value)s” is not a short name: letters, digits, hyphens and underscores only.")
                % {"value": value[:100]},
            )
            return False
        if len(value) > max_length:
            self.error(
                key,
                _("The short name “%(value)s” is longer than %(max)d characters.")
                % {"value": value[:100], "max": max_length},
            )
            return False
        return True

    def date(self, key: str) -> date | None:
        value = self.text(key)
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.error(key, _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": value[:50]})
            return None


def _field_length(model, name: str) -> int:
    return model._meta.get_field(name).max_length


def read_columns(about: About) -> list[str]:
    keys = about.json("columns", [])
    if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
        about.error("columns", _("The columns must be a JSON list of names."))
        return []
    return keys


def read_taxonomies(about: About) -> list[dict]:
    """The taxonomies of the themes column: each {slug, name, name_vi} with a valid slug."""
    declared = about.json("taxonomies", [])
    if not isinstance(declared, list):
        about.error("taxonomies", _("The taxonomies must be a JSON list."))
        return []
    taxonomies = []
    for entry in declared:
        if not isinstance(entry, dict):
            about.error("taxonomies", _("Each taxonomy must be a JSON object with a slug."))
            continue
        if not about.slug("taxonomies", entry.get("slug"), _field_length(Taxonomy, "slug")):
            continue
        names = {key: entry.get(key) or "" for key in ("name", "name_vi")}
        if any(
            not isinstance(name, str) or len(name) > _field_length(Taxonomy, key)
            for key, name in names.items()
        ):
            about.error(
                "taxonomies",
                _("The names of taxonomy “%(slug)s” must be texts of at most %(max)d characters.")
                % {"slug": entry["slug"], "max": _field_length(Taxonomy, "name")},
            )
            continue
        taxonomies.append({"slug": entry["slug"], **names})
    return taxonomies


def _levels(about: About) -> list:
    key = "framework.levels"
    levels = about.json(key, [])
    if not isinstance(levels, list) or len(levels_from(levels)) != len(levels):
        about.error(
            key, _("The levels must be a JSON list of names, or of objects with a key or a name.")
        )
        return []
    return levels


def _kind(about: About) -> str:
    kind = about.text("framework.kind") or Framework.Kind.UPR_CYCLE
    if kind not in Framework.Kind.values:
        known = ", ".join(Framework.Kind.values)
        about.error(
            "framework.kind",
            _("“%(value)s” is not a kind of framework (known: %(known)s).")
            % {"value": kind[:50], "known": known},
        )
        return Framework.Kind.UPR_CYCLE
    return kind


def _cycle(about: About) -> int | None:
    cycle = about.text("framework.cycle")
    if not cycle:
        return None
    if not cycle.isdigit() or int(cycle) > MAX_CYCLE:
        about.error(
            "framework.cycle", _("“%(value)s” is not a cycle number.") % {"value": cycle[:50]}
        )
        return None
    return int(cycle)


def read_hint(about: About, taxonomies: list[dict]) -> FrameworkHint:
    """The framework the file describes; check `about.errors` before using it."""
    slug = about.text("framework.slug")
    about.slug("framework.slug", slug, _field_length(Framework, "slug"))
    own = about.json("framework.taxonomies", [])
    if not isinstance(own, list):
        about.error("framework.taxonomies", _("The framework's taxonomies must be a JSON list."))
        own = []
    own = [
        value
        for value in own
        if about.slug("framework.taxonomies", value, _field_length(Taxonomy, "slug"))
    ]
    flag = {
        key: about.text(f"framework.{key}") != "no"
        for key in ("has_response", "has_recommending_states", "has_indicators")
    }
    extra = {
        "name_vi": about.text("framework.name_vi", max_length=_field_length(Framework, "name_vi")),
        "description": about.values.get("framework.description") or "",
        "levels": _levels(about),
        **flag,
        "starts_on": about.date("framework.starts_on"),
        "ends_on": about.date("framework.ends_on"),
    }
    return FrameworkHint(
        slug=slug,
        name=about.text(
            "framework.name", max_length=_field_length(Framework, "name"), required=True
        ),
        kind=_kind(about),
        cycle=_cycle(about),
        state_under_review=about.text(
            "framework.state_under_review", max_length=_field_length(State, "name")
        ),
        extra=extra,
        taxonomies=taxonomies,
        framework_taxonomies=own,
    )
