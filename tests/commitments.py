"""A small drug programme beside the personas' UPR cycle: frameworks whose items receive no
response (commitments), in a tree, tagged with the drug and crime taxonomy."""

from dataclasses import dataclass

from camket.frameworks.models import Category, Framework, Recommendation
from camket.frameworks.taxonomies import ensure_builtin_taxonomies
from camket.lib.vocabulary import DRUGS_CRIME, SDG
from tests.personas import make_recommendation


@dataclass
class DrugProgramme:
    programme: Framework  # kind programme: sub-programme → outcome → output
    declaration: Framework  # kind declaration: commitments
    subprogramme: Recommendation
    outcome: Recommendation
    output: Recommendation  # treatment: tagged "Treatment of drug dependence" (under DC01)
    output_supply: Recommendation  # tagged "Drug trafficking" (under DC02)
    commitment: Recommendation  # the 2019 declaration's commitment on treatment


def topic(code: str) -> Category:
    return Category.objects.get(taxonomy__slug=DRUGS_CRIME, code=code)


def sdg(code: str) -> Category:
    return Category.objects.get(taxonomy__slug=SDG, code=code)


def _item(framework, reference, text, *, parent=None, level=0, tags=()):
    item = make_recommendation(framework, reference, text)
    Recommendation.objects.filter(pk=item.pk).update(parent=parent, level=level)
    item.refresh_from_db()
    item.categories.set(tags)
    return item


def make_drug_programme() -> DrugProgramme:
    ensure_builtin_taxonomies()
    programme = Framework(
        slug="drug-programme-2021",
        name="National drug programme 2021-2025",
        name_vi="Chương trình phòng, chống ma túy 2021-2025",
        kind="programme",
    )
    programme.apply_kind_defaults()
    programme.save()
    declaration = Framework(
        slug="ministerial-declaration-2019", name="Ministerial Declaration 2019", kind="declaration"
    )
    declaration.apply_kind_defaults()
    declaration.save()
    subprogramme = _item(programme, "5", "Drug demand reduction and HIV/AIDS.")
    outcome = _item(
        programme,
        "5.1",
        "More people who use drugs receive treatment.",
        parent=subprogramme,
        level=1,
    )
    output = _item(
        programme,
        "5.1.2",
        "Methadone treatment reaches more provinces.",
        parent=outcome,
        level=2,
        tags=[topic("DC01.2"), sdg("3.5")],
    )
    output_supply = _item(
        programme,
        "5.1.3",
        "Border posts seize more illicit drugs.",
        parent=outcome,
        level=2,
        tags=[topic("DC02.2")],
    )
    commitment = _item(
        declaration, "C.4", "Widen access to evidence-based treatment.", tags=[topic("DC01")]
    )
    return DrugProgramme(
        programme=programme,
        declaration=declaration,
        subprogramme=subprogramme,
        outcome=outcome,
        output=output,
        output_supply=output_supply,
        commitment=commitment,
    )
