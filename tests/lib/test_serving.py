import gc

import pytest

from camket.lib import serving


@pytest.fixture
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_a_web_process_builds_what_requests_need_then_freezes_it(monkeypatch, unfrozen):
    built = []
    monkeypatch.setattr(
        "camket.frameworks.item_index.current_index", lambda: built.append("item index")
    )
    monkeypatch.setattr(
        "camket.tagging.similarity.current_index", lambda: built.append("similarity index")
    )
    monkeypatch.setattr("django.db.connections.close_all", lambda: built.append("closed"))
    assert gc.get_freeze_count() == 0

    serving.prepare_to_serve()

    assert built == ["similarity index", "item index", "closed"]
    assert gc.get_freeze_count() > 10_000  # every view, module and index built


def test_an_unreachable_database_only_delays_the_indexes(monkeypatch, unfrozen):
    from django.db import OperationalError

    def unreachable():
        raise OperationalError("connection refused")

    monkeypatch.setattr("camket.tagging.similarity.current_index", unreachable)
    monkeypatch.setattr("django.db.connections.close_all", lambda: None)

    serving.prepare_to_serve()

    assert gc.get_freeze_count() > 0
