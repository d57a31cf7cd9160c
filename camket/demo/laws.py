"""Viet Nam's main legal acts for the demo's frameworks: public facts (numbers and dates as
published in the Official Gazette), linked to the instruments they implement and to a few
demo commitments, through the services the UI uses. Idempotent: an act whose number is in the
register already only gains the instruments it lacks; instruments not in the catalogue are
skipped."""

from datetime import date

from django.contrib.auth import get_user_model

from camket.accounts import roles
from camket.demo.frameworks import slugs
from camket.frameworks.models import Recommendation
from camket.legislation import services
from camket.legislation.models import LegalAct
from camket.treaties.models import Instrument

NA, NA_VI = "National Assembly", "Quốc hội"
CT_KEYS = ["CT-BOMBINGS-1997", "CT-FINANCING-1999", "CT-HOSTAGES-1979", "CT-NUCLEAR-2005"]

# number, kind, title, title_vi, status, adopted, in force, repealed, instruments, agency
ACTS = [
    (
        "73/2021/QH14",
        "law",
        "Law on Drug Prevention and Control",
        "Luật Phòng, chống ma túy",
        "in_force",
        date(2021, 3, 30),
        date(2022, 1, 1),
        None,
        ["DRUGS-1961", "DRUGS-1971", "DRUGS-1988"],
        "mps",
    ),
    (
        "100/2015/QH13",
        "code",
        "Penal Code",
        "Bộ luật Hình sự",
        "amended",
        date(2015, 11, 27),
        date(2018, 1, 1),
        None,
        [],
        "moj",
    ),
    (
        "12/2017/QH14",
        "law",
        "Law amending and supplementing a number of articles of the Penal Code No. 100/2015/QH13",
        "Luật sửa đổi, bổ sung một số điều của Bộ luật Hình sự số 100/2015/QH13",
        "in_force",
        date(2017, 6, 20),
        date(2018, 1, 1),
        None,
        [],
        "moj",
    ),
    (
        "101/2015/QH13",
        "code",
        "Criminal Procedure Code",
        "Bộ luật Tố tụng hình sự",
        "in_force",
        date(2015, 11, 27),
        date(2018, 1, 1),
        None,
        [],
        "spp",
    ),
    (
        "08/2007/QH12",
        "law",
        "Law on Mutual Legal Assistance",
        "Luật Tương trợ tư pháp",
        "in_force",
        date(2007, 11, 21),
        date(2008, 7, 1),
        None,
        ["UNTOC", "UNCAC"],
        "moj",
    ),
    (
        "36/2018/QH14",
        "law",
        "Law on Anti-Corruption",
        "Luật Phòng, chống tham nhũng",
        "in_force",
        date(2018, 11, 20),
        date(2019, 7, 1),
        None,
        ["UNCAC"],
        None,
    ),
    (
        "66/2011/QH12",
        "law",
        "Law on Prevention and Combat of Human Trafficking",
        "Luật Phòng, chống mua bán người",
        "repealed",
        date(2011, 3, 29),
        date(2012, 1, 1),
        date(2025, 7, 1),
        ["UNTOC-TIP"],
        "mps",
    ),
    (
        "53/2024/QH15",
        "law",
        "Law on Prevention and Combat of Human Trafficking",
        "Luật Phòng, chống mua bán người",
        "in_force",
        date(2024, 11, 28),
        date(2025, 7, 1),
        None,
        ["UNTOC-TIP"],
        "mps",
    ),
    (
        "28/2013/QH13",
        "law",
        "Law on Counter-terrorism",
        "Luật Phòng, chống khủng bố",
        "in_force",
        date(2013, 6, 12),
        date(2013, 10, 1),
        None,
        CT_KEYS,
        "mps",
    ),
    (
        "14/2022/QH15",
        "law",
        "Law on Anti-Money Laundering",
        "Luật Phòng, chống rửa tiền",
        "in_force",
        date(2022, 11, 15),
        date(2023, 3, 1),
        None,
        ["UNTOC", "UNCAC", "CT-FINANCING-1999"],
        None,
    ),
    (
        "108/2016/QH13",
        "law",
        "Law on Treaties",
        "Luật Điều ước quốc tế",
        "in_force",
        date(2016, 4, 9),
        date(2016, 7, 1),
        None,
        [],
        "mofa",
    ),
    (
        "102/2016/QH13",
        "law",
        "Law on Children",
        "Luật Trẻ em",
        "in_force",
        date(2016, 4, 5),
        date(2017, 6, 1),
        None,
        ["CRC"],
        "molisa",
    ),
]

# (framework slug, item reference) implemented by the act with this number
COMMITMENTS = [
    ((slugs.DRUG_PROGRAMME, "O3.T2"), "73/2021/QH14"),
    ((slugs.DRUG_PROGRAMME, "O2.T1"), "73/2021/QH14"),
    ((slugs.UNODC, "2.1"), "36/2018/QH14"),
    ((slugs.UNODC, "2.2"), "14/2022/QH15"),
    ((slugs.UNODC, "3.1"), "28/2013/QH13"),
    ((slugs.CRIME_STRATEGY, "O1.T3"), "53/2024/QH15"),
    ((slugs.CRIME_STRATEGY, "O3.T1"), "08/2007/QH12"),
]


def load_demo_laws() -> None:
    from camket.accounts.models import Agency

    User = get_user_model()
    coordinator = User.objects.get(username="coordinator")
    mps_coordinator = User.objects.get(username="mps_coordinator")
    catalogue = {i.key: i for i in Instrument.objects.filter(archived=False)}
    for number, kind, title, title_vi, status, adopted, in_force, repealed, keys, agency in ACTS:
        act = LegalAct.objects.filter(number=number, archived=False).first()
        wanted = [catalogue[key] for key in keys if key in catalogue]
        if act is not None:  # the catalogue may have come after the acts
            for instrument in set(wanted) - set(act.instruments.all()):
                act = services.link_instrument(coordinator, act, instrument, version=act.version)
            continue
        services.create_act(
            coordinator,
            {
                "number": number,
                "kind": kind,
                "title": title,
                "title_vi": title_vi,
                "issuing_body": NA,
                "issuing_body_vi": NA_VI,
                "status": status,
                "adopted_on": adopted,
                "in_force_on": in_force,
                "repealed_on": repealed,
                "drafting_agency": Agency.objects.filter(code=agency).first() if agency else None,
            },
            instruments=wanted,
        )
    for (slug, reference), number in COMMITMENTS:
        item = Recommendation.objects.filter(framework__slug=slug, reference=reference).first()
        act = LegalAct.objects.filter(number=number, archived=False).first()
        if item is None or act is None:
            continue
        user = next(
            u for u in (mps_coordinator, coordinator) if roles.coordinates(u, item.framework)
        )
        if not services.commitment_links(None, act).filter(item=item).exists():
            services.link_commitment(user, act, item)
