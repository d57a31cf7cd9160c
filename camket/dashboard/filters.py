"""The dashboard's filters as the web page, the API and the command line read them: a
framework (slug), a kind of framework and a category (id, of any taxonomy). An unknown one is
refused (404 on the web and the API, an error on the command line), never silently ignored."""

from django.db.models import Q
from django.utils.translation import gettext as _

from camket.frameworks.models import Category, Framework
from camket.frameworks.scoping import visible_recommendations
from camket.lib.numbers import positive_int
from camket.lib.vocabulary import DRUGS_CRIME, SDG
from camket.plans.matching import Concerning


class UnknownFilter(ValueError):
    pass


def concerning_from(data) -> Concerning:
    framework = str(data.get("framework") or "").strip()[:80]
    kind = str(data.get("kind") or "").strip()[:20]
    category_text = str(data.get("category") or "").strip()[:20]
    if framework and not Framework.objects.filter(slug=framework).exists():
        raise UnknownFilter(_("No framework has the short name %(slug)s.") % {"slug": framework})
    if kind and kind not in Framework.Kind.values:
        raise UnknownFilter(_("No kind of framework is called %(kind)s.") % {"kind": kind})
    category = positive_int(category_text) if category_text else None
    if category_text and (category is None or not Category.objects.filter(pk=category).exists()):
        raise UnknownFilter(_("No category has the id %(id)s.") % {"id": category_text})
    return Concerning(framework=framework, kind=kind, category=category)


def chosen_category(concerning: Concerning) -> Category | None:
    """The category filtered on, with its taxonomy and the SDG targets it relates to."""
    if not concerning.category:
        return None
    return Category.objects.select_related("taxonomy", "parent").prefetch_related(
        "related_sdgs").get(pk=concerning.category)


def category_choices(user):
    """The categories the filter offers, by taxonomy: every drug and crime subject and SDG
    goal and target, and the other taxonomies' categories that tag an item the user may
    see (with their parents)."""
    used = Category.objects.filter(recommendations__in=visible_recommendations(user)).values(
        "pk")
    return Category.objects.filter(
        Q(taxonomy__slug__in=(DRUGS_CRIME, SDG)) | Q(pk__in=used) | Q(children__in=used)
    ).distinct().select_related("taxonomy").order_by("taxonomy__name", "code", "name")
