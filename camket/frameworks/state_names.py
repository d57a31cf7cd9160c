"""Vietnamese names of states: pycountry's translation, corrected where officials differ."""

import functools
import gettext

import pycountry

from camket.lib.folding import fold

# The names Vietnamese official documents use (Ministry of Foreign Affairs usage), where
# pycountry's translation is an old transliteration, an inverted form or a colloquial name.
OFFICIAL_VI: dict[str, str] = {
    "VNM": "Việt Nam", "USA": "Hoa Kỳ", "GBR": "Vương quốc Anh", "KOR": "Hàn Quốc",
    "PRK": "Cộng hòa Dân chủ Nhân dân Triều Tiên", "LAO": "Lào", "RUS": "Liên bang Nga",
    "COD": "Cộng hòa Dân chủ Congo", "COG": "Cộng hòa Congo", "VAT": "Tòa Thánh Vatican",
    "PSE": "Nhà nước Palestine", "MKD": "Bắc Macedonia", "IRN": "Iran", "BOL": "Bolivia",
    "VEN": "Venezuela", "MDA": "Moldova", "TZA": "Tanzania", "SYR": "Syria", "CZE": "Séc",
    "TUR": "Thổ Nhĩ Kỳ", "FSM": "Micronesia", "NLD": "Hà Lan", "CIV": "Côte d'Ivoire",
    "MMR": "Myanmar", "KHM": "Campuchia", "AUS": "Australia", "CAN": "Canada",
    "SVN": "Slovenia", "SGP": "Singapore", "IND": "Ấn Độ", "JPN": "Nhật Bản",
    "NZL": "New Zealand", "CHE": "Thụy Sĩ", "SWE": "Thụy Điển", "NOR": "Na Uy",
    "DNK": "Đan Mạch", "FIN": "Phần Lan", "BEL": "Bỉ", "AUT": "Áo", "ITA": "Italy",
    "ESP": "Tây Ban Nha", "PRT": "Bồ Đào Nha", "POL": "Ba Lan", "HUN": "Hungary",
    "ROU": "Romania", "BGR": "Bulgaria", "SVK": "Slovakia", "HRV": "Croatia",
    "SRB": "Serbia", "IRL": "Ireland", "ISL": "Iceland", "GRC": "Hy Lạp", "CYP": "Síp",
    "UKR": "Ukraine", "BLR": "Belarus", "KAZ": "Kazakhstan", "MNG": "Mông Cổ",
    "IDN": "Indonesia", "MYS": "Malaysia", "PHL": "Philippines", "BRN": "Brunei",
    "TLS": "Timor-Leste", "BGD": "Bangladesh", "PAK": "Pakistan", "AFG": "Afghanistan",
    "SAU": "Ả Rập Xê Út", "ARE": "Các Tiểu vương quốc Ả Rập Thống nhất", "QAT": "Qatar",
    "KWT": "Kuwait", "IRQ": "Iraq", "ISR": "Israel", "JOR": "Jordan", "LBN": "Liban",
    "DZA": "Algeria", "MAR": "Maroc", "TUN": "Tunisia", "LBY": "Libya", "SDN": "Sudan",
    "NGA": "Nigeria", "ZAF": "Nam Phi", "AGO": "Angola", "MOZ": "Mozambique",
    "ETH": "Ethiopia", "KEN": "Kenya", "UGA": "Uganda", "SEN": "Senegal", "GHA": "Ghana",
    "CUB": "Cuba", "MEX": "Mexico", "BRA": "Brazil", "ARG": "Argentina", "CHL": "Chile",
    "COL": "Colombia", "PER": "Peru", "URY": "Uruguay", "PRY": "Paraguay",
    "ECU": "Ecuador", "NIC": "Nicaragua", "TWN": "Đài Loan", "SWZ": "Eswatini",
    "CPV": "Cabo Verde", "STP": "São Tomé và Príncipe", "GNB": "Guinea-Bissau",
    "LUX": "Luxembourg", "EST": "Estonia", "LVA": "Latvia", "LTU": "Litva",
    "ARM": "Armenia", "AZE": "Azerbaijan", "GEO": "Gruzia", "UZB": "Uzbekistan",
}


@functools.lru_cache(maxsize=1)
def _catalogue() -> gettext.NullTranslations:
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["vi"])
    except OSError:
        return gettext.NullTranslations()


@functools.lru_cache(maxsize=1)
def _iso3_by_vietnamese_name() -> dict[str, str]:
    found = {}
    for country in pycountry.countries:
        name = vietnamese_name(country.alpha_3)
        if name:
            found[fold(name)] = country.alpha_3
    for iso3, name in OFFICIAL_VI.items():
        found[fold(name)] = iso3
    return found


def iso3_for_vietnamese(name: str) -> str | None:
    """The ISO code of a state written by its Vietnamese name ("Pháp", "Hoa Ky"), so that
    files exported in Vietnamese import again."""
    return _iso3_by_vietnamese_name().get(" ".join(fold(name).split()))


def vietnamese_name(iso3: str | None) -> str:
    """The Vietnamese name of the state with this ISO code; "" when neither the table nor
    pycountry has one (the reader then sees the English name)."""
    if not iso3:
        return ""
    if iso3 in OFFICIAL_VI:
        return OFFICIAL_VI[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return ""
    catalogue = _catalogue()
    for english in (getattr(country, "common_name", None), country.name):
        if english and catalogue.gettext(english) != english:
            return catalogue.gettext(english)
    return ""
