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
    """Create the built-in taxonomies and their categories; safe to run again."""
    taxonomies = {}
    for slug, name, name_vi in BUILTIN_TAXONOMIES:
        taxonomies[slug], _ = Taxonomy.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_vi": name_vi}
        )
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
            taxonomies[SDG], code=str(number), name=f"Goal {number}: {row['short']}",
            name_vi=f"Mục tiêu {number}: {labels.SDG_GOALS_VI[number]}",
        )
    targets = {}
    for row in _data_rows("targets.csv"):
        targets[row["target"]] = _upsert(
            taxonomies[SDG], code=row["target"], name=f"Target {row['target']}: {row['text']}",
            name_vi=f"Chỉ tiêu {row['target']}: {row['text']}", parent=goals[row["goal"]],
        )
    _install_drugs_crime(taxonomies[DRUGS_CRIME], targets)


def _install_drugs_crime(taxonomy: Taxonomy, sdg_targets: dict[str, Category]) -> None:
    """The drug and crime subjects (builtin/data/drugs-crime.csv), parents before children,
    each with the SDG targets it serves; a category is found again by its code, so a name
    corrected in the file is corrected in the database."""
    by_code: dict[str, Category] = {}
    for row in _data_rows("drugs-crime.csv"):
        category = Category.objects.filter(taxonomy=taxonomy, code=row["code"]).first()
        category = category or Category(taxonomy=taxonomy, code=row["code"])
        category.name, category.name_vi = row["name"], row["name_vi"]
        category.parent = by_code[row["parent"]] if row["parent"] else None
        category.save()
        by_code[row["code"]] = category
        category.related_sdgs.set([sdg_targets[code] for code in row["sdg_targets"].split()])


def _upsert(taxonomy, *, name, name_vi="", code="", parent=None) -> Category:
    category, _ = Category.objects.update_or_create(
        taxonomy=taxonomy, name=name,
        defaults={"name_vi": name_vi, "code": code, "parent": parent},
    )
    return category


@functools.lru_cache(maxsize=4096)
def _key(label: str) -> str:
    """Labels match whatever their case, accents, spacing and punctuation."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(label)))


class CategoryResolver:
    """Finds the category for a label as written in a source; unseen labels become new ones."""

    def __init__(self, *, defer: bool = False):
        # defer: new categories stay unsaved until flush() (see StateResolver)
        self.defer = defer
        self._pending: list[Category] = []
        self._pending_taxonomies: list[Taxonomy] = []
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
            taxonomy = Taxonomy(slug=slug, name=declared.get("name") or slug,
                                name_vi=declared.get("name_vi") or "")
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
                self._by_key[(slug, _key(category.name))] = category
                if category.code:
                    self._by_key[(slug, "code:" + category.code.replace(" ", ""))] = category
        return self._taxonomies[slug]

    def resolve(self, slug: str, label: str) -> Category | None:
        label = re.sub(r"\s+", " ", label or "").strip().strip(",;")
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
            found = self._by_key.get((slug, _key(name)))
            if found:
                self._by_key[(slug, _key(label))] = found
                return found
        category = Category(taxonomy=taxonomy, name=name, code=code)
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
