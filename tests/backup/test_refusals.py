"""Archives a restore refuses before writing anything, and backups that stop half-way."""

import json
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from camket.backup import archive, service
from camket.backup.errors import RestoreRefused
from camket.backup.target_state import Target

EVIDENCE = b"%PDF-1.4\n" + bytes(range(256)) * 64


def _archive(path: Path, tmp_path: Path, **manifest_changes) -> Path:
    """A small archive as `camket backup` writes it, with a stand-in database file."""
    sources = tmp_path / "sources"
    (sources / "evidence").mkdir(parents=True)
    (sources / "evidence" / "minutes.pdf").write_bytes(EVIDENCE)
    (sources / "camket.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\x00" * 4080)
    with archive.writing(path) as writer:
        writer.add_file(sources / "camket.sqlite3", "database/camket.sqlite3")
        writer.add_tree(sources / "evidence", "uploads/evidence")
        manifest = {
            "format": service.FORMAT_VERSION,
            "camket_version": "0.1.0",
            "created_at": "2026-11-30T00:00:00+00:00",
            "database": {"vendor": "sqlite", "file": "database/camket.sqlite3"},
            "migrations": {"reports": "0001_initial"},
            "row_counts": {},
            "files": writer.files,
            **manifest_changes,
        }
        writer.add_manifest(manifest)
    return path


@pytest.fixture
def sqlite_target(tmp_path):
    folder = tmp_path / "target"
    database = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(folder / "camket.sqlite3")}
    return Target(database, folder, folder / "uploads", folder / "models")


def _refused(path: Path, target: Target, match: str) -> None:
    with pytest.raises(RestoreRefused, match=match):
        service.restore_backup(path, target)
    assert not target.data_dir.exists()  # nothing written, not even a staging folder


def test_a_sound_archive_passes_the_check(tmp_path):
    manifest = archive.read(_archive(tmp_path / "a.tar", tmp_path))
    assert set(manifest["files"]) == {"database/camket.sqlite3", "uploads/evidence/minutes.pdf"}


def test_a_changed_byte_is_refused(tmp_path, sqlite_target):
    path = _archive(tmp_path / "a.tar", tmp_path)
    data = bytearray(path.read_bytes())
    data[data.index(EVIDENCE) + 100] ^= 0xFF
    path.write_bytes(bytes(data))
    _refused(path, sqlite_target, "does not match its manifest.*minutes.pdf")


@pytest.mark.parametrize("member", ["uploads/evidence/minutes.pdf", "manifest.json"])
def test_an_archive_cut_inside_a_member_is_refused(tmp_path, sqlite_target, member):
    path = _archive(tmp_path / "a.tar", tmp_path)
    with tarfile.open(path) as tar:
        cut = tar.getmember(member).offset_data + 10
    path.write_bytes(path.read_bytes()[:cut])
    _refused(path, sqlite_target, "damaged or truncated|no valid manifest.json")


def test_an_entry_outside_the_archive_layout_is_refused(tmp_path, sqlite_target):
    path = _archive(tmp_path / "a.tar", tmp_path)
    with tarfile.open(path, "a") as tar:
        tar.add(path.parent / "sources" / "evidence" / "minutes.pdf", arcname="../escape.pdf")
    _refused(path, sqlite_target, "unexpected entry: '../escape.pdf'")


def test_a_manifest_naming_no_database_in_the_archive_is_refused(tmp_path, sqlite_target):
    elsewhere = {"vendor": "sqlite", "file": "../../camket.sqlite3"}
    path = _archive(tmp_path / "a.tar", tmp_path, database=elsewhere)
    _refused(path, sqlite_target, "no valid manifest.json")


def test_an_archive_of_another_database_vendor_is_refused(tmp_path, sqlite_target):
    other = {"vendor": "postgresql", "file": "database/camket.sqlite3"}
    path = _archive(tmp_path / "a.tar", tmp_path, database=other)
    _refused(path, sqlite_target, "holds a postgresql database and the target is sqlite")


def test_an_archive_of_a_newer_camket_is_refused(tmp_path, sqlite_target):
    newer = {"reports": "0001_initial", "plans": "9999_from_the_future"}
    path = _archive(tmp_path / "a.tar", tmp_path, migrations=newer)
    _refused(path, sqlite_target, "newer camket.*plans.9999_from_the_future")


def test_the_command_says_why_it_refuses(tmp_path):
    path = _archive(tmp_path / "a.tar", tmp_path)
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(CommandError, match="damaged or truncated|no valid manifest.json"):
        call_command("restore", str(path))


def test_a_backup_stopped_half_way_leaves_no_archive(tmp_path):
    out = tmp_path / "backups" / "camket.tar"
    with pytest.raises(KeyboardInterrupt), archive.writing(out) as writer:
        (tmp_path / "big.bin").write_bytes(EVIDENCE)
        writer.add_file(tmp_path / "big.bin", "uploads/big.bin")
        raise KeyboardInterrupt
    assert list(out.parent.iterdir()) == []


def test_the_manifest_is_the_last_member_and_lists_every_other(tmp_path):
    path = _archive(tmp_path / "a.tar", tmp_path)
    with tarfile.open(path) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert names[-1] == "manifest.json"
    assert sorted(manifest["files"]) == sorted(names[:-1])
