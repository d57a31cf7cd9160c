"""A drug-control programme coordinated by agency A (the Ministry of Public Security) beside the
personas' UPR cycle, and a coordinator of that agency who coordinates only the programme."""

from dataclasses import dataclass

import pytest

from camket.frameworks.models import Framework
from tests.personas import make_recommendation


@dataclass
class LinksWorld:
    programme: Framework
    outcome: object  # level 1 of the programme
    output: object  # level 2, under `outcome`: "expand methadone treatment"
    draft_output: object  # a draft output only coordinators see
    mps_coordinator: object  # coordinates the programme, not the UPR cycle


@pytest.fixture
def links_world(world) -> LinksWorld:
    programme = Framework.objects.create(
        slug="drug-programme",
        name="National Programme on drug prevention and control 2021-2025",
        name_vi="Chương trình quốc gia phòng, chống ma túy 2021-2025",
        kind="programme",
        coordinating_agency=world.agency_a,
    )
    programme.apply_kind_defaults()
    programme.save()
    sub = make_recommendation(programme, "1", "Drug demand reduction.")
    outcome = make_recommendation(programme, "1.1", "People who use drugs receive treatment.")
    outcome.parent, outcome.level = sub, 1
    outcome.save()
    output = make_recommendation(
        programme,
        "1.1.1",
        "Expand methadone maintenance treatment for people who use opioids in every province.",
    )
    draft_output = make_recommendation(
        programme, "1.1.2", "Pilot community-based treatment.", status="draft"
    )
    for item in (output, draft_output):
        item.parent, item.level = outcome, 2
        item.save()
    return LinksWorld(
        programme=programme,
        outcome=outcome,
        output=output,
        draft_output=draft_output,
        mps_coordinator=world.mps_coordinator,
    )


@pytest.fixture
def upr_published_2(world):
    """A second published UPR item (1.4): a link between it and `world.published` lies wholly in
    a framework the MPS coordinator reads as a viewer does, so acting on it is refused for want
    of coordination, not hidden as an item it may not see."""
    return make_recommendation(
        world.framework, "1.4", "Ratify the Optional Protocol to the Convention against Torture."
    )
