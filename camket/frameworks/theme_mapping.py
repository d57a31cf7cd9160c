"""Imported labels that matched no category: a coordinator maps each onto an existing category
(its items are re-tagged, with history) or keeps it, giving it a Vietnamese name."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from camket.accounts.permissions import require
from camket.frameworks.models import Category, Recommendation
from camket.lib.concurrency import claim_version

# Stored as written (English) and translated when the history is read.
MAPPED_REASON = gettext_noop("Imported theme mapped onto a category of the taxonomy")
MAP_PERMISSION = "frameworks.map_categories"


def unmapped_categories() -> QuerySet[Category]:
    """The categories imports made from labels nothing matched, with how many items use each."""
    return (Category.objects.filter(unmapped=True).select_related("taxonomy")
            .annotate(items=Count("recommendations", distinct=True))
            .order_by("taxonomy__name", "name"))


def mapping_targets(category: Category) -> QuerySet[Category]:
    """The categories an unmapped one may be mapped onto: the others of its taxonomy."""
    return (Category.objects.filter(taxonomy=category.taxonomy, unmapped=False)
            .exclude(pk=category.pk).order_by("code", "name"))


@transaction.atomic
def map_category(user, source: Category, target: Category) -> int:
    """Re-tag the items of `source` with `target`, remember the label so that later imports
    map it too, and remove `source`. Returns how many items were re-tagged."""
    require(user, MAP_PERMISSION)
    source = Category.objects.select_for_update().get(pk=source.pk)
    if not source.unmapped:
        raise ValidationError(_("This category is not waiting to be mapped."))
    if target.pk == source.pk or target.taxonomy_id != source.taxonomy_id or target.unmapped:
        raise ValidationError(_("Choose another category of the same taxonomy."))
    items = list(Recommendation.objects.filter(categories=source).order_by("pk"))
    for item in items:
        claim_version(item, user=user)
        item._change_reason = MAPPED_REASON
        item.categories.remove(source)
        if not item.categories.filter(pk=target.pk).exists():
            item.categories.add(target)
    labels = [source.name, *source.aliases]
    if source.code:
        labels.append(f"{source.code} {source.name}")
    target.aliases = [*target.aliases, *(label for label in labels
                                         if label not in target.aliases)]
    target.save(update_fields=["aliases"])
    source.delete()
    return len(items)


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

