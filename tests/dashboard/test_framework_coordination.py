"""The dashboard counts what each reader may see: a decided draft of the drug programme
counts for its coordinator (MPS), not for the ministry's coordinator, until it is published."""

from camket.dashboard import services
from camket.review.services import decide, set_status


def _accepted(user, framework=""):
    return services.figures(user, framework).headline.accepted


def test_drafts_count_for_their_framework_coordinators_only(drug_world):
    mps, mofa = drug_world.mps_coordinator, drug_world.coordinator
    draft = drug_world.drug_draft
    decide(mps, draft, response="supported", reason="", decided_on=None, version=draft.version)

    assert _accepted(mps, "drug-programme") == 1
    assert _accepted(mofa, "drug-programme") == 0
    assert _accepted(drug_world.viewer, "drug-programme") == 0

    draft.refresh_from_db()
    set_status(mps, [draft], "published")

    assert _accepted(mofa, "drug-programme") == 1
