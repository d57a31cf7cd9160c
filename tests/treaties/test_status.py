"""A state's status in every instrument: statuses, dates, and the recommendations asking it
to join each one, counted only from live links of items about that state, scoped to the
reader."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from camket.treaties.models import Instrument
from camket.treaties.status import StatusFilters, asking_items, find_state, status_rows
from tests.treaties.status_fixtures import make_treaty_world


@pytest.fixture
def treaty(world):
    return make_treaty_world(world)


def by_key(rows):
    return {row.instrument.key: row for row in rows}


def test_statuses_and_dates(treaty):
    rows = by_key(status_rows(treaty.vnm))
    assert rows["ICCPR"].as_dict() == {
        "treaty": "ICCPR",
        "party": True,
        "status": "party",
        "date": "1982-09-24",
        "recommendations": 0,
    }
    assert rows["CAT"].date.isoformat() == "2015-02-05"  # the ratification, not the signature
    assert (rows["ROME-STATUTE"].status, rows["ROME-STATUTE"].party) == ("signatory", False)
    assert rows["ROME-STATUTE"].date.isoformat() == "2000-12-01"
    assert rows["CED"].status == "not_party" and rows["CED"].date is None
    assert rows["OP-CAT"].status == "unknown" and rows["OP-CAT"].participation is None
    assert rows["DRUGS-1988"].as_dict()["party"] is False


def test_rows_follow_the_catalogue_order_and_skip_archived_instruments(treaty):
    treaty["ICCPR-OP1"].archived = True
    treaty["ICCPR-OP1"].save()
    for position, key in enumerate(["CED", "OP-CAT", "CAT", "ICCPR"]):
        Instrument.objects.filter(key=key).update(position=position)
    keys = [row.instrument.key for row in status_rows(treaty.vnm)]
    assert "ICCPR-OP1" not in keys
    assert keys.index("CED") < keys.index("OP-CAT") < keys.index("CAT") < keys.index("ICCPR")


def test_reservations_in_force_and_legal_acts(treaty):
    cat = by_key(status_rows(treaty.vnm))["CAT"]
    assert cat.reservations == 1  # the withdrawn declaration is not counted
    assert cat.legal_acts == [treaty.cat_act]
    assert by_key(status_rows(treaty.vnm))["ICCPR"].legal_acts == []


def test_counts_only_live_asks_to_join_links_of_items_about_the_state(treaty):
    rows = by_key(status_rows(treaty.vnm))
    assert rows["OP-CAT"].recommendations == 3  # all, as the command line counts
    assert rows["CED"].recommendations == 1  # rejected and removed links do not count
    assert rows["ICCPR"].recommendations == 0  # asking to withdraw reservations is not joining
    assert by_key(status_rows(treaty.lao))["OP-CAT"].recommendations == 1


def test_archived_items_and_frameworks_ask_nothing(treaty):
    asking = list(asking_items(treaty.vnm, treaty["OP-CAT"]))
    archived_item, *others = asking
    archived_item.status = archived_item.Status.ARCHIVED
    archived_item.save()
    assert by_key(status_rows(treaty.vnm))["OP-CAT"].recommendations == len(others)
    framework = others[0].framework
    framework.archived = True
    framework.save()
    left = [item for item in others if item.framework_id != framework.pk]
    assert by_key(status_rows(treaty.vnm))["OP-CAT"].recommendations == len(left)
    assert archived_item not in asking_items(treaty.vnm, treaty["OP-CAT"])


def test_an_item_state_overrides_its_framework_state(treaty):
    items = asking_items(treaty.vnm, treaty["OP-CAT"])
    assert treaty.lao_item not in items
    assert list(asking_items(treaty.lao, treaty["OP-CAT"])) == [treaty.lao_item]


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("coordinator", 3),
        ("officer_a", 2),
        ("officer_b", 1),
        ("viewer", 1),
        ("anonymous", 0),
        ("mps_coordinator", 1),
    ],
)  # reads the UPR framework, coordinated by MOFA, as a viewer
def test_counts_are_scoped_to_the_reader(treaty, persona, expected):
    user = getattr(treaty.world, persona)
    assert by_key(status_rows(treaty.vnm, user=user))["OP-CAT"].recommendations == expected
    assert asking_items(treaty.vnm, treaty["OP-CAT"], user).count() == expected


def test_filters(treaty):
    def keys(**filters):
        return {
            row.instrument.key for row in status_rows(treaty.vnm, filters=StatusFilters(**filters))
        }

    not_joined = keys(joined="no")
    assert {"ICCPR-OP1", "OP-CAT", "CED", "ROME-STATUTE", "DRUGS-1988"} <= not_joined
    assert not {"ICCPR", "CAT"} & not_joined
    assert {"ICCPR", "CAT"} <= keys(joined="yes") and "CED" not in keys(joined="yes")
    assert keys(joined="no", asked=True) == {"OP-CAT", "CED"}
    assert "DRUGS-1988" in keys(family="drugs") and "CAT" not in keys(family="drugs")
    assert keys(q="cuong buc mat tich") == {"CED"}  # Vietnamese name, without diacritics
    assert keys(q="op-cat") == {"OP-CAT"}
    assert keys(q="Enforced Disappearance") == {"CED"}


def test_filters_from_a_query_string():
    filters = StatusFilters.from_mapping({"joined": "false", "family": "nonsense", "asked": "1"})
    assert (filters.joined, filters.family, filters.asked) == ("no", "", True)
    assert StatusFilters.from_mapping({}, default_joined="no").joined == "no"
    assert StatusFilters.from_mapping({"joined": ""}, default_joined="no").joined == ""


def test_a_constant_number_of_queries(treaty):
    with CaptureQueriesContext(connection) as few:
        status_rows(treaty.vnm, user=treaty.world.officer_a)
    for key in ("ICCPR-OP1", "CED"):
        treaty.instruments[key].pk = None
        treaty.instruments[key].key = f"{key}-COPY"
        treaty.instruments[key].save()
    with CaptureQueriesContext(connection) as more:
        status_rows(treaty.vnm, user=treaty.world.officer_a)
    assert len(more.captured_queries) == len(few.captured_queries) <= 8


def test_find_state(treaty):
    assert find_state("vnm") == treaty.vnm
    assert find_state("FRA") == treaty.ced_item.recommending_states.get()
    assert find_state("BRA") is None  # a real country camket holds nothing about
    with pytest.raises(ValidationError, match="XYZ"):
        find_state("XYZ")
    with pytest.raises(ValidationError):
        find_state("")


def test_a_state_camket_knows_nothing_about_is_unknown_everywhere(treaty):
    rows = status_rows(None)
    assert rows and {row.status for row in rows} == {"unknown"}
    assert sum(row.recommendations for row in rows) == 0
