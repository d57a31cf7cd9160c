"""Vietnamese names of states: pycountry's translation, corrected where officials differ."""

import functools
import gettext
import re

import pycountry

from camket.lib.folding import fold

# The names Vietnamese official documents use (Ministry of Foreign Affairs usage) for every UN
# member and observer state. pycountry's translation is an old phonetic transliteration for many
# ("Bă-ba-đôxợ" for Barbados, "Chê-đ" for Chad); where no Vietnamese form is established the
# English name is written here rather than an invented one.
OFFICIAL_VI: dict[str, str] = {
    "VNM": "Việt Nam",
    "USA": "Hoa Kỳ",
    "GBR": "Vương quốc Anh",
    "KOR": "Hàn Quốc",
    "PRK": "Cộng hòa Dân chủ Nhân dân Triều Tiên",
    "LAO": "Lào",
    "RUS": "Liên bang Nga",
    "COD": "Cộng hòa Dân chủ Congo",
    "COG": "Cộng hòa Congo",
    "VAT": "Tòa Thánh Vatican",
    "PSE": "Nhà nước Palestine",
    "MKD": "Bắc Macedonia",
    "IRN": "Iran",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
    "MDA": "Moldova",
    "TZA": "Tanzania",
    "SYR": "Syria",
    "CZE": "Séc",
    "TUR": "Thổ Nhĩ Kỳ",
    "FSM": "Micronesia",
    "NLD": "Hà Lan",
    "CIV": "Côte d'Ivoire",
    "MMR": "Myanmar",
    "KHM": "Campuchia",
    "AUS": "Australia",
    "CAN": "Canada",
    "SVN": "Slovenia",
    "SGP": "Singapore",
    "IND": "Ấn Độ",
    "JPN": "Nhật Bản",
    "NZL": "New Zealand",
    "CHE": "Thụy Sĩ",
    "SWE": "Thụy Điển",
    "NOR": "Na Uy",
    "DNK": "Đan Mạch",
    "FIN": "Phần Lan",
    "BEL": "Bỉ",
    "AUT": "Áo",
    "ITA": "Italy",
    "ESP": "Tây Ban Nha",
    "PRT": "Bồ Đào Nha",
    "POL": "Ba Lan",
    "HUN": "Hungary",
    "ROU": "Romania",
    "BGR": "Bulgaria",
    "SVK": "Slovakia",
    "HRV": "Croatia",
    "SRB": "Serbia",
    "IRL": "Ireland",
    "ISL": "Iceland",
    "GRC": "Hy Lạp",
    "CYP": "Síp",
    "UKR": "Ukraine",
    "BLR": "Belarus",
    "KAZ": "Kazakhstan",
    "MNG": "Mông Cổ",
    "IDN": "Indonesia",
    "MYS": "Malaysia",
    "PHL": "Philippines",
    "BRN": "Brunei",
    "TLS": "Timor-Leste",
    "BGD": "Bangladesh",
    "PAK": "Pakistan",
    "AFG": "Afghanistan",
    "SAU": "Ả Rập Xê Út",
    "ARE": "Các Tiểu vương quốc Ả Rập Thống nhất",
    "QAT": "Qatar",
    "KWT": "Kuwait",
    "IRQ": "Iraq",
    "ISR": "Israel",
    "JOR": "Jordan",
    "LBN": "Liban",
    "DZA": "Algeria",
    "MAR": "Maroc",
    "TUN": "Tunisia",
    "LBY": "Libya",
    "SDN": "Sudan",
    "NGA": "Nigeria",
    "ZAF": "Nam Phi",
    "AGO": "Angola",
    "MOZ": "Mozambique",
    "ETH": "Ethiopia",
    "KEN": "Kenya",
    "UGA": "Uganda",
    "SEN": "Senegal",
    "GHA": "Ghana",
    "CUB": "Cuba",
    "MEX": "Mexico",
    "BRA": "Brazil",
    "ARG": "Argentina",
    "CHL": "Chile",
    "COL": "Colombia",
    "PER": "Peru",
    "URY": "Uruguay",
    "PRY": "Paraguay",
    "ECU": "Ecuador",
    "NIC": "Nicaragua",
    "TWN": "Đài Loan",
    "SWZ": "Eswatini",
    "CPV": "Cabo Verde",
    "STP": "São Tomé và Príncipe",
    "GNB": "Guinea-Bissau",
    "LUX": "Luxembourg",
    "EST": "Estonia",
    "LVA": "Latvia",
    "LTU": "Litva",
    "ARM": "Armenia",
    "AZE": "Azerbaijan",
    "GEO": "Gruzia",
    "UZB": "Uzbekistan",
    "CHN": "Trung Quốc",
    "EGY": "Ai Cập",
    "FRA": "Pháp",
    "DEU": "Đức",
    "THA": "Thái Lan",
    "ALB": "An-ba-ni",
    "AND": "An-đô-ra",
    "ATG": "An-ti-goa và Bác-bu-đa",
    "BHS": "Ba-ha-ma",
    "BHR": "Ba-ranh",
    "BRB": "Bác-ba-đốt",
    "BLZ": "Bê-li-xê",
    "BEN": "Bê-nanh",
    "BTN": "Bu-tan",
    "BIH": "Bô-xni-a và Héc-xê-gô-vi-na",
    "BWA": "Bốt-xoa-na",
    "BFA": "Buốc-ki-na Pha-xô",
    "BDI": "Bu-run-đi",
    "CMR": "Ca-mơ-run",
    "CAF": "Cộng hòa Trung Phi",
    "TCD": "Sát",
    "COM": "Cô-mô-rô",
    "CRI": "Cô-xta Ri-ca",
    "DJI": "Gi-bu-ti",
    "DMA": "Đô-mi-ni-ca",
    "DOM": "Cộng hòa Đô-mi-ni-ca",
    "SLV": "En Xan-va-đo",
    "GNQ": "Ghi-nê Xích Đạo",
    "ERI": "Ê-ri-tơ-rê-a",
    "FJI": "Phi-gi",
    "GAB": "Ga-bông",
    "GMB": "Găm-bi-a",
    "GRD": "Grê-na-đa",
    "GTM": "Goa-tê-ma-la",
    "GIN": "Ghi-nê",
    "GUY": "Guy-a-na",
    "HTI": "Ha-i-ti",
    "HND": "Hôn-đu-rát",
    "JAM": "Gia-mai-ca",
    "KIR": "Ki-ri-ba-ti",
    "KGZ": "Cư-rơ-gư-xtan",
    "LSO": "Lê-xô-thô",
    "LBR": "Li-bê-ri-a",
    "LIE": "Liechtenstein",
    "MDG": "Ma-đa-gát-xca",
    "MWI": "Ma-la-uy",
    "MDV": "Man-đi-vơ",
    "MLI": "Ma-li",
    "MLT": "Man-ta",
    "MHL": "Quần đảo Mác-san",
    "MRT": "Mô-ri-ta-ni",
    "MUS": "Mô-ri-xơ",
    "MCO": "Mô-na-cô",
    "MNE": "Mông-tê-nê-grô",
    "NAM": "Na-mi-bi-a",
    "NRU": "Nau-ru",
    "NPL": "Nê-pan",
    "NER": "Ni-giê",
    "OMN": "Ô-man",
    "PLW": "Pa-lau",
    "PAN": "Pa-na-ma",
    "PNG": "Pa-pua Niu Ghi-nê",
    "RWA": "Ru-an-đa",
    "KNA": "Xanh Kít và Nê-vít",
    "LCA": "Xanh Lu-xi-a",
    "VCT": "Xanh Vin-xen và Grê-na-đin",
    "WSM": "Xa-moa",
    "SMR": "San Ma-ri-nô",
    "SYC": "Xây-sen",
    "SLE": "Xi-ê-ra Lê-ôn",
    "SLB": "Quần đảo Xô-lô-môn",
    "SOM": "Xô-ma-li",
    "SSD": "Nam Xu-đăng",
    "LKA": "Xri Lan-ca",
    "SUR": "Xu-ri-nam",
    "TJK": "Tát-gi-ki-xtan",
    "TGO": "Tô-gô",
    "TON": "Tông-ga",
    "TTO": "Tri-ni-đát và Tô-ba-gô",
    "TKM": "Tuốc-mê-ni-xtan",
    "TUV": "Tu-va-lu",
    "VUT": "Va-nu-a-tu",
    "YEM": "Y-ê-men",
    "ZMB": "Dăm-bi-a",
    "ZWE": "Dim-ba-bu-ê",
}

# pycountry's phonetic transliterations: syllables joined by hyphens ("Hôn-đu-ra-xợ").
_TRANSLITERATION = re.compile(r"[a-zà-ỹđ]-[a-zà-ỹđ]")


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
        # the transliteration too: files written with it still import
        for name in (transliterated_name(country.alpha_3), vietnamese_name(country.alpha_3)):
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
    pycountry has one, or pycountry's is a phonetic transliteration (the reader then sees the
    English name)."""
    if not iso3:
        return ""
    if iso3 in OFFICIAL_VI:
        return OFFICIAL_VI[iso3]
    name = transliterated_name(iso3)
    return "" if _TRANSLITERATION.search(name) else name


def transliterated_name(iso3: str | None) -> str:
    """pycountry's Vietnamese translation of the state's name, as camket first shipped it; ""
    when it has none."""
    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    if country is None:
        return ""
    catalogue = _catalogue()
    for english in (getattr(country, "common_name", None), country.name):
        if english and catalogue.gettext(english) != english:
            return catalogue.gettext(english)
    return ""
