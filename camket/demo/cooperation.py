"""The demo's cooperation registers: some of Viet Nam's bilateral treaties on criminal matters,
and a few fictitious requests (file numbers DEMO-…) handled by the demo agencies.

The agreements are public facts (partner, type, in force); their dates are left empty rather
than guessed, and each says so in its note. The requests are invented for the demo."""

from datetime import date, timedelta

from camket.accounts.models import Agency
from camket.cooperation import services
from camket.cooperation.models import Agreement, CooperationKind, CooperationRequest
from camket.frameworks.states import StateResolver

Kind, Status = CooperationKind, CooperationRequest.Status
NOTE = (
    "Demo record: partner, type and status as publicly reported; the dates of signature "
    "and entry into force are to be completed from the official text."
)

# partner, type, English title, Vietnamese title, central authority (agency code)
AGREEMENTS = [
    (
        "Republic of Korea",
        Kind.MUTUAL_LEGAL_ASSISTANCE,
        "Treaty on Mutual Legal Assistance in Criminal Matters between Viet Nam and the Republic "
        "of Korea",
        "Hiệp định tương trợ tư pháp về hình sự Việt Nam – Hàn Quốc",
        "spp",
    ),
    (
        "Republic of Korea",
        Kind.EXTRADITION,
        "Extradition Treaty between Viet Nam and the Republic of Korea",
        "Hiệp định dẫn độ Việt Nam – Hàn Quốc",
        "mps",
    ),
    (
        "United Kingdom",
        Kind.TRANSFER_OF_SENTENCED_PERSONS,
        "Agreement between Viet Nam and the United Kingdom on the Transfer of Sentenced Persons",
        "Hiệp định chuyển giao người bị kết án phạt tù Việt Nam – Vương quốc Anh",
        "mps",
    ),
    (
        "Australia",
        Kind.MUTUAL_LEGAL_ASSISTANCE,
        "Treaty between Viet Nam and Australia on Mutual Assistance in Criminal Matters",
        "Hiệp định tương trợ tư pháp về hình sự Việt Nam – Australia",
        "spp",
    ),
    (
        "Australia",
        Kind.EXTRADITION,
        "Extradition Treaty between Viet Nam and Australia",
        "Hiệp định dẫn độ Việt Nam – Australia",
        "mps",
    ),
]

# file number, direction, type, partner, days ago, status, responsible, also handled by, subject
REQUESTS = [
    (
        "DEMO-DD-001",
        "received",
        Kind.EXTRADITION,
        "Republic of Korea",
        300,
        Status.IN_PROGRESS,
        "mps",
        [],
        "Demo: a request to extradite a person sought for fraud (fictitious).",
    ),
    (
        "DEMO-TTTP-002",
        "sent",
        Kind.MUTUAL_LEGAL_ASSISTANCE,
        "Australia",
        200,
        Status.OPEN,
        "spp",
        ["mps"],
        "Demo: a request for bank records in a money-laundering case (fictitious).",
    ),
    (
        "DEMO-CG-003",
        "received",
        Kind.TRANSFER_OF_SENTENCED_PERSONS,
        "United Kingdom",
        500,
        Status.EXECUTED,
        "mps",
        ["moj"],
        "Demo: a request to transfer a sentenced person (fictitious).",
    ),
    (
        "DEMO-TTTP-004",
        "received",
        Kind.MUTUAL_LEGAL_ASSISTANCE,
        "Republic of Korea",
        100,
        Status.OPEN,
        "spp",
        [],
        "Demo: a request to hear a witness (fictitious).",
    ),
]


def load_demo_cooperation(*, today: date) -> None:
    """Once: an agreement already recorded means the demo's registers are there."""
    if Agreement.objects.exists():
        return
    states = StateResolver()
    agencies = {agency.code: agency for agency in Agency.objects.all()}
    agreements = {}
    for partner, kind, title, title_vi, authority in AGREEMENTS:
        agreements[(partner, kind)] = services.create_agreement(
            None,
            {
                "partner": states.resolve(partner),
                "kind": kind,
                "title": title,
                "title_vi": title_vi,
                "status": Agreement.Status.IN_FORCE,
                "note": NOTE,
                "central_authority": agencies.get(authority),
            },
        )
    for (
        reference,
        direction,
        kind,
        partner,
        days,
        status,
        responsible,
        handlers,
        subject,
    ) in REQUESTS:
        dated = today - timedelta(days=days)
        closed = dated + timedelta(days=90) if status == Status.EXECUTED else None
        services.create_request(
            None,
            {
                "reference": reference,
                "direction": direction,
                "kind": kind,
                "partner": states.resolve(partner),
                "dated_on": dated,
                "status": status,
                "closed_on": closed,
                "subject": subject,
                "agreement": agreements.get((partner, kind)),
                "responsible_agency": agencies[responsible],
            },
            handling_agencies=[agencies[code] for code in handlers],
        )
