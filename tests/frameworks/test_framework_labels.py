"""A Vietnamese reader sees a framework's Vietnamese name on the list (filter and facets),
the result rows and the item page; an English reader the English one."""

import pytest
from django.test import Client

from camket.frameworks.models import Framework

pytestmark = pytest.mark.django_db

NAME_VI = "Chu kỳ UPR thứ tư của Việt Nam"


@pytest.fixture
def named(world):
    Framework.objects.filter(pk=world.framework.pk).update(name_vi=NAME_VI)
    return world


def _page(user, path, language):
    client = Client()
    client.force_login(user)
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("persona", ["coordinator", "officer_a", "viewer"])
def test_the_list_names_the_framework_in_the_readers_language(named, persona):
    user = getattr(named, persona)
    page = _page(user, "/recommendations/?state=all", "vi")
    assert page.count(NAME_VI) >= 2  # filter option and result row (and facet)
    assert ">UPR Viet Nam cycle 4<" not in page
    assert NAME_VI not in _page(user, "/recommendations/?state=all", "en")


def test_the_item_page_names_the_framework_in_vietnamese(named):
    page = _page(named.viewer, f"/recommendations/{named.published.pk}/", "vi")
    assert f"<dd>{NAME_VI}</dd>" in page


def test_a_framework_without_a_vietnamese_name_reads_in_english(world):
    page = _page(world.viewer, f"/recommendations/{world.published.pk}/", "vi")
    assert "<dd>UPR Viet Nam cycle 4</dd>" in page
