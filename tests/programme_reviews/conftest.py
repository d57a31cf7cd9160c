from datetime import date

import pytest

from camket.frameworks.models import Framework
from tests.personas import make_recommendation


@pytest.fixture
def programme(world):
    """A drug programme coordinated by agency A (the Ministry of Public Security):
    SP5 → SP5.1 → outputs SP5.1.1 and SP5.1.2 (a draft)."""
    framework = Framework.objects.create(
        slug="drug-programme",
        name="National programme on drug prevention and control",
        name_vi="Chương trình quốc gia phòng, chống ma túy",
        kind="programme",
        coordinating_agency=world.agency_a,
        starts_on=date(2021, 1, 1),
        ends_on=date(2025, 12, 31),
    )
    top = make_recommendation(framework, "SP5", "Drug demand reduction")
    outcome = make_recommendation(framework, "SP5.1", "Drug users reach treatment")
    output = make_recommendation(framework, "SP5.1.1", "Methadone treatment extended")
    draft = make_recommendation(
        framework, "SP5.1.2", "Harm reduction output being drafted", status="draft"
    )
    for item, parent, level in ((outcome, top, 1), (output, outcome, 2), (draft, outcome, 2)):
        item.parent, item.level = parent, level
        item.save()
    return framework


@pytest.fixture
def mps_coordinator(world):
    """A coordinator at agency A: coordinates the drug programme, not the UPR."""
    return world.mps_coordinator
