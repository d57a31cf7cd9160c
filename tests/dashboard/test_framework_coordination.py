"""The dashboard counts what each reader may see: a draft output of the drug programme counts
for its coordinator (MPS), not for the ministry's coordinator, until it is published."""

from camket.dashboard import services
from camket.review.services import set_status


def _commitments(user, framework=""):
    return services.figures(user, framework).headline.commitments


def test_drafts_count_for_their_framework_coordinators_only(drug_world):
    mps, mofa = drug_world.mps_coordinator, drug_world.coordinator
    draft = drug_world.drug_draft  # the programme's only leaf: the one item that counts

    assert _commitments(mps, "drug-programme") == 1
    assert _commitments(mofa, "drug-programme") == 0
    assert _commitments(drug_world.viewer, "drug-programme") == 0

    set_status(mps, [draft], "published")

    assert _commitments(mofa, "drug-programme") == 1
    assert _commitments(drug_world.viewer, "drug-programme") == 1
