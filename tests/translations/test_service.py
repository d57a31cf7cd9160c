"""Entering an item's Vietnamese text: concurrency, history, search, the htmx form."""

import pytest
from django.core.exceptions import PermissionDenied

from camket.frameworks import search
from camket.frameworks.models import Recommendation
from camket.lib.concurrency import StaleEdit
from camket.translations.services import set_vietnamese_text


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def test_a_stale_version_is_refused_and_nothing_is_written(world):
    item = world.published
    old_version = item.version
    set_vietnamese_text(world.coordinator, item, "Bản thứ nhất", version=old_version)
    other = Recommendation.objects.get(pk=item.pk)
    with pytest.raises(StaleEdit):
        set_vietnamese_text(world.coordinator, other, "Bản thứ hai", version=old_version)
    assert Recommendation.objects.get(pk=item.pk).text_vi == "Bản thứ nhất"


def test_history_names_who_changed_the_text_and_what(world):
    item = world.published
    before = item.history.count()
    set_vietnamese_text(
        world.coordinator, item, "Tiếp tục phòng, chống mua bán người.", version=item.version
    )
    latest = item.history.latest()
    assert item.history.count() == before + 1
    assert latest.history_user == world.coordinator
    assert latest.text_vi == "Tiếp tục phòng, chống mua bán người."
    assert "text_vi" in latest.diff_against(latest.prev_record).changed_fields


def test_the_same_text_again_writes_nothing(world):
    item = world.published
    before = (item.history.count(), item.version)
    changed = set_vietnamese_text(
        world.coordinator, item, "  " + item.text_vi + "\n", version=item.version
    )
    item.refresh_from_db()
    assert changed is False
    assert (item.history.count(), item.version) == before


def test_refused_to_whom_it_does_not_concern(world):
    with pytest.raises(PermissionDenied):
        set_vietnamese_text(world.officer_b, world.sent_to_a, "x", version=world.sent_to_a.version)
    with pytest.raises(PermissionDenied):
        set_vietnamese_text(world.viewer, world.published, "x", version=world.published.version)


@pytest.mark.parametrize("query", ["tra tấn", "tra tan", "TRA TẤN"])
def test_search_finds_a_newly_entered_vietnamese_text(world, query):
    item = world.draft  # "Establish a national human rights institution."
    params = search.SearchParams(q=query)
    assert item not in search.search(world.coordinator, params)
    set_vietnamese_text(
        world.coordinator,
        item,
        "Thành lập cơ quan nhân quyền quốc gia; phòng, chống tra tấn.",
        version=item.version,
    )
    assert item in search.search(world.coordinator, params)


def test_the_list_filters_and_marks_items_without_vietnamese_text(world, client):
    client.force_login(_user("coordinator"))
    missing = client.get("/recommendations/", {"translation": "missing"}).content.decode()
    done = client.get("/recommendations/", {"translation": "done"}).content.decode()
    assert world.draft.reference in missing and "No Vietnamese text" in missing
    assert f'/recommendations/{world.published.pk}/"' not in missing
    assert f'/recommendations/{world.published.pk}/"' in done
    assert f'/recommendations/{world.draft.pk}/"' not in done
    assert "No Vietnamese text" not in done.split("<tbody>")[1]


def test_the_api_filters_on_translation(world, client):
    from camket.accounts.models import ApiToken

    headers = {"Authorization": f"Bearer {ApiToken.issue(world.coordinator, 't')[1]}"}
    body = client.get("/api/recommendations", {"translation": "missing"}, headers=headers).json()
    ids = {item["id"] for item in body["items"]}
    assert world.draft.pk in ids and world.published.pk not in ids
    assert all(item["text_vi"] == "" for item in body["items"])


def test_htmx_save_returns_the_block_and_a_stale_one_keeps_the_text(world, client):
    client.force_login(_user("coordinator"))
    item = world.draft
    url = f"/recommendations/{item.pk}/translation/"
    first = client.post(
        url, {"text_vi": "Bản dịch một", "version": item.version}, HTTP_HX_REQUEST="true"
    )
    page = first.content.decode()
    assert first.status_code == 200 and 'id="item-texts"' in page
    assert "Bản dịch một" in page
    stale = client.post(
        url, {"text_vi": "Bản dịch <b>hai</b>", "version": item.version}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert 'role="alert"' in stale
    assert "Bản dịch &lt;b&gt;hai&lt;/b&gt;" in stale  # kept in the form, escaped
    item.refresh_from_db()
    assert item.text_vi == "Bản dịch một"
    assert f'name="version" value="{item.version}"' in stale


def test_the_detail_page_shows_the_readers_language_first(world, client):
    client.force_login(_user("viewer"))
    url = f"/recommendations/{world.published.pk}/"
    vietnamese = client.get(url, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    english = client.get(url).content.decode()
    first_vi = vietnamese.index('id="item-texts"')
    assert vietnamese.index("Tiếp tục nỗ lực", first_vi) < vietnamese.index(
        "Continue efforts", first_vi
    )
    assert english.index("Continue efforts", english.index('id="item-texts"')) < english.index(
        "Tiếp tục nỗ lực"
    )


def test_a_missing_translation_is_marked_on_the_detail_page(world, client):
    client.force_login(_user("coordinator"))
    page = client.get(
        f"/recommendations/{world.draft.pk}/", HTTP_ACCEPT_LANGUAGE="vi"
    ).content.decode()
    block = page[page.index('id="item-texts"') :]
    assert 'class="badge lang-missing"' in block
    assert '<p class="text" lang="en">Establish a national' in block
