"""/treaties/import/: the coordinating ministry's upload page, refused to everyone else."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from camket.treaties.models import Participation

pytestmark = pytest.mark.django_db

GOOD = (
    "state,treaty,signed,action,action_date,in_force,complaints,inquiry,report_due,"
    "source,source_url,note\nTHA,ICCPR,,accession,1996-10-29,,,,,UNTC,,\n"
)
BAD = "state,treaty,action_date\nTHA,ICCPR,1996-10-29\nTHA,<b>X</b>,\n"


def _upload(client, text: str, button: str = "import"):
    return client.post(
        reverse("treaty-import"),
        {"file": SimpleUploadedFile("status.csv", text.encode("utf-8"), "text/csv"), button: ""},
    )


def test_the_coordinator_sees_the_page_and_the_templates(client, world):
    client.force_login(world.coordinator)
    page = client.get(reverse("treaty-import"))
    assert page.status_code == 200
    assert reverse("treaty-import-template").encode() in page.content
    template = client.get(reverse("treaty-import-template"))
    assert template.content.decode("utf-8-sig").strip() == (
        "state,treaty,signed,action,action_date,in_force,complaints,inquiry,report_due,"
        "report_note,source,source_url,note"
    )
    reservations = client.get(reverse("treaty-import-template-reservations"))
    assert reservations.content.decode("utf-8-sig").startswith("state,treaty,kind,article")


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "viewer", "mps_coordinator"])
def test_others_are_refused(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get(reverse("treaty-import")).status_code == 403
    assert client.get(reverse("treaty-import-template")).status_code == 403
    assert _upload(client, GOOD).status_code == 403
    assert not Participation.objects.filter(state__iso3="THA").exists()


def test_anonymous_is_sent_to_log_in(client, world):
    response = client.get(reverse("treaty-import"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_importing_a_good_file(client, world):
    client.force_login(world.coordinator)
    response = _upload(client, GOOD)
    assert response.status_code == 302
    status = Participation.objects.get(state__iso3="THA", instrument__key="ICCPR")
    assert status.party and status.history.get().history_user == world.coordinator
    assert "1 created" in client.get(reverse("treaty-import")).content.decode()


def test_checking_only_writes_nothing(client, world):
    client.force_login(world.coordinator)
    response = _upload(client, GOOD, button="check")
    assert response.status_code == 200
    assert "1 new, 0 updated, 0 unchanged" in response.content.decode()
    assert not Participation.objects.filter(state__iso3="THA").exists()


def test_a_bad_file_is_refused_with_its_rows_escaped(client, world):
    client.force_login(world.coordinator)
    response = _upload(client, BAD)
    body = response.content.decode()
    assert response.status_code == 400
    assert "row 2, column “action_date”" in body
    assert "row 3, column “treaty”" in body
    assert "&lt;b&gt;X&lt;/b&gt;" in body and "<b>X</b>" not in body
    assert not Participation.objects.filter(state__iso3="THA").exists()


def test_the_page_in_vietnamese_still_works(client, world):
    client.force_login(world.coordinator)
    response = client.get(reverse("treaty-import"), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
