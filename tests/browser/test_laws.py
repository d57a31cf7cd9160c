"""A coordinator finds the drug law in the register without typing diacritics, opens it, sees
the conventions it implements and links a commitment; an agency officer reads it."""

import pytest
from playwright.sync_api import expect

from camket.legislation import services
from camket.treaties.models import Instrument

pytestmark = pytest.mark.browser


@pytest.fixture
def drug_law(world):
    from datetime import date

    instrument, _ = Instrument.objects.get_or_create(
        key="DRUGS-1988",
        defaults={
            "name": "United Nations Convention against Illicit Traffic "
            "in Narcotic Drugs and Psychotropic Substances",
            "family": "drugs",
        },
    )
    return services.create_act(
        world.coordinator,
        {
            "number": "73/2021/QH14",
            "kind": "law",
            "status": "in_force",
            "title": "Law on Drug Prevention and Control",
            "title_vi": "Luật Phòng, chống ma túy",
            "adopted_on": date(2021, 3, 30),
            "in_force_on": date(2022, 1, 1),
        },
        instruments=[instrument],
    )


def test_find_an_act_and_link_a_commitment(make_page, live_server, world, drug_law):
    page = make_page(world.coordinator)
    page.goto("/laws/")
    page.get_by_label("Words").fill("ma tuy")
    page.get_by_role("button", name="Filter").click()
    page.get_by_role("link", name="Law on Drug Prevention and Control").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Law on Drug Prevention and Control")
    instruments = page.locator(
        "section", has=page.get_by_role("heading", name="Instruments it implements")
    )
    expect(instruments.get_by_text("DRUGS-1988")).to_be_visible()
    page.get_by_label("Link a commitment").fill("upr-vn-4:1.1")
    page.get_by_role("button", name="Link").last.click()
    expect(page.get_by_text("The commitment was linked.")).to_be_visible()
    expect(page.get_by_role("link", name="upr-vn-4:1.1")).to_be_visible()

    reader = make_page(world.officer_b, lang="vi")
    reader.goto(f"/laws/{drug_law.pk}/")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Luật Phòng, chống ma túy")
    expect(reader.get_by_role("link", name="upr-vn-4:1.1")).to_be_visible()
    expect(reader.get_by_role("link", name="Edit the act")).to_have_count(0)
    expect(reader.get_by_label("Link a commitment")).to_have_count(0)
