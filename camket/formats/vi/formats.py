"""Vietnamese dates as officials write them: 30/11/2026 and 30/11/2026 14:05.

Django's own Vietnamese formats ("Ngày 30 tháng 11 năm 2026", "30-11-2026") stay behind these
for everything not set here, such as the decimal and thousand separators.
"""

DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
MONTH_DAY_FORMAT = "d/m"
YEAR_MONTH_FORMAT = "m/Y"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1

# ISO first: <input type="date"> widgets without an explicit format render their value with the
# first input format, and a browser leaves such a field empty unless the value is yyyy-mm-dd.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
]
