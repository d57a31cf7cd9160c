"""Importing states' status from CSV and XLSX: all checked first, written all or nothing, with
history naming who imported; the same through `camket treaties import`."""

import datetime
import json
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from camket.frameworks.models import State
from camket.treaties.importing import import_status_file
from camket.treaties.models import Participation, Reservation

pytestmark = pytest.mark.django_db

HEADER = (
    "state,treaty,signed,action,action_date,in_force,complaints,inquiry,report_due,"
    "source,source_url,note\n"
)
GOOD = HEADER + (
    "THA,ICCPR,,accession,29/10/1996,29/01/1997,no,,,UN Treaty Collection,"
    "https://treaties.un.org/,\n"
    "THA,CED,2012-01-09,,,,,,,UN Treaty Collection,https://treaties.un.org/,signed only\n"
    "VNM,ICCPR,,accession,1982-09-24,1982-12-24,no,,2030-03-01,Ministry of Justice,,"
    "report due under the review calendar\n"
)
BAD = HEADER + (
    "THA,ICCPR,,accession,31/02/1996,,maybe,,,,,\n"
    "XXX,ICCPR,,,,,,,,,,\n"
    "THA,NOT-A-TREATY,,,,,,,,,,\n"
    "THA,CAT,,,2007-10-02,,,,,,not a web address,\n"
    "THA,CRC,,adhesion,,,,,,,,\n"
    "THA,CAT,,,,,,,,,,\n"
)


def _write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _thailand(key: str) -> Participation:
    return Participation.objects.get(state__iso3="THA", instrument__key=key)


def test_a_good_csv_is_imported_with_history_naming_the_user(world, tmp_path):
    summary = import_status_file(_write(tmp_path, "status.csv", GOOD), user=world.coordinator)
    assert summary.ok, summary.errors
    assert (summary.created, summary.updated, summary.unchanged) == (2, 1, 0)
    assert State.objects.get(iso3="THA").name == "Thailand"
    iccpr = _thailand("ICCPR")
    assert (iccpr.status, iccpr.action_on, iccpr.in_force_on, iccpr.complaints_accepted) == (
        "party",
        datetime.date(1996, 10, 29),
        datetime.date(1997, 1, 29),
        False,
    )
    assert iccpr.inquiry_accepted is None
    assert _thailand("CED").status == "signatory"
    record = iccpr.history.get()
    assert record.history_user == world.coordinator
    assert record.history_change_reason == "Imported from status.csv"
    viet_nam = Participation.objects.get(state__iso3="VNM", instrument__key="ICCPR")
    assert viet_nam.report_due_on == datetime.date(2030, 3, 1)
    assert viet_nam.source == "Ministry of Justice" and viet_nam.version == 2
    assert viet_nam.history.count() == 2  # the shipped version is kept in the history


def test_importing_the_same_file_again_changes_nothing(world, tmp_path):
    path = _write(tmp_path, "status.csv", GOOD)
    import_status_file(path, user=world.coordinator)
    before = Participation.history.count()
    summary = import_status_file(path, user=world.coordinator)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 3)
    assert Participation.history.count() == before


def test_a_good_xlsx_with_a_reservations_sheet_is_imported(world, tmp_path):
    workbook = Workbook()
    status = workbook.active
    status.append(HEADER.strip().split(","))
    status.append(
        [
            "THA",
            "CAT",
            datetime.datetime(2007, 10, 2),
            "ratification",
            datetime.datetime(2007, 10, 2),
            "",
            "no",
            "",
            "",
            "UNTC",
            "https://treaties.un.org/",
            "",
        ]
    )
    reservations = workbook.create_sheet("reservations")
    reservations.append(
        ["state", "treaty", "kind", "article", "text", "withdrawn", "withdrawn_date"]
    )
    reservations.append(
        ["THA", "CAT", "reservation", "30(1)", "Not bound by article 30(1).", "", ""]
    )
    reservations.append(["VNM", "UNTOC", "declaration", "16", "Changed text.", "yes", "01/07/2024"])
    path = tmp_path / "status.xlsx"
    workbook.save(path)
    summary = import_status_file(path, user=world.coordinator)
    assert summary.ok, summary.errors
    assert (summary.created, summary.reservations_created, summary.reservations_updated) == (
        1,
        1,
        1,
    )
    cat = _thailand("CAT")
    assert cat.signed_on == datetime.date(2007, 10, 2) and cat.party
    assert cat.reservations.get().article == "30(1)"
    withdrawn = Reservation.objects.get(
        participation__state__iso3="VNM", participation__instrument__key="UNTOC", article="16"
    )
    assert withdrawn.withdrawn and withdrawn.withdrawn_on == datetime.date(2024, 7, 1)
    assert withdrawn.history.first().history_user == world.coordinator


def test_a_csv_with_bad_rows_is_refused_with_every_row_and_column_and_writes_nothing(
    world, tmp_path
):
    before = (Participation.objects.count(), State.objects.count(), Participation.history.count())
    summary = import_status_file(_write(tmp_path, "bad.csv", BAD), user=world.coordinator)
    found = {(error.row, error.column) for error in summary.errors}
    assert found == {
        (2, "action_date"),
        (2, "complaints"),
        (3, "state"),
        (4, "treaty"),
        (5, "action_date"),
        (5, "source_url"),
        (6, "action"),
        (7, "treaty"),
    }
    messages = [str(error) for error in summary.errors]
    assert "row 2, column “action_date”: “31/02/1996” is not a date" in messages[0]
    assert any("already in row 5" in message for message in messages)
    assert (
        Participation.objects.count(),
        State.objects.count(),
        Participation.history.count(),
    ) == before


def test_one_bad_row_among_good_ones_writes_none_of_them(world, tmp_path):
    text = GOOD + "THA,CRC,,ratification,,,perhaps,,,,,\n"
    summary = import_status_file(_write(tmp_path, "mixed.csv", text), user=world.coordinator)
    assert [(e.row, e.column) for e in summary.errors] == [(5, "complaints")]
    assert not Participation.objects.filter(state__iso3="THA").exists()


def test_a_missing_column_and_a_reservation_without_status_are_refused(world, tmp_path):
    no_treaty = import_status_file(_write(tmp_path, "a.csv", "state,signed\nTHA,2000-01-01\n"))
    assert [(e.row, e.column) for e in no_treaty.errors] == [(1, "treaty")]
    orphan = import_status_file(
        _write(tmp_path, "b.csv", "state,treaty,kind,text\nTHA,UNCAC,reservation,Not bound.\n")
    )
    assert [(e.row, e.column) for e in orphan.errors] == [(2, "treaty")]


def test_dry_run_writes_nothing_but_counts(world, tmp_path):
    summary = import_status_file(
        _write(tmp_path, "status.csv", GOOD), dry_run=True, user=world.coordinator
    )
    assert summary.ok and summary.created == 2
    assert not State.objects.filter(iso3="THA").exists()


@pytest.mark.parametrize("persona", ["officer_a", "viewer", "mps_coordinator"])
def test_only_the_coordinating_ministry_imports(world, tmp_path, persona):
    with pytest.raises(PermissionDenied):
        import_status_file(_write(tmp_path, "status.csv", GOOD), user=getattr(world, persona))
    assert not Participation.objects.filter(state__iso3="THA").exists()


def _command(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("treaties", "import", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_cli_imports_and_reports(world, tmp_path):
    out, _err = _command(
        str(_write(tmp_path, "status.csv", GOOD)), "--user", "coordinator", "--json"
    )
    assert "Imported status.csv: 2 created, 1 updated, 0 unchanged" in out
    assert json.loads(out.strip().splitlines()[-1])["created"] == 2
    assert _thailand("ICCPR").history.get().history_user == world.coordinator


def test_cli_dry_run_and_system_import(world, tmp_path):
    path = str(_write(tmp_path, "status.csv", GOOD))
    out, _err = _command(path, "--dry-run")
    assert "Would import status.csv: 2 created" in out
    assert "warning: row 1: No column report_note" in out
    assert not State.objects.filter(iso3="THA").exists()
    out, _err = _command(path)
    assert "Recorded as a system import" in out
    assert _thailand("ICCPR").history.get().history_user is None


def test_cli_refuses_a_bad_file_with_row_messages_and_exit_code(world, tmp_path):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="nothing was imported") as refusal:
        call_command(
            "treaties", "import", str(_write(tmp_path, "bad.csv", BAD)), stdout=out, stderr=err
        )
    assert refusal.value.returncode == 1
    assert "error: row 3, column “state”: “XXX” is not a state's ISO 3166" in err.getvalue()
    assert not State.objects.filter(iso3="THA").exists()


@pytest.mark.parametrize(
    "username, message",
    [("officer_a", "may not import treaty status"), ("nobody", "no active user")],
)
def test_cli_refuses_a_user_who_may_not_import(world, tmp_path, username, message):
    with pytest.raises(CommandError, match=message):
        _command(str(_write(tmp_path, "status.csv", GOOD)), "--user", username)
    assert not Participation.objects.filter(state__iso3="THA").exists()


def test_an_unreadable_file_is_refused(world, tmp_path):
    path = tmp_path / "status.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    summary = import_status_file(path, user=world.coordinator)
    assert not summary.ok and "damaged" in str(summary.errors[0])
