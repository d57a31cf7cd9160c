"""The slugs of the demo frameworks: definitions, relations and the demo laws name them."""

UNODC = "unodc-vn-2012-2017"
DECLARATION_2019 = "cnd-ministerial-declaration-2019"
KYOTO = "kyoto-declaration-2021"
CRIME_STRATEGY = "vn-crime-strategy-2016-2025"
DRUG_PROGRAMME = "vn-drug-programme-2021-2025"
UPR = "upr-viet-nam-cycle-4"  # data.FRAMEWORK
