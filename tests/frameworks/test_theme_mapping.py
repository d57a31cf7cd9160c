"""Imported theme labels land on the taxonomy's categories (by code, name, Vietnamese name or a
shipped alias); labels that match nothing are kept, flagged, and a coordinator (only) maps them
onto a category, re-tagging the items with history, or keeps them with a Vietnamese name."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import translation

from camket.frameworks.history import entries_for, readable_reason
from camket.frameworks.models import Category
from camket.frameworks.taxonomies import CategoryResolver, ensure_builtin_taxonomies
from camket.frameworks.theme_mapping import (
    MAPPED_REASON,
    keep_category,
    map_category,
    unmapped_categories,
)
from camket.lib.vocabulary import AFFECTED_PERSONS, UHRI_THEMES, UPR_INFO_ISSUES

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _taxonomies(db):
    ensure_builtin_taxonomies()


@pytest.mark.parametrize(
    "slug, label, code",
    [
        (UHRI_THEMES, "B31 Equality & non-discrimination", "B3"),  # a UHRI subject: its theme
        (UHRI_THEMES, "D27 Prohibition of slavery, trafficking", "D2"),
        (UHRI_THEMES, "Equality & non-discrimination", "B3"),  # "&" is "and"
        (UHRI_THEMES, "Human trafficking & contemporary forms of slavery", "D2"),  # shipped alias
        (
            UHRI_THEMES,
            "12.5. Prohibition of torture and cruel, inhuman or degrading treatment",
            "D2",
        ),
        (UHRI_THEMES, "Quyền được giáo dục", "E5"),  # the Vietnamese name
        (UHRI_THEMES, "quyen duoc giao duc", "E5"),  # without diacritics
        (
            UHRI_THEMES,
            "G2 Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)",
            "G2",
        ),
    ],
)
def test_imported_uhri_labels_land_on_the_taxonomy(slug, label, code):
    resolver = CategoryResolver()
    category = resolver.resolve(slug, label)
    assert category.code == code and not category.unmapped
    assert resolver.created == []


@pytest.mark.parametrize(
    "slug, label, name",
    [
        (UPR_INFO_ISSUES, "Rights of the Child", "Rights of the Child"),
        (UPR_INFO_ISSUES, "Quyền trẻ em", "Rights of the Child"),
        (AFFECTED_PERSONS, "Women & girls", "Women"),
        (AFFECTED_PERSONS, "judiciary", "Judges, lawyers and prosecutors"),
    ],
)
def test_issue_and_person_labels_land_on_their_category(slug, label, name):
    resolver = CategoryResolver()
    assert resolver.resolve(slug, label).name == name
    assert resolver.created == []


def test_a_label_that_matches_nothing_is_kept_and_flagged():
    resolver = CategoryResolver()
    category = resolver.resolve(UHRI_THEMES, "Space law")
    assert category.pk and category.unmapped and category.name == "Space law"
    assert resolver.created == [(UHRI_THEMES, "Space law")]
    assert CategoryResolver().resolve(UHRI_THEMES, "space law") == category  # found again


def test_a_taxonomy_the_file_brings_is_not_flagged():
    resolver = CategoryResolver()
    resolver.declare([{"slug": "national-themes", "name": "National themes"}])
    assert resolver.resolve("national-themes", "Hành chính công").unmapped is False


def _tagged_with_unmapped(world):
    unmapped = CategoryResolver().resolve(UHRI_THEMES, "Access to clean water supply")
    world.published.categories.add(unmapped)
    world.draft.categories.add(unmapped)
    return unmapped


def test_the_coordinator_maps_an_unmapped_label_and_its_items_follow(world):
    unmapped = _tagged_with_unmapped(world)
    target = Category.objects.get(taxonomy__slug=UHRI_THEMES, code="E2")
    history_before = world.published.history.count()
    result = map_category(world.coordinator, unmapped, target)
    assert (result.retagged, result.left_elsewhere) == (2, 0)
    assert world.published.history.count() == history_before + 1  # one row per item
    assert not Category.objects.filter(pk=unmapped.pk).exists()
    for item in (world.published, world.draft):
        assert list(item.categories.values_list("code", flat=True)) == ["E2"]
    with translation.override("en"):
        [latest, *_] = entries_for(world.published, user=world.coordinator)
    assert latest.who == world.coordinator.get_full_name()
    assert latest.reason == (
        "Imported theme “Access to clean water supply” mapped onto"
        " “E2 Right to an adequate standard of living”"
    )
    # the next import of the same label lands on the category it was mapped onto
    resolver = CategoryResolver()
    assert resolver.resolve(UHRI_THEMES, "Access to clean water supply") == target
    assert resolver.created == []


def test_the_coordinator_keeps_an_unmapped_label_with_a_vietnamese_name(world):
    unmapped = _tagged_with_unmapped(world)
    keep_category(world.coordinator, unmapped, "  Tiếp cận   nước sạch ")
    unmapped.refresh_from_db()
    assert unmapped.name_vi == "Tiếp cận nước sạch" and not unmapped.unmapped
    assert CategoryResolver().resolve(UHRI_THEMES, "Tiếp cận nước sạch") == unmapped


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "viewer"])
def test_only_coordinators_map(world, persona):
    unmapped = _tagged_with_unmapped(world)
    target = Category.objects.get(taxonomy__slug=UHRI_THEMES, code="E2")
    with pytest.raises(PermissionDenied):
        map_category(getattr(world, persona), unmapped, target)
    with pytest.raises(PermissionDenied):
        keep_category(getattr(world, persona), unmapped, "Nước")
    client = Client()
    client.force_login(getattr(world, persona))
    assert client.get("/taxonomies/unmapped/").status_code == 403
    response = client.post(
        f"/taxonomies/unmapped/{unmapped.pk}/", {"do": "map", "target": target.pk}
    )
    assert response.status_code == 403
    assert Category.objects.get(pk=unmapped.pk).unmapped


def test_the_anonymous_public_is_sent_to_sign_in(world):
    response = Client().get("/taxonomies/unmapped/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_coordinator_page_lists_and_maps(world):
    unmapped = _tagged_with_unmapped(world)
    target = Category.objects.get(taxonomy__slug=UHRI_THEMES, code="E2")
    client = Client()
    client.force_login(world.coordinator)
    page = client.get("/taxonomies/unmapped/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Access to clean water supply" in page
    assert "E2 Quyền có mức sống thích đáng" in page  # targets in the reader's language
    response = client.post(
        f"/taxonomies/unmapped/{unmapped.pk}/", {"do": "map", "target": target.pk}
    )
    assert response.status_code == 302
    assert list(world.published.categories.all()) == [target]
    page = client.get("/taxonomies/unmapped/").content.decode()  # shows the message once
    page = client.get("/taxonomies/unmapped/").content.decode()
    assert "Access to clean water supply" not in page


def test_a_category_cannot_be_mapped_onto_another_taxonomy(world):
    unmapped = _tagged_with_unmapped(world)
    elsewhere = Category.objects.get(taxonomy__slug=UPR_INFO_ISSUES, name="Right to water")
    client = Client()
    client.force_login(world.coordinator)
    client.post(f"/taxonomies/unmapped/{unmapped.pk}/", {"do": "map", "target": elsewhere.pk})
    assert Category.objects.get(pk=unmapped.pk).unmapped
    assert list(world.published.categories.all()) == [unmapped]


def test_a_coordinator_does_not_see_labels_only_drafts_of_others_use(world):
    unmapped = CategoryResolver().resolve(UHRI_THEMES, "Access to clean water supply")
    world.draft.categories.add(unmapped)
    client = Client()
    client.force_login(world.mps_coordinator)
    page = client.get("/taxonomies/unmapped/").content.decode()
    assert "Access to clean water supply" not in page
    target = Category.objects.get(taxonomy__slug=UHRI_THEMES, code="E2")
    response = client.post(
        f"/taxonomies/unmapped/{unmapped.pk}/", {"do": "map", "target": target.pk}
    )
    assert response.status_code == 404
    response = client.post(f"/taxonomies/unmapped/{unmapped.pk}/", {"do": "keep", "name_vi": "X"})
    assert response.status_code == 404
    assert list(world.draft.categories.all()) == [unmapped]
    client.force_login(world.coordinator)
    assert "Access to clean water supply" in client.get("/taxonomies/unmapped/").content.decode()


def test_counts_include_only_the_items_the_reader_may_see(world):
    unmapped = _tagged_with_unmapped(world)  # on a published item and a draft
    assert [(c.pk, c.items) for c in unmapped_categories(world.coordinator)] == [(unmapped.pk, 2)]
    assert [(c.pk, c.items) for c in unmapped_categories(world.mps_coordinator)] == [
        (unmapped.pk, 1)
    ]
    target = Category.objects.get(taxonomy__slug=UHRI_THEMES, code="E2")
    with pytest.raises(ValidationError):  # none of the items is of a framework they coordinate
        map_category(world.mps_coordinator, unmapped, target)
    assert set(world.draft.categories.all()) == {unmapped}


def test_mapping_retags_only_the_frameworks_the_user_coordinates(drug_world):
    world = drug_world
    unmapped = CategoryResolver().resolve(UHRI_THEMES, "Access to clean water supply")
    world.draft.categories.add(unmapped)
    world.drug_draft.categories.add(unmapped)
    target = Category.objects.get(taxonomy__slug=UHRI_THEMES, code="E2")
    result = map_category(world.mps_coordinator, unmapped, target)
    assert (result.retagged, result.left_elsewhere) == (1, 1)
    assert list(world.drug_draft.categories.all()) == [target]
    assert list(world.draft.categories.all()) == [unmapped]  # the UPR draft is not theirs
    unmapped.refresh_from_db()
    assert unmapped.unmapped  # kept for the UPR coordinator
    result = map_category(world.coordinator, unmapped, target)
    assert (result.retagged, result.left_elsewhere) == (1, 0)
    assert not Category.objects.filter(pk=unmapped.pk).exists()


def test_the_mapping_reason_is_translated_with_its_labels_when_read(world, monkeypatch):
    unmapped = _tagged_with_unmapped(world)
    target = Category.objects.get(taxonomy__slug=UHRI_THEMES, code="E2")
    map_category(world.coordinator, unmapped, target)
    stored = world.published.history.latest("history_date").history_change_reason
    assert stored == MAPPED_REASON % {
        "source": "Access to clean water supply",
        "target": "E2 Right to an adequate standard of living",
    }
    vietnamese = {MAPPED_REASON: "Chủ đề nhập “%(source)s” đã gán vào “%(target)s”"}
    monkeypatch.setattr("camket.frameworks.history._", lambda msgid: vietnamese.get(msgid, msgid))
    assert readable_reason(stored) == (
        "Chủ đề nhập “Access to clean water supply” đã gán vào"
        " “E2 Right to an adequate standard of living”"
    )
