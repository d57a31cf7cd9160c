"""Importing from the browser: preview first, confirm second, refusals explained."""

from django.core.files.uploadedfile import SimpleUploadedFile

from camket.frameworks.models import Recommendation

CSV = (
    b"Reference,Text,Recommending states\n"
    b"9.1,Protect journalists.,Sweden\n9.2,Ratify OP-CAT.,Denmark\n"
)


def _upload(client, content=CSV, name="list.csv", framework="upr-vn-4"):
    return client.post(
        "/imports/", {"file": SimpleUploadedFile(name, content), "framework": framework}
    )


def test_preview_writes_nothing_and_confirm_imports(client, world):
    client.force_login(world.coordinator)
    before = Recommendation.objects.count()
    response = _upload(client)
    assert response.status_code == 200
    assert response.context["preview"].created == 2
    assert Recommendation.objects.count() == before
    token = client.session["camket_pending_import"]["token"]
    response = client.post("/imports/", {"confirm": "1", "token": token}, follow=True)
    assert Recommendation.objects.count() == before + 2
    assert b"2 created" in response.content


def test_bad_row_is_shown_with_row_and_column_and_nothing_written(client, world):
    client.force_login(world.coordinator)
    before = Recommendation.objects.count()
    response = _upload(client, content=b"Reference,Text\n1,Fine\n2,\n")
    errors = response.context["preview"].errors
    assert [(e.row, e.column) for e in errors] == [(3, "Text")]
    assert "camket_pending_import" not in client.session
    assert Recommendation.objects.count() == before


def test_oversized_upload_is_refused_by_the_form(client, world, settings):
    settings.CAMKET_MAX_IMPORT_BYTES = 50
    client.force_login(world.coordinator)
    response = _upload(client)
    assert response.context["form"].errors["file"]
    assert "preview" not in response.context


def test_confirm_without_a_matching_preview_imports_nothing(client, world):
    client.force_login(world.coordinator)
    before = Recommendation.objects.count()
    response = client.post("/imports/", {"confirm": "1", "token": "forged"}, follow=True)
    assert Recommendation.objects.count() == before
    assert b"expired" in response.content


def test_api_import_dry_run_then_real(client, world):
    from camket.accounts.models import ApiToken

    _, secret = ApiToken.issue(world.coordinator, "test")
    headers = {"Authorization": f"Bearer {secret}"}
    before = Recommendation.objects.count()
    dry = client.post(
        "/api/imports?framework=upr-vn-4&dry_run=true",
        {"file": SimpleUploadedFile("list.csv", CSV)},
        headers=headers,
    )
    assert dry.status_code == 200 and dry.json()["created"] == 2
    assert Recommendation.objects.count() == before
    real = client.post(
        "/api/imports?framework=upr-vn-4",
        {"file": SimpleUploadedFile("list.csv", CSV)},
        headers=headers,
    )
    assert real.json()["created"] == 2 and Recommendation.objects.count() == before + 2
