"""Is this a state's name? Used to tell "(Maldives) (Portugal)" from "(ICPPED) (Portugal)".

Names are kept as the source writes them; this only recognises them (pycountry's names,
official names and common names, plus UN short names that pycountry spells differently).
"""

from __future__ import annotations

import re
from functools import lru_cache

from camket.lib.folding import fold

# UN short names (as in UPR reports) that pycountry does not carry under any of its names.
_UN_SHORT_NAMES = (
    "Republic of Korea",
    "Democratic People's Republic of Korea",
    "Democratic Republic of the Congo",
    "Turkey",
    "Holy See",
    "State of Palestine",
    "Netherlands (Kingdom of the)",
    "Swaziland",
    "The former Yugoslav Republic of Macedonia",
    "Cape Verde",
    "Kosovo",
)


def key(name: str) -> str:
    """A comparable form of a name: folded, curly quotes and "&" unified, spaces squeezed."""
    text = fold(name).replace("\u2019", "'").replace("&", " and ")
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if not name:
                continue
            names.setdefault(key(name), name)
            # pycountry's "Bolivia, Plurinational State of" is the UN's "Bolivia (…)"
            match = re.fullmatch(r"(.+?), (.+)", name)
            if match:
                names.setdefault(key(f"{match[1]} ({match[2]})"), f"{match[1]} ({match[2]})")
    for name in _UN_SHORT_NAMES:
        names.setdefault(key(name), name)
    return names


def is_state(name: str) -> bool:
    return key(name) in _names()


def state_name(name: str) -> str | None:
    """The name as pycountry or the UN spells it, for a name found in a file name."""
    return _names().get(key(name))
