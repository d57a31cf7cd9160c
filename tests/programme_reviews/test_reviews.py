"""Review records of a framework: written by its own coordinators only (web and service),
kept in the history with who made them, read by whoever sees its published items."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from camket.lib.concurrency import StaleEdit
from camket.programme_reviews import services
from camket.programme_reviews.models import FrameworkReview, ReviewAttachment

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
VALUES = {
    "held_on": date(2025, 11, 20),
    "title": "Mid-term review",
    "participants": "MPS, MOH, MOLISA, UNODC",
    "findings": "Methadone coverage grew; harm reduction lags.",
    "agreed_changes": "Add an output on harm reduction in prisons.",
}
FORM = {**{k: str(v) for k, v in VALUES.items()}, "held_on": "2025-11-20"}
REFUSED = ["coordinator", "officer_a", "officer_b", "viewer"]


def test_the_frameworks_coordinator_records_a_review_with_an_attachment(
    world, programme, mps_coordinator
):
    review = services.create_review(
        mps_coordinator, programme, VALUES, files=[("minutes.pdf", PDF)]
    )
    assert review.created_by == mps_coordinator
    (attachment,) = review.attachments.all()
    assert attachment.original_name == "minutes.pdf" and attachment.file.read() == PDF
    assert review.history.get().history_user == mps_coordinator
    assert attachment.history.get().history_user == mps_coordinator
    services.update_review(
        mps_coordinator, review, {"findings": "Coverage grew by 13%."}, version=review.version
    )
    latest = review.history.first()
    assert latest.findings == "Coverage grew by 13%." and latest.history_user == mps_coordinator


@pytest.mark.parametrize("persona", REFUSED)
def test_others_may_not_record_or_change_a_review(world, programme, mps_coordinator, persona):
    """The UPR's coordinator (foreign affairs) too: this framework is agency A's."""
    user = getattr(world, persona)
    with pytest.raises(PermissionDenied):
        services.create_review(user, programme, VALUES)
    review = services.create_review(mps_coordinator, programme, VALUES)
    with pytest.raises(PermissionDenied):
        services.update_review(user, review, {"findings": "Changed"}, version=review.version)
    with pytest.raises(PermissionDenied):
        services.add_attachment(user, review, "minutes.pdf", PDF)
    review.refresh_from_db()
    assert review.findings == VALUES["findings"] and not review.attachments.exists()


def test_the_programmes_coordinator_may_not_record_reviews_of_the_upr(world, mps_coordinator):
    with pytest.raises(PermissionDenied):
        services.create_review(mps_coordinator, world.framework, VALUES)
    assert services.create_review(world.coordinator, world.framework, VALUES).pk


def test_a_file_that_is_not_what_it_says_refuses_the_whole_review(
    world, programme, mps_coordinator
):
    with pytest.raises(ValidationError):
        services.create_review(
            mps_coordinator,
            programme,
            VALUES,
            files=[("minutes.pdf", PDF), ("photo.png", b"not a png")],
        )
    assert not FrameworkReview.objects.exists() and not ReviewAttachment.objects.exists()


def test_a_stale_edit_is_refused(world, programme, mps_coordinator):
    review = services.create_review(mps_coordinator, programme, VALUES)
    services.update_review(mps_coordinator, review, {"title": "First"}, version=1)
    with pytest.raises(StaleEdit):
        services.update_review(
            mps_coordinator,
            FrameworkReview.objects.get(pk=review.pk),
            {"title": "Second"},
            version=1,
        )


# --- web ---------------------------------------------------------------------------------------


def test_the_coordinator_records_a_review_on_the_web(client, world, programme, mps_coordinator):
    client.force_login(mps_coordinator)
    page = client.get("/frameworks/drug-programme/results/").content.decode()
    assert "/frameworks/drug-programme/reviews/new/" in page
    upload = SimpleUploadedFile("minutes.pdf", PDF, content_type="application/pdf")
    response = client.post("/frameworks/drug-programme/reviews/new/", {**FORM, "files": upload})
    assert response.status_code == 302
    review = FrameworkReview.objects.get()
    assert review.framework == programme and review.attachments.count() == 1
    response = client.post(
        f"/programme-reviews/{review.pk}/",
        {**FORM, "findings": "Revised findings", "version": review.version},
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.findings == "Revised findings" and review.version == 2


@pytest.mark.parametrize("persona", REFUSED)
def test_others_are_refused_on_the_web(client, world, programme, mps_coordinator, persona):
    review = services.create_review(mps_coordinator, programme, VALUES)
    client.force_login(getattr(world, persona))
    page = client.get("/frameworks/drug-programme/results/").content.decode()
    assert "/reviews/new/" not in page and f"/programme-reviews/{review.pk}/" not in page
    assert client.get("/frameworks/drug-programme/reviews/new/").status_code == 403
    assert client.post("/frameworks/drug-programme/reviews/new/", FORM).status_code == 403
    response = client.post(
        f"/programme-reviews/{review.pk}/", {**FORM, "findings": "Changed", "version": 1}
    )
    assert response.status_code == 403
    assert FrameworkReview.objects.get().findings == VALUES["findings"]


@pytest.mark.parametrize(
    "persona", ["mps_coordinator", "coordinator", "officer_a", "officer_b", "viewer"]
)
def test_whoever_sees_the_published_items_reads_the_reviews_and_files(
    client, world, programme, mps_coordinator, persona
):
    review = services.create_review(
        mps_coordinator, programme, VALUES, files=[("minutes.pdf", PDF)]
    )
    user = mps_coordinator if persona == "mps_coordinator" else getattr(world, persona)
    client.force_login(user)
    page = client.get("/frameworks/drug-programme/results/").content.decode()
    assert "Methadone coverage grew" in page and "minutes.pdf" in page
    response = client.get(f"/programme-review-files/{review.attachments.get().pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


def test_reviews_of_a_framework_with_nothing_published_stay_inside(
    client, world, programme, mps_coordinator
):
    review = services.create_review(
        mps_coordinator, programme, VALUES, files=[("minutes.pdf", PDF)]
    )
    programme.recommendations.update(status="draft")
    client.force_login(world.viewer)
    assert client.get("/frameworks/drug-programme/results/").status_code == 404
    assert client.get(f"/programme-review-files/{review.attachments.get().pk}/").status_code == 404
