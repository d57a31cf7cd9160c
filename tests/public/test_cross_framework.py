"""An action may implement items of several frameworks: each is named and linked under its own."""

import pytest

from camket.frameworks.models import Framework
from tests.personas import make_recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def foreign(portal_world):
    """A public treaty-body item with the same reference as the UPR item, implemented by the
    UPR plan's action too."""
    other = Framework.objects.create(slug="cedaw", name="CEDAW", kind="treaty_body", public=True)
    item = make_recommendation(other, portal_world.item.reference, "CEDAW-FOREIGN item text")
    portal_world.action.recommendations.add(item)
    return item


def test_the_action_pages_link_each_item_under_its_own_framework(client, portal_world, foreign):
    slug, reference = portal_world.framework.slug, portal_world.item.reference
    own = f'href="/public/{slug}/items/{reference}/"'
    theirs = f'href="/public/cedaw/items/{reference}/"'
    for url in (f"/public/{slug}/actions/{portal_world.action.pk}/", f"/public/{slug}/actions/"):
        body = client.get(url).content.decode()
        assert body.count(own) == 1 and body.count(theirs) == 1, url
        assert "CEDAW " + reference in body  # the foreign item says which framework it is of
    assert client.get(f"/public/cedaw/items/{reference}/").status_code == 200


def test_the_api_names_another_frameworks_item_with_its_slug(client, portal_world, foreign):
    slug, reference = portal_world.framework.slug, portal_world.item.reference
    action = client.get(f"/api/public/frameworks/{slug}/actions/{portal_world.action.pk}").json()
    assert action["items"] == [reference, f"cedaw:{reference}"]
    listed = client.get(f"/api/public/frameworks/{slug}/actions").json()["items"]
    assert [a["items"] for a in listed if a["id"] == portal_world.action.pk] == [
        [reference, f"cedaw:{reference}"]
    ]


def test_an_items_page_lists_the_actions_of_other_frameworks_plans(client, portal_world, foreign):
    slug = portal_world.framework.slug
    page = client.get(f"/public/cedaw/items/{foreign.reference}/").content.decode()
    assert portal_world.action.title in page
    assert f'href="/public/{slug}/actions/{portal_world.action.pk}/"' in page
    assert client.get(f"/public/{slug}/actions/{portal_world.action.pk}/").status_code == 200
    api = client.get(f"/api/public/frameworks/cedaw/items/{foreign.reference}").json()
    assert [a["id"] for a in api["actions"]] == [portal_world.action.pk]
    assert "SECRET" not in page and "SECRET" not in str(api)


def test_an_action_of_a_framework_off_the_portal_stays_off_the_items_page(
    client, portal_world, foreign
):
    Framework.objects.filter(pk=portal_world.framework.pk).update(public=False)
    page = client.get(f"/public/cedaw/items/{foreign.reference}/").content.decode()
    assert portal_world.action.title not in page
    assert "No published action implements it yet." in page
