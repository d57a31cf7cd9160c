"""An item's links (add, confirm, reject, remove) and the coordinator's pending suggestions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.frameworks.models import Framework
from camket.frameworks.scoping import (
    coordinated_framework_ids,
    get_recommendation_for_user,
    visible_recommendations,
)
from camket.links import services
from camket.links.scoping import decidable_links, visible_links
from camket.links.suggest import suggest_links
from camket.web.helpers import error_text, safe_next

PAGE_SIZE = 50


@login_required
@require_POST
def link_add(request, pk):
    item = get_recommendation_for_user(request.user, pk)
    back = reverse("recommendation-detail", args=[item.pk])
    slug, reference = request.POST.get("framework", ""), request.POST.get("reference", "").strip()
    other = (
        visible_recommendations(request.user)
        .filter(framework__slug=slug, reference=reference)
        .first()
    )
    if other is None:
        messages.error(
            request,
            _("There is no item %(reference)s in framework %(framework)s.")
            % {"reference": reference, "framework": slug},
        )
        return redirect(back)
    source, target = (item, other) if request.POST.get("direction") != "incoming" else (other, item)
    try:
        services.add_link(
            request.user,
            source,
            target,
            request.POST.get("relation", ""),
            note=request.POST.get("note", "").strip(),
        )
        messages.success(request, _("Link added."))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect(back)


@login_required
@require_POST
def link_decide(request, pk, decision):
    link = get_object_or_404(visible_links(request.user), pk=pk)
    change = {
        "confirm": services.confirm_link,
        "reject": services.reject_link,
        "remove": services.remove_link,
    }[decision]
    try:
        change(request.user, link)
        messages.success(
            request,
            {
                "confirm": _("Link confirmed."),
                "reject": _("Suggestion rejected: it will not be suggested again."),
                "remove": _("Link removed."),
            }[decision],
        )
    except services.AlreadyDecided:
        messages.error(request, _("Someone already decided this suggestion; nothing changed."))
    return redirect(safe_next(request, reverse("recommendation-detail", args=[link.source_id])))


@login_required
def suggestion_list(request):
    """Pending suggested links of the frameworks the user coordinates."""
    coordinated = coordinated_framework_ids(request.user)
    if not coordinated:
        raise PermissionDenied(_("Only a framework's coordinators decide its suggested links."))
    pending = (
        decidable_links(request.user)
        .filter(state="suggested")
        .select_related("source__framework", "target__framework")
        .order_by("-similarity", "pk")
    )
    page = Paginator(pending, PAGE_SIZE).get_page(request.GET.get("page"))
    language = get_language() or "vi"
    for link in page.object_list:
        for item in (link.source, link.target):
            item.framework_label = item.framework.label(language)
            item.level_label = item.framework.level_label(item.level, language)
    return render(
        request,
        "links/suggestions.html",
        {
            "page": page,
            "query_string": "",
            "frameworks": [
                (f.slug, f.label(language))
                for f in Framework.objects.filter(archived=False).order_by("name")
            ],
        },
    )


@login_required
@require_POST
def suggestion_run(request):
    """Suggest links between two frameworks now (the similarity index answers in seconds)."""
    frameworks = Framework.objects.filter(archived=False)
    first = get_object_or_404(frameworks, slug=request.POST.get("framework_a", ""))
    second = get_object_or_404(frameworks, slug=request.POST.get("framework_b", ""))
    try:
        outcome = suggest_links(first, second, user=request.user)
        messages.success(
            request, _("%(count)d new suggested link(s).") % {"count": outcome.created}
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect("link-suggestions")
