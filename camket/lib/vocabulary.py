"""Names shared by the parsers (which know no Django) and the database layer."""

RESPONSE_SUPPORTED = "supported"
RESPONSE_SUPPORTED_IN_PART = "supported_in_part"
RESPONSE_NOTED = "noted"
RESPONSE_ALREADY_IMPLEMENTED = "already_implemented"
# The responses that commit the state: what a plan implements and the dashboard counts.
ACCEPTED_RESPONSES = (RESPONSE_SUPPORTED, RESPONSE_SUPPORTED_IN_PART, RESPONSE_ALREADY_IMPLEMENTED)

UPR_INFO_ISSUES = "upr-info-issues"
UHRI_THEMES = "uhri-themes"
AFFECTED_PERSONS = "affected-persons"
SDG = "sdg"
DRUGS_CRIME = "drugs-crime"

# The reason given for SDG goals that people confirmed on similar texts; it names none of
# them, since the reader may not be allowed to see them.
CONFIRMED_SDG_REASON = "=confirmed"
