"""Built-in taxonomies and finding the category a source label names."""

import csv
import functools
import re
from importlib import resources

from camket.frameworks.builtin import labels
from camket.frameworks.models import Category, Taxonomy
from camket.lib.folding import fold
from camket.lib.vocabulary import (
    AFFECTED_PERSONS,
    DRUGS_CRIME,
    SDG,
    UHRI_THEMES,
    UPR_INFO_ISSUES,
)

BUILTIN_TAXONOMIES = [
    (UPR_INFO_ISSUES, "UPR Info issues", "Chủ đề theo UPR Info"),
    (UHRI_THEMES, "OHCHR / UHRI themes", "Chủ đề OHCHR / UHRI"),
    (AFFECTED_PERSONS, "Affected persons", "Nhóm người bị ảnh hưởng"),
    (SDG, "Sustainable Development Goals", "Mục tiêu Phát triển Bền vững"),
    (DRUGS_CRIME, "Drugs and crime", "Ma túy và tội phạm"),
]

# "A12 Acceptance of …", "2.1. Acceptance of …", "D 5 Administration …"
_CODED_LABEL = re.compile(r"^\s*([A-Z]\s?\d{1,2}(?:\.\d+)*|\d{1,2}(?:\.\d+)*)\.?\s+(.+)$")


def _data_rows(name: str) -> list[dict]:
    text = resources.files("camket.frameworks.builtin").joinpath("data", name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def ensure_builtin_taxonomies() -> None:
    """Create the built-in taxonomies and their categories; safe to run again. What is
    installed is read in a few queries, and only what differs is written."""
    taxonomies = {}
    for slug, name, name_vi in BUILTIN_TAXONOMIES:
        taxonomies[slug], _ = Taxonomy.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_vi": name_vi}
        )
    installed = {
        (c.taxonomy_id, c.name): c
        for c in Category.objects.filter(taxonomy__in=list(taxonomies.values()))
    }
    _upsert = functools.partial(_upsert_into, installed)
    for name, name_vi in labels.UPR_INFO_ISSUES:
        _upsert(taxonomies[UPR_INFO_ISSUES], name=name, name_vi=name_vi)
    for code, name, name_vi in labels.UHRI_THEMES:
        _upsert(taxonomies[UHRI_THEMES], name=name, name_vi=name_vi, code=code)
    for name, name_vi in labels.AFFECTED_PERSONS:
        _upsert(taxonomies[AFFECTED_PERSONS], name=name, name_vi=name_vi)
    goals = {}
    for row in _data_rows("goals.csv"):
        number = int(row["goal"])
        goals[row["goal"]] = _upsert(
            taxonomies[SDG],
            code=str(number),
            name=f"Goal {number}: {row['short']}",
            name_vi=f"Mục tiêu {number}: {labels.SDG_GOALS_VI[number]}",
            replaces={f"Mục tiêu {number}: {labels.EARLIER_SDG_GOALS_VI.get(number, '')}"},
        )
    targets = {}
    targets_vi = {row["target"]: row["text_vi"] for row in _data_rows("targets-vi.csv")}
    for row in _data_rows("targets.csv"):
        code = row["target"]
        targets[code] = _upsert(
            taxonomies[SDG],
            code=code,
            name=f"Target {code}: {row['text']}",
            name_vi=f"Chỉ tiêu {code}: {targets_vi.get(code) or row['text']}",
            parent=goals[row["goal"]],
            replaces={f"Chỉ tiêu {code}: {row['text']}"},
        )
    _install_drugs_crime(taxonomies[DRUGS_CRIME], targets)


def _install_drugs_crime(taxonomy: Taxonomy, sdg_targets: dict[str, Category]) -> None:
    """The drug and crime subjects (builtin/data/drugs-crime.csv), parents before children,
    each with the SDG targets it serves; a category is found again by its code, so a name
    corrected in the file is corrected in the database."""
    by_code: dict[str, Category] = {}
    installed = {c.code: c for c in Category.objects.filter(taxonomy=taxonomy)}
    related = Category.related_sdgs.through.objects.filter(from_category__taxonomy=taxonomy)
    served: dict[int, set[int]] = {}
    for category_id, target_id in related.values_list("from_category_id", "to_category_id"):
        served.setdefault(category_id, set()).add(target_id)
    for row in _data_rows("drugs-crime.csv"):
        category = installed.get(row["code"]) or Category(taxonomy=taxonomy, code=row["code"])
        parent = by_code[row["parent"]] if row["parent"] else None
        wanted = {"name": row["name"], "name_vi": row["name_vi"], "parent_id": parent and parent.pk}
        if category.pk is None or any(getattr(category, k) != v for k, v in wanted.items()):
            for attribute, value in wanted.items():
                setattr(category, attribute, value)
            category.save()
        by_code[row["code"]] = category
        targets = [sdg_targets[code] for code in row["sdg_targets"].split()]
        if served.get(category.pk, set()) != {target.pk for target in targets}:
            category.related_sdgs.set(targets)


def _upsert_into(
    installed: dict, taxonomy, *, name, name_vi="", code="", parent=None, replaces=()
) -> Category:
    """A built-in category (`installed`: those already there, by taxonomy id and name); its
    Vietnamese name is camket's unless a person wrote another (`replaces`: what camket shipped
    before, which is not a person's)."""
    category = installed.get((taxonomy.pk, name)) or Category(taxonomy=taxonomy, name=name)
    wanted = {"code": code, "parent_id": parent.pk if parent else None, "unmapped": False}
    if not category.name_vi or category.name_vi in replaces:
        wanted["name_vi"] = name_vi
    if category.pk is None or any(getattr(category, k) != v for k, v in wanted.items()):
        for attribute, value in wanted.items():
            setattr(category, attribute, value)
        category.save()
    return category


@functools.lru_cache(maxsize=4096)
def _key(label: str) -> str:
    """Labels match whatever their case, accents, spacing and punctuation, and whether they join
    words with "and", "&" or a comma ("name, identity & nationality")."""
    return " ".join(word for word in re.findall(r"[a-z0-9]+", fold(label)) if word != "and")


# UHRI level-3 codes ("A12", "D27") name a subject of the level-2 theme "A1", "D2"
_UHRI_SUBTHEME = re.compile(r"^([A-Z]\d)\d$")


@functools.lru_cache(maxsize=1)
def shipped_aliases() -> dict[str, dict[str, str]]:
    """Labels seen in UPR Info and OHCHR files that mean a built-in category, by taxonomy:
    {slug: {label key: target code or name}} (builtin/data/theme-aliases.csv)."""
    found: dict[str, dict[str, str]] = {}
    for row in _data_rows("theme-aliases.csv"):
        found.setdefault(row["taxonomy"], {})[_key(row["label"])] = row["target"]
    return found


class CategoryResolver:
    """Finds the category for a label as written in a source; unseen labels become new ones."""

    def __init__(self, *, defer: bool = False):
        # defer: new categories stay unsaved until flush() (see StateResolver)
        self.defer = defer
        self._pending: list[Category] = []
        self._pending_taxonomies: list[Taxonomy] = []
        self.brought: set[str] = set()  # taxonomies the source declared and camket lacked
        self._taxonomies: dict[str, Taxonomy] = {}
        self._by_key: dict[tuple[str, str], Category] = {}
        self.created: list[tuple[str, str]] = []

    def declare(self, taxonomies: list[dict]) -> None:
        """Taxonomies a source names ({slug, name, name_vi}): those missing are created with
        the categories (a deferring resolver saves them in flush())."""
        for declared in taxonomies:
            slug = declared["slug"]
            if slug in self._taxonomies or Taxonomy.objects.filter(slug=slug).exists():
                continue
            taxonomy = Taxonomy(
                slug=slug, name=declared.get("name") or slug, name_vi=declared.get("name_vi") or ""
            )
            self.brought.add(slug)
            if self.defer:
                self._pending_taxonomies.append(taxonomy)
            else:
                taxonomy.save()
            self._taxonomies[slug] = taxonomy

    def _load(self, slug: str) -> Taxonomy:
        if slug not in self._taxonomies:
            taxonomy = Taxonomy.objects.get(slug=slug)
            self._taxonomies[slug] = taxonomy
            for category in taxonomy.categories.all():
                names = [category.name, category.name_vi, *category.aliases]
                for name in filter(None, names):
                    self._by_key.setdefault((slug, _key(name)), category)
                if category.code:
                    self._by_key[(slug, "code:" + category.code.replace(" ", ""))] = category
            for alias, target in shipped_aliases().get(slug, {}).items():
                category = self._by_key.get((slug, "code:" + target)) or self._by_key.get(
                    (slug, _key(target))
                )
                if category is not None:
                    self._by_key.setdefault((slug, alias), category)
        return self._taxonomies[slug]

    def _coded(self, slug: str, code: str, name: str) -> Category | None:
        """The category a coded label names: by its name, its code, or for a UHRI subject
        ("A12 Acceptance of international norms") the theme it belongs to."""
        found = self._by_key.get((slug, _key(name))) or self._by_key.get((slug, "code:" + code))
        subtheme = _UHRI_SUBTHEME.match(code)
        if found is None and subtheme:
            found = self._by_key.get((slug, "code:" + subtheme.group(1)))
        return found

    def resolve(self, slug: str, label: str) -> Category | None:
        label = " ".join((label or "").split()).strip(",;")  # str.split's whitespace is \s
        if not label:
            return None
        taxonomy = self._load(slug)
        if slug == SDG:
            return self._by_key.get((slug, "code:" + label.removeprefix("SDG").strip()))
        found = self._by_key.get((slug, _key(label)))
        if found:
            return found
        code, name = "", label
        match = _CODED_LABEL.match(label)
        if match:
            code, name = match.group(1).replace(" ", ""), match.group(2).strip()
            found = self._coded(slug, code, name)
            if found:
                self._by_key[(slug, _key(label))] = found
                return found
        # a taxonomy the file itself brings is what the file says; in any other, a label that
        # matches nothing waits for a coordinator to map it (see theme_mapping)
        category = Category(
            taxonomy=taxonomy, name=name, code=code, unmapped=slug not in self.brought
        )
        if self.defer:
            self._pending.append(category)
        else:
            category.save()
        self.created.append((slug, label))
        self._by_key[(slug, _key(label))] = category
        self._by_key[(slug, _key(category.name))] = category
        return category

    def flush(self) -> None:
        """Save the taxonomies and categories a deferring resolver has kept unsaved."""
        for taxonomy in self._pending_taxonomies:
            taxonomy.save()
        self._pending_taxonomies.clear()
        for category in self._pending:
            category.save()
        self._pending.clear()
