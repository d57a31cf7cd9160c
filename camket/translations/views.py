from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.frameworks.models import Recommendation
from camket.frameworks.scoping import get_recommendation_for_user
from camket.lib.concurrency import StaleEdit
from camket.translations import services
from camket.translations.templatetags.item_translation import block_context
from camket.web.helpers import error_text, posted_int


@login_required
@require_POST
def translation_view(request, pk):
    """Save an item's Vietnamese text. With htmx, the item's texts block comes back in place
    (with the refused text kept when someone changed the item meanwhile)."""
    recommendation = get_recommendation_for_user(request.user, pk)
    if not services.may_translate(request.user, recommendation):
        raise PermissionDenied(_("You may not enter the Vietnamese text of this item."))
    text_vi = request.POST.get("text_vi", "")
    error, saved = "", False
    try:
        saved = services.set_vietnamese_text(
            request.user, recommendation, text_vi, version=posted_int(request.POST.get("version"))
        )
    except StaleEdit:
        error = _(
            "Someone else changed this item since you opened it, so your text was not "
            "saved. It is kept in the form: compare it with the text above, then save "
            "again to replace it."
        )
    except ValidationError as refusal:
        error = error_text(refusal)
    recommendation = Recommendation.objects.get(pk=recommendation.pk)
    if request.htmx:
        context = block_context(
            request.user,
            recommendation,
            saved=saved,
            error=error,
            text_vi=text_vi if error else None,
        )
        return render(request, "translations/_translation.html", context)
    if error:
        messages.error(request, error)
    elif saved:
        messages.success(request, _("The Vietnamese text was saved."))
    return redirect(reverse("recommendation-detail", args=[recommendation.pk]))
