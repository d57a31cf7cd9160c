"""The tree page of a framework, its breadcrumbs on an item's page, per persona: drafts hidden,
levels named in the reader's language, status rolled up from the leaves the reader may see."""

import pytest

from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.outline import roll_up
from tests.personas import make_recommendation

PERSONAS = ["coordinator", "officer_a", "officer_b", "viewer"]
LOGIN = "/accounts/login/"


@pytest.fixture
def programme(world):
    """Sub-programme SP5 → outcome SP5.1 → outputs SP5.1.1 (implemented) and SP5.1.2 (a draft,
    in progress)."""
    framework = Framework.objects.create(
        slug="unodc-cp",
        name="UNODC country programme",
        name_vi="Chương trình quốc gia UNODC",
        kind="programme",
    )
    top = make_recommendation(framework, "SP5", "Drug demand reduction and HIV/AIDS")
    outcome = make_recommendation(framework, "SP5.1", "Drug users reach evidence-based treatment")
    done = make_recommendation(framework, "SP5.1.1", "Methadone treatment extended")
    draft = make_recommendation(
        framework, "SP5.1.2", "Draft output on harm reduction", status="draft"
    )
    for item, parent, level in ((outcome, top, 1), (done, outcome, 2), (draft, outcome, 2)):
        item.parent, item.level = parent, level
        item.save()
    Recommendation.objects.filter(pk=done.pk).update(implementation="implemented")
    Recommendation.objects.filter(pk=draft.pk).update(implementation="in_progress")
    return framework


def _references(response) -> list[str]:
    page = response.content.decode()
    return [
        ref for ref in ("SP5", "SP5.1", "SP5.1.1", "SP5.1.2") if f'data-reference="{ref}"' in page
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_tree_shows_only_what_the_persona_may_see(client, world, programme, persona):
    client.force_login(getattr(world, persona))
    response = client.get("/frameworks/unodc-cp/tree/")
    assert response.status_code == 200
    expected = ["SP5", "SP5.1", "SP5.1.1"] + (["SP5.1.2"] if persona == "coordinator" else [])
    assert _references(response) == expected
    page = response.content.decode()
    assert ("Draft output on harm reduction" in page) == (persona == "coordinator")
    (root,) = response.context["roots"]
    # the coordinator's outcome has an implemented and an in-progress output; others see one
    assert root.status == ("partly_implemented" if persona == "coordinator" else "implemented")
    assert root.children[0].leaf_counts["implemented"] == 1


def test_anonymous_is_sent_to_the_login_page(client, programme):
    response = client.get("/frameworks/unodc-cp/tree/")
    assert response.status_code == 302 and response.url.startswith(LOGIN)


def test_a_framework_of_drafts_only_is_not_found_by_others(client, world):
    framework = Framework.objects.create(slug="draft-only", name="Draft only", kind="strategy")
    make_recommendation(framework, "1", "Objective", status="draft")
    client.force_login(world.viewer)
    assert client.get("/frameworks/draft-only/tree/").status_code == 404
    client.force_login(world.coordinator)
    assert client.get("/frameworks/draft-only/tree/").status_code == 200


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("en", ["Sub-programme", "Outcome", "Output"]),
        ("vi", ["Tiểu chương trình", "Kết quả", "Đầu ra"]),
    ],
)
def test_levels_are_named_in_the_readers_language(client, world, programme, language, labels):
    client.force_login(world.viewer)
    response = client.get("/frameworks/unodc-cp/tree/", HTTP_ACCEPT_LANGUAGE=language)
    (root,) = response.context["roots"]
    outcome = root.children[0]
    assert [root.level_label, outcome.level_label, outcome.children[0].level_label] == labels
    title = "Chương trình quốc gia UNODC" if language == "vi" else "UNODC country programme"
    assert response.context["framework_label"] == title


def test_item_page_shows_its_parent_chain_and_its_visible_children(client, world, programme):
    outcome = Recommendation.objects.get(reference="SP5.1")
    client.force_login(world.viewer)
    response = client.get(f"/recommendations/{outcome.pk}/")
    assert [item.reference for item in response.context["ancestors"]] == ["SP5"]
    assert [item.reference for item in response.context["children"]] == ["SP5.1.1"]
    page = response.content.decode()
    assert "/frameworks/unodc-cp/tree/" in page and "Draft output" not in page
    client.force_login(world.coordinator)
    response = client.get(f"/recommendations/{outcome.pk}/")
    assert [item.reference for item in response.context["children"]] == ["SP5.1.1", "SP5.1.2"]


def test_a_hidden_parent_ends_the_breadcrumbs(client, world, programme):
    Recommendation.objects.filter(reference="SP5").update(status="draft")
    output = Recommendation.objects.get(reference="SP5.1.1")
    client.force_login(world.viewer)
    response = client.get(f"/recommendations/{output.pk}/")
    assert [item.reference for item in response.context["ancestors"]] == ["SP5.1"]
    tree = client.get("/frameworks/unodc-cp/tree/")
    assert [node.item.reference for node in tree.context["roots"]] == ["SP5.1"]


def test_the_list_links_to_the_tree_of_a_framework_with_levels(client, world, programme):
    client.force_login(world.viewer)
    page = client.get("/recommendations/").content.decode()
    assert "/frameworks/unodc-cp/tree/" in page
    assert "/frameworks/upr-vn-4/tree/" not in page  # one level: a list is its tree


@pytest.mark.parametrize(
    ("children", "own", "expected"),
    [
        (["implemented", "implemented"], "", "implemented"),
        (["implemented", ""], "", "partly_implemented"),
        (["", ""], "", ""),
        (["not_started", "in_progress"], "", "in_progress"),
        (["not_implemented", "not_implemented"], "", "not_implemented"),
        (["implemented"], "in_progress", "partly_implemented"),
    ],
)
def test_status_rolls_up_by_the_rule_of_actions(children, own, expected):
    assert roll_up(children, own) == expected
