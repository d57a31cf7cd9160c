"""Nothing draft or internal leaks through any public page, file or API answer: the whole portal
is crawled, in both languages, from /public/ and from the public API."""

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import reverse

from tests.public.portal_world import PUBLIC_MARKERS, SECRET

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]+)"')
PUBLIC_PREFIXES = ("/public/", "/api/public/")


def _links(url: str, body: str) -> set[str]:
    found = set()
    for href in HREF.findall(body):
        href = href.replace("&amp;", "&")
        parts = urlsplit(urljoin(url, href))
        if parts.netloc not in ("", "testserver") or not parts.path.startswith(PUBLIC_PREFIXES):
            continue
        if parts.path.startswith("/public/language/"):
            continue  # a redirect that only sets a cookie; checked in test_language
        found.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def _api_links(world) -> set[str]:
    slug = world.framework.slug
    return {
        "/api/public/frameworks",
        f"/api/public/frameworks/{slug}/items",
        f"/api/public/frameworks/{slug}/items?q=trafficking",
        f"/api/public/frameworks/{slug}/items?response=supported&page=1",
        f"/api/public/frameworks/{slug}/items/{world.item.reference}",
        f"/api/public/frameworks/{slug}/items/{world.child.reference}",
        f"/api/public/frameworks/{slug}/actions",
        f"/api/public/frameworks/{slug}/actions/{world.action.pk}",
    }


def crawl(client, world) -> dict[str, bytes]:
    """Every page reachable from the portal's home and the API's entry points."""
    slug = world.framework.slug
    queue = [
        "/public/",
        f"/public/{slug}/",
        f"/public/{slug}/actions/",
        reverse("public-item", args=[slug, world.item.reference]),
        reverse("public-item", args=[slug, world.child.reference]),
        reverse("public-action", args=[slug, world.action.pk]),
        *sorted(_api_links(world)),
    ]
    seen: dict[str, bytes] = {}
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        body = b"".join(response.streaming_content) if response.streaming else response.content
        seen[url] = body
        if "html" in response["Content-Type"]:
            queue.extend(_links(url, body.decode()) - set(seen))
        elif "json" in response["Content-Type"]:
            queue.extend(
                f"/public/evidence/{file_id}/"
                for file_id in re.findall(r'"id": ?(\d+), ?"name"', body.decode())
            )
        assert len(seen) < 400, "the crawl does not end"
    return seen


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_draft_or_internal_field_reaches_the_public(client, portal_world, language, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    pages = crawl(client, portal_world)
    everything = b"\n".join(pages.values()).decode("utf-8", "replace")
    leaked = sorted({match for match in re.findall(SECRET + r"[-\w.]*", everything)})
    assert not leaked, f"internal content on the portal: {leaked}"
    missing = [marker for marker in PUBLIC_MARKERS if marker not in everything]
    assert not missing, f"public content missing from the portal: {missing}"
    # The crawl reached the pages it should: home, framework, items, actions, files, API.
    slug = portal_world.framework.slug
    assert f"/public/evidence/{portal_world.public_file.pk}/" in pages
    assert f"/public/{slug}/items/{portal_world.child.reference}/" in pages
    assert any(url.startswith(f"/public/{slug}/?") for url in pages)  # filter links
    assert any(url.startswith("/api/public/") for url in pages)


def test_draft_and_internal_records_are_not_found(client, portal_world):
    world = portal_world
    slug = world.framework.slug
    for url in [
        reverse("public-item", args=[slug, world.draft.reference]),
        reverse("public-action", args=[slug, world.draft_action.pk]),
        reverse("public-evidence", args=[world.internal_file.pk]),
        reverse("public-evidence", args=[world.archived_file.pk]),
        reverse("public-framework", args=["private-fw"]),
        reverse("public-item", args=["private-fw", world.private_item.reference]),
        reverse("public-framework", args=["archived-fw"]),
        f"/api/public/frameworks/{slug}/items/{world.draft.reference}",
        f"/api/public/frameworks/{slug}/actions/{world.draft_action.pk}",
        "/api/public/frameworks/private-fw/items",
        "/api/public/frameworks/archived-fw/actions",
    ]:
        assert client.get(url).status_code == 404, url


def test_the_public_file_is_served_and_only_it(client, portal_world):
    response = client.get(reverse("public-evidence", args=[portal_world.public_file.pk]))
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF") and b"PUBMARK-file.pdf" in body
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_api_answers_without_sign_in_and_with_public_fields_only(client, portal_world):
    slug = portal_world.framework.slug
    body = client.get(f"/api/public/frameworks/{slug}/items/{portal_world.item.reference}")
    data = json.loads(body.content)
    assert data["response_reason"] == "PUBMARK-REASON"
    assert [a["reference"] for a in data["actions"]] == ["1"]
    progress = data["actions"][0]["indicators"][0]["progress"]
    assert [p["narrative"] for p in progress] == ["PUBMARK-NARRATIVE"]
    assert [f["name"] for f in progress[0]["files"]] == ["PUBMARK-file.pdf"]
    for hidden in (
        "cluster",
        "imported_values",
        "budget_source",
        "status_reason",
        "review_comment",
        "decided_by",
        "status",
    ):
        assert hidden not in data
    action = data["actions"][0]
    assert "budget_source" not in action and "status_reason" not in action
