"""A process killed between writing an uploaded file and committing its row leaves a file no
row names: `camket orphan_files` finds it (never a file a row or history names, never a
young one that may be an upload in progress) and --delete removes it."""

import json
import os
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from camket.lib.atomic_files import temporary_name
from camket.reports.services import add_evidence
from tests.reports.conftest import PDF


class Killed(Exception):
    """Stands for the process dying before the transaction commits."""


def age(path: Path, minutes: int) -> None:
    then = time.time() - minutes * 60
    os.utime(path, (then, then))


def orphans(*options) -> dict:
    out = StringIO()
    call_command("orphan_files", "--json", *options, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture(autouse=True)
def _documents_dir(settings, tmp_path):
    settings.CAMKET_DOCUMENTS_DIR = tmp_path / "documents"


@pytest.fixture
def due(plan_world):
    return plan_world.indicator_a.due_dates.order_by("due_on").first()


def evidence_files(settings) -> set[Path]:
    return {p for p in (Path(settings.MEDIA_ROOT) / "evidence").rglob("*") if p.is_file()}


def test_the_file_of_an_upload_that_never_committed_is_found_and_deleted(plan_world, due, settings):
    officer = plan_world.world.officer_a
    kept = add_evidence(officer, due, "kept.pdf", PDF)
    with pytest.raises(Killed), transaction.atomic():
        add_evidence(officer, due, "lost.pdf", PDF)
        raise Killed
    [lost] = evidence_files(settings) - {Path(kept.file.path)}
    for path in evidence_files(settings):
        age(path, 120)
    documents = Path(settings.CAMKET_DOCUMENTS_DIR)
    documents.mkdir(parents=True, exist_ok=True)
    half_written = temporary_name(documents / "draft.docx")
    half_written.write_bytes(b"PK half")
    half_saved_model = (
        Path(settings.MODELS_DIR) / "tagging" / ".incoming-x1" / "v1" / "model.joblib"
    )
    half_saved_model.parent.mkdir(parents=True)
    half_saved_model.write_bytes(b"half")
    saved_model = Path(settings.MODELS_DIR) / "tagging" / "v0" / "model.joblib"
    saved_model.parent.mkdir(parents=True)
    saved_model.write_bytes(b"whole")
    for path in (half_written, half_saved_model, saved_model):
        age(path, 120)

    found = orphans()
    assert {o["path"] for o in found["orphans"]} == {
        str(lost),
        str(half_written),
        str(half_saved_model),
    }
    assert lost.exists()  # listed, not deleted

    deleted = orphans("--delete")
    assert deleted["deleted"] and len(deleted["orphans"]) == 3
    assert not lost.exists() and not half_written.exists() and not half_saved_model.exists()
    assert saved_model.exists()
    assert Path(kept.file.path).read_bytes() == PDF
    assert orphans()["orphans"] == []


def test_a_young_file_may_be_an_upload_in_progress_and_is_kept(plan_world, due, settings):
    with pytest.raises(Killed), transaction.atomic():
        add_evidence(plan_world.world.officer_a, due, "lost.pdf", PDF)
        raise Killed
    assert orphans("--delete")["orphans"] == []
    assert len(evidence_files(settings)) == 1
    assert len(orphans("--older-than", "0")["orphans"]) == 1


def test_a_file_only_history_names_is_kept(plan_world, due, settings):
    evidence = add_evidence(plan_world.world.officer_a, due, "kept.pdf", PDF)
    path = Path(evidence.file.path)
    age(path, 120)
    type(evidence).objects.filter(pk=evidence.pk).update(file="elsewhere/other.pdf")
    assert evidence.history.exists()
    assert orphans()["orphans"] == []
