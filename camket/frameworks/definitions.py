"""Framework definition files (`camket framework load FILE`; format in docs/frameworks.md):
YAML or JSON, read and checked whole before anything is written, then the framework (and its
items, if the file lists them) created or updated in one transaction. Loading the same file
again changes nothing and writes no history."""

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from camket.accounts.models import Agency
from camket.frameworks import editing, kinds, trees
from camket.frameworks.models import Framework, State, Taxonomy
from camket.frameworks.states import display_name, iso3_for
from camket.lib.folding import fold

REQUIRED = ("slug", "name", "kind", "levels")
OPTIONAL = (
    "name_vi",
    "description",
    "coordinating_agency",
    "taxonomies",
    "starts_on",
    "ends_on",
    "cycle",
    "state_under_review",
    *editing.APPLIES,
    "items",
)
LEVEL_KEYS = ("key", "name", "name_vi")
ITEM_KEYS = ("reference", "text", "text_vi", "parent", "level")
ITEM_COLUMNS = {"reference": "reference", "parent": "parent", "level": "level"}
_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")
_LENGTHS = {"slug": 80, "name": 250, "name_vi": 250}


class DefinitionError(Exception):
    """A definition that cannot be loaded; `messages` name the key (or item) at fault."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("\n".join(messages))


@dataclass
class Definition:
    slug: str
    values: dict  # Framework fields, as the editing service takes them
    taxonomies: list | None  # None: the file does not say
    items: list[editing.ItemSpec] | None  # None: the file lists none
    framework: Framework | None  # the stored framework of that slug, if any


@dataclass
class LoadResult:
    slug: str
    created: bool = False
    changed: list[str] = field(default_factory=list)
    items: editing.ItemCounts = field(default_factory=editing.ItemCounts)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "slug": self.slug,
            "created": self.created,
            "changed": self.changed,
            "items": self.items.as_dict(),
            "errors": self.errors,
        }


def read_file(path: Path) -> dict:
    """The file's data: JSON for `.json`, YAML for `.yaml`/`.yml`, else by its content."""
    try:
        if path.stat().st_size > settings.CAMKET_MAX_IMPORT_BYTES:
            raise DefinitionError([_("The file is larger than the import limit.")])
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise DefinitionError(
            [
                _("Cannot read %(path)s: %(reason)s")
                % {"path": path, "reason": error.strerror or error}
            ]
        ) from None
    except UnicodeDecodeError:
        raise DefinitionError([_("The file is not UTF-8 text.")]) from None
    return parse_text(text, path.suffix.lower())


def parse_text(text: str, suffix: str = "") -> dict:
    as_json = suffix == ".json" or (
        suffix not in (".yaml", ".yml") and text.lstrip().startswith(("{", "["))
    )
    try:
        data = json.loads(text) if as_json else yaml.safe_load(text)
    except json.JSONDecodeError as error:
        raise DefinitionError(
            [
                _("Not valid JSON (line %(line)d, column %(column)d): %(problem)s")
                % {"line": error.lineno, "column": error.colno, "problem": error.msg}
            ]
        ) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = (
            (
                _(" (line %(line)d, column %(column)d)")
                % {"line": mark.line + 1, "column": mark.column + 1}
            )
            if mark
            else ""
        )
        raise DefinitionError(
            [
                _("Not valid YAML%(where)s: %(problem)s")
                % {"where": where, "problem": getattr(error, "problem", None) or error}
            ]
        ) from None
    if not isinstance(data, dict):
        raise DefinitionError(
            [_("The file must hold one mapping of keys (slug, name, kind, levels…).")]
        )
    return data


def check(data: dict) -> Definition:
    """Everything the file says, checked against the database; DefinitionError otherwise."""
    errors: list[str] = []
    for key in data:
        if key not in REQUIRED and key not in OPTIONAL:
            errors.append(
                _("%(key)s: unknown key (allowed: %(allowed)s).")
                % {"key": key, "allowed": ", ".join((*REQUIRED, *OPTIONAL))}
            )
    for key in REQUIRED:
        if data.get(key) in (None, "", []):
            errors.append(_("%(key)s: required.") % {"key": key})
    if errors:
        raise DefinitionError(errors)
    values: dict = {}
    for key in ("slug", "name", "name_vi", "description"):
        if key in data:
            values[key] = _text(data[key], key, errors, limit=_LENGTHS.get(key))
    slug = values.pop("slug")
    if slug and not _SLUG.match(slug):
        errors.append(_("slug: only letters, digits, hyphens and underscores."))
    kind = data["kind"]
    if kind not in Framework.Kind.values:
        errors.append(
            _("kind: %(kind)r is not one of %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(Framework.Kind.values)}
        )
    values["kind"] = kind
    values["levels"] = _levels(data["levels"], errors)
    _references(data, values, errors)
    for key in editing.APPLIES:
        if key in data:
            if isinstance(data[key], bool):
                values[key] = data[key]
            else:
                errors.append(_("%(key)s: true or false.") % {"key": key})
    framework = Framework.objects.filter(slug=slug).first() if slug else None
    if kind in Framework.Kind.values and (framework is None or framework.kind != kind):
        # A new kind: what it says applies, unless the file says otherwise
        defaults = kinds.defaults_for(kind)
        values.update({key: getattr(defaults, key) for key in editing.APPLIES if key not in values})
    taxonomies = _taxonomies(data["taxonomies"], errors) if "taxonomies" in data else None
    if not errors:
        errors += [
            f"{key}: {message}" for key, message in editing.problems(values, framework).items()
        ]
    items = (
        _items(data["items"], values["levels"], framework, errors)
        if "items" in data and not errors
        else None
    )
    if errors:
        raise DefinitionError(errors)
    return Definition(slug, values, taxonomies, items, framework)


def load(path: Path, *, user=None) -> LoadResult:
    """Read, check and write a definition file; DefinitionError (nothing written) if wrong.
    `user` must coordinate the framework (a coordinator, for a new one); None: a system load."""
    return load_data(read_file(path), user=user)


def load_data(data: dict, *, user=None) -> LoadResult:
    definition = check(data)
    result = LoadResult(definition.slug)
    framework = definition.framework
    allowed = editing.may_create(user) if framework is None else editing.may_change(user, framework)
    if not allowed:
        raise DefinitionError(
            [
                _("%(user)s may not change the framework %(slug)s (only its coordinators may).")
                % {"user": user, "slug": definition.slug}
                if framework
                else _("%(user)s may not create frameworks (only coordinators may).")
                % {"user": user}
            ]
        )
    with transaction.atomic():
        if framework is None:
            change = editing.create_framework(
                user, definition.slug, definition.values, definition.taxonomies or ()
            )
        else:
            change = editing.update_framework(
                user, framework, definition.values, taxonomies=definition.taxonomies
            )
        result.created, result.changed = change.created, change.changed
        if definition.items is not None:
            result.items = editing.write_items(user, change.framework, definition.items)
    return result


def _text(value, key: str, errors: list, *, limit: int | None = None) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        errors.append(_("%(key)s: must be text (write it in quotes).") % {"key": key})
        return ""
    value = value.strip()
    if limit and len(value) > limit:
        errors.append(_("%(key)s: at most %(limit)d characters.") % {"key": key, "limit": limit})
    return value


def _levels(data, errors: list) -> list[dict]:
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
            name = _text(entry.get("name"), f"{key}.name", errors, limit=100)
            if not name:
                errors.append(_("%(key)s.name: required.") % {"key": key})
            name_vi = _text(entry.get("name_vi"), f"{key}.name_vi", errors, limit=100)
            level_key_given = _text(entry.get("key"), f"{key}.key", errors, limit=40)
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


def _references(data: dict, values: dict, errors: list) -> None:
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
            values[key] = _date(data[key], key, errors)
    if "cycle" in data:
        cycle = data["cycle"]
        if cycle is not None and (
            isinstance(cycle, bool) or not isinstance(cycle, int) or not 0 < cycle < 1000
        ):
            errors.append(_("cycle: a whole number, e.g. 4."))
            cycle = None
        values["cycle"] = cycle
    if "state_under_review" in data:
        values["state_under_review"] = _state(data["state_under_review"], errors)


def _date(value, key: str, errors: list) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        errors.append(
            _("%(key)s: %(value)r is not a date (YYYY-MM-DD).") % {"key": key, "value": value}
        )
        return None


def _state(value, errors: list) -> State | None:
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


def _taxonomies(data, errors: list) -> list:
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


def _items(data, level_dicts: list[dict], framework, errors: list):
    if not isinstance(data, list):
        errors.append(_("items: a list of {reference, text, text_vi, parent, level}."))
        return None
    levels = kinds.levels_from(level_dicts)
    rows, specs = [], []
    for index, entry in enumerate(data):
        key = f"items[{index}]"
        if not isinstance(entry, dict):
            errors.append(_("%(key)s: {reference, text, text_vi, parent, level}.") % {"key": key})
            continue
        for unknown in set(entry) - set(ITEM_KEYS):
            errors.append(
                _("%(key)s.%(unknown)s: unknown key (allowed: %(allowed)s).")
                % {"key": key, "unknown": unknown, "allowed": ", ".join(ITEM_KEYS)}
            )
        reference = _reference(entry.get("reference"), f"{key}.reference", errors)
        parent = _reference(entry.get("parent"), f"{key}.parent", errors, required=False)
        text = _text(entry.get("text"), f"{key}.text", errors)
        if not text:
            errors.append(_("%(key)s.text: required.") % {"key": key})
        level = None
        if entry.get("level") not in (None, ""):
            level = trees.level_index(str(entry["level"]), levels)
            if level is None or isinstance(entry["level"], bool | int | float):
                errors.append(
                    _("%(key)s.level: %(value)r is not one of the levels (%(names)s).")
                    % {
                        "key": key,
                        "value": entry["level"],
                        "names": ", ".join(level.name for level in levels),
                    }
                )
                level = None
        rows.append((index + 1, reference, parent, level))
        specs.append(
            editing.ItemSpec(
                reference, text, _text(entry.get("text_vi"), f"{key}.text_vi", errors), parent, 0
            )
        )
    if errors:
        return None
    existing = (
        {}
        if framework is None
        else {
            item.reference: (item.parent.reference if item.parent_id else None, item.level)
            for item in framework.recommendations.select_related("parent")
        }
    )
    tree_errors = trees.validate_tree(
        rows, levels=levels, existing=existing, columns=ITEM_COLUMNS, place_name=_item_key
    )
    errors += [f"{_item_key(error.row)}: {error.message}" for error in tree_errors]
    depths = trees.derived_levels(rows, existing=existing) if not tree_errors else {}
    for spec in specs:
        spec.level = depths.get(spec.reference) or 0
    return specs


def _item_key(row: int) -> str:
    """The key naming an item of the file: rows given to the tree checks count from 1."""
    return f"items[{row - 1}]"


def _reference(value, key: str, errors: list, *, required: bool = True) -> str | None:
    if value is None or value == "":
        if required:
            errors.append(_("%(key)s: required.") % {"key": key})
        return None
    if isinstance(value, float):
        errors.append(
            _(
                "%(key)s: write %(value)s in quotes: YAML reads it as a number and "
                'would lose its zeros ("1.10").'
            )
            % {"key": key, "value": value}
        )
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        errors.append(_("%(key)s: must be text.") % {"key": key})
        return None
    value = str(value).strip()
    if len(value) > 60:
        errors.append(_("%(key)s: at most 60 characters.") % {"key": key})
    return value
