"""A status file writes only the columns it has, refuses text longer than camket stores, and
refuses the same state and treaty twice even on two sheets."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from camket.treaties.importing import import_status_file
from camket.treaties.models import Participation, Reservation

pytestmark = pytest.mark.django_db

STATUS_HEADER = ["state", "treaty", "action", "action_date"]
RESERVATION_HEADER = ["state", "treaty", "kind", "article", "text"]


def _csv(tmp_path, text: str, name: str = "status.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _workbook(tmp_path, *sheets: list[list]):
    workbook = Workbook()
    workbook.remove(workbook.active)
    for number, rows in enumerate(sheets, start=1):
        sheet = workbook.create_sheet(f"sheet {number}")
        for row in rows:
            sheet.append(row)
    path = tmp_path / "status.xlsx"
    workbook.save(path)
    return path


def _viet_nam(key: str) -> Participation:
    return Participation.objects.get(state__iso3="VNM", instrument__key=key)


# Finding 1: an absent column leaves its field as it was.


def test_a_file_with_only_a_note_changes_only_the_note(world, tmp_path):
    before = _viet_nam("CAT")
    assert before.party and before.signed_on and before.source_url
    summary = import_status_file(
        _csv(tmp_path, "state,treaty,note\nVNM,CAT,Checked in 2026\n"), user=world.coordinator
    )
    assert summary.ok, summary.errors
    assert (summary.created, summary.updated) == (0, 1)
    after = _viet_nam("CAT")
    assert after.note == "Checked in 2026"
    for name in (
        "action",
        "action_on",
        "signed_on",
        "in_force_on",
        "complaints_accepted",
        "source",
        "source_url",
        "report_due_on",
        "report_note",
    ):
        assert getattr(after, name) == getattr(before, name), name


def test_the_summary_names_the_absent_columns(world, tmp_path):
    summary = import_status_file(
        _csv(tmp_path, "state,treaty,note\nVNM,CAT,Checked\n"), dry_run=True, user=world.coordinator
    )
    assert summary.absent_columns == [
        "signed",
        "action",
        "action_date",
        "in_force",
        "complaints",
        "inquiry",
        "report_due",
        "report_note",
        "source",
        "source_url",
    ]
    messages = [str(warning) for warning in summary.warnings]
    assert any(
        "signed, action, action_date" in message and "left as they are" in message
        for message in messages
    ), messages
    assert summary.as_dict()["absent_columns"] == summary.absent_columns


def test_a_complete_file_warns_of_no_absent_column(world, tmp_path):
    header = (
        "state,treaty,signed,action,action_date,in_force,complaints,inquiry,report_due,"
        "report_note,source,source_url,note\n"
    )
    summary = import_status_file(_csv(tmp_path, header + "VNM,CAT,,,,,,,,,,,\n"), dry_run=True)
    assert summary.ok and summary.absent_columns == []
    assert not any("left as they are" in str(warning) for warning in summary.warnings)


def test_a_new_row_leaves_the_absent_columns_empty(world, tmp_path):
    summary = import_status_file(_csv(tmp_path, "state,treaty,signed\nTHA,CED,2012-01-09\n"))
    assert summary.ok and summary.created == 1
    created = Participation.objects.get(state__iso3="THA", instrument__key="CED")
    assert created.signed_on == datetime.date(2012, 1, 9)
    assert (
        created.action,
        created.action_on,
        created.source,
        created.note,
        created.complaints_accepted,
    ) == ("", None, "", "", None)


def test_an_action_date_alone_is_kept_for_a_party_and_refused_for_a_new_row(world, tmp_path):
    party = import_status_file(_csv(tmp_path, "state,treaty,action_date\nVNM,CAT,2015-02-06\n"))
    assert party.ok, party.errors
    assert _viet_nam("CAT").action == "ratification"
    assert _viet_nam("CAT").action_on == datetime.date(2015, 2, 6)
    newcomer = import_status_file(_csv(tmp_path, "state,treaty,action_date\nTHA,CED,2015-02-06\n"))
    assert [(error.row, error.column) for error in newcomer.errors] == [(2, "action_date")]


def test_an_empty_cell_of_a_present_column_still_empties_the_field(world, tmp_path):
    summary = import_status_file(_csv(tmp_path, "state,treaty,source_url\nVNM,CAT,\n"))
    assert summary.ok and _viet_nam("CAT").source_url == ""
    assert _viet_nam("CAT").party


def test_a_reservations_file_without_withdrawal_columns_keeps_the_withdrawal(world, tmp_path):
    reservation = Reservation.objects.get(participation=_viet_nam("UNTOC"), article="16")
    reservation.withdrawn, reservation.withdrawn_on = True, datetime.date(2024, 7, 1)
    reservation.save()
    summary = import_status_file(
        _csv(tmp_path, "state,treaty,kind,article,text\nVNM,UNTOC,declaration,16,New summary.\n")
    )
    assert summary.ok and summary.reservations_updated == 1
    reservation.refresh_from_db()
    assert reservation.text == "New summary."
    assert reservation.withdrawn and reservation.withdrawn_on == datetime.date(2024, 7, 1)


def test_the_page_shows_the_absent_columns_after_importing(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("treaty-import"),
        {
            "file": SimpleUploadedFile(
                "notes.csv", b"state,treaty,note\nVNM,CAT,Checked\n", "text/csv"
            ),
            "import": "",
        },
        follow=True,
    )
    body = response.content.decode()
    assert "1 updated" in body
    assert "signed, action, action_date" in body and "left as they were" in body
    assert _viet_nam("CAT").party


# Finding 6: text longer than the database column is a row error, even when only checking.


@pytest.mark.parametrize(
    "column, model, field, prefix",
    [
        ("source_url", Participation, "source_url", "https://example.org/"),
        ("source", Participation, "source", ""),
        ("report_note", Participation, "report_note", ""),
    ],
)
def test_a_status_cell_longer_than_its_field_is_a_row_error(
    world, tmp_path, column, model, field, prefix
):
    limit = model._meta.get_field(field).max_length
    too_long = prefix + "a" * (limit + 1 - len(prefix))
    path = _csv(tmp_path, f"state,treaty,{column}\nTHA,CED,{too_long}\n")
    for dry_run in (True, False):
        summary = import_status_file(path, dry_run=dry_run)
        assert [(error.row, error.column) for error in summary.errors] == [(2, column)]
        assert str(limit) in summary.errors[0].message
    assert not Participation.objects.filter(state__iso3="THA").exists()


def test_a_status_cell_at_its_fields_length_is_accepted(world, tmp_path):
    limit = Participation._meta.get_field("source_url").max_length
    url = "https://example.org/" + "a" * (limit - len("https://example.org/"))
    summary = import_status_file(_csv(tmp_path, f"state,treaty,source_url\nTHA,CED,{url}\n"))
    assert summary.ok, summary.errors
    assert Participation.objects.get(state__iso3="THA").source_url == url


def test_a_reservation_article_longer_than_its_field_is_a_row_error(world, tmp_path):
    limit = Reservation._meta.get_field("article").max_length
    summary = import_status_file(
        _csv(
            tmp_path,
            f"state,treaty,kind,article,text\nVNM,CAT,reservation,{'1' * (limit + 1)},Not bound.\n",
        ),
        dry_run=True,
    )
    assert [(error.row, error.column) for error in summary.errors] == [(2, "article")]


# Finding 9: the same state and treaty twice, across sheets.


def test_the_same_state_and_treaty_on_two_sheets_is_refused(world, tmp_path):
    path = _workbook(
        tmp_path,
        [STATUS_HEADER, ["THA", "CED", "", ""], ["THA", "CAT", "", ""]],
        [STATUS_HEADER, ["THA", "ICCPR", "accession", "1996-10-29"], ["tha", "ced", "", ""]],
    )
    summary = import_status_file(path)
    assert [(error.row, error.column) for error in summary.errors] == [(3, "treaty")]
    assert "row 2" in summary.errors[0].message and "sheet 1" in summary.errors[0].message
    assert not Participation.objects.filter(state__iso3="THA").exists()


def test_the_same_reservation_on_two_sheets_is_refused(world, tmp_path):
    reservation = ["VNM", "CAT", "reservation", "30(1)", "Not bound by article 30(1)."]
    path = _workbook(tmp_path, [RESERVATION_HEADER, reservation], [RESERVATION_HEADER, reservation])
    summary = import_status_file(path, dry_run=True)
    assert [(error.row, error.column) for error in summary.errors] == [(2, "article")]


def test_checking_only_shows_the_absent_columns_on_the_page(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("treaty-import"),
        {
            "file": SimpleUploadedFile(
                "notes.csv", b"state,treaty,source\nVNM,CAT,UNTC\n", "text/csv"
            ),
            "check": "",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "No column signed, action, action_date" in body
    assert "would be left as they are" in body
