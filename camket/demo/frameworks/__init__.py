"""Demo data: the drug and crime frameworks beside the UPR, as framework definitions.

Names, years and structures are public facts; the items are short paraphrases written for the
demo, not quotations of the documents. Each definition is loaded with
`frameworks.definitions.load_data` (loading it again changes nothing); `TAGS`, `LINKS` and
`ACTION_ITEMS` (`relations.py`) are applied by
`camket/demo/crosswalk.py`. One module per framework; their slugs are in `slugs.py`.
"""

from camket.demo.frameworks import crime_strategy, declaration_2019, drug_programme, kyoto, unodc

DEFINITIONS = [
    unodc.DEFINITION,
    declaration_2019.DEFINITION,
    kyoto.DEFINITION,
    crime_strategy.DEFINITION,
    drug_programme.DEFINITION,
]
