"""Framework pages: the list of frameworks, and creating and editing one (its coordinators)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from camket.frameworks import editing
from camket.frameworks.forms import FrameworkForm
from camket.frameworks.history import entries_for
from camket.frameworks.listing import listed_frameworks
from camket.frameworks.scoping import visible_frameworks
from camket.lib.concurrency import StaleEdit
from camket.web.helpers import coordinator_only, keep_input_after_stale_edit, posted_int


@login_required
def framework_list_view(request):
    user = request.user
    frameworks = listed_frameworks(user)
    language = get_language()
    rows = [
        {
            "framework": framework,
            "label": framework.label(language),
            "may_edit": editing.may_change(user, framework),
        }
        for framework in frameworks
    ]
    return render(
        request,
        "frameworks/framework_list.html",
        {"rows": rows, "may_create": editing.may_create(user)},
    )


@login_required
def framework_edit_view(request, slug=None):
    framework = None
    if slug is None:
        coordinator_only(request)
    else:
        framework = _framework_to_change(request.user, slug)
    form = FrameworkForm(request.POST or None, instance=framework)
    if request.method == "POST" and form.is_valid():
        try:
            if framework is None:
                change = editing.create_framework(
                    request.user,
                    form.cleaned_data["slug"],
                    form.values(),
                    form.cleaned_data["taxonomies"],
                )
            else:
                change = editing.update_framework(
                    request.user,
                    framework,
                    form.values(),
                    taxonomies=form.cleaned_data["taxonomies"],
                    version=form.cleaned_data["version"],
                )
        except StaleEdit as error:
            keep_input_after_stale_edit(form, error)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("Framework saved.")
                if change.created or change.changed
                else _("Nothing to save: the framework was already so."),
            )
            return redirect("framework-list")
    return render(
        request,
        "frameworks/framework_form.html",
        {
            "form": form,
            "framework": framework,
            "history": entries_for(framework, str(framework), user=request.user)
            if framework
            else [],
        },
    )


@login_required
def framework_archive_view(request, slug):
    """GET asks for confirmation; POST archives (archived=1) or brings the framework back."""
    framework = _framework_to_change(request.user, slug)
    if request.method == "POST":
        archive = request.POST.get("archived") == "1"
        try:
            editing.update_framework(
                request.user,
                framework,
                {"archived": archive},
                version=posted_int(request.POST.get("version")),
            )
        except StaleEdit:
            messages.error(
                request, _("Someone else changed this framework meanwhile: check it and try again.")
            )
        else:
            messages.success(
                request, _("Framework archived.") if archive else _("Framework brought back.")
            )
        return redirect("framework-list")
    return render(request, "frameworks/framework_archive.html", {"framework": framework})


def _add_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, problems in error.message_dict.items():
        field = "level_lines" if name == "levels" else name
        form.add_error(field if field in form.fields else None, problems)


def _framework_to_change(user, slug: str):
    framework = visible_frameworks(user, include_archived=True).filter(slug=slug).first()
    if framework is None:
        raise Http404(_("No such framework."))
    if not editing.may_change(user, framework):
        raise PermissionDenied(_("Only the coordinators of this framework can change it."))
    return framework
