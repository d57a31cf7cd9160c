"""The built-in drug and crime taxonomy (issue 14, item 7): installed after migrate with its
Vietnamese names, its tree and its SDG targets; the category filter takes its children."""

import pytest

from camket.frameworks import search
from camket.frameworks.models import Category, Taxonomy
from camket.frameworks.taxonomies import ensure_builtin_taxonomies
from camket.lib.vocabulary import DRUGS_CRIME
from tests.commitments import make_drug_programme, topic


def _targets(code: str) -> set[str]:
    return set(topic(code).related_sdgs.values_list("code", flat=True))


@pytest.mark.django_db
def test_installed_by_migrate_with_vietnamese_names():
    taxonomy = Taxonomy.objects.get(slug=DRUGS_CRIME)  # the test database was migrated
    assert taxonomy.name_vi == "Ma túy và tội phạm"
    names = dict(taxonomy.categories.values_list("name", "name_vi"))
    assert names["Drug demand reduction"] == "Giảm cầu ma túy"
    assert names["Drug supply reduction"] == "Giảm cung ma túy"
    assert names["Precursors"] == "Tiền chất"
    assert names["Money laundering"] == "Rửa tiền"
    assert names["Corruption"] == "Tham nhũng"
    assert names["Trafficking in persons"] == "Mua bán người"
    assert names["Smuggling of migrants"] == "Đưa người di cư trái phép"
    assert names["Criminal justice"] == "Tư pháp hình sự"
    assert names["International cooperation"] == "Hợp tác quốc tế"
    assert names["HIV/AIDS and drug use"] == "HIV/AIDS và sử dụng ma túy"
    assert all(name_vi for name_vi in names.values())


@pytest.mark.django_db
def test_the_tree_and_the_sdg_targets():
    assert topic("DC01.2").parent == topic("DC01")
    assert {c.code for c in topic("DC12").children.all()} == {"DC12.1", "DC12.2", "DC12.3"}
    assert _targets("DC01") == {"3.5"}
    assert _targets("DC13") == {"3.3", "3.5"}
    assert _targets("DC04") == {"16.4"}
    assert _targets("DC05") == {"16.5"}
    assert _targets("DC06") == {"16.2", "5.2", "8.7"}
    assert _targets("DC09") == {"16.a"}
    assert _targets("DC11.3") == {"16.3"}
    assert _targets("DC07") == {"10.7"}
    assert _targets("DC03") == set()  # precursors serve no target by themselves
    # The SDG target knows the subjects that serve it.
    target = Category.objects.get(taxonomy__slug="sdg", code="3.5")
    assert {"DC01", "DC01.1", "DC13"} <= set(target.related_topics.values_list("code", flat=True))


@pytest.mark.django_db
def test_installing_again_changes_nothing_and_corrects_names():
    before = set(
        Category.objects.filter(taxonomy__slug=DRUGS_CRIME).values_list(
            "pk", "code", "name", "name_vi", "parent_id"
        )
    )
    Category.objects.filter(pk=topic("DC05").pk).update(name_vi="sai")
    ensure_builtin_taxonomies()
    after = set(
        Category.objects.filter(taxonomy__slug=DRUGS_CRIME).values_list(
            "pk", "code", "name", "name_vi", "parent_id"
        )
    )
    assert after == before
    assert _targets("DC06") == {"16.2", "5.2", "8.7"}


def test_the_list_filters_by_a_category_and_its_children(world):
    drugs = make_drug_programme()
    coordinator = world.coordinator

    def listed(**params):
        return set(search.search(coordinator, search.SearchParams.from_mapping(params)))

    demand = str(topic("DC01").pk)
    assert listed(category=demand) == {drugs.output, drugs.commitment}
    assert listed(category=demand, kind="declaration") == {drugs.commitment}
    assert listed(category=str(topic("DC02").pk)) == {drugs.output_supply}
    assert listed(kind="programme") == {
        drugs.subprogramme,
        drugs.outcome,
        drugs.output,
        drugs.output_supply,
    }
    # "committed": the items counted on the dashboard, here the outputs (leaves) and C.4.
    assert listed(response="committed", kind="programme") == {drugs.output, drugs.output_supply}
