"""Who reaches the management pages: administrators and the coordinating ministry's
coordinators manage agencies and accounts; everyone signed in manages their own tokens."""

import pytest

MANAGERS = {"coordinator", "superuser"}
PERSONAS = ["coordinator", "superuser", "officer_a", "viewer", "mps_coordinator", "anonymous"]
PAGES = ["/manage/agencies/", "/manage/agencies/new/", "/manage/users/", "/manage/users/new/"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", PAGES)
def test_only_managers_open_agency_and_account_pages(as_persona, persona, page):
    response = as_persona(persona).get(page)
    if persona == "anonymous":
        assert response.status_code == 302 and "/accounts/login/" in response.url
    elif persona in MANAGERS:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_everyone_signed_in_opens_their_own_tokens(as_persona, persona):
    response = as_persona(persona).get("/manage/tokens/")
    assert response.status_code == (302 if persona == "anonymous" else 200)


@pytest.mark.parametrize("persona", PERSONAS[:-1])
def test_the_menu_offers_manage_or_tokens(as_persona, persona):
    page = (
        as_persona(persona)
        .get("/frameworks/" if persona in MANAGERS else "/manage/tokens/")
        .content.decode()
    )
    if persona in MANAGERS:
        assert 'href="/manage/">Manage<' in page
    else:
        assert 'href="/manage/">' not in page and 'href="/manage/tokens/">API tokens<' in page


@pytest.mark.parametrize(
    "persona,target", [("coordinator", "/manage/users/"), ("officer_a", "/manage/tokens/")]
)
def test_manage_leads_where_the_person_may_go(as_persona, persona, target):
    response = as_persona(persona).get("/manage/")
    assert response.status_code == 302 and response.url == target


def test_a_coordinator_of_another_agency_manages_no_accounts(as_persona, world):
    """The MPS coordinator coordinates their programme, not the accounts of the ministry."""
    client = as_persona("mps_coordinator")
    assert client.post("/manage/agencies/new/", {"code": "x", "name": "X"}).status_code == 403
    assert client.post(f"/manage/users/{world.viewer.pk}/password/").status_code == 403


@pytest.mark.parametrize("persona", PERSONAS[:-1])
def test_the_manage_tabs_offer_people_and_agencies_to_managers_only(as_persona, persona):
    page = as_persona(persona).get("/manage/tokens/").content.decode()
    assert ('href="/manage/users/">People<' in page) == (persona in MANAGERS)
    assert ('href="/manage/agencies/">Agencies<' in page) == (persona in MANAGERS)
