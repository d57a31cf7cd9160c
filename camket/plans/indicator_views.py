from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.frameworks.scoping import get_recommendation_for_user
from camket.lib.concurrency import StaleEdit
from camket.plans import indicators
from camket.plans.forms import IndicatorForm
from camket.plans.scoping import get_action_for_user, get_indicator_for_user
from camket.plans.trend_chart import trend_view
from camket.plans.trends import trend_for_user
from camket.reports.scoping import as_handed_over, visible_reports
from camket.web.helpers import coordinator_only, keep_input_after_stale_edit


def _back_to(indicator):
    if indicator.action_id:
        return redirect("action-detail", pk=indicator.action_id)
    return redirect("recommendation-detail", pk=indicator.recommendation_id)


def _edit(request, *, indicator=None, action=None, recommendation=None):
    coordinator_only(request)
    coordinator_only(request, indicator or action or recommendation)
    form = IndicatorForm(
        request.POST or None, instance=indicator, for_recommendation=recommendation is not None
    )
    if request.method == "POST" and form.is_valid():
        try:
            if indicator is None:
                indicator = indicators.create_indicator(
                    request.user,
                    form.values(),
                    action=action,
                    recommendation=recommendation,
                    agency=form.cleaned_data.get("agency"),
                )
                messages.success(
                    request,
                    _("Indicator saved; %(count)d due date(s) scheduled.")
                    % {"count": indicator.due_dates.count()},
                )
            else:
                indicators.update_indicator(
                    request.user, indicator, form.values(), version=form.cleaned_data["version"]
                )
                messages.success(request, _("Indicator saved."))
        except StaleEdit as error:
            keep_input_after_stale_edit(form, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _back_to(indicator)
    return render(
        request,
        "plans/indicator_form.html",
        {
            "form": form,
            "indicator": indicator,
            "action": action or (indicator.action if indicator else None),
            "recommendation": recommendation or (indicator.recommendation if indicator else None),
        },
    )


@login_required
def action_indicator_create_view(request, pk):
    return _edit(request, action=get_action_for_user(request.user, pk))


@login_required
def recommendation_indicator_create_view(request, pk):
    return _edit(request, recommendation=get_recommendation_for_user(request.user, pk))


@login_required
def indicator_edit_view(request, pk):
    return _edit(request, indicator=get_indicator_for_user(request.user, pk))


@login_required
def indicator_detail_view(request, pk):
    """An indicator, its values over time against the baseline and target, and its schedule."""
    indicator = get_indicator_for_user(request.user, pk)
    reports = {
        r.due_date_id: as_handed_over(request.user, r)
        for r in visible_reports(request.user).filter(due_date__indicator=indicator)
    }
    schedule = [(d, reports.get(d.pk)) for d in indicator.due_dates.filter(archived=False)]
    return render(
        request,
        "plans/indicator_detail.html",
        {
            "indicator": indicator,
            "schedule": schedule,
            "trend": trend_view(trend_for_user(request.user, indicator)),
            "can_edit": roles.is_coordinator(request.user)
            and request.user.has_perm("plans.change_indicator", indicator),
        },
    )
