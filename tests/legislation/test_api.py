import pytest

from camket.legislation import services
from camket.legislation.models import LegalAct
from tests.api.conftest import ApiClient


@pytest.fixture
def act(drug_world, instruments, drug_law_values):
    act = services.create_act(
        drug_world.coordinator, drug_law_values, instruments=[instruments["DRUGS-1961"]]
    )
    services.link_commitment(drug_world.mps_coordinator, act, drug_world.drug_published)
    services.link_commitment(drug_world.mps_coordinator, act, drug_world.drug_draft)
    return act


def test_anonymous_reads_nothing(client, act):
    assert ApiClient(client, None).get("/laws").status_code == 401


def test_list_with_filters_and_scoped_counts(client, drug_world, act):
    api = ApiClient(client, drug_world.officer_b)
    rows = api.get("/laws", {"q": "ma tuy"}).json()["items"]
    assert [(r["number"], r["instruments"], r["commitment_count"]) for r in rows] == [
        ("73/2021/QH14", ["DRUGS-1961"], 1)
    ]
    assert api.get("/laws", {"instrument": "UNCAC"}).json()["items"] == []
    assert api.get("/laws", {"kind": "decree"}).json()["items"] == []


def test_detail_shows_only_visible_commitments(client, drug_world, act):
    officer = ApiClient(client, drug_world.officer_b).get(f"/laws/{act.pk}").json()
    assert [c["reference"] for c in officer["commitments"]] == ["1"]
    coordinator = ApiClient(client, drug_world.mps_coordinator).get(f"/laws/{act.pk}").json()
    assert sorted(c["reference"] for c in coordinator["commitments"]) == ["1", "1.1"]
    assert ApiClient(client, drug_world.viewer).get("/laws/999999").status_code == 404


def test_create_update_with_permission_and_version(client, drug_world, act, instruments):
    payload = {
        "kind": "decree",
        "status": "drafting",
        "title_vi": "Nghị định",
        "instruments": ["UNCAC"],
    }
    assert ApiClient(client, drug_world.viewer).post("/laws", payload).status_code == 403
    officer = ApiClient(client, drug_world.officer_a)
    assert officer.post("/laws", payload).status_code == 403  # no drafting agency: not theirs
    created = officer.post("/laws", {**payload, "drafting_agency": "mps"})
    assert created.status_code == 201 and created.json()["instruments"] == ["UNCAC"]
    pk = created.json()["id"]
    assert (
        ApiClient(client, drug_world.officer_b)
        .put(f"/laws/{pk}", {**payload, "version": 1})
        .status_code
        == 403
    )
    changed = officer.put(
        f"/laws/{pk}", {**payload, "drafting_agency": "mps", "title": "Decree", "version": 1}
    )
    assert changed.status_code == 200 and changed.json()["version"] == 2
    assert (
        officer.put(f"/laws/{pk}", {**payload, "drafting_agency": "mps", "version": 1}).status_code
        == 409
    )
    invalid = officer.put(
        f"/laws/{pk}", {**payload, "drafting_agency": "mps", "version": 2, "status": "repealed"}
    )
    assert invalid.status_code == 422 and "repealed_on" in invalid.json()["detail"]
    assert LegalAct.objects.get(pk=pk).history.latest().history_user == drug_world.officer_a


def test_link_and_unlink_instruments_and_commitments(client, drug_world, act, instruments):
    api = ApiClient(client, drug_world.coordinator)
    linked = api.post(f"/laws/{act.pk}/instruments/DRUGS-1988", {"version": act.version})
    assert linked.status_code == 200
    assert linked.json()["instruments"] == ["DRUGS-1961", "DRUGS-1988"]
    version = linked.json()["version"]
    removed = api.client.delete(
        f"/api/laws/{act.pk}/instruments/DRUGS-1961?version={version}", headers=api.headers
    )
    assert removed.json()["instruments"] == ["DRUGS-1988"]
    refused = api.post(f"/laws/{act.pk}/commitments", {"item": "drug-programme:1"})
    assert refused.status_code == 403  # the drug programme is MPS's
    assert api.post(f"/laws/{act.pk}/commitments", {"item": "upr-vn-4:1.1"}).status_code == 200
    mps = ApiClient(client, drug_world.mps_coordinator)
    gone = mps.client.delete(
        f"/api/laws/{act.pk}/commitments/drug-programme:1.1", headers=mps.headers
    )
    assert gone.status_code == 200
    assert sorted((c["framework"], c["reference"]) for c in gone.json()["commitments"]) == [
        ("drug-programme", "1"),
        ("upr-vn-4", "1.1"),
    ]
    hidden = ApiClient(client, drug_world.officer_b).post(
        f"/laws/{act.pk}/commitments", {"item": "drug-programme:1.1"}
    )
    assert hidden.status_code == 422  # a draft they may not see: as if it did not exist
