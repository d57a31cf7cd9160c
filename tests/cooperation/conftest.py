from datetime import date

import pytest

from camket.cooperation import services
from camket.cooperation.models import Agreement
from camket.frameworks.states import StateResolver

SECRET = "EXT-2025-SECRET-17"


@pytest.fixture
def korea(db):
    return StateResolver().resolve("Republic of Korea")


@pytest.fixture
def agreement(world, korea):
    return services.create_agreement(
        None,
        {
            "partner": korea,
            "kind": "extradition",
            "status": Agreement.Status.IN_FORCE,
            "title": "Extradition Treaty between Viet Nam and the Republic of Korea",
            "title_vi": "Hiệp định dẫn độ Việt Nam – Hàn Quốc",
            "signed_on": date(2003, 9, 15),
            "central_authority": world.agency_a,
        },
    )


@pytest.fixture
def extradition(world, korea, agreement):
    """A RECEIVED EXTRADITION request handled by agency A only."""
    return services.create_request(
        None,
        {
            "direction": "received",
            "kind": "extradition",
            "partner": korea,
            "agreement": agreement,
            "reference": SECRET,
            "dated_on": date(2025, 3, 4),
            "subject": "Person sought for large-scale fraud",
            "responsible_agency": world.agency_a,
        },
    )
