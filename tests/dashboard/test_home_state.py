"""The dashboard counts the home state's items by default, with a switch to every state
(issue 12, item 1), and compares the UPR cycles of a state (item 5)."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from camket.accounts.models import ApiToken
from camket.dashboard import cycles, filters, services
from camket.frameworks.models import Framework, Recommendation, State
from tests.personas import make_recommendation

URL = "/dashboard/"


def _items(framework, prefix, responses, *, state=None, session=None, status="published"):
    made = []
    for index, response in enumerate(responses, start=1):
        item = make_recommendation(
            framework, f"{prefix}.{index}", f"Item {prefix}.{index}.", status=status
        )
        Recommendation.objects.filter(pk=item.pk).update(
            response=response, state_under_review=state, session=session
        )
        made.append(item)
    return made


def _state(iso3, name):
    state = State.objects.filter(iso3=iso3).first() or State.objects.filter(name=name).first()
    if state is None:
        return State.objects.create(iso3=iso3, name=name)
    State.objects.filter(pk=state.pk).update(iso3=iso3, name=name)
    return State.objects.get(pk=state.pk)


@pytest.fixture
def states_world(world):
    """Viet Nam's cycles III and IV, Thailand's cycle III, and UPR Info-style items of both
    states in one framework without a cycle (the cycle comes from the session)."""
    viet_nam = _state("VNM", "Viet Nam")
    thailand = _state("THA", "Thailand")
    Framework.objects.filter(pk=world.framework.pk).update(state_under_review=viet_nam)
    cycle_3 = Framework.objects.create(
        slug="upr-vn-3",
        name="UPR Viet Nam cycle 3",
        kind="upr_cycle",
        cycle=3,
        state_under_review=viet_nam,
    )
    thai = Framework.objects.create(
        slug="upr-th-3",
        name="UPR Thailand cycle 3",
        kind="upr_cycle",
        cycle=3,
        state_under_review=thailand,
    )
    imported = Framework.objects.create(slug="upr-info", name="UPR Info export", kind="upr_cycle")
    Recommendation.objects.filter(framework=world.framework).update(
        status=Recommendation.Status.ARCHIVED
    )  # the personas' items: out of the counts
    four = _items(
        world.framework, "4", ["supported", "supported", "supported_in_part", "noted", ""]
    )
    _items(world.framework, "4d", ["supported"], status="draft")
    three = _items(cycle_3, "3", ["supported", "already_implemented", "supported_in_part", "noted"])
    _items(thai, "t", ["supported", "supported", "noted"])
    _items(imported, "i", ["supported", "noted"], state=thailand, session=5)
    _items(imported, "v", ["supported"], state=viet_nam, session=5)
    Recommendation.objects.filter(pk__in=[four[0].pk, three[0].pk, three[1].pk]).update(
        implementation="implemented"
    )
    Recommendation.objects.filter(pk=four[1].pk).update(implementation="in_progress")
    return world


def _accepted_total(user, **kwargs):
    return services.figures(user, **kwargs).headline.accepted


@override_settings(CAMKET_HOME_STATE="VNM")
def test_the_home_state_by_default_and_every_state_on_request(states_world):
    # Viet Nam: cycle IV 3 accepted (and a draft only its coordinator sees), cycle III 3,
    # 1 imported; Thailand: 2 in its cycle, 1 imported
    coordinator = states_world.coordinator
    home = _accepted_total(coordinator)
    assert services.figures(coordinator).state == "VNM"
    assert _accepted_total(coordinator, state="VNM") == home
    assert _accepted_total(coordinator, state="THA") == 3  # 2 of its cycle, 1 imported
    assert _accepted_total(coordinator, state="all") == home + 3
    viewer = states_world.viewer
    assert _accepted_total(viewer) == 3 + 3 + 1  # no draft for the viewer
    assert _accepted_total(coordinator) == 3 + 1 + 3 + 1  # the coordinator's draft too


@override_settings(CAMKET_HOME_STATE="THA")
def test_the_home_state_follows_the_setting(states_world):
    assert services.figures(states_world.viewer).state == "THA"
    assert _accepted_total(states_world.viewer) == 3


def test_a_chosen_framework_counts_every_state_unless_told(states_world):
    viewer = states_world.viewer
    assert _accepted_total(viewer, framework="upr-th-3") == 2
    assert _accepted_total(viewer, framework="upr-th-3", state="VNM") == 0


def test_items_without_a_state_count_for_the_home_state_only(states_world, world):
    programme = Framework.objects.create(
        slug="bare", name="Bare strategy", kind="strategy", has_response=False
    )
    make_recommendation(programme, "1", "A task with no state, theme, parent or response.")
    viewer = states_world.viewer
    assert services.figures(viewer).headline.commitments == 1
    assert services.figures(viewer, state="THA").headline.commitments == 0
    assert services.figures(viewer, state="all").headline.commitments == 1


def test_the_page_shows_the_switch_and_the_state(client, states_world):
    client.force_login(states_world.viewer)
    content = client.get(URL).content.decode()
    assert 'id="state-switch"' in content and "state=all" in content
    assert '<option value="VNM" selected>Viet Nam</option>' in content
    assert '<option value="THA">Thailand</option>' in content
    content = client.get(URL, {"state": "all"}).content.decode()
    assert '<option value="all" selected>' in content and "state=VNM" in content
    assert "Choose a state under review to compare its cycles." in content


def test_an_unknown_state_is_refused_everywhere(client, states_world):
    client.force_login(states_world.viewer)
    assert client.get(URL, {"state": "XYZ"}).status_code == 404
    _, secret = ApiToken.issue(states_world.viewer, "test")
    response = client.get(
        "/api/dashboard", {"state": "XYZ"}, headers={"Authorization": f"Bearer {secret}"}
    )
    assert response.status_code == 404
    with pytest.raises(CommandError):
        call_command("dashboard", "--state", "XYZ", stdout=io.StringIO())


def test_the_api_and_the_cli_take_the_state(client, states_world):
    _, secret = ApiToken.issue(states_world.viewer, "test")
    data = client.get(
        "/api/dashboard", {"state": "THA"}, headers={"Authorization": f"Bearer {secret}"}
    ).json()
    assert data["state"] == "THA" and data["headline"]["accepted"] == 3
    out = io.StringIO()
    call_command("dashboard", "--state", "all", "--json", stdout=out)
    assert '"state": "all"' in out.getvalue()


# --- cycles compared ---------------------------------------------------------------------


def _columns(user, state="VNM"):
    return {column.cycle: column for column in cycles.cycle_comparison(user, state)}


def test_two_cycles_side_by_side(states_world):
    columns = _columns(states_world.viewer)
    assert sorted(columns) == [1, 3, 4]  # 1 from the imported item's session
    three, four = columns[3], columns[4]
    assert (three.total, three.accepted, three.noted, three.undecided) == (4, 3, 1, 0)
    assert (three.accepted_share, three.noted_share) == (75.0, 25.0)
    assert (four.total, four.accepted, four.noted, four.undecided) == (5, 3, 1, 1)
    assert (four.accepted_share, four.noted_share) == (60.0, 20.0)
    implemented = {s.key: (s.count, s.share) for s in three.statuses}
    assert implemented["implemented"] == (2, 66.7) and implemented["none"] == (1, 33.3)
    going = {s.key: (s.count, s.share) for s in four.statuses}
    assert going["implemented"] == (1, 33.3) and going["in_progress"] == (1, 33.3)
    assert "framework=upr-vn-3" in three.url and "state=VNM" in three.url


def test_the_comparison_is_scoped(states_world):
    assert _columns(states_world.coordinator)[4].total == 6  # and the draft
    assert _columns(states_world.officer_a)[4].total == 5


def test_published_figures_stand_beside_the_counts(states_world):
    columns = _columns(states_world.viewer)
    published = columns[3].published
    assert (published.recommendations, published.accepted, published.noted) == (291, 241, 50)
    assert published.accepted_share == 82.8 and published.sources
    assert columns[4].published.accepted == 271
    assert columns[1].published is None
    assert columns[3].total == 4  # never added to the counts


def test_thailand_compares_its_own_cycles(states_world):
    columns = _columns(states_world.viewer, "THA")
    assert sorted(columns) == [1, 3]
    assert (columns[3].accepted, columns[3].noted) == (2, 1)
    assert columns[3].published is None
    assert cycles.cycle_comparison(states_world.viewer, filters.ALL_STATES) == []


def test_a_published_cycle_without_items(world):
    """No item of the home state in camket: the published cycles still show, counting 0."""
    columns = _columns(world.viewer)
    assert columns[3].total == 0 and columns[3].published.recommendations == 291


def test_the_page_compares_the_cycles(client, states_world):
    client.force_login(states_world.viewer)
    content = client.get(URL).content.decode()
    table = content.split('id="cycle-table"')[1].split("</table>")[0]
    assert "Cycle III" in table and "Cycle IV" in table and "291" in table
    assert "82.8%" in table and "75.0%" in table
    assert "Sources of the published figures" in content


@pytest.mark.parametrize(
    ("session", "cycle"),
    [(1, 1), (5, 1), (12, 1), (13, 2), (32, 3), (46, 4), (None, None), (999, None)],
)
def test_cycle_of_session(session, cycle):
    assert cycles.cycle_of_session(session) == cycle
