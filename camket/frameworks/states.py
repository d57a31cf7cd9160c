"""Resolve the many spellings of a state's name to one State row (pycountry + an alias table)."""

import html
import re

import pycountry

from camket.frameworks.models import State
from camket.frameworks.state_names import iso3_for_vietnamese
from camket.lib.folding import fold

# UN short names used in UN documents where pycountry's name differs, and common variants
# found in UPR Info exports and OHCHR matrices. Keys are folded (see camket.lib.folding.fold).
ALIASES: dict[str, str] = {
    "viet nam": "VNM",
    "vietnam": "VNM",
    "turkey": "TUR",
    "turkiye": "TUR",
    "united kingdom": "GBR",
    "united kingdom of great britain and northern ireland": "GBR",
    "uk": "GBR",
    "united states": "USA",
    "united states of america": "USA",
    "usa": "USA",
    "republic of korea": "KOR",
    "south korea": "KOR",
    "democratic people's republic of korea": "PRK",
    "dpr korea": "PRK",
    "north korea": "PRK",
    "democratic republic of congo": "COD",
    "democratic republic of the congo": "COD",
    "republic of congo": "COG",
    "congo": "COG",
    "cote d'ivoire": "CIV",
    "ivory coast": "CIV",
    "cape verde": "CPV",
    "cabo verde": "CPV",
    "holy see": "VAT",
    "palestine": "PSE",
    "state of palestine": "PSE",
    "macedonia fyr": "MKD",
    "the former yugoslav republic of macedonia": "MKD",
    "north macedonia": "MKD",
    "swaziland": "SWZ",
    "eswatini": "SWZ",
    "micronesia": "FSM",
    "micronesia (federated states of)": "FSM",
    "iran": "IRN",
    "iran (islamic republic of)": "IRN",
    "bolivia": "BOL",
    "bolivia (plurinational state of)": "BOL",
    "venezuela": "VEN",
    "venezuela (bolivarian republic of)": "VEN",
    "republic of moldova": "MDA",
    "moldova": "MDA",
    "united republic of tanzania": "TZA",
    "tanzania": "TZA",
    "lao people's democratic republic": "LAO",
    "laos": "LAO",
    "lao pdr": "LAO",
    "syria": "SYR",
    "syrian arab republic": "SYR",
    "russia": "RUS",
    "russian federation": "RUS",
    "czech republic": "CZE",
    "czechia": "CZE",
    "guinea bissau": "GNB",
    "guinea-bissau": "GNB",
    "saint kitts and nevis": "KNA",
    "st kitts and nevis": "KNA",
    "saint lucia": "LCA",
    "st lucia": "LCA",
    "saint vincent and the grenadines": "VCT",
    "st vincent and the grenadines": "VCT",
    "sao tome and principe": "STP",
    "brunei": "BRN",
    "brunei darussalam": "BRN",
    "timor leste": "TLS",
    "timor-leste": "TLS",
    "east timor": "TLS",
    "netherlands": "NLD",
    "netherlands (kingdom of the)": "NLD",
    "gambia": "GMB",
    "the gambia": "GMB",
    "bahamas": "BHS",
    "the bahamas": "BHS",
}

# The name shown for a state: UN usage where it differs from pycountry's.
UN_NAMES: dict[str, str] = {
    "VNM": "Viet Nam",
    "TUR": "Türkiye",
    "GBR": "United Kingdom of Great Britain and Northern Ireland",
    "USA": "United States of America",
    "KOR": "Republic of Korea",
    "PRK": "Democratic People's Republic of Korea",
    "COD": "Democratic Republic of the Congo",
    "COG": "Congo",
    "VAT": "Holy See",
    "PSE": "State of Palestine",
    "MKD": "North Macedonia",
    "FSM": "Micronesia (Federated States of)",
    "IRN": "Iran (Islamic Republic of)",
    "BOL": "Bolivia (Plurinational State of)",
    "VEN": "Venezuela (Bolivarian Republic of)",
    "MDA": "Republic of Moldova",
    "TZA": "United Republic of Tanzania",
    "LAO": "Lao People's Democratic Republic",
    "SYR": "Syrian Arab Republic",
    "RUS": "Russian Federation",
    "CZE": "Czechia",
    "TWN": "Taiwan",
}

UNKNOWN_NAMES = {"", "unknown", "(unknown)", "n/a", "-"}


def clean_name(raw: str) -> str:
    name = html.unescape(raw or "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", name).strip().strip(",;")


def _normalise(name: str) -> str:
    folded = fold(name).replace("&", " and ").replace("\u2019", "'")
    folded = re.sub(r"^st\.? ", "saint ", folded)
    return re.sub(r"\s+", " ", folded).strip()


def iso3_for(name: str) -> str | None:
    key = _normalise(name)
    if key in ALIASES:
        return ALIASES[key]
    if fold(name) in ALIASES:
        return ALIASES[fold(name)]
    try:
        return pycountry.countries.lookup(name).alpha_3
    except LookupError:
        pass
    # before the folded lookup, which also reads ISO codes: "Bỉ" folds to "bi" (Burundi's)
    vietnamese = iso3_for_vietnamese(name)
    if vietnamese:
        return vietnamese
    try:
        return pycountry.countries.lookup(key).alpha_3
    except LookupError:
        return None


def display_name(iso3: str) -> str:
    if iso3 in UN_NAMES:
        return UN_NAMES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "common_name", None) or country.name


class StateResolver:
    """Finds or creates State rows for names, caching within one import."""

    def __init__(self, *, create: bool = True, defer: bool = False):
        self.create = create
        # defer: new states and aliases are kept unsaved until flush() (an import plans
        # outside its write transaction and writes them inside it)
        self.defer = defer
        self._cache: dict[str, State | None] = {}
        self._by_raw: dict[str, State | None] = {}
        self._pending: dict[str, State] = {}
        self._aliased: dict[int, State] = {}
        self._coded: dict[str, State] | None = None  # the states with a code, read once
        self.unresolved: set[str] = set()

    def resolve(self, raw_name: str) -> State | None:
        if raw_name in self._by_raw:  # an import names the same few states on every row
            return self._by_raw[raw_name]
        name = clean_name(raw_name)
        if fold(name) in UNKNOWN_NAMES:
            state = None
        elif name in self._cache:
            state = self._cache[name]
        else:
            state = self._cache[name] = self._find(name)
        self._by_raw[raw_name] = state
        return state

    def _find(self, name: str) -> State | None:
        iso3 = iso3_for(name)
        if iso3:
            if self._coded is None:  # one query, not one per name (~200 names an import)
                self._coded = {s.iso3: s for s in State.objects.filter(iso3__isnull=False)}
            state = self._coded.get(iso3)
            if state is None and self.create:
                state = self._coded[iso3] = self._new(iso3, iso3=iso3, name=display_name(iso3))
        else:
            state = State.objects.filter(name__iexact=name).first() or next(
                (s for s in State.objects.filter(iso3__isnull=True) if name in s.aliases), None
            )
            if state is None:
                self.unresolved.add(name)
                if self.create:
                    state = self._new(name.casefold(), name=name)
        if state is not None and name != state.name and name not in state.aliases:
            state.aliases = [*state.aliases, name]
            if state.pk is None:
                pass  # saved with its aliases by flush()
            elif self.defer:
                self._aliased[state.pk] = state
            else:
                state.save(update_fields=["aliases"])
        return state

    def _new(self, key: str, **fields) -> State:
        if not self.defer:
            return State.objects.create(**fields)
        if key not in self._pending:
            self._pending[key] = State(**fields)
        return self._pending[key]

    def flush(self) -> None:
        """Save the states and aliases a deferring resolver has kept unsaved."""
        for state in self._pending.values():
            state.save()
        for state in self._aliased.values():
            state.save(update_fields=["aliases"])
        self._pending.clear()
        self._aliased.clear()
