"""English dates in ISO order (2026-11-30, 2026-11-30 14:05): what the project always showed in
English, read the same way everywhere, unlike 11/30/2026 against 30/11/2026."""

DATE_FORMAT = "Y-m-d"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H:i"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
MONTH_DAY_FORMAT = "F j"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1

# Day before month when typed with slashes, never the American month/day order: the same
# 03/04/2026 must not mean 4 March in one language and 3 April in the other.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %b %Y", "%d %B %Y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
]
