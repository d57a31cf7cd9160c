"""Framework definition files (`camket framework load FILE`; format in docs/frameworks.md):
YAML or JSON, read and checked whole before anything is written, then the framework (and its
items, if the file lists them) created or updated in one transaction. Loading the same file
again changes nothing and writes no history. Each key is checked in `definition_fields.py`, the
items in `definition_items.py`."""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from camket.frameworks import definition_fields as fields
from camket.frameworks import editing, kinds
from camket.frameworks.definition_items import items as checked_items
from camket.frameworks.models import Framework

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
            values[key] = fields.text_value(data[key], key, errors, limit=_LENGTHS.get(key))
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
    values["levels"] = fields.level_dicts(data["levels"], errors)
    fields.set_references(data, values, errors)
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
    taxonomies = fields.taxonomies(data["taxonomies"], errors) if "taxonomies" in data else None
    if not errors:
        errors += [
            f"{key}: {message}" for key, message in editing.problems(values, framework).items()
        ]
    items = (
        checked_items(data["items"], values["levels"], framework, errors)
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
