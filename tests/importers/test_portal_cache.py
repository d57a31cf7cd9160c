"""An import writes in bulk, without signals: it must still take the old rows off the portal."""

import pytest
from django.core.cache import cache

from camket.frameworks.models import Framework
from camket.importers.service import import_file
from camket.public.cache import generation

FILE = (
    "Reference,Text,Recommending states,Response\n"
    "7.1,Continue to combat trafficking in persons.,Philippines,Supported\n"
)


@pytest.fixture
def portal_import(world, tmp_path):
    """FILE imported (published) into the world's framework, which is on the portal."""
    cache.clear()
    Framework.objects.filter(pk=world.framework.pk).update(public=True)
    path = tmp_path / "matrix.csv"
    path.write_text(FILE, encoding="utf-8")
    summary = import_file(path, framework_slug="upr-vn-4", user=world.coordinator, publish=True)
    assert summary.ok and summary.created == 1, summary.errors
    yield path
    cache.clear()


def test_a_reimport_changing_a_published_item_shows_on_the_portal_and_api_at_once(
    client, world, portal_import
):
    page, api = "/public/upr-vn-4/items/7.1/", "/api/public/frameworks/upr-vn-4/items/7.1"
    assert "combat trafficking" in client.get(page).content.decode()
    assert client.get(api).json()["response"] == "supported"
    portal_import.write_text(
        FILE.replace("combat trafficking", "end trafficking").replace(",Supported", ",Noted"),
        encoding="utf-8",
    )
    before = generation()
    summary = import_file(
        portal_import, framework_slug="upr-vn-4", user=world.coordinator, publish=True
    )
    assert summary.ok and summary.updated == 1, summary.errors
    assert generation() > before
    body = client.get(page).content.decode()
    assert "end trafficking" in body and "combat trafficking" not in body
    answer = client.get(api).json()
    assert (answer["text"], answer["response"]) == (
        "Continue to end trafficking in persons.",
        "noted",
    )


def test_a_reimport_changing_nothing_keeps_the_portal_cache(client, world, portal_import):
    before = generation()
    summary = import_file(
        portal_import, framework_slug="upr-vn-4", user=world.coordinator, publish=True
    )
    assert summary.ok and summary.unchanged == 1 and summary.updated == 0
    assert generation() == before


def test_a_dry_run_keeps_the_portal_cache(world, portal_import):
    portal_import.write_text(FILE.replace("combat", "end"), encoding="utf-8")
    before = generation()
    summary = import_file(
        portal_import, framework_slug="upr-vn-4", user=world.coordinator, dry_run=True
    )
    assert summary.ok and summary.updated == 1
    assert generation() == before
