"""Who coordinates which framework: the framework's coordinating agency, else the coordinating
ministry; administrators coordinate all."""

import pytest
from django.contrib.auth import get_user_model

from camket.accounts import roles
from camket.accounts.rules import framework_of
from camket.frameworks.scoping import coordinated_frameworks
from camket.review.models import Assessment

# Which frameworks each persona coordinates: the UPR cycle names no agency (it belongs to the
# coordinating ministry, MOFA), the drug programme names agency A (MPS).
COORDINATES = {
    "coordinator": {"upr-vn-4"},
    "mps_coordinator": {"drug-programme"},
    "officer_a": set(),
    "officer_b": set(),
    "viewer": set(),
    "anonymous": set(),
}


@pytest.mark.parametrize("persona", sorted(COORDINATES))
def test_each_persona_coordinates_exactly_its_frameworks(drug_world, persona):
    user = getattr(drug_world, persona)

    assert set(coordinated_frameworks(user).values_list("slug", flat=True)) == COORDINATES[persona]
    for framework in (drug_world.framework, drug_world.drug_programme):
        assert roles.coordinates(user, framework) is (framework.slug in COORDINATES[persona])


def test_an_administrator_coordinates_every_framework(drug_world):
    admin = get_user_model().objects.create_superuser("root", password="x")

    assert set(coordinated_frameworks(admin).values_list("slug", flat=True)) == {
        "upr-vn-4",
        "drug-programme",
    }
    assert roles.coordinates(admin, drug_world.drug_programme)


def test_naming_the_ministry_as_coordinating_agency_moves_a_framework_to_it(drug_world):
    programme = drug_world.drug_programme
    programme.coordinating_agency = drug_world.coordinating_agency
    programme.save()

    assert roles.coordinates(drug_world.coordinator, programme)
    assert not roles.coordinates(drug_world.mps_coordinator, programme)


def test_records_lead_to_their_framework(drug_world):
    request = Assessment.objects.get(recommendation=drug_world.sent_to_a)

    assert framework_of(drug_world.drug_programme) == drug_world.drug_programme
    assert framework_of(drug_world.drug_draft) == drug_world.drug_programme
    assert framework_of(request) == drug_world.framework
    assert framework_of(None) is None
