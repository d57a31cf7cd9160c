"""Vietnamese queries over the real UPR Info export (English only), sessions 1–5."""

import pytest

from camket.frameworks.models import Category, Recommendation
from camket.frameworks.search import SearchParams, search
from camket.importers.service import import_file


@pytest.fixture
def upr_info(world, shared_data):
    import_file(shared_data / "upr-info" / "upr-info-1-5.csv", publish=True)
    return world


def _results(user, query):
    return search(user, SearchParams(q=query, state="all")).order_by("-relevance")


def _tagged_with(name: str) -> set[int]:
    category = Category.objects.get(taxonomy__slug="upr-info-issues", name=name)
    return set(Recommendation.objects.filter(categories=category).values_list("pk", flat=True))


@pytest.mark.shared_data
def test_vietnamese_queries_find_the_english_recommendations(upr_info):
    coordinator = upr_info.coordinator
    for query in ("tra tấn", "tra tan"):
        texts = [r.text.lower() for r in _results(coordinator, query)]
        assert len(texts) > 50
        assert all("tortur" in text for text in texts)

    children = _tagged_with("Rights of the Child")
    assert len(children) > 500
    for query in ("quyền trẻ em", "quyen tre em"):
        found = set(_results(coordinator, query).values_list("pk", flat=True))
        assert children <= found
        assert Recommendation.objects.filter(
            pk__in=found - children, text__icontains="rights of the child"
        ).exists()

    death_penalty = _tagged_with("Death penalty")
    found = list(_results(coordinator, "án tử hình")[:20])
    assert all(r.pk in death_penalty or "death" in r.text.lower() for r in found)
    assert found[0].relevance >= found[-1].relevance > 0

    trafficking = [r.text.lower() for r in _results(coordinator, "mua bán người")[:30]]
    assert len(trafficking) == 30 and all("traffick" in text for text in trafficking)
