"""The checks of a framework definition's keys (camket/frameworks/definitions.py): each
appends what is wrong to `errors` and returns the value to store."""

import re
from datetime import date

from django.utils.translation import gettext as _

from camket.accounts.models import Agency
from camket.frameworks import kinds
from camket.frameworks.models import State, Taxonomy
from camket.frameworks.states import display_name, iso3_for
from camket.lib.folding import fold

LEVEL_KEYS = ("key", "name", "name_vi")


def text_value(value, key: str, errors: list, *, limit: int | None = None) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        errors.append(_("%(key)s: must be text (write it in quotes).") % {"key": key})
        return ""
    value = value.strip()
    if limit and len(value) > limit:
        errors.append(_("%(key)s: at most %(limit)d characters.") % {"key": key, "limit": limit})
    return value


def level_dicts(data, errors: list) -> list[dict]:
    if not isinstance(data, list):
        errors.append(_("levels: a list of level names, top first."))
        return []
    levels = []
    for index, entry in enumerate(data):
        key = f"levels[{index}]"
        if isinstance(entry, str) and entry.strip():
            name = entry.strip()
            found = known_level(name)
            levels.append(
                {
                    "key": found.key if found else level_key(name),
                    "name": name,
                    "name_vi": found.name_vi if found else "",
                }
            )
        elif isinstance(entry, dict):
            for unknown in set(entry) - set(LEVEL_KEYS):
                errors.append(
                    _("%(key)s.%(unknown)s: unknown key (allowed: key, name, name_vi).")
                    % {"key": key, "unknown": unknown}
                )
            name = text_value(entry.get("name"), f"{key}.name", errors, limit=100)
            if not name:
                errors.append(_("%(key)s.name: required.") % {"key": key})
            name_vi = text_value(entry.get("name_vi"), f"{key}.name_vi", errors, limit=100)
            level_key_given = text_value(entry.get("key"), f"{key}.key", errors, limit=40)
            levels.append(
                {"key": level_key_given or level_key(name), "name": name, "name_vi": name_vi}
            )
        else:
            errors.append(_("%(key)s: a level name, or {key, name, name_vi}.") % {"key": key})
    return levels


def level_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(name)).strip("_") or "level"


def known_level(name: str) -> kinds.Level | None:
    """A level of one of the kinds that `name` names (its key or English name), so a file
    that says only "Output" gets its Vietnamese name too."""
    wanted = fold(name.strip())
    return next(
        (
            level
            for defaults in kinds.KINDS.values()
            for level in defaults.levels
            if wanted in (fold(level.key), fold(level.name))
        ),
        None,
    )


def set_references(data: dict, values: dict, errors: list) -> None:
    """The keys that name other records: agency, state, dates and cycle."""
    if data.get("coordinating_agency"):
        code = data["coordinating_agency"]
        agency = Agency.objects.filter(code=str(code)).first()
        if agency is None:
            errors.append(
                _("coordinating_agency: no agency has the code %(code)r.") % {"code": code}
            )
        values["coordinating_agency"] = agency
    elif "coordinating_agency" in data:
        values["coordinating_agency"] = None
    for key in ("starts_on", "ends_on"):
        if key in data:
            values[key] = date_value(data[key], key, errors)
    if "cycle" in data:
        cycle = data["cycle"]
        if cycle is not None and (
            isinstance(cycle, bool) or not isinstance(cycle, int) or not 0 < cycle < 1000
        ):
            errors.append(_("cycle: a whole number, e.g. 4."))
            cycle = None
        values["cycle"] = cycle
    if "state_under_review" in data:
        values["state_under_review"] = state_value(data["state_under_review"], errors)


def date_value(value, key: str, errors: list) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        errors.append(
            _("%(key)s: %(value)r is not a date (YYYY-MM-DD).") % {"key": key, "value": value}
        )
        return None


def state_value(value, errors: list) -> State | None:
    if value in (None, ""):
        return None
    name = str(value).strip()
    iso3 = name.upper() if State.objects.filter(iso3=name.upper()).exists() else iso3_for(name)
    if iso3:
        return State.objects.filter(iso3=iso3).first() or State(iso3=iso3, name=display_name(iso3))
    state = State.objects.filter(name__iexact=name).first()
    if state is None:
        errors.append(
            _("state_under_review: %(name)r is not a known state (use its ISO code, e.g. VNM).")
            % {"name": name}
        )
    return state


def taxonomies(data, errors: list) -> list:
    if not isinstance(data, list) or not all(isinstance(slug, str) for slug in data):
        errors.append(_("taxonomies: a list of taxonomy slugs."))
        return []
    found = {t.slug: t for t in Taxonomy.objects.filter(slug__in=data)}
    for index, slug in enumerate(data):
        if slug not in found:
            errors.append(
                _("taxonomies[%(index)d]: no taxonomy has the slug %(slug)r.")
                % {"index": index, "slug": slug}
            )
    return [found[slug] for slug in dict.fromkeys(data) if slug in found]
