"""The portal's pages: switch, cache, search and filters, language, query counts."""

import pytest
from django.urls import reverse

from camket.frameworks.models import Framework, Recommendation
from camket.public.cache import generation
from camket.review.services import set_status
from tests.personas import make_recommendation

pytestmark = pytest.mark.django_db


def _portal_urls(world) -> list[str]:
    slug = world.framework.slug
    return [
        "/public/",
        f"/public/{slug}/",
        f"/public/{slug}/?q=trafficking",
        f"/public/{slug}/actions/",
        reverse("public-item", args=[slug, world.item.reference]),
        reverse("public-action", args=[slug, world.action.pk]),
        reverse("public-evidence", args=[world.public_file.pk]),
        f"/public/language/vi/?next=/public/{slug}/",
        "/api/public/frameworks",
        f"/api/public/frameworks/{slug}/items",
        f"/api/public/frameworks/{slug}/items/{world.item.reference}",
        f"/api/public/frameworks/{slug}/actions",
        f"/api/public/frameworks/{slug}/actions/{world.action.pk}",
    ]


def test_every_portal_url_is_gone_when_the_portal_is_switched_off(client, portal_world, settings):
    urls = _portal_urls(portal_world)
    assert all(client.get(url).status_code in (200, 302) for url in urls)
    settings.CAMKET_PUBLIC_PORTAL = False
    for url in urls:  # cached pages too
        assert client.get(url).status_code == 404, url


def test_an_unpublished_item_leaves_the_portal_at_once(client, portal_world):
    world = portal_world
    url = reverse("public-item", args=[world.framework.slug, world.item.reference])
    listing = f"/public/{world.framework.slug}/"
    api = f"/api/public/frameworks/{world.framework.slug}/items"
    assert client.get(url).status_code == 200
    assert world.item.reference.encode() in client.get(listing).content
    assert b'"count": 2' in client.get(api).content.replace(b'"count":2', b'"count": 2')
    before = generation()
    set_status(world.plan_world.world.coordinator, [world.item], "draft")
    assert generation() > before
    assert client.get(url).status_code == 404
    assert f">{world.item.reference}<".encode() not in client.get(listing).content
    assert b'"count": 1' in client.get(api).content.replace(b'"count":1', b'"count": 1')


def test_a_page_is_computed_once_per_generation(
    client, portal_world, django_assert_max_num_queries
):
    url = f"/public/{portal_world.framework.slug}/"
    client.get(url)
    with django_assert_max_num_queries(0):
        assert client.get(url).status_code == 200
    Framework.objects.filter(pk=portal_world.framework.pk).update(public=False)
    # A queryset update sends no signal: the page stays until something is saved…
    assert client.get(url).status_code == 200
    portal_world.framework.refresh_from_db()
    portal_world.framework.save()  # …and saving through the model takes it off at once
    assert client.get(url).status_code == 404


def test_search_folds_diacritics_and_filters_use_public_choices_only(client, portal_world):
    slug = portal_world.framework.slug
    found = client.get(f"/public/{slug}/", {"q": "mua ban nguoi"}).content.decode()
    assert f">{portal_world.item.reference}<" in found
    assert "A/HRC/1.1" not in found
    page = client.get(f"/public/{slug}/").content.decode()
    assert "PUBMARK-THEME" in page and "SECRET-DRAFT-THEME" not in page
    assert "New Zealand" not in page  # only a draft names it
    assert "Japan" in page  # the published child names it
    japan = portal_world.child.recommending_states.get()
    filtered = client.get(f"/public/{slug}/", {"state": japan.pk}).content.decode()
    assert "A/HRC/1.1" in filtered and f">{portal_world.item.reference}<" not in filtered
    by_response = client.get(f"/public/{slug}/", {"response": "none"}).content.decode()
    assert "A/HRC/1.1" in by_response and f">{portal_world.item.reference}<" not in by_response


def test_the_language_switch_needs_no_sign_in(client, portal_world, settings):
    slug = portal_world.framework.slug
    response = client.get(f"/public/language/vi/?next=/public/{slug}/")
    assert response.status_code == 302 and response["Location"] == f"/public/{slug}/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "vi"
    page = client.get(f"/public/{slug}/items/{portal_world.item.reference}/").content.decode()
    assert '<html lang="vi">' in page
    assert "Tiếp tục nỗ lực phòng, chống mua bán người." in page
    client.get("/public/language/en/")
    english = client.get(f"/public/{slug}/items/{portal_world.item.reference}/").content.decode()
    assert '<html lang="en">' in english
    # Only pages of the portal as targets: no open redirect.
    for target in ("https://evil.example/", "//evil.example/", "/admin/"):
        assert client.get("/public/language/en/", {"next": target})["Location"] == "/public/"


def _grow(world, numbers) -> None:
    """Published items, each implemented by a published action (with the first item too)."""
    from camket.plans import services

    coordinator = world.plan_world.world.coordinator
    for number in numbers:
        item = make_recommendation(
            world.framework,
            f"9.{number}",
            f"Extra item {number}",
            states=["Japan", f"State {number}"],
        )
        item.categories.add(*world.item.categories.all())
        action = services.create_action(
            coordinator,
            world.plan_world.plan,
            {
                "reference": f"X{number}",
                "title": f"Extra action {number}",
                "lead_agency": world.plan_world.world.agency_b,
            },
            recommendations=[item, world.item],
        )
        services.set_publication(coordinator, [action], "published")


def _count_queries(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def test_no_query_per_record(client, portal_world, django_assert_max_num_queries):
    """The framework list, item list, item page and action list (pages and API) run as many
    queries for 3 records as for 30."""
    world = portal_world
    slug = world.framework.slug
    urls = [
        "/public/",
        f"/public/{slug}/",
        f"/public/{slug}/actions/",
        reverse("public-item", args=[slug, world.item.reference]),
        reverse("public-action", args=[slug, world.action.pk]),
        "/api/public/frameworks",
        f"/api/public/frameworks/{slug}/items",
        f"/api/public/frameworks/{slug}/items/{world.item.reference}",
        f"/api/public/frameworks/{slug}/actions",
    ]
    _grow(world, range(3))
    few = {url: _count_queries(client, url) for url in urls}
    _grow(world, range(3, 30))
    assert Recommendation.objects.filter(framework=world.framework).count() > 30
    for url in urls:
        with django_assert_max_num_queries(few[url]):
            assert client.get(url).status_code == 200
