"""Account pages under /manage/users/: list, create, edit, deactivate, reset a password."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from camket.accounts import people, tokens
from camket.accounts.account_history import account_history
from camket.accounts.forms import AccountForm, UserFilterForm
from camket.lib.concurrency import StaleEdit
from camket.web.helpers import posted_int, show_refusal


def _managers_only(request) -> None:
    if not people.may_manage(request.user):
        raise PermissionDenied(_("You are not allowed to manage accounts."))


def _changeable(request, pk):
    target = get_object_or_404(get_user_model(), pk=pk)
    if not people.may_change(request.user, target):
        raise PermissionDenied(_("Only an administrator can change an administrator's account."))
    return target


@login_required
def user_list(request):
    _managers_only(request)
    data = request.GET.copy()
    data.setdefault("active", "yes")
    filters = UserFilterForm(data)
    filters.is_valid()
    found = people.listed_users(
        query=filters.cleaned_data.get("q", "").strip(),
        agency=filters.cleaned_data.get("agency"),
        role=filters.cleaned_data.get("role", ""),
        active=filters.active_value(),
    )
    page = Paginator(found, 50).get_page(request.GET.get("page"))
    rows = [
        {
            "user": user,
            "membership": people.membership_of_loaded(user),
            "administrator": people.is_administrator(user),
        }
        for user in page
    ]
    query = data.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/user_list.html",
        {
            "filters": filters,
            "page": page,
            "rows": rows,
            "total": page.paginator.count,
            "query_string": query.urlencode(),
        },
    )


@login_required
def user_detail(request, pk):
    _managers_only(request)
    target = get_object_or_404(get_user_model(), pk=pk)
    return render(
        request,
        "accounts/user_detail.html",
        {
            "target": target,
            "membership": people.membership_of(target),
            "administrator": people.is_administrator(target),
            "may_change": people.may_change(request.user, target),
            "may_see_tokens": tokens.may_manage(request.user, target),
            "must_change_password": people.must_change_password(target),
            "version": people.account_version(target),
            "history": account_history(target),
        },
    )


@login_required
def user_edit(request, pk=None):
    _managers_only(request)
    target = _changeable(request, pk) if pk is not None else None
    form = AccountForm(request.POST or None, actor=request.user, target=target)
    if request.method == "POST" and form.is_valid():
        try:
            if target is None:
                result = people.create_user(request.user, form.values())
            else:
                result = people.update_user(
                    request.user, target, form.values(), version=form.cleaned_data["version"]
                )
        except StaleEdit:
            form.data = form.data.copy()
            form.data["version"] = str(people.account_version(target))
            form.add_error(
                None,
                _(
                    "Someone else saved this account while you were editing, so your changes "
                    "were not saved. They are kept below: compare them with the current account "
                    "(open it again in another tab), then save to replace it, or leave this page "
                    "to keep theirs."
                ),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            if target is None:
                return _show_password(request, result.user, result.password, created=True)
            messages.success(
                request,
                _("Account saved.")
                if result.changed
                else _("Nothing to save: the account was already so."),
            )
            return redirect("manage-user", pk=result.user.pk)
    return render(request, "accounts/user_form.html", {"form": form, "target": target})


@login_required
def user_active(request, pk):
    """GET asks for confirmation; POST deactivates or (active=1) reactivates."""
    _managers_only(request)
    target = _changeable(request, pk)
    if request.method == "POST":
        active = request.POST.get("active") == "1"
        try:
            people.set_active(
                request.user, target, active, version=posted_int(request.POST.get("version"))
            )
        except StaleEdit:
            messages.error(
                request, _("Someone else changed this account meanwhile: check it and try again.")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Account reactivated.")
                if active
                else _("Account deactivated: this person can no longer sign in."),
            )
        return redirect("manage-user", pk=target.pk)
    return render(
        request,
        "accounts/user_active.html",
        {"target": target, "version": people.account_version(target)},
    )


@login_required
def user_password(request, pk):
    """GET asks for confirmation; POST sets a temporary password and shows it once."""
    _managers_only(request)
    target = _changeable(request, pk)
    if request.method == "POST":
        result = people.reset_password(request.user, target)
        return _show_password(request, target, result.password, created=False)
    return render(request, "accounts/user_password.html", {"target": target})


def _show_password(request, target, password: str, *, created: bool):
    """The one page that shows a temporary password: not kept by the browser's cache."""
    response = render(
        request,
        "accounts/password_shown.html",
        {"target": target, "password": password, "created": created},
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
def manage_home(request):
    """The "Manage" link: accounts for those who manage them, else one's own API tokens."""
    return redirect("manage-users" if people.may_manage(request.user) else "manage-tokens")
