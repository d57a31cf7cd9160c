"""The Documents page: request, progress, download — only for whoever asked (and admins)."""

import pytest

from camket.documents.models import DocumentRequest
from camket.documents.tasks import make_requested_document
from tests.documents.conftest import docx_text, pdf_text
from tests.personas import make_user


@pytest.fixture(autouse=True)
def _documents_dir(settings, tmp_path):
    settings.CAMKET_DOCUMENTS_DIR = tmp_path / "documents"


def ask(client, user, **values):
    client.force_login(user)
    data = {
        "framework": "upr-vn-4",
        "kind": "positions",
        "file_format": "docx",
        "language": "vi",
        **values,
    }
    return client.post("/documents/request/", data)


def test_the_page_is_in_the_nav_and_offers_only_visible_frameworks(client, document_world):
    from tests.personas import add_drug_programme

    add_drug_programme(document_world.plan_world.world)  # only a draft is hidden from viewers
    client.force_login(document_world.viewer)
    page = client.get("/documents/").content.decode()
    assert 'href="/documents/"' in page
    assert 'value="upr-vn-4"' in page
    client.force_login(document_world.mps_coordinator)
    assert 'value="drug-programme"' in client.get("/documents/").content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    assert client.get("/documents/").status_code == 302
    assert client.post("/documents/request/", {}).status_code == 302


def test_a_small_draft_is_made_at_once_and_only_its_requester_downloads_it(client, document_world):
    response = ask(client, document_world.officer_a)
    assert response.status_code == 302
    document = DocumentRequest.objects.get()
    assert (document.state, document.progress) == ("done", 100)
    listing = client.get("/documents/requests/").content.decode()
    assert f"/documents/{document.pk}/download/" in listing and "every 2s" not in listing
    download = client.get(f"/documents/{document.pk}/download/")
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    text = docx_text(b"".join(download.streaming_content))
    assert "Đảm bảo quyền của người khuyết tật." in text  # sent to agency A
    assert "Establish a national human rights institution." not in text
    client.force_login(document_world.officer_b)
    assert client.get(f"/documents/{document.pk}/download/").status_code == 404
    assert f"/documents/{document.pk}/" not in client.get("/documents/requests/").content.decode()
    admin = make_user("admin", "admin", None)
    client.force_login(admin)
    assert client.get(f"/documents/{document.pk}/download/").status_code == 200


def test_a_large_draft_goes_to_the_worker_and_the_page_shows_progress(
    client, document_world, settings
):
    settings.CAMKET_DOCUMENTS_AT_ONCE_ITEMS = 0
    ask(client, document_world.coordinator, kind="midterm", file_format="pdf", language="en")
    document = DocumentRequest.objects.get()
    assert document.state == "queued"
    listing = client.get("/documents/requests/").content.decode()
    assert 'hx-trigger="every 2s"' in listing and "<progress" in listing
    assert f"/documents/{document.pk}/download/" not in listing
    assert client.get(f"/documents/{document.pk}/download/").status_code == 404
    make_requested_document.call(document.pk)  # what `camket db_worker` does
    listing = client.get("/documents/requests/").content.decode()
    assert "every 2s" not in listing and f"/documents/{document.pk}/download/" in listing
    data = b"".join(client.get(f"/documents/{document.pk}/download/").streaming_content)
    assert "Mid-term implementation report" in pdf_text(data)


def test_the_queued_task_is_recorded_for_the_worker(client, document_world, settings):
    from django_tasks_db.models import DBTaskResult

    settings.CAMKET_DOCUMENTS_AT_ONCE_ITEMS = 0
    ask(client, document_world.coordinator)
    job = DBTaskResult.objects.get()
    assert job.task_path.endswith("make_requested_document")


@pytest.mark.parametrize(
    "values, message",
    [
        ({"framework": "nope"}, "No such framework"),
        ({"kind": "summary"}, "Unknown kind"),
        ({"file_format": "odt"}, "Unknown format"),
    ],
)
def test_wrong_choices_are_refused(client, document_world, values, message):
    response = ask(client, document_world.viewer, **values)
    assert response.status_code == 302
    assert message in client.get("/documents/").content.decode()
    assert not DocumentRequest.objects.exists()


def test_a_framework_the_user_may_not_see_is_refused(client, drug_world):
    drug_world.drug_published.status = "draft"
    drug_world.drug_published.save()
    ask(client, drug_world.viewer, framework="drug-programme")
    assert not DocumentRequest.objects.exists()


def test_a_request_whose_worker_died_is_shown_as_failed(client, document_world, settings):
    from django_tasks_db.models import DBTaskResult

    from camket.jobs.recovery import announce

    settings.CAMKET_DOCUMENTS_AT_ONCE_ITEMS = 0
    ask(client, document_world.coordinator)
    DocumentRequest.objects.update(state="running")
    job = DBTaskResult.objects.get()
    DBTaskResult.objects.filter(pk=job.pk).update(status="FAILED")
    announce(DBTaskResult.objects.get(pk=job.pk), "killed")
    document = DocumentRequest.objects.get()
    assert document.state == "failed" and "worker stopped" in document.error
    assert "every 2s" not in client.get("/documents/requests/").content.decode()
