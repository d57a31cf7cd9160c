"""API token pages: /manage/tokens/ for one's own, /manage/users/<pk>/tokens/ for an
administrator managing someone else's."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.accounts import tokens
from camket.accounts.forms import TokenForm
from camket.accounts.models import ApiToken
from camket.web.helpers import show_refusal


def _owner(request, pk):
    owner = request.user if pk is None else get_object_or_404(get_user_model(), pk=pk)
    if not tokens.may_manage(request.user, owner):
        raise PermissionDenied(_("Only administrators manage other people's API tokens."))
    return owner


def _back(owner, request):
    if owner.pk == request.user.pk:
        return redirect("manage-tokens")
    return redirect("manage-user-tokens", pk=owner.pk)


@login_required
def token_list(request, pk=None):
    owner = _owner(request, pk)
    form = TokenForm(request.POST or None)
    secret = token = None
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = tokens.issue_token(request.user, owner, form.cleaned_data["name"])
        except ValidationError as error:
            show_refusal(form, error)
        else:
            form = TokenForm()
    response = render(
        request,
        "accounts/token_list.html",
        {
            "owner": owner,
            "own": owner.pk == request.user.pk,
            "form": form,
            "tokens": tokens.tokens_of(owner),
            "new_token": token,
            "secret": secret,
        },
    )
    if secret:
        response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request, token_pk):
    token = get_object_or_404(ApiToken.objects.select_related("user"), pk=token_pk)
    _owner(request, token.user_id)
    if tokens.revoke_token(request.user, token):
        messages.success(
            request, _("Token %(name)s revoked: it no longer opens the API.") % {"name": token.name}
        )
    return _back(token.user, request)
