"""The instrument catalogue is in every database after `migrate`, and a person's changes to it
survive the next installation."""

import csv

import pytest

from camket.treaties.catalogue import (
    CATALOGUE_FILE,
    INSTALL_REASON,
    catalogue_rows,
    install_catalogue,
)
from camket.treaties.models import Instrument

ISSUE_KEYS = [
    "ICERD",
    "ICCPR",
    "ICCPR-OP1",
    "ICCPR-OP2",
    "ICESCR",
    "ICESCR-OP",
    "CEDAW",
    "CEDAW-OP",
    "CAT",
    "OP-CAT",
    "CRC",
    "CRC-OP-AC",
    "CRC-OP-SC",
    "CRC-OP-IC",
    "ICRMW",
    "CRPD",
    "CRPD-OP",
    "CED",
    "ROME-STATUTE",
    "UNTOC",
    "UNTOC-TIP",
    "UNTOC-SOM",
    "UNTOC-FIREARMS",
    "UNCAC",
    "DRUGS-1961",
    "DRUGS-1971",
    "DRUGS-1988",
]
COUNTER_TERRORISM_KEYS = [
    "CT-TOKYO-1963",
    "CT-HAGUE-1970",
    "CT-MONTREAL-1971",
    "CT-IPP-1973",
    "CT-HOSTAGES-1979",
    "CT-CPPNM-1980",
    "CT-AIRPORTS-1988",
    "CT-SUA-1988",
    "CT-PLATFORMS-1988",
    "CT-PLASTIC-1991",
    "CT-BOMBINGS-1997",
    "CT-FINANCING-1999",
    "CT-NUCLEAR-2005",
    "CT-CPPNM-AMENDMENT-2005",
    "CT-SUA-2005",
    "CT-PLATFORMS-2005",
    "CT-BEIJING-2010",
    "CT-BEIJING-PROTOCOL-2010",
    "CT-MONTREAL-PROTOCOL-2014",
]


@pytest.mark.django_db
def test_every_key_of_the_issue_is_in_the_migrated_database():
    stored = set(Instrument.objects.values_list("key", flat=True))
    assert set(ISSUE_KEYS) <= stored
    assert set(COUNTER_TERRORISM_KEYS) <= stored
    assert (
        Instrument.objects.filter(
            key__in=COUNTER_TERRORISM_KEYS, family=Instrument.Family.TERRORISM
        ).count()
        == 19
    )


@pytest.mark.django_db
def test_every_builtin_instrument_has_both_names_a_family_and_a_source():
    for instrument in Instrument.objects.filter(builtin=True):
        assert instrument.name.strip() and instrument.name_vi.strip(), instrument.key
        assert instrument.short_name and instrument.short_name_vi, instrument.key
        assert instrument.family in Instrument.Family.values, instrument.key
        assert instrument.source_url.startswith("https://"), instrument.key
        assert instrument.adopted_on and instrument.in_force_on, instrument.key
        assert instrument.adopted_on <= instrument.in_force_on, instrument.key


@pytest.mark.django_db
def test_names_treaty_bodies_and_protocols_are_the_expected_ones():
    iccpr = Instrument.objects.get(key="ICCPR")
    assert iccpr.name_vi == "Công ước quốc tế về các quyền dân sự và chính trị"
    assert (iccpr.treaty_body, iccpr.treaty_body_vi) == (
        "Human Rights Committee",
        "Ủy ban Nhân quyền",
    )
    assert iccpr.label("vi") == iccpr.name_vi and iccpr.label("en") == iccpr.name
    assert Instrument.objects.get(key="UNCAC").name_vi == (
        "Công ước Liên hợp quốc về chống tham nhũng"
    )
    assert Instrument.objects.get(key="UNTOC").name_vi == (
        "Công ước của Liên hợp quốc về chống tội phạm có tổ chức xuyên quốc gia"
    )
    assert Instrument.objects.get(key="DRUGS-1988").treaty_body == (
        "International Narcotics Control Board"
    )
    assert set(Instrument.objects.get(key="UNTOC").protocols.values_list("key", flat=True)) == {
        "UNTOC-TIP",
        "UNTOC-SOM",
        "UNTOC-FIREARMS",
    }
    assert Instrument.objects.get(key="OP-CAT").parent.key == "CAT"
    assert Instrument.objects.get(key="CT-SUA-2005").parent.key == "CT-SUA-1988"


def test_the_file_is_well_formed():
    with CATALOGUE_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    keys = [row["key"] for row in rows]
    assert len(keys) == len(set(keys)) == len(ISSUE_KEYS) + len(COUNTER_TERRORISM_KEYS)
    seen = set()
    for row in rows:  # a protocol comes after the instrument it belongs to
        assert not row["parent"] or row["parent"] in seen, row["key"]
        seen.add(row["key"])
    positions = [int(row["position"]) for row in rows]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_installing_again_changes_nothing():
    before = Instrument.history.count()
    assert install_catalogue() == {"created": 0, "updated": 0, "unchanged": 46}
    assert Instrument.history.count() == before


@pytest.mark.django_db
def test_a_persons_aliases_archiving_and_edits_survive_installing_again():
    iccpr = Instrument.objects.get(key="ICCPR")
    iccpr.aliases = ["Công ước về quyền dân sự, chính trị"]
    iccpr.archived = True
    iccpr.name = "A name someone typed"
    iccpr.save()
    before = iccpr.history.count()
    assert install_catalogue()["updated"] == 0
    iccpr.refresh_from_db()
    assert iccpr.aliases == ["Công ước về quyền dân sự, chính trị"]
    assert iccpr.archived is True
    assert iccpr.name == "A name someone typed"
    assert iccpr.history.count() == before


def _edited_catalogue(tmp_path, changes: dict[str, dict[str, str]]):
    """The shipped file as a new version of camket would ship it, with `changes` by key."""
    rows = catalogue_rows()
    for row in rows:
        row.update(changes.get(row["key"], {}))
    path = tmp_path / "instruments.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.django_db
def test_a_new_catalogue_updates_untouched_fields_and_keeps_a_persons_edits(tmp_path):
    iccpr = Instrument.objects.get(key="ICCPR")
    iccpr.treaty_body_vi = "Ủy ban Nhân quyền (as the ministry writes it)"
    iccpr.name = "A name someone typed"
    iccpr.save()
    new_version = _edited_catalogue(
        tmp_path,
        {
            "ICCPR": {
                "treaty_body_vi": "Ủy ban Nhân quyền (new file)",
                "short_name": "ICCPR (new)",
                "name": "A corrected name",
            },
            "CAT": {"treaty_body": "Committee against Torture (new file)"},
        },
    )
    counts = install_catalogue(new_version)
    assert (counts["updated"], counts["created"]) == (2, 0)
    iccpr.refresh_from_db()
    assert iccpr.name == "A name someone typed"
    assert iccpr.treaty_body_vi == "Ủy ban Nhân quyền (as the ministry writes it)"
    assert iccpr.short_name == "ICCPR (new)"
    assert iccpr.history.first().history_change_reason == INSTALL_REASON
    assert Instrument.objects.get(key="CAT").treaty_body == "Committee against Torture (new file)"
    # Installing again (each migrate does) still keeps the edit the installer saved alongside.
    assert install_catalogue(new_version)["updated"] == 0
    iccpr.refresh_from_db()
    assert iccpr.name == "A name someone typed"


@pytest.mark.django_db
def test_a_field_a_person_set_back_by_hand_stays_theirs_and_others_follow_the_file(tmp_path):
    cat = Instrument.objects.get(key="CAT")
    shipped_body = cat.treaty_body
    cat.treaty_body = "Someone's wording"
    cat.save()
    cat.treaty_body = shipped_body
    cat.save()
    cat.aliases = ["Công ước CAT"]  # saving other fields takes none of the file's fields
    cat.save()
    install_catalogue(
        _edited_catalogue(
            tmp_path, {"CAT": {"treaty_body": "Newer wording", "treaty_body_vi": "Cách viết mới"}}
        )
    )
    cat.refresh_from_db()
    assert cat.treaty_body == shipped_body  # the person's last word, though equal to the old file
    assert cat.treaty_body_vi == "Cách viết mới"


@pytest.mark.django_db
def test_an_instrument_people_added_is_never_deleted():
    mine = Instrument.objects.create(
        key="ASEAN-ACTIP",
        name="ASEAN Convention against Trafficking in Persons",
        family=Instrument.Family.CRIME,
    )
    install_catalogue()
    assert Instrument.objects.filter(pk=mine.pk, builtin=False).exists()


@pytest.mark.django_db
def test_an_instrument_a_person_entered_before_it_shipped_gets_only_its_empty_fields():
    shipped = Instrument.objects.get(key="CED")
    shipped_body = shipped.treaty_body
    Instrument.history.filter(id=shipped.pk).delete()  # as if a person had entered it first
    Instrument.objects.filter(pk=shipped.pk).update(builtin=False)
    mine = Instrument.objects.get(pk=shipped.pk)
    mine.name, mine.treaty_body = "Enforced disappearance convention", ""
    mine.save()
    assert install_catalogue()["updated"] == 1
    mine.refresh_from_db()
    assert mine.builtin and mine.name == "Enforced disappearance convention"
    assert mine.treaty_body == shipped_body
