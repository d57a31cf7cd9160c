"""/treaties/: which instruments a state has not joined and which recommendations ask it to;
/treaties/KEY/: one instrument, the state's status in it, and those recommendations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from camket.frameworks.home_state import home_state_code
from camket.treaties import export
from camket.treaties.models import Instrument, Participation
from camket.treaties.status import (
    StatusFilters,
    asking_items,
    catalogue,
    find_state,
    known_states,
    status_rows,
)

PAGE_SIZE = 25


def _state(request):
    """The state asked for (default: the home state): (its code, its row or None)."""
    code = (request.GET.get("state") or home_state_code()).strip().upper()
    try:
        return code, find_state(code)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    code = home_state_code()
    try:
        return code, find_state(code)
    except ValidationError:  # a misconfigured CAMKET_HOME_STATE: every status unknown
        return code, None


def _state_label(code: str, state) -> str:
    return f"{state.label(get_language() or 'vi')} ({code})" if state is not None else code


def _title() -> str:
    return _("Which instruments has the state not joined, and which recommendations ask for it")


@login_required
def status_list(request):
    code, state = _state(request)
    filters = StatusFilters.from_mapping(request.GET, default_joined="no")
    rows = status_rows(state, user=request.user, filters=filters)
    query = request.GET.copy()
    query["state"] = code
    return render(
        request,
        "treaties/status_list.html",
        {
            "title": _title(),
            "rows": rows,
            "filters": filters,
            "code": code,
            "state": state,
            "state_label": _state_label(code, state),
            "states": known_states(),
            "families": Instrument.Family.choices,
            "language": get_language(),
            "query_string": query.urlencode(),
        },
    )


@login_required
def status_export(request, fmt):
    if fmt not in export.FORMATS:
        raise Http404("No such format.")
    code, state = _state(request)
    filters = StatusFilters.from_mapping(request.GET, default_joined="no")
    rows = status_rows(state, user=request.user, filters=filters)
    content = export.status_file(rows, fmt, title=code, language=get_language())
    response = HttpResponse(content, content_type=export.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="treaties-{code.lower()}.{fmt}"'
    return response


@login_required
def instrument_detail(request, key):
    instrument = get_object_or_404(catalogue(), key=key)
    code, state = _state(request)
    participation = None
    if state is not None:
        participation = (
            Participation.objects.filter(state=state, instrument=instrument)
            .prefetch_related("reservations")
            .first()
        )
    status = participation.status if participation else Participation.Status.UNKNOWN
    items = asking_items(state, instrument, request.user)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query["state"] = code
    language = get_language()
    legal_acts = [
        (act, act.label(language), reverse("legislation:detail", args=[act.pk]))
        for act in instrument.legal_acts.filter(archived=False)
    ]
    return render(
        request,
        "treaties/instrument_detail.html",
        {
            "instrument": instrument,
            "code": code,
            "state": state,
            "state_label": _state_label(code, state),
            "states": known_states(),
            "participation": participation,
            "status": status,
            "status_label": Participation.Status(status).label,
            "protocols": instrument.protocols.filter(archived=False),
            "legal_acts": legal_acts,
            "page": page,
            "query_string": query.urlencode(),
            "language": language,
        },
    )
