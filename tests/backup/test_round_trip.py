"""A backup restored into an empty database and data directory gives back the same data:
every table's rows (history included), the sequences, the evidence and model files."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection

from camket.backup import service
from camket.backup.errors import RestoreRefused
from camket.reports.models import Evidence
from tests.backup.conftest import file_digests, table_contents

pytestmark = pytest.mark.django_db(transaction=True)


def test_restore_gives_back_every_table_row_and_file(small_world, restore_target, tmp_path):
    manifest = service.create_backup(tmp_path / "camket.tar")
    result = service.restore_backup(tmp_path / "camket.tar", restore_target)

    assert result.mismatches == {}
    source, restored = (
        table_contents(connection.settings_dict),
        table_contents(restore_target.database),
    )
    assert restored == source
    assert len(restored["reports_historicalprogressreport"]) >= 2  # saved, then submitted
    assert len(restored["frameworks_historicalrecommendation"]) >= 3
    assert restored["(sequences)"]
    assert file_digests(restore_target.media_root) == file_digests(Path(settings.MEDIA_ROOT))
    assert file_digests(restore_target.models_dir) == file_digests(Path(settings.MODELS_DIR))
    evidence = Evidence.objects.get()
    assert (restore_target.media_root / "evidence" / evidence.file.name).is_file()

    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["migrations"]["reports"].startswith("00")
    assert manifest["row_counts"]["auth_user"] == get_user_model().objects.count() > 0
    assert manifest["files"][f"uploads/evidence/{evidence.file.name}"]["size"] == evidence.size
    assert [name for name in manifest["files"] if name.startswith("models/")] == [
        "models/tagging/2026-01-01/model.joblib"
    ]
    manifest["row_counts"]["reports_evidence"] += 1
    assert service._count_mismatches(manifest, restore_target) == {"reports_evidence": (2, 1)}


def test_a_target_holding_data_is_refused_unless_forced(small_world, restore_target, tmp_path):
    archive = tmp_path / "camket.tar"
    service.create_backup(archive)
    service.restore_backup(archive, restore_target)
    kept = restore_target.media_root / "kept.txt"
    kept.write_text("written after the first restore")

    with pytest.raises(RestoreRefused, match="not empty"):
        service.restore_backup(archive, restore_target)
    assert kept.read_text() == "written after the first restore"

    result = service.restore_backup(archive, restore_target, force=True)
    assert result.mismatches == {}
    assert not kept.exists()
    moved_aside = sorted(folder.name.split("-")[0] for folder in result.replaced)
    assert moved_aside == ["models.replaced", "uploads.replaced"]
    assert any((folder / "kept.txt").is_file() for folder in result.replaced)
    assert table_contents(restore_target.database) == table_contents(connection.settings_dict)
