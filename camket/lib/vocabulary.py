"""Names shared by the parsers (which know no Django) and the database layer."""

RESPONSE_SUPPORTED = "supported"
RESPONSE_SUPPORTED_IN_PART = "supported_in_part"
RESPONSE_NOTED = "noted"
RESPONSE_ALREADY_IMPLEMENTED = "already_implemented"

UPR_INFO_ISSUES = "upr-info-issues"
UHRI_THEMES = "uhri-themes"
AFFECTED_PERSONS = "affected-persons"
SDG = "sdg"
