"""Imported labels that matched no category: a coordinator maps each onto an existing category
(the items of the frameworks they coordinate are re-tagged, with history) or keeps it, giving it
a Vietnamese name. A coordinator only sees the labels used by items they may read."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from camket.accounts.permissions import require
from camket.frameworks.models import Category, Recommendation
from camket.frameworks.scoping import coordinated_frameworks, visible_recommendations
from camket.lib.concurrency import save_if_current

# Stored in English with its parameters filled in, and translated when the history is read
# (see history.readable_reason, which recognises it).
MAPPED_REASON = gettext_noop("Imported theme “%(source)s” mapped onto “%(target)s”")
# The reason stored before the labels were kept; still translated for the old history rows.
EARLIER_MAPPED_REASON = gettext_noop("Imported theme mapped onto a category of the taxonomy")
MAP_PERMISSION = "frameworks.map_categories"


@dataclass
class MappingResult:
    retagged: int
    left_elsewhere: int  # items of frameworks the user does not coordinate, still on the label


def unmapped_categories(user) -> QuerySet[Category]:
    """The categories imports made from labels nothing matched and that items the user may see
    use, with how many of those items use each."""
    seen = Q(recommendations__in=visible_recommendations(user))
    return (
        Category.objects.filter(unmapped=True)
        .filter(seen)
        .distinct()
        .select_related("taxonomy")
        .annotate(items=Count("recommendations", filter=seen, distinct=True))
        .order_by("taxonomy__name", "name")
    )


def get_unmapped_for_user(user, pk) -> Category:
    """An unmapped category the user may see (see `unmapped_categories`), or DoesNotExist."""
    return unmapped_categories(user).get(pk=pk)


def mapping_targets(category: Category) -> QuerySet[Category]:
    """The categories an unmapped one may be mapped onto: the others of its taxonomy."""
    return (
        Category.objects.filter(taxonomy=category.taxonomy, unmapped=False)
        .exclude(pk=category.pk)
        .order_by("code", "name")
    )


def _target_label(target: Category) -> str:
    return f"{target.code} {target.name}".strip()


@transaction.atomic
def map_category(user, source: Category, target: Category) -> MappingResult:
    """Re-tag with `target` the items of `source` in the frameworks the user coordinates,
    remember the label so that later imports map it too, and remove `source` once no item uses
    it; items of other frameworks keep it, for their own coordinators to map."""
    require(user, MAP_PERMISSION)
    source = Category.objects.select_for_update().get(pk=source.pk)
    if not source.unmapped:
        raise ValidationError(_("This category is not waiting to be mapped."))
    if target.pk == source.pk or target.taxonomy_id != source.taxonomy_id or target.unmapped:
        raise ValidationError(_("Choose another category of the same taxonomy."))
    tagged = Recommendation.objects.filter(categories=source)
    items = list(tagged.filter(framework__in=coordinated_frameworks(user)).order_by("pk"))
    if not items:
        raise ValidationError(_("No item of a framework you coordinate uses this label."))
    links = Recommendation.categories.through.objects
    reason = MAPPED_REASON % {"source": source.name, "target": _target_label(target)}
    for item in items:
        # The links change without signals, so that the one save below records one history
        # row holding the new categories.
        links.filter(recommendation=item, category=source).delete()
        links.get_or_create(recommendation=item, category=target)
        item._change_reason = reason
        save_if_current(item, item.version, [], user=user)
    labels = [source.name, *source.aliases]
    if source.code:
        labels.append(f"{source.code} {source.name}")
    target.aliases = [*target.aliases, *(label for label in labels if label not in target.aliases)]
    target.save(update_fields=["aliases"])
    left_elsewhere = tagged.count()
    if not left_elsewhere:
        source.delete()
    return MappingResult(retagged=len(items), left_elsewhere=left_elsewhere)


@transaction.atomic
def keep_category(user, category: Category, name_vi: str) -> None:
    """Keep an unmapped category as a category of its own, named in Vietnamese."""
    require(user, MAP_PERMISSION)
    name_vi = " ".join((name_vi or "").split())
    if not name_vi:
        raise ValidationError(_("Give the Vietnamese name of the category."))
    category.name_vi = name_vi
    category.unmapped = False
    category.save(update_fields=["name_vi", "unmapped", "folded_name"])
