"""Loading the demo's drug and crime frameworks and their crosswalk to the UPR, through the
services the UI and the CLI use. Each step is idempotent: a second run writes nothing."""

from django.contrib.auth import get_user_model

from camket.demo import plan_data as demo_plan_data
from camket.demo.frameworks import DEFINITIONS
from camket.demo.frameworks.relations import ACTION_ITEMS, LINKS, TAGS
from camket.demo.frameworks.slugs import UPR
from camket.frameworks import definitions
from camket.frameworks.models import Category, Recommendation
from camket.lib.vocabulary import DRUGS_CRIME, SDG
from camket.links.services import add_link
from camket.plans import services as plan_services
from camket.plans.models import Action


def load_demo_frameworks() -> None:
    User = get_user_model()
    mps_coordinator = User.objects.get(username="mps_coordinator")
    coordinator = User.objects.get(username="coordinator")
    for definition in DEFINITIONS:
        # Loaded by the framework's own coordinators, so the history names them.
        user = mps_coordinator if definition.get("coordinating_agency") == "mps" else coordinator
        definitions.load_data(definition, user=user)
    _tag()
    for source, target, relation in LINKS:
        add_link(mps_coordinator, _item(*source), _item(*target), relation)
    _link_actions(coordinator)


def _item(slug: str, reference: str) -> Recommendation:
    return Recommendation.objects.get(framework__slug=slug, reference=reference)


def _tag() -> None:
    for (slug, reference), codes in TAGS.items():
        item = Recommendation.objects.filter(framework__slug=slug, reference=reference).first()
        if item is None:  # a UPR recommendation of an older demo that lacks it
            continue
        wanted = {
            Category.objects.get(
                taxonomy__slug=DRUGS_CRIME if code.startswith("DC") else SDG, code=code
            )
            for code in codes
        }
        missing = wanted - set(item.categories.all())
        if missing:
            item.categories.add(*missing)


def _link_actions(coordinator) -> None:
    for reference, wanted in ACTION_ITEMS.items():
        action = (
            Action.objects.filter(
                plan__framework__slug=UPR,
                plan__title=demo_plan_data.PLAN["title"],
                recommendations__reference=reference,
            )
            .order_by("pk")
            .first()
        )
        if action is None:
            continue
        linked = list(action.recommendations.all())
        new = [item for item in (_item(*key) for key in wanted) if item not in linked]
        if new:
            plan_services.update_action(
                coordinator, action, {}, version=action.version, recommendations=[*linked, *new]
            )
