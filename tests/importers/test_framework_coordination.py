"""Imports into a framework need its coordination: the MPS coordinator imports into the drug
programme, not into the UPR cycle (MOFA's), nor into a new framework the file would create."""

import json
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from camket.frameworks.models import Framework, Recommendation
from camket.importers.service import import_file

CSV = "Reference,Text\n2,Cut the supply of synthetic drugs and their precursors.\n"


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "items.csv"
    file.write_text(CSV, encoding="utf-8")
    return file


def test_the_mps_coordinator_imports_into_the_drug_programme(drug_world, path):
    summary = import_file(path, framework_slug="drug-programme", user=drug_world.mps_coordinator)

    assert summary.ok and summary.created == 1
    item = Recommendation.objects.get(framework=drug_world.drug_programme, reference="2")
    assert item.history.get().history_user == drug_world.mps_coordinator


@pytest.mark.parametrize(
    ("persona", "slug"), [("mps_coordinator", "upr-vn-4"), ("coordinator", "drug-programme")]
)
def test_import_into_another_framework_is_refused_and_writes_nothing(
    drug_world, path, persona, slug
):
    with pytest.raises(PermissionDenied, match="Only the coordinators of"):
        import_file(path, framework_slug=slug, user=getattr(drug_world, persona))
    assert not Recommendation.objects.filter(reference="2").exists()


def test_a_new_framework_created_by_an_import_belongs_to_the_ministry(drug_world, tmp_path):
    file = tmp_path / "cycle5.csv"
    file.write_text("Reference,Text,Cycle\n5.1,Protect journalists.,5\n", encoding="utf-8")

    with pytest.raises(PermissionDenied):
        import_file(file, user=drug_world.mps_coordinator)
    assert Framework.objects.count() == 2
    summary = import_file(file, user=drug_world.coordinator)
    assert summary.ok and summary.created == 1


def test_cli_refuses_with_a_json_error_and_a_non_zero_exit(drug_world, path):
    out = StringIO()
    with pytest.raises(CommandError, match="Only the coordinators of"):
        call_command(
            "import",
            str(path),
            "--framework",
            "upr-vn-4",
            "--user",
            "mps_coordinator",
            "--json",
            stdout=out,
        )

    last = json.loads(out.getvalue().strip().splitlines()[-1])
    assert last["created"] == 0 and "Only the coordinators of" in last["errors"][0]["message"]
    assert not Recommendation.objects.filter(reference="2").exists()
    call_command(
        "import",
        str(path),
        "--framework",
        "drug-programme",
        "--user",
        "mps_coordinator",
        stdout=StringIO(),
    )
    assert Recommendation.objects.filter(framework__slug="drug-programme", reference="2").exists()


def test_web_import_offers_and_accepts_only_coordinated_frameworks(drug_world, client):
    client.force_login(drug_world.mps_coordinator)

    page = client.get("/imports/")
    refused = client.post(
        "/imports/",
        {"file": SimpleUploadedFile("items.csv", CSV.encode()), "framework": "upr-vn-4"},
    )

    assert list(page.context["form"].fields["framework"].queryset) == [drug_world.drug_programme]
    assert refused.status_code == 200 and "framework" in refused.context["form"].errors
    assert not Recommendation.objects.filter(reference="2").exists()


def test_web_import_of_a_file_naming_another_framework_is_refused(drug_world, client):
    client.force_login(drug_world.mps_coordinator)
    upload = SimpleUploadedFile("cycle5.csv", b"Reference,Text,Cycle\n5.1,Protect journalists.,5\n")

    response = client.post("/imports/", {"file": upload})

    assert response.status_code == 403
    assert "Only the coordinators of" in response.content.decode()
    assert Framework.objects.count() == 2
