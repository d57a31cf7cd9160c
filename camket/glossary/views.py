"""/glossary/: every signed-in member reads the glossary; coordinators add, edit and archive."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.frameworks.history import entries_for
from camket.glossary import services
from camket.glossary.forms import GlossaryTermForm
from camket.glossary.importing import export_csv
from camket.glossary.models import GlossaryTerm

PAGE_SIZE = 50


def _filters(request) -> dict[str, str]:
    domain = request.GET.get("domain", "")
    return {
        "q": request.GET.get("q", "").strip()[:200],
        "domain": domain if domain in GlossaryTerm.Domain.values else "",
        "archived": "1" if request.GET.get("archived") == "1" else "",
    }


@login_required
def term_list(request):
    services.check_reader(request.user)
    filters = _filters(request)
    terms = services.find_terms(
        filters["q"], domain=filters["domain"], archived=bool(filters["archived"])
    )
    page = Paginator(terms, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "glossary/list.html",
        {
            "page": page,
            "filters": filters,
            "domains": GlossaryTerm.Domain.choices,
            "query": query.urlencode(),
            "may_edit": services.may_edit(request.user),
        },
    )


@login_required
def term_export(request):
    services.check_reader(request.user)
    response = HttpResponse(
        export_csv(services.find_terms(archived=None)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="glossary.csv"'
    return response


def _edit(request, term: GlossaryTerm | None):
    if not services.may_edit(request.user):
        raise PermissionDenied(_("Only coordinators can change the glossary."))
    form = GlossaryTermForm(request.POST or None, instance=term)
    if request.method == "POST" and form.is_valid():
        saved = services.save_term(request.user, form.save(commit=False))
        messages.success(request, _("Saved."))
        return redirect("glossary:edit", pk=saved.pk)
    history = entries_for(term, user=request.user) if term is not None else []
    return render(request, "glossary/form.html", {"form": form, "term": term, "history": history})


@login_required
def term_create(request):
    return _edit(request, None)


@login_required
def term_edit(request, pk):
    return _edit(request, get_object_or_404(GlossaryTerm, pk=pk))


@login_required
@require_POST
def term_archive(request, pk):
    if not services.may_edit(request.user):
        raise PermissionDenied(_("Only coordinators can change the glossary."))
    term = get_object_or_404(GlossaryTerm, pk=pk)
    services.set_archived(request.user, term, request.POST.get("archived") == "1")
    messages.success(request, _("Archived.") if term.archived else _("Restored."))
    return redirect("glossary:edit", pk=term.pk)
