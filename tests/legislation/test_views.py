import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from camket.legislation import services
from camket.legislation.models import LegalAct


def _client(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def act(drug_world, instruments, drug_law_values):
    act = services.create_act(
        drug_world.coordinator, drug_law_values, instruments=[instruments["DRUGS-1961"]]
    )
    services.link_commitment(drug_world.mps_coordinator, act, drug_world.drug_published)
    services.link_commitment(drug_world.mps_coordinator, act, drug_world.drug_draft)
    return act


def test_anonymous_is_sent_to_sign_in(client, act):
    assert client.get(reverse("legislation:list")).status_code == 302
    assert client.get(reverse("legislation:detail", args=[act.pk])).status_code == 302


@pytest.mark.parametrize("persona", ["viewer", "officer_a", "officer_b", "coordinator"])
def test_every_member_reads_the_register(client, drug_world, act, persona):
    page = _client(client, getattr(drug_world, persona)).get(reverse("legislation:list"))
    assert page.status_code == 200 and "73/2021/QH14" in page.content.decode()


def test_search_with_and_without_diacritics_and_filters(client, drug_world, act, instruments):
    services.create_act(
        drug_world.coordinator,
        {"kind": "decree", "status": "drafting", "title_vi": "Nghị định về tương trợ tư pháp"},
    )
    client = _client(client, drug_world.viewer)
    for words in ("ma túy", "ma tuy", "MA TUY", "phong chong"):
        text = client.get(reverse("legislation:list"), {"q": words}).content.decode()
        assert "73/2021/QH14" in text and "tương trợ" not in text
    text = client.get(reverse("legislation:list"), {"kind": "decree"}).content.decode()
    assert "73/2021/QH14" not in text and "tương trợ" in text
    text = client.get(reverse("legislation:list"), {"instrument": "DRUGS-1961"}).content
    assert "73/2021/QH14" in text.decode() and "tương trợ" not in text.decode()
    text = client.get(reverse("legislation:list"), {"status": "repealed"}).content.decode()
    assert "73/2021/QH14" not in text


def test_the_act_page_shows_only_commitments_the_reader_may_see(client, drug_world, act):
    officer = (
        _client(client, drug_world.officer_b)
        .get(reverse("legislation:detail", args=[act.pk]))
        .content.decode()
    )
    assert "drug-programme:1<" in officer and "drug-programme:1.1" not in officer
    assert "Commitment it implements (1)" in officer
    assert "Methadone" not in officer  # the draft's text, not even in the history
    client.logout()
    coordinator = (
        _client(client, drug_world.mps_coordinator)
        .get(reverse("legislation:detail", args=[act.pk]))
        .content.decode()
    )
    assert "drug-programme:1.1" in coordinator and "(2)" in coordinator
    listing = client.get(reverse("legislation:list")).context["acts"]
    assert [a.commitment_count for a in listing] == [2]
    client.logout()
    listing = _client(client, drug_world.officer_b).get(reverse("legislation:list"))
    assert [a.commitment_count for a in listing.context["acts"]] == [1]


def test_officer_of_another_agency_cannot_edit(client, drug_world, act):
    client = _client(client, drug_world.officer_b)
    assert client.get(reverse("legislation:edit", args=[act.pk])).status_code == 403
    response = client.post(
        reverse("legislation:edit", args=[act.pk]),
        {"title_vi": "Changed", "kind": "law", "status": "in_force", "version": act.version},
    )
    assert response.status_code == 403
    assert client.post(reverse("legislation:archive", args=[act.pk])).status_code == 403
    assert LegalAct.objects.get(pk=act.pk).title_vi == "Luật Phòng, chống ma túy"


def test_coordinator_edits_and_links(client, drug_world, act, instruments):
    client = _client(client, drug_world.coordinator)
    page = client.get(reverse("legislation:edit", args=[act.pk]))
    assert page.status_code == 200
    data = {
        "number": act.number,
        "kind": "law",
        "title_vi": "Luật Phòng, chống ma túy 2021",
        "title": "",
        "status": "amended",
        "adopted_on": "2021-03-30",
        "in_force_on": "2022-01-01",
        "version": act.version,
        "instruments": [instruments["DRUGS-1961"].pk, instruments["DRUGS-1971"].pk],
    }
    response = client.post(reverse("legislation:edit", args=[act.pk]), data)
    assert response.status_code == 302
    act.refresh_from_db()
    assert act.status == "amended" and act.instruments.count() == 2
    stale = client.post(reverse("legislation:edit", args=[act.pk]), {**data, "version": 1})
    assert stale.status_code == 200 and "Someone else saved" in stale.content.decode()
    bad = client.post(
        reverse("legislation:edit", args=[act.pk]),
        {**data, "version": act.version, "in_force_on": "2020-01-01"},
    )
    assert "before it is adopted" in bad.content.decode()
    client.post(
        reverse("legislation:instrument-link", args=[act.pk]),
        {"instrument": instruments["DRUGS-1988"].pk, "version": act.version},
    )
    assert act.instruments.count() == 3
    client.post(
        reverse("legislation:instrument-unlink", args=[act.pk, "DRUGS-1988"]),
        {"version": act.version + 1},
    )
    assert act.instruments.count() == 2
    response = client.post(
        reverse("legislation:commitment-link", args=[act.pk]), {"item": "upr-vn-4:1.1"}, follow=True
    )
    assert "The commitment was linked." in response.content.decode()


def test_coordinator_adds_an_act_and_an_officer_only_for_its_agency(client, drug_world):
    client = _client(client, drug_world.officer_a)
    data = {"kind": "decree", "status": "drafting", "title_vi": "Nghị định mới"}
    refused = client.post(reverse("legislation:create"), data)
    assert refused.status_code == 200 and not LegalAct.objects.exists()
    client.post(reverse("legislation:create"), {**data, "drafting_agency": drug_world.agency_a.pk})
    assert LegalAct.objects.get().drafting_agency == drug_world.agency_a
    client.logout()
    response = _client(client, drug_world.viewer).get(reverse("legislation:create"))
    assert response.status_code == 403


def test_linking_a_commitment_needs_its_framework_coordinator(client, drug_world, act):
    client = _client(client, drug_world.officer_b)
    response = client.post(
        reverse("legislation:commitment-link", args=[act.pk]), {"item": "upr-vn-4:1.1"}, follow=True
    )
    assert "not allowed" in response.content.decode()
    assert act.item_links.count() == 2


def test_export_is_scoped_and_neutralised(client, drug_world, act):
    services.create_act(
        drug_world.coordinator,
        {"kind": "other", "status": "drafting", "title_vi": '=HYPERLINK("http://x")'},
    )
    client = _client(client, drug_world.officer_b)
    response = client.get(reverse("legislation:export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["number", "kind", "title_vi"]
    by_title = {row[2]: row for row in rows[1:]}
    assert '\'=HYPERLINK("http://x")' in by_title
    drug = by_title["Luật Phòng, chống ma túy"]
    assert drug[10] == "DRUGS-1961" and drug[11] == "drug-programme:1"
    response = client.get(reverse("legislation:export", args=["xlsx"]), {"kind": "other"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for cell in sheet[2]]
    assert values[2].startswith("'=") and sheet.max_row == 2
    assert client.get(reverse("legislation:export", args=["pdf"])).status_code == 404


def test_an_act_lacking_every_optional_field(client, world):
    act = services.create_act(
        world.coordinator, {"kind": "other", "status": "drafting", "title_vi": "Dự thảo"}
    )
    client = _client(client, world.viewer)
    assert client.get(reverse("legislation:list")).status_code == 200
    page = client.get(reverse("legislation:detail", args=[act.pk]))
    assert page.status_code == 200 and "No instrument linked." in page.content.decode()
    assert client.get(reverse("legislation:export", args=["xlsx"])).status_code == 200


def test_user_text_is_escaped(client, world):
    act = services.create_act(
        world.coordinator,
        {"kind": "other", "status": "drafting", "title_vi": "<script>alert(1)</script>"},
    )
    page = _client(client, world.viewer).get(reverse("legislation:detail", args=[act.pk]))
    assert "<script>alert(1)" not in page.content.decode()


def test_instruments_link_to_their_page(client, drug_world, act):
    page = _client(client, drug_world.viewer).get(reverse("legislation:detail", args=[act.pk]))
    assert 'href="/treaties/DRUGS-1961/"' in page.content.decode()


def test_the_instrument_page_links_to_the_act(client, drug_world, act):
    page = _client(client, drug_world.viewer).get(reverse("treaty-instrument", args=["DRUGS-1961"]))
    assert f'href="/laws/{act.pk}/"' in page.content.decode()
