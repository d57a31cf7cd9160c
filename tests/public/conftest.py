import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: pages cached by another test never answer."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def portal_world(plan_world):
    from tests.public.portal_world import make_portal_world

    return make_portal_world(plan_world)
