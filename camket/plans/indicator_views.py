from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from camket.frameworks.scoping import get_recommendation_for_user
from camket.lib.concurrency import StaleEdit
from camket.plans import indicators
from camket.plans.forms import IndicatorForm
from camket.plans.scoping import get_action_for_user, get_indicator_for_user
from camket.web.helpers import coordinator_only, keep_input_after_stale_edit


def _back_to(indicator):
    if indicator.action_id:
        return redirect("action-detail", pk=indicator.action_id)
    return redirect("recommendation-detail", pk=indicator.recommendation_id)


def _edit(request, *, indicator=None, action=None, recommendation=None):
    coordinator_only(request)
    coordinator_only(request, indicator or action or recommendation)
    form = IndicatorForm(request.POST or None, instance=indicator,
                         for_recommendation=recommendation is not None)
    if request.method == "POST" and form.is_valid():
        try:
            if indicator is None:
                indicator = indicators.create_indicator(
                    request.user, form.values(), action=action, recommendation=recommendation,
                    agency=form.cleaned_data.get("agency"))
                messages.success(request, _("Indicator saved; %(count)d due date(s) scheduled.")
                                 % {"count": indicator.due_dates.count()})
            else:
                indicators.update_indicator(request.user, indicator, form.values(),
                                            version=form.cleaned_data["version"])
                messages.success(request, _("Indicator saved."))
        except StaleEdit as error:
            keep_input_after_stale_edit(form, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _back_to(indicator)
    return render(request, "plans/indicator_form.html", {
        "form": form, "indicator": indicator, "action": action or (
            indicator.action if indicator else None),
        "recommendation": recommendation or (indicator.recommendation if indicator else None)})


@login_required
def action_indicator_create_view(request, pk):
    return _edit(request, action=get_action_for_user(request.user, pk))


@login_required
def recommendation_indicator_create_view(request, pk):
    return _edit(request, recommendation=get_recommendation_for_user(request.user, pk))


@login_required
def indicator_edit_view(request, pk):
    return _edit(request, indicator=get_indicator_for_user(request.user, pk))
