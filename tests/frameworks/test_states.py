import pytest

from camket.frameworks.models import State
from camket.frameworks.states import StateResolver, iso3_for


@pytest.mark.parametrize(
    "name, iso3",
    [
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("United Kingdom", "GBR"),
        ("Republic of Korea", "KOR"),
        ("DPR Korea", "PRK"),
        ("Trinidad & Tobago", "TTO"),
        ("St Vincent & the Grenadines", "VCT"),
        ("Bolivia (Plurinational State of)", "BOL"),
        ("Cote d'Ivoire", "CIV"),
        ("Holy See", "VAT"),
        ("Macedonia FYR", "MKD"),
    ],
)
def test_un_names_and_variants_resolve_to_one_iso_code(name, iso3):
    assert iso3_for(name) == iso3


def test_variants_share_one_state_row_and_are_kept_as_aliases(db):
    resolver = StateResolver()
    assert resolver.resolve("Turkey") == resolver.resolve("Türkiye")
    state = State.objects.get(iso3="TUR")
    assert state.name == "Türkiye" and "Turkey" in state.aliases


def test_unknown_names_are_kept_as_written_and_reported(db):
    resolver = StateResolver()
    state = resolver.resolve("Sovereign Order of Malta")
    assert state.iso3 is None and state.name == "Sovereign Order of Malta"
    assert resolver.unresolved == {"Sovereign Order of Malta"}
    assert resolver.resolve("&#40;Unknown&#41;") is None
