import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from camket.legislation import services
from camket.legislation.models import LegalAct
from tests.legislation.test_import import BAD, GOOD


def _json(*args) -> object:
    out = StringIO()
    call_command("laws", *args, "--json", stdout=out)
    return json.loads(out.getvalue().strip().splitlines()[-1])


@pytest.fixture
def act(drug_world, instruments, drug_law_values):
    act = services.create_act(None, drug_law_values, instruments=[instruments["DRUGS-1961"]])
    services.link_commitment(None, act, drug_world.drug_published)
    services.link_commitment(None, act, drug_world.drug_draft)
    return act


def test_list_and_show_as_json(drug_world, act):
    rows = _json("list", "--q", "ma tuy")
    assert [(r["number"], r["instruments"], r["commitment_count"]) for r in rows] == [
        ("73/2021/QH14", ["DRUGS-1961"], 2)
    ]
    assert _json("list", "--status", "repealed") == []
    shown = _json("show", "73/2021/QH14", "--user", "officer_b")
    assert shown["commitments"] == ["drug-programme:1"] and shown["commitment_count"] == 1
    assert _json("show", str(act.pk))["commitments"] == ["drug-programme:1", "drug-programme:1.1"]
    with pytest.raises(CommandError):
        _json("show", "1/1999/QH10")


def test_link_and_unlink_with_a_user(drug_world, act, instruments):
    row = _json("link", "73/2021/QH14", "--instrument", "DRUGS-1988", "--user", "coordinator")
    assert row["instruments"] == ["DRUGS-1961", "DRUGS-1988"]
    assert LegalAct.objects.get().history.latest().history_user == drug_world.coordinator
    with pytest.raises(CommandError, match="not allowed|coordinators"):
        _json("link", "73/2021/QH14", "--instrument", "UNCAC", "--user", "officer_b")
    row = _json("link", "73/2021/QH14", "--commitment", "upr-vn-4:1.1", "--user", "coordinator")
    assert "upr-vn-4:1.1" in row["commitments"]
    row = _json(
        "link",
        "73/2021/QH14",
        "--commitment",
        "drug-programme:1.1",
        "--remove",
        "--user",
        "mps_coordinator",
    )
    assert "drug-programme:1.1" not in row["commitments"]


def test_import_good_dry_run_and_bad(drug_world, instruments, tmp_path):
    good = tmp_path / "laws.csv"
    good.write_text(GOOD, encoding="utf-8")
    dry = _json("import", str(good), "--dry-run")
    assert dry["created"] == 3 and dry["dry_run"] and not LegalAct.objects.exists()
    assert _json("import", str(good), "--user", "mps_coordinator")["created"] == 3
    bad = tmp_path / "bad.csv"
    bad.write_text(BAD, encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("laws", "import", str(bad), stdout=out, stderr=err)
    assert "row 3, column “kind”" in err.getvalue()
    assert LegalAct.objects.count() == 3


def test_importing_the_same_file_again_says_unchanged(drug_world, instruments, tmp_path):
    good = tmp_path / "laws.csv"
    good.write_text(GOOD, encoding="utf-8")
    call_command("laws", "import", str(good), "--user", "mps_coordinator", stdout=StringIO())
    again = _json("import", str(good), "--user", "coordinator")
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 3)
    out = StringIO()
    call_command("laws", "import", str(good), stdout=out)
    assert "0 added, 0 updated, 3 unchanged" in out.getvalue()
