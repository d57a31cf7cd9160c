from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import Workbook

from camket.legislation.importing import import_laws
from camket.legislation.models import LegalAct
from camket.links.models import RegisterLink

HEADER = (
    "number,kind,title_vi,title,issuing_body,status,adopted,in_force,repealed,url,"
    "instruments,commitments\n"
)
GOOD = HEADER + (
    '73/2021/QH14,law,"Luật Phòng, chống ma túy",Law on Drug Prevention and Control,'
    "National Assembly,In force,2021-03-30,01/01/2022,,https://example.org/73,"
    "DRUGS-1961; DRUGS-1971;DRUGS-1988,drug-programme:1\n"
    "66/2011/QH12,Luật,Luật Phòng chống mua bán người,,Quốc hội,repealed,2011-03-29,"
    "2012-01-01,2025-07-01,,UNTOC-TIP,\n"
    ",law,Dự thảo luật,,,Being drafted,,,,,,\n"
)


def _import(text, user=None, dry_run=False, name="laws.csv"):
    return import_laws(name, text.encode("utf-8"), user=user, dry_run=dry_run)


def test_a_good_file_is_imported_with_links_and_history(drug_world, instruments):
    outcome = _import(GOOD, user=drug_world.mps_coordinator)
    assert outcome.errors == []
    assert (outcome.created, outcome.instrument_links, outcome.commitment_links) == (3, 4, 1)
    act = LegalAct.objects.get(number="73/2021/QH14")
    assert act.status == "in_force" and str(act.in_force_on) == "2022-01-01"
    assert sorted(act.instruments.values_list("key", flat=True)) == [
        "DRUGS-1961",
        "DRUGS-1971",
        "DRUGS-1988",
    ]
    assert act.history.latest().history_user == drug_world.mps_coordinator
    link = RegisterLink.objects.get(legal_act=act)
    assert (link.item, link.relation) == (drug_world.drug_published, "implemented_by")
    assert LegalAct.objects.get(number="66/2011/QH12").kind == "law"  # "Luật", its label


def test_importing_again_updates_and_adds_nothing_twice(drug_world, instruments):
    _import(GOOD, user=drug_world.mps_coordinator)
    again = _import(GOOD.replace("National Assembly", "Quốc hội khóa XIV"))
    # the draft is found by kind, title and adoption date; 66/2011 did not change
    assert (again.created, again.updated, again.unchanged) == (0, 1, 2)
    assert (again.instrument_links, again.commitment_links) == (0, 0)
    assert LegalAct.objects.get(number="73/2021/QH14").issuing_body == "Quốc hội khóa XIV"


def test_dry_run_writes_nothing(world, instruments):
    outcome = _import(GOOD.replace("drug-programme:1", ""), dry_run=True)
    assert outcome.errors == [] and outcome.created == 3
    assert not LegalAct.objects.exists()


BAD = HEADER + (
    "73/2021/QH14,law,Luật A,,,in_force,2021-03-30,2020-01-01,,,,\n"
    "1/2020/QH14,poem,Luật B,,,in force,,,,,NO-SUCH,\n"
    "2/2020/QH14,law,,,,repealed,31/02/2020,,,not a url,,upr-vn-4:1.2\n"
    "1/2020/QH14,law,Luật C,,,in_force,,,,,,nowhere\n"
)


def test_bad_rows_are_refused_with_row_and_column_and_nothing_is_written(world, instruments):
    outcome = _import(BAD, user=world.officer_b)
    messages = [str(error) for error in outcome.errors]
    where = {(error.row, error.column) for error in outcome.errors}
    assert {
        (2, "in_force"),
        (3, "kind"),
        (3, "instruments"),
        (4, "title_vi"),
        (4, "adopted"),
        (5, "number"),
        (5, "commitments"),
    } <= where, messages
    assert any(m.startswith("row 3, column “kind”") for m in messages)
    # officer B may not see the draft 1.2 of the UPR, nor add acts of no agency
    assert (4, "commitments") in where or (4, "number") in where
    assert not LegalAct.objects.exists() and not RegisterLink.objects.exists()


def test_a_row_beyond_the_users_permission_is_refused(drug_world, instruments):
    outcome = _import(GOOD, user=drug_world.coordinator)  # MOFA: not the drug programme's
    assert [(e.row, e.column) for e in outcome.errors] == [(2, "commitments")]
    assert not LegalAct.objects.exists()
    with pytest.raises(PermissionDenied):
        _import(GOOD, user=drug_world.viewer)


def test_missing_columns_and_unreadable_files(world):
    outcome = _import("number,title\n1/2020,A\n")
    assert {(e.row, e.column) for e in outcome.errors} == {
        (1, "kind"),
        (1, "title_vi"),
        (1, "status"),
    }
    assert _import("", name="laws.csv").errors


def test_an_xlsx_register_with_date_cells(world, instruments):
    from datetime import datetime

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(
        [
            "36/2018/QH14",
            "law",
            "Luật Phòng, chống tham nhũng",
            "Law on Anti-Corruption",
            "Quốc hội",
            "in_force",
            datetime(2018, 11, 20),
            datetime(2019, 7, 1),
            None,
            None,
            "UNCAC",
            None,
        ]
    )
    buffer = BytesIO()
    workbook.save(buffer)
    outcome = import_laws("laws.xlsx", buffer.getvalue())
    assert outcome.errors == [] and outcome.created == 1
    act = LegalAct.objects.get(number="36/2018/QH14")
    assert str(act.adopted_on) == "2018-11-20"
    assert list(act.instruments.values_list("key", flat=True)) == ["UNCAC"]
