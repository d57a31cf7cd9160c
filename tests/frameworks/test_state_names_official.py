"""Every UN member and observer state has the Vietnamese name official documents use, never
pycountry's phonetic transliteration; states camket already stored are refreshed unless a person
edited their name."""

import re
import unicodedata
from importlib import import_module

import pytest
from django.apps import apps

from camket.frameworks.models import State
from camket.frameworks.state_names import (
    OFFICIAL_VI,
    iso3_for_vietnamese,
    transliterated_name,
    vietnamese_name,
)

UN_MEMBERS_AND_OBSERVERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
ZWE VAT PSE""".split()

# What marks pycountry's transliterations: a bare "ợ" syllable standing for a lone consonant
# ("Bă-ba-đôxợ", "Mô-ri-sơ-xợ"), or a syllable ending as no Vietnamese syllable ends ("Chê-đ",
# "Ba-rainh", "Bu-thănh", "Ca-mơ-runh").
_LONE_CONSONANT = re.compile(r"(?:^|-)[^\s-]{0,2}ợ(?=$|[\s-])|ôxợ")
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_VALID_ENDING = re.compile(r"(?:[aăâeêioôơuưy]|c|ch|m|n|ng|p|t|[aêy]nh|(?<![aăâoôơuư])inh)$")


def _toneless(syllable: str) -> str:
    kept = (c for c in unicodedata.normalize("NFD", syllable) if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", "".join(kept))


def _oddities(name: str) -> list[str]:
    syllables = [
        part
        for word in name.split()
        if re.search(r"[a-zà-ỹđ]-[a-zà-ỹđ]", word)
        for part in word.lower().split("-")
    ]
    found = [s for s in syllables if not _VALID_ENDING.search(_toneless(s))]
    return found + _LONE_CONSONANT.findall(name)


def test_there_are_195_un_member_and_observer_states_and_each_has_an_official_name():
    assert len(set(UN_MEMBERS_AND_OBSERVERS)) == 195
    assert [iso3 for iso3 in UN_MEMBERS_AND_OBSERVERS if iso3 not in OFFICIAL_VI] == []


@pytest.mark.parametrize("iso3", UN_MEMBERS_AND_OBSERVERS)
def test_no_state_reads_as_a_phonetic_transliteration(iso3):
    assert _oddities(vietnamese_name(iso3)) == []


def test_the_check_catches_pycountrys_transliterations():
    for iso3 in ("BRB", "TCD", "HND", "BHR", "BTN", "COM", "MUS", "CMR"):
        assert _oddities(transliterated_name(iso3)), transliterated_name(iso3)


@pytest.mark.parametrize(
    "iso3, name_vi",
    [
        ("BRB", "Bác-ba-đốt"),
        ("TCD", "Sát"),
        ("HND", "Hôn-đu-rát"),
        ("BHR", "Ba-ranh"),
        ("BTN", "Bu-tan"),
        ("COM", "Cô-mô-rô"),
        ("THA", "Thái Lan"),
        ("DEU", "Đức"),
        ("LIE", "Liechtenstein"),  # no established Vietnamese form: the English name
    ],
)
def test_states_read_as_in_official_documents(iso3, name_vi):
    assert vietnamese_name(iso3) == name_vi


@pytest.mark.django_db
def test_a_territory_with_only_a_transliteration_reads_in_english():
    assert transliterated_name("ABW") == "Ă-ru-ba"
    assert vietnamese_name("ABW") == ""
    state = State.objects.create(iso3="ABW", name="Aruba")
    assert state.label("vi") == "Aruba"


def test_files_written_with_either_name_still_import():
    assert iso3_for_vietnamese("Ba-ranh") == "BHR"
    assert iso3_for_vietnamese("Ba-rainh") == "BHR"


@pytest.mark.django_db
def test_the_migration_refreshes_the_names_camket_shipped_and_keeps_edited_ones():
    shipped = State.objects.create(iso3="BRB", name="Barbados")
    edited = State.objects.create(iso3="TCD", name="Chad")
    territory = State.objects.create(iso3="ABW", name="Aruba")
    kept = State.objects.create(iso3="FRA", name="France")
    State.objects.filter(pk=shipped.pk).update(name_vi=transliterated_name("BRB"))
    State.objects.filter(pk=edited.pk).update(name_vi="Cộng hòa Sát (sửa)")
    State.objects.filter(pk=territory.pk).update(name_vi=transliterated_name("ABW"))
    migration = import_module("camket.frameworks.migrations.0014_state_name_vi_official")
    migration.refresh_vietnamese_names(apps, None)
    names = dict(
        State.objects.filter(iso3__in=["BRB", "TCD", "ABW", "FRA"]).values_list("iso3", "name_vi")
    )
    assert names == {"BRB": "Bác-ba-đốt", "TCD": "Cộng hòa Sát (sửa)", "ABW": "", "FRA": "Pháp"}
    assert kept.name_vi == "Pháp"
