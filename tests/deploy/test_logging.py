"""camket's own loggers: an import says what it did, at INFO, in one line."""

import logging

import pytest
from django.conf import settings

from camket.importers.service import import_file

pytestmark = pytest.mark.django_db

CSV = "Reference,Text\n1,Ratify the convention.\n2,Train the police.\n"


def test_camket_loggers_pass_info_while_other_libraries_stay_at_warning():
    assert settings.LOGGING["root"]["level"] == "WARNING"
    assert settings.LOGGING["loggers"]["camket"]["level"] == settings.CAMKET_LOG_LEVEL
    assert logging.getLogger("camket.importers.service").isEnabledFor(logging.INFO)


def test_an_import_logs_one_info_line_with_its_counts(world, tmp_path, caplog):
    path = tmp_path / "items.csv"
    path.write_text(CSV, encoding="utf-8")
    caplog.set_level(logging.INFO, logger="camket")

    import_file(path, framework_slug=world.framework.slug)
    import_file(path, framework_slug=world.framework.slug)

    lines = [r for r in caplog.records if r.name == "camket.importers.service"]
    assert [r.levelno for r in lines] == [logging.INFO, logging.INFO]
    first, second = (r.getMessage() for r in lines)
    assert f"Import of items.csv into {world.framework.slug}: 2 created, 0 updated" in first
    assert "0 created, 0 updated, 2 unchanged in" in second


def test_a_refused_import_logs_a_warning_with_its_first_error(world, tmp_path, caplog):
    path = tmp_path / "empty.csv"
    path.write_text("Reference,Text\n", encoding="utf-8")
    caplog.set_level(logging.INFO, logger="camket")

    summary = import_file(path, framework_slug=world.framework.slug)

    assert not summary.ok
    (line,) = [r for r in caplog.records if r.name == "camket.importers.service"]
    assert line.levelno == logging.WARNING
    assert "Import of empty.csv refused: 1 error(s)" in line.getMessage()
