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
