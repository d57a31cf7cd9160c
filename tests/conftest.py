import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("CAMKET_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))


@pytest.fixture
def shared_data() -> Path:
    """The real public files in ../shared/data; tests using them skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data folder {SHARED_DATA} is absent: skipping the real-file test")
    return SHARED_DATA


@pytest.fixture
def world(db):
    from tests.personas import make_world

    return make_world()


@pytest.fixture
def drug_world(db):
    """The personas' world with a second framework, the drug programme coordinated by agency A
    (the Ministry of Public Security), whose coordinator is `mps_coordinator`."""
    from tests.personas import make_world

    return make_world(drug_programme=True)


@pytest.fixture
def plan_world(world):
    from tests.personas import make_plan_world

    return make_plan_world(world)


@pytest.fixture(scope="session")
def tiny_tagger():
    """A tagger trained in a second on hand-written texts (tests/tagging_texts.py)."""
    from camket.tagging.tagger import train
    from tests.tagging_texts import training_texts

    return train(training_texts(), n_jobs=1)


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MODELS_DIR = tmp_path / "models"
    settings.LANGUAGE_CODE = "en"
    # Real password hashing costs a second per persona; tests need none of its strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _an_empty_cache():
    """Test databases reuse primary keys after each rollback: a value cached by an earlier test
    (a menu count, a portal page) must not be read by the next one."""
    from django.core.cache import cache

    cache.clear()


@pytest.hookimpl(trylast=True)  # after pytest-django's ordering, which it keeps
def pytest_collection_modifyitems(items):
    """The tests of the real files go first: they are the slowest (the all-shared-data test is
    minutes), and pytest-xdist hands tests out in collection order, so one drawn near the end
    kept a single worker busy while the others had nothing left. Transactional tests stay
    after the others, as Django runs them."""

    def goes_first(item) -> bool:
        if item.get_closest_marker("shared_data") is None:
            return False
        marker = item.get_closest_marker("django_db")
        transactional = marker is not None and marker.kwargs.get("transaction", False)
        return not (transactional or {"transactional_db", "live_server"} & set(item.fixturenames))

    items.sort(key=lambda item: not goes_first(item))
