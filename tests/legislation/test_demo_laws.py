from camket.demo.frameworks.slugs import DRUG_PROGRAMME
from camket.demo.laws import ACTS, load_demo_laws
from camket.frameworks.models import Framework
from camket.legislation.models import LegalAct
from camket.links.models import RegisterLink
from tests.personas import make_recommendation


def test_demo_acts_are_valid_linked_and_loaded_once(drug_world, instruments):
    programme = Framework.objects.create(
        slug=DRUG_PROGRAMME,
        kind="programme",
        name="Drug programme",
        coordinating_agency=drug_world.agency_a,
    )
    item = make_recommendation(programme, "O3.T2", "Control precursors.")
    load_demo_laws()
    assert LegalAct.objects.count() == len(ACTS)
    drugs = LegalAct.objects.get(number="73/2021/QH14")
    assert sorted(drugs.instruments.values_list("key", flat=True)) == [
        "DRUGS-1961",
        "DRUGS-1971",
        "DRUGS-1988",
    ]
    assert drugs.history.earliest().history_user == drug_world.coordinator
    link = RegisterLink.objects.get(legal_act=drugs)
    assert (link.item, link.created_by) == (item, drug_world.mps_coordinator)
    old = LegalAct.objects.get(number="66/2011/QH12")
    assert old.status == "repealed" and str(old.repealed_on) == "2025-07-01"
    load_demo_laws()
    assert LegalAct.objects.count() == len(ACTS) and RegisterLink.objects.count() == 1


def test_instruments_catalogued_after_the_acts_are_linked_on_the_next_run(drug_world, instruments):
    LegalAct.instruments.through.objects.all().delete()
    uncac = instruments.pop("UNCAC")
    uncac.archived = True
    uncac.save()
    load_demo_laws()
    assert not LegalAct.objects.get(number="36/2018/QH14").instruments.exists()
    uncac.archived = False
    uncac.save()
    load_demo_laws()
    assert list(
        LegalAct.objects.get(number="36/2018/QH14").instruments.values_list("key", flat=True)
    ) == ["UNCAC"]
