"""`camket treaties status --state ISO3 [--json] [--not-joined] [--family F] [--user U]
[--lang vi|en]`: a state's status in every instrument.

With --json the last line printed is a JSON list, one object per instrument:
{"treaty", "party", "status", "date", "recommendations"}."""

import json

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from camket.lib.cli import active_user
from camket.treaties.models import Instrument
from camket.treaties.status import StatusFilters, find_state, status_rows


def add_arguments(parser) -> None:
    parser.add_argument("--state", required=True, help="the state's ISO 3166 code, e.g. VNM")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list (one object per instrument) as the last line",
    )
    parser.add_argument(
        "--not-joined", action="store_true", help="only the instruments the state is not a party to"
    )
    parser.add_argument(
        "--family", choices=Instrument.Family.values, help="only the instruments of this family"
    )
    parser.add_argument(
        "--user",
        help="count only the recommendations this user may see (username); default: all of them",
    )
    parser.add_argument(
        "--lang",
        choices=["vi", "en"],
        default=None,
        help="language of the table (default: the site's language)",
    )


def run(command, options) -> None:
    user = active_user(options["user"]) if options.get("user") else None
    state = find_state(options["state"])
    filters = StatusFilters(
        joined="no" if options.get("not_joined") else "", family=options.get("family") or ""
    )
    rows = status_rows(state, user=user, filters=filters)
    if options.get("json"):
        command.stdout.write(json.dumps([row.as_dict() for row in rows], ensure_ascii=False))
        return
    with translation.override(options.get("lang") or settings.LANGUAGE_CODE):
        _print_table(command, options["state"].upper(), state, rows)


def _print_table(command, code: str, state, rows) -> None:
    name = state.name if state is not None else code
    command.stdout.write(
        _("%(state)s: status in %(count)d instruments") % {"state": name, "count": len(rows)}
    )
    headers = [_("Instrument"), _("Status"), _("Date"), _("Recommendations")]
    lines = [
        [
            row.instrument.key,
            str(row.status_label),
            row.date.isoformat() if row.date else "—",
            str(row.recommendations),
        ]
        for row in rows
    ]
    widths = [max(len(text) for text in column) for column in zip(headers, *lines, strict=False)]
    for line in [headers, *lines]:
        command.stdout.write(
            "  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True)).rstrip()
        )
