import pytest

from camket.treaties.models import Instrument

KEYS = {
    "DRUGS-1961": "drugs",
    "DRUGS-1971": "drugs",
    "DRUGS-1988": "drugs",
    "UNCAC": "crime",
    "UNTOC": "crime",
    "UNTOC-TIP": "crime",
    "CRC": "human_rights",
    "CT-FINANCING-1999": "terrorism",
}


@pytest.fixture
def instruments(db):
    """Catalogue rows for the keys the tests use (the catalogue itself ships elsewhere)."""
    return {
        key: Instrument.objects.get_or_create(
            key=key, defaults={"name": f"Convention {key}", "family": family}
        )[0]
        for key, family in KEYS.items()
    }


@pytest.fixture
def drug_law_values():
    from datetime import date

    return {
        "number": "73/2021/QH14",
        "kind": "law",
        "status": "in_force",
        "title": "Law on Drug Prevention and Control",
        "title_vi": "Luật Phòng, chống ma túy",
        "issuing_body": "National Assembly",
        "adopted_on": date(2021, 3, 30),
        "in_force_on": date(2022, 1, 1),
    }
