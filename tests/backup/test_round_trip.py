"""A backup restored into an empty database and data directory gives back the same data:
every table's rows (history included), the sequences, the evidence and model files; a target
holding data is refused unless forced."""

import json
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from camket.backup import databases, service
from camket.backup.errors import RestoreRefused
from camket.reports.models import Evidence
from tests.backup.conftest import file_digests, table_contents

pytestmark = pytest.mark.django_db(transaction=True)


# One test, not three: each transactional test pays for emptying every table afterwards.
def test_restore_gives_back_everything_and_then_refuses_unless_forced(
    small_world, restore_target, tmp_path
):
    archive = tmp_path / "camket.tar"
    call_command("backup", out=archive)
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    result = service.restore_backup(archive, restore_target)

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

    kept = restore_target.media_root / "kept.txt"
    kept.write_text("written after the first restore")
    _change_a_narrative(restore_target.database)

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


def _change_a_narrative(db_settings: dict) -> None:
    raw = databases.connect(db_settings)
    try:
        raw.cursor().execute("UPDATE reports_progressreport SET narrative = 'Changed since'")
        raw.commit()
    finally:
        raw.close()
