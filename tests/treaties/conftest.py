"""The catalogue rows these tests need. The real catalogue is installed by a migration (another
part of the work); `get_or_create` keeps these fixtures valid once it is there."""

import pytest

from camket.treaties.models import Instrument

HR = Instrument.Family.HUMAN_RIGHTS
CATALOGUE = [
    # key, parent, family, English name, Vietnamese name
    (
        "ICERD",
        None,
        HR,
        "International Convention on the Elimination of All Forms of Racial Discrimination",
        "Công ước quốc tế về xóa bỏ mọi hình thức phân biệt chủng tộc",
    ),
    (
        "ICCPR",
        None,
        HR,
        "International Covenant on Civil and Political Rights",
        "Công ước quốc tế về các quyền dân sự và chính trị",
    ),
    (
        "ICCPR-OP1",
        "ICCPR",
        HR,
        "Optional Protocol to the International Covenant on Civil and Political Rights",
        "",
    ),
    (
        "ICCPR-OP2",
        "ICCPR",
        HR,
        "Second Optional Protocol to the International Covenant on Civil "
        "and Political Rights, aiming at the abolition of the death penalty",
        "",
    ),
    ("ICESCR", None, HR, "International Covenant on Economic, Social and Cultural Rights", ""),
    (
        "ICESCR-OP",
        "ICESCR",
        HR,
        "Optional Protocol to the International Covenant on Economic, Social and Cultural Rights",
        "",
    ),
    (
        "CEDAW",
        None,
        HR,
        "Convention on the Elimination of All Forms of Discrimination against Women",
        "Công ước về xóa bỏ mọi hình thức phân biệt đối xử với phụ nữ",
    ),
    (
        "CEDAW-OP",
        "CEDAW",
        HR,
        "Optional Protocol to the Convention on the Elimination of All "
        "Forms of Discrimination against Women",
        "",
    ),
    (
        "CAT",
        None,
        HR,
        "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
        "Công ước chống tra tấn",
    ),
    ("OP-CAT", "CAT", HR, "Optional Protocol to the Convention against Torture", ""),
    ("CRC", None, HR, "Convention on the Rights of the Child", "Công ước về quyền trẻ em"),
    (
        "CRC-OP-AC",
        "CRC",
        HR,
        "Optional Protocol to the Convention on the Rights of the Child on "
        "the involvement of children in armed conflict",
        "",
    ),
    (
        "CRC-OP-SC",
        "CRC",
        HR,
        "Optional Protocol to the Convention on the Rights of the Child on "
        "the sale of children, child prostitution and child pornography",
        "",
    ),
    (
        "CRC-OP-IC",
        "CRC",
        HR,
        "Optional Protocol to the Convention on the Rights of the Child on "
        "a communications procedure",
        "",
    ),
    (
        "ICRMW",
        None,
        HR,
        "International Convention on the Protection of the Rights of All "
        "Migrant Workers and Members of Their Families",
        "",
    ),
    (
        "CRPD",
        None,
        HR,
        "Convention on the Rights of Persons with Disabilities",
        "Công ước về quyền của người khuyết tật",
    ),
    (
        "CRPD-OP",
        "CRPD",
        HR,
        "Optional Protocol to the Convention on the Rights of Persons with Disabilities",
        "",
    ),
    (
        "CED",
        None,
        HR,
        "International Convention for the Protection of All Persons from Enforced Disappearance",
        "Công ước quốc tế về bảo vệ mọi người khỏi bị cưỡng bức mất tích",
    ),
    (
        "ROME-STATUTE",
        None,
        Instrument.Family.INTERNATIONAL_CRIMINAL_LAW,
        "Rome Statute of the International Criminal Court",
        "Quy chế Rome của Tòa án Hình sự Quốc tế",
    ),
    (
        "UNTOC",
        None,
        Instrument.Family.CRIME,
        "United Nations Convention against Transnational Organized Crime",
        "",
    ),
    (
        "UNTOC-TIP",
        "UNTOC",
        Instrument.Family.CRIME,
        "Protocol to Prevent, Suppress and Punish "
        "Trafficking in Persons, Especially Women and Children",
        "",
    ),
    ("UNCAC", None, Instrument.Family.CRIME, "United Nations Convention against Corruption", ""),
    (
        "DRUGS-1988",
        None,
        Instrument.Family.DRUGS,
        "United Nations Convention against Illicit "
        "Traffic in Narcotic Drugs and Psychotropic Substances",
        "",
    ),
]


def install_instruments() -> dict[str, Instrument]:
    rows = {}
    for position, (key, parent, family, name, name_vi) in enumerate(CATALOGUE):
        rows[key], _ = Instrument.objects.get_or_create(
            key=key,
            defaults={
                "name": name,
                "name_vi": name_vi,
                "family": family,
                "position": position,
                "parent": rows.get(parent),
            },
        )
    return rows


@pytest.fixture
def instruments(db):
    return install_instruments()
