"""Items about several states beside the personas' world (whose items name no state, so
they are the home state's own): what the home-state default and the `state` switch sort."""

from dataclasses import dataclass
from datetime import date

from camket.frameworks.models import Framework, Recommendation, State
from tests.personas import World, make_recommendation


@dataclass
class StatesWorld:
    world: World
    viet_nam: State
    france: State
    slovenia: State
    upr_info: Framework  # cycle 1, every state's items, each naming its state under review
    slovenia_matrix: Framework  # cycle 2, the framework names Slovenia, its items nothing
    programme: Framework  # no cycle, no state: the home state's own
    vnm_session_3: Recommendation
    vnm_session_5: Recommendation
    fra_session_2: Recommendation
    vnm_draft: Recommendation  # a draft of the UPR Info cycle: coordinators only
    svn_item: Recommendation
    programme_item: Recommendation

    def references(self, queryset) -> list[str]:
        return list(queryset.values_list("reference", flat=True))


def _item(
    framework, reference, *, state=None, session=None, status="published", states=(), response=""
):
    item = make_recommendation(
        framework, reference, f"Recommendation {reference} on water.", status=status, states=states
    )
    Recommendation.objects.filter(pk=item.pk).update(
        state_under_review=state, session=session, response=response
    )
    item.refresh_from_db()
    return item


def make_states_world(world: World) -> StatesWorld:
    # Viet Nam is installed with its treaty status (treaties' post_migrate)
    viet_nam, _ = State.objects.get_or_create(iso3="VNM", defaults={"name": "Viet Nam"})
    france, _ = State.objects.get_or_create(iso3="FRA", defaults={"name": "France"})
    slovenia, _ = State.objects.get_or_create(iso3="SVN", defaults={"name": "Slovenia"})
    upr_info = Framework.objects.create(
        slug="upr-info-1", name="UPR cycle 1 (UPR Info)", kind="upr_cycle", cycle=1
    )
    matrix = Framework.objects.create(
        slug="slovenia-2",
        name="Slovenia cycle 2",
        kind="upr_cycle",
        cycle=2,
        state_under_review=slovenia,
    )
    programme = Framework.objects.create(
        slug="drugs-2021", name="Drug programme", kind="programme", starts_on=date(2021, 1, 1)
    )
    return StatesWorld(
        world=world,
        viet_nam=viet_nam,
        france=france,
        slovenia=slovenia,
        upr_info=upr_info,
        slovenia_matrix=matrix,
        programme=programme,
        vnm_session_3=_item(
            upr_info, "S03-vnm", state=viet_nam, session=3, states=["Japan"], response="noted"
        ),
        vnm_session_5=_item(
            upr_info,
            "S05-vnm",
            state=viet_nam,
            session=5,
            states=["Philippines"],
            response="supported",
        ),
        fra_session_2=_item(
            upr_info, "S02-fra", state=france, session=2, states=["Mexico"], response="supported"
        ),
        vnm_draft=_item(upr_info, "S05-vnm-draft", state=viet_nam, session=5, status="draft"),
        svn_item=_item(matrix, "SVN-1", states=["Japan"]),
        programme_item=_item(programme, "P-1"),
    )
