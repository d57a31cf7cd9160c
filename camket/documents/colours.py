"""One colour per status, as on the dashboard (camket/dashboard/static/dashboard/dashboard.css):
documents cannot use the dashboard's CSS variables (Word has none, WeasyPrint's SVG ignores
them), so the same values are named here."""

STATUS_COLOURS = {
    "implemented": "1b7a3d",
    "partly_implemented": "7fb87a",
    "in_progress": "0b5cad",
    "not_started": "9aa7b6",
    "not_implemented": "b3261e",
    "none": "e3e8ef",
    "overdue": "a35b00",
}
OTHER = "6b7785"


def colour(key: str) -> str:
    """The status's colour as six hex digits."""
    return STATUS_COLOURS.get(key, OTHER)
