"""How the demo frameworks meet: tags, links between items of different frameworks, and
Master Plan actions that also report on items of other frameworks (applied by
`camket/demo/crosswalk.py`)."""

from camket.demo.frameworks.slugs import (
    CRIME_STRATEGY,
    DECLARATION_2019,
    DRUG_PROGRAMME,
    KYOTO,
    UNODC,
    UPR,
)

# (framework slug, reference): drug and crime subjects (DC…) and SDG targets
TAGS = {
    (UNODC, "1"): ("DC14", "16.4"),
    (UNODC, "1.1.1"): ("DC02.2", "16.4"),
    (UNODC, "1.1.2"): ("DC06", "16.2"),
    (UNODC, "1.2.1"): ("DC02.2", "16.4"),
    (UNODC, "2.1.1"): ("DC05", "16.5"),
    (UNODC, "2.2.1"): ("DC04", "16.4"),
    (UNODC, "3.1.1"): ("DC09", "16.a"),
    (UNODC, "4.1.1"): ("DC11", "16.3"),
    (UNODC, "4.1.2"): ("DC11.2", "16.3"),
    (UNODC, "5.1.1"): ("DC01.2", "DC13", "3.5"),
    (UNODC, "5.1.2"): ("DC01.2", "3.5"),
    (UNODC, "5.2.1"): ("DC13", "3.3"),
    (DECLARATION_2019, "C2"): ("DC01",),
    (DECLARATION_2019, "C3"): ("DC01", "3.5"),
    (DECLARATION_2019, "C5"): ("DC04", "DC03", "16.4"),
    (DECLARATION_2019, "C7"): ("DC12",),
    (KYOTO, "K1"): ("DC17", "16.1"),
    (KYOTO, "K3"): ("DC11.1", "DC11.2", "16.3"),
    (KYOTO, "K5"): ("DC11.3", "16.3"),
    (KYOTO, "K6"): ("DC05", "16.5"),
    (KYOTO, "K7"): ("DC12.1", "DC12.2", "16.a"),
    (KYOTO, "K8"): ("DC10", "DC16"),
    (CRIME_STRATEGY, "O1.T1"): ("DC17", "16.1"),
    (CRIME_STRATEGY, "O1.T2"): ("DC17", "16.1"),
    (CRIME_STRATEGY, "O1.T3"): ("DC06", "16.2"),
    (CRIME_STRATEGY, "O2.T1"): ("DC10",),
    (CRIME_STRATEGY, "O2.T2"): ("DC11", "16.3"),
    (CRIME_STRATEGY, "O3.T1"): ("DC12.1", "16.a"),
    (CRIME_STRATEGY, "O3.T2"): ("DC14", "16.4"),
    (DRUG_PROGRAMME, "O1.T1"): ("DC01.1", "3.5"),
    (DRUG_PROGRAMME, "O1.T2"): ("DC01.1", "3.5"),
    (DRUG_PROGRAMME, "O2.T1"): ("DC01.2", "DC13", "3.5"),
    (DRUG_PROGRAMME, "O2.T2"): ("DC01.3", "3.5"),
    (DRUG_PROGRAMME, "O3.T1"): ("DC02.2", "16.4"),
    (DRUG_PROGRAMME, "O3.T2"): ("DC03",),
    (UPR, "D.13"): ("DC01.2",),
    (UPR, "D.3"): ("DC06",),
    (UPR, "D.12"): ("DC05",),
}

# (source, target, relation), items as (framework slug, reference); added by the MPS
# coordinator (each link has an item of a framework the Ministry of Public Security coordinates)
LINKS = [
    ((DRUG_PROGRAMME, "O2.T1"), (UPR, "D.13"), "contributes_to"),
    ((DRUG_PROGRAMME, "O2.T1"), (DECLARATION_2019, "C3"), "contributes_to"),
    ((UPR, "D.13"), (DECLARATION_2019, "C3"), "same_subject"),
    ((UNODC, "5.1.1"), (DRUG_PROGRAMME, "O2.T1"), "same_subject"),
    ((UNODC, "5.1.2"), (UPR, "D.13"), "contributes_to"),
    ((UNODC, "1.1.2"), (UPR, "D.3"), "contributes_to"),
    ((UNODC, "2.1.1"), (UPR, "D.12"), "contributes_to"),
    ((CRIME_STRATEGY, "O1.T3"), (UPR, "D.3"), "contributes_to"),
    ((CRIME_STRATEGY, "O1.T1"), (KYOTO, "K1"), "contributes_to"),
    ((CRIME_STRATEGY, "O3.T1"), (KYOTO, "K7"), "contributes_to"),
    ((DRUG_PROGRAMME, "O3.T2"), (DECLARATION_2019, "C5"), "contributes_to"),
]

# Actions of the UPR Master Plan (found by a UPR recommendation they implement) that also
# report on items of other frameworks.
ACTION_ITEMS = {
    "D.13": [(DRUG_PROGRAMME, "O2.T1"), (DECLARATION_2019, "C3")],  # methadone, Ministry of Health
    "D.3": [(CRIME_STRATEGY, "O1.T3")],  # trafficking in persons, Ministry of Public Security
    "D.12": [(KYOTO, "K6")],  # anti-corruption, Government Inspectorate
}
