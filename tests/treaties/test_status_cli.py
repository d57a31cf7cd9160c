"""`camket treaties status --state ISO3 --json`: the last line is a JSON list, one object per
instrument, with exactly treaty, party, status, date and recommendations."""

import json
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from camket.treaties.models import Instrument
from tests.treaties.status_fixtures import make_treaty_world

KEYS = ["treaty", "party", "status", "date", "recommendations"]


@pytest.fixture
def treaty(world):
    return make_treaty_world(world)


def run(*args) -> str:
    out = StringIO()
    call_command("treaties", "status", *args, stdout=out)
    return out.getvalue()


def last_line_json(output: str) -> list[dict]:
    return json.loads(output.strip().splitlines()[-1])


def test_the_json_contract(treaty):
    rows = last_line_json(run("--state", "VNM", "--json"))
    assert all(list(row) == KEYS for row in rows)
    by_key = {row["treaty"]: row for row in rows}
    assert by_key["ICCPR"] == {
        "treaty": "ICCPR",
        "party": True,
        "status": "party",
        "date": "1982-09-24",
        "recommendations": 0,
    }
    assert by_key["OP-CAT"] == {
        "treaty": "OP-CAT",
        "party": False,
        "status": "unknown",
        "date": None,
        "recommendations": 3,
    }
    assert by_key["CED"] == {
        "treaty": "CED",
        "party": False,
        "status": "not_party",
        "date": None,
        "recommendations": 1,
    }
    assert by_key["ROME-STATUTE"]["status"] == "signatory"
    assert by_key["ROME-STATUTE"]["date"] == "2000-12-01"
    assert [row["treaty"] for row in rows] == list(
        Instrument.objects.filter(archived=False).values_list("key", flat=True)
    )


def test_not_joined_family_and_user(treaty):
    rows = last_line_json(run("--state", "vnm", "--json", "--not-joined"))
    keys = {row["treaty"] for row in rows}
    assert {"OP-CAT", "CED", "ROME-STATUTE"} <= keys and not {"ICCPR", "CAT"} & keys
    assert all(row["party"] is False for row in rows)
    drugs = last_line_json(run("--state", "VNM", "--json", "--family", "drugs"))
    assert "DRUGS-1988" in {row["treaty"] for row in drugs}
    assert "CAT" not in {row["treaty"] for row in drugs}
    scoped = last_line_json(run("--state", "VNM", "--json", "--user", "officer_b"))
    assert {row["treaty"]: row for row in scoped}["OP-CAT"]["recommendations"] == 1


def test_the_table(treaty):
    output = run("--state", "VNM", "--lang", "en")
    line = next(line for line in output.splitlines() if line.startswith("OP-CAT "))
    assert line.split()[-1] == "3" and "Not recorded" in line
    assert "1982-09-24" in next(line for line in output.splitlines() if line.startswith("ICCPR "))
    assert "Viet Nam" in output.splitlines()[0]


def test_unknown_state_and_user(treaty):
    with pytest.raises(CommandError, match="XYZ.*VNM"):
        run("--state", "XYZ", "--json")
    with pytest.raises(CommandError, match="nobody"):
        run("--state", "VNM", "--user", "nobody")


def test_a_state_without_data_is_unknown_everywhere(treaty):
    rows = last_line_json(run("--state", "BRA", "--json"))
    assert rows and {row["status"] for row in rows} == {"unknown"}


def test_the_real_command_line_exits_1_on_an_unknown_state(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "camket", "treaties", "status", "--state", "XYZ", "--json"],
        capture_output=True,
        text=True,
        env={"CAMKET_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1, result.stderr
    assert "XYZ" in result.stderr and "ISO" in result.stderr
