"""Every import links the items it creates (or re-words) to the instruments they ask to join."""

import csv
from datetime import date

import pytest
from django.core.management import call_command

from camket.frameworks.models import Framework, Recommendation
from camket.importers.service import import_file
from camket.links.models import RegisterLink
from camket.links.registers import reject_register_link, remove_register_link
from camket.treaties.linking import link_items, written_in

ROWS = [
    ("1", "Consider ratifying the Optional Protocol to the Convention against Torture.", ""),
    ("2", "Accede to the ICRMW and the Rome Statute.", ""),
    ("3", "Continue to combat trafficking in persons.", ""),
    ("4", "Implement CEDAW's concluding observations.", ""),
    (
        "5",
        "Protect the rights of persons with disabilities.",
        "Xem xét phê chuẩn Công ước về quyền của người khuyết tật.",
    ),
    ("6", "Withdraw its reservations to the Convention on the Rights of the Child.", ""),
]


@pytest.fixture
def framework(db, instruments):
    return Framework.objects.create(slug="upr-vn-4", name="UPR Viet Nam 4", kind="upr_cycle")


def write(tmp_path, rows=ROWS):
    path = tmp_path / "list.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Reference", "Text", "Vietnamese text"])
        writer.writerows(rows)
    return path


def links():
    return {
        (link.item.reference, link.instrument.key, link.relation, link.state)
        for link in RegisterLink.objects.select_related("item", "instrument")
    }


def test_import_links_the_items_that_ask_to_join_as_detected(tmp_path, framework):
    summary = import_file(write(tmp_path), framework_slug="upr-vn-4")
    assert summary.created == 6
    assert links() == {
        ("1", "OP-CAT", "asks_to_join", "detected"),
        ("2", "ICRMW", "asks_to_join", "detected"),
        ("2", "ROME-STATUTE", "asks_to_join", "detected"),
        ("5", "CRPD", "asks_to_join", "detected"),
        ("6", "CRC", "asks_to_withdraw_reservations", "detected"),
    }
    link = RegisterLink.objects.get(instrument__key="OP-CAT")
    assert link.created_by is None and "Optional Protocol" in link.matched_text
    assert link.history.first().history_change_reason == "Found in the text"


def test_a_dry_run_writes_no_link(tmp_path, framework):
    import_file(write(tmp_path), framework_slug="upr-vn-4", dry_run=True)
    assert not RegisterLink.objects.exists()


def test_a_rejected_or_removed_link_is_not_found_again_on_reimport(tmp_path, framework):
    import_file(write(tmp_path), framework_slug="upr-vn-4")
    reject_register_link(None, RegisterLink.objects.get(instrument__key="OP-CAT"))
    remove_register_link(None, RegisterLink.objects.get(instrument__key="ICRMW"))
    reworded = [(ref, text + " Soon." if ref in ("1", "2") else text, vi) for ref, text, vi in ROWS]
    summary = import_file(write(tmp_path, reworded), framework_slug="upr-vn-4")
    assert summary.updated == 2
    assert RegisterLink.objects.get(instrument__key="OP-CAT").state == "rejected"
    removed = RegisterLink.objects.get(instrument__key="ICRMW")
    assert removed.archived and removed.state == "detected"
    assert RegisterLink.objects.count() == 5


def test_an_unchanged_item_is_not_scanned_again(tmp_path, framework):
    path = write(tmp_path)
    import_file(path, framework_slug="upr-vn-4")
    RegisterLink.history.all().delete()
    RegisterLink.objects.all().delete()  # were item 1 scanned again, its link would come back
    again = import_file(path, framework_slug="upr-vn-4")
    assert again.unchanged == 6
    assert not RegisterLink.objects.exists()


def test_a_reworded_item_is_scanned_again(tmp_path, framework):
    import_file(write(tmp_path), framework_slug="upr-vn-4")
    reworded = [("3", "Accede to the United Nations Convention against Corruption.", "")]
    import_file(write(tmp_path, ROWS[:2] + reworded + ROWS[3:]), framework_slug="upr-vn-4")
    assert ("3", "UNCAC", "asks_to_join", "detected") in links()


def test_the_link_command_finds_links_in_items_imported_before(tmp_path, framework, capsys):
    from tests.personas import make_recommendation

    make_recommendation(framework, "9.1", "Ratify the Second Optional Protocol to the ICCPR.")
    other = Framework.objects.create(slug="other", name="Other", kind="upr_cycle")
    make_recommendation(other, "1", "Ratify CAT.")
    call_command("treaties", "link", "--framework", "upr-vn-4", "--dry-run")
    assert "1" in capsys.readouterr().out and not RegisterLink.objects.exists()
    call_command("treaties", "link", "--framework", "upr-vn-4")
    assert links() == {("9.1", "ICCPR-OP2", "asks_to_join", "detected")}
    call_command("treaties", "link")
    assert ("1", "CAT", "asks_to_join", "detected") in links()
    call_command("treaties", "link")
    assert RegisterLink.objects.count() == 2
    assert Recommendation.objects.count() == 2


def test_the_link_command_says_when_the_catalogue_is_empty(db):
    from django.core.management import CommandError

    from camket.treaties.models import Instrument

    Instrument.objects.update(archived=True)
    with pytest.raises(CommandError, match="catalogue is empty"):
        call_command("treaties", "link")


@pytest.mark.parametrize(
    "kind, cycle, starts_on, session, year",
    [
        ("upr_cycle", 1, None, 5, 2009),
        ("upr_cycle", 1, None, 12, 2011),
        ("upr_cycle", 2, None, 13, 2012),
        ("upr_cycle", 2, None, 15, 2013),
        ("upr_cycle", 4, date(2024, 5, 7), 46, 2024),
        ("upr_cycle", 5, None, 60, 2029),  # past the calendar: three sessions a year
        ("upr_cycle", 1, date(2008, 1, 1), None, 2008),
        ("upr_cycle", 2, None, None, 2012),
        ("upr_cycle", None, date(2017, 1, 1), None, 2017),
        ("programme", None, date(2021, 1, 1), 7, 2021),  # a session number of another body
        ("programme", None, None, None, None),
    ],
)
def test_the_year_an_item_was_written(kind, cycle, starts_on, session, year):
    framework = Framework(slug="f", name="F", kind=kind, cycle=cycle, starts_on=starts_on)
    assert written_in(Recommendation(framework=framework, session=session, text="x")) == year


def test_a_plural_of_a_text_before_2012_does_not_link_the_later_crc_protocol(db):
    text = "Ratify the Optional Protocols to the Convention on the Rights of the Child"
    for slug, cycle, session in (("upr-cycle-1", 1, 9), ("upr-cycle-2", 2, 16)):
        framework = Framework.objects.create(slug=slug, name=slug, kind="upr_cycle", cycle=cycle)
        Recommendation.objects.create(
            framework=framework, reference=slug, text=text, session=session
        )
    link_items(Recommendation.objects.all())
    assert {
        (link.item.reference, link.instrument.key)
        for link in RegisterLink.objects.select_related("item", "instrument")
    } == {
        ("upr-cycle-1", "CRC-OP-AC"),
        ("upr-cycle-1", "CRC-OP-SC"),
        ("upr-cycle-2", "CRC-OP-AC"),
        ("upr-cycle-2", "CRC-OP-SC"),
        ("upr-cycle-2", "CRC-OP-IC"),
    }
