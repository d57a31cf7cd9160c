"""Vietnamese names: states (pycountry + official corrections), SDG goals and targets, shown in
the reader's language on the list, the detail and the exports; history read in Vietnamese."""

import pytest
from django.test import Client
from django.utils import translation

from camket.frameworks.history import entries_for, readable_reason
from camket.frameworks.models import Category, Recommendation, State
from camket.frameworks.state_names import vietnamese_name
from camket.frameworks.states import StateResolver, iso3_for
from camket.frameworks.taxonomies import ensure_builtin_taxonomies
from camket.lib.vocabulary import SDG
from tests.personas import make_recommendation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "iso3, name_vi",
    [
        ("FRA", "Pháp"),  # pycountry
        ("USA", "Hoa Kỳ"),
        ("KOR", "Hàn Quốc"),
        ("LAO", "Lào"),  # corrected: pycountry differs
        ("VNM", "Việt Nam"),
        ("CZE", "Séc"),
    ],
)
def test_states_have_the_vietnamese_name_officials_use(iso3, name_vi):
    assert vietnamese_name(iso3) == name_vi


def test_a_state_made_by_an_import_is_named_in_both_languages():
    state = StateResolver().resolve("French Republic")
    assert (state.iso3, state.name, state.name_vi) == ("FRA", "France", "Pháp")
    assert state.label("vi") == "Pháp" and state.label("en") == "France"


def test_a_state_without_a_code_reads_as_written_in_both_languages():
    state = StateResolver().resolve("Sovereign Order of Malta")
    assert state.name_vi == "" and state.label("vi") == "Sovereign Order of Malta"


def test_names_written_in_vietnamese_resolve_too():
    assert iso3_for("Pháp") == "FRA" and iso3_for("Hoa Ky") == "USA"
    # short names that fold to another state's ISO code: Belgium ("bi": Burundi), Austria
    assert iso3_for("Bỉ") == "BEL" and iso3_for("Áo") == "AUT"


def test_the_data_migration_fills_the_states_already_there():
    State.objects.create(iso3="DEU", name="Germany")
    State.objects.filter(iso3="DEU").update(name_vi="")  # as before the migration
    from importlib import import_module

    from django.apps import apps

    migration = import_module("camket.frameworks.migrations.0012_state_name_vi")
    migration.fill_vietnamese_names(apps, None)
    assert State.objects.get(iso3="DEU").name_vi == "Đức"


def _page(user, path, language):
    client = Client()
    client.force_login(user)
    return client.get(path, HTTP_ACCEPT_LANGUAGE=language).content.decode()


def test_a_vietnamese_reader_sees_france_as_phap_on_the_list_and_the_detail(world):
    item = make_recommendation(
        world.framework, "9.1", "Abolish the death penalty.", states=["France"]
    )
    item.state_under_review = StateResolver().resolve("Viet Nam")
    item.save()
    listing = _page(world.coordinator, "/recommendations/?q=death+penalty", "vi")
    detail = _page(world.coordinator, f"/recommendations/{item.pk}/", "vi")
    for page in (listing, detail):
        assert "Pháp" in page and "France" not in page
    assert "Việt Nam" in detail
    english = _page(world.coordinator, f"/recommendations/{item.pk}/", "en")
    assert "France" in english and "Pháp" not in english


def test_the_state_filter_offers_vietnamese_names(world):
    page = _page(world.coordinator, "/recommendations/", "vi")
    assert ">Nhật Bản</option>" in page  # Japan, recommending the item sent to A
    assert ">Japan</option>" not in page


def test_exports_name_states_in_the_readers_language(world):
    from camket.exports.columns import COLUMNS
    from camket.exports.gather import gather

    item = world.sent_to_a  # recommended by Japan
    gathered = gather(Recommendation.objects.filter(pk=item.pk))
    column = COLUMNS["recommending_states"]
    assert column.value(item, gathered, "vi") == "Nhật Bản"
    assert column.value(item, gathered, "en") == "Japan"


def test_sdg_target_16_2_reads_in_vietnamese():
    ensure_builtin_taxonomies()
    target = Category.objects.get(taxonomy__slug=SDG, code="16.2")
    assert target.label("vi").startswith("Chỉ tiêu 16.2: Chấm dứt xâm hại, bóc lột, mua bán")
    assert target.label("en").startswith("Target 16.2: End abuse, exploitation")
    goal = Category.objects.get(taxonomy__slug=SDG, code="16")
    assert goal.label("vi") == "Mục tiêu 16: Hòa bình, công lý và các thể chế mạnh mẽ"
    untranslated = Category.objects.filter(
        taxonomy__slug=SDG, parent__isnull=False, name_vi__contains="By 20"
    )
    assert not untranslated.exists()


def test_migrating_again_keeps_a_vietnamese_name_a_person_wrote_and_replaces_camkets_old_one():
    ensure_builtin_taxonomies()
    edited = Category.objects.get(taxonomy__slug=SDG, code="16.2")
    edited.name_vi = "Chỉ tiêu 16.2: Bảo vệ trẻ em (tên do người dùng sửa)"
    edited.save()
    shipped_before = Category.objects.get(taxonomy__slug=SDG, code="1.1")
    shipped_before.name_vi = f"Chỉ tiêu 1.1: {shipped_before.name.removeprefix('Target 1.1: ')}"
    shipped_before.save()
    ensure_builtin_taxonomies()
    assert Category.objects.get(pk=edited.pk).name_vi.endswith("(tên do người dùng sửa)")
    assert Category.objects.get(pk=shipped_before.pk).name_vi.startswith(
        "Chỉ tiêu 1.1: Đến năm 2030, xóa bỏ"
    )


def test_the_sdg_filter_of_the_list_shows_vietnamese_goal_names(world):
    ensure_builtin_taxonomies()
    world.published.categories.add(Category.objects.get(taxonomy__slug=SDG, code="16.2"))
    page = _page(world.coordinator, f"/recommendations/{world.published.pk}/", "vi")
    assert "Chấm dứt xâm hại, bóc lột, mua bán" in page


def test_history_reads_in_vietnamese(world):
    item = world.published
    item.response = Recommendation.Response.SUPPORTED
    item._change_reason = "Imported from cycle4.docx"
    item.save()
    with translation.override("vi"):
        [latest, *_] = entries_for(item, user=world.coordinator)
        assert latest.kind == "đã thay đổi"
        assert ("phản hồi", "—", "Ủng hộ") in latest.changes
        assert "cycle4.docx" in latest.reason
    with translation.override("en"):
        [latest, *_] = entries_for(item, user=world.coordinator)
        assert ("response", "—", "Supported") in latest.changes
        assert latest.reason == "Imported from cycle4.docx"


def test_the_history_on_the_detail_page_is_in_vietnamese(world):
    item = world.published
    item.response = Recommendation.Response.NOTED
    item.save()
    page = _page(world.coordinator, f"/recommendations/{item.pk}/", "vi")
    assert "Lịch sử thay đổi" in page and "phản hồi: — →" in page
    assert "response: —" not in page


def test_stored_english_reasons_are_translated_when_read_and_others_kept():
    with translation.override("vi"):
        assert readable_reason("") == ""
        assert readable_reason("typed by a person") == "typed by a person"
        assert readable_reason("Imported from a.csv (system import, no user)").count("a.csv") == 1
