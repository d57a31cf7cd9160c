from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from camket.frameworks.outline import has_tree
from camket.frameworks.scoping import get_framework_for_user
from camket.lib.concurrency import StaleEdit
from camket.programme_reviews import services
from camket.programme_reviews.forms import ReviewForm
from camket.programme_reviews.results import results_framework
from camket.programme_reviews.scoping import (
    get_attachment_for_user,
    get_review_for_user,
    visible_attachments,
    visible_reviews,
)
from camket.reports.files import download_response, too_large
from camket.web.helpers import keep_input_after_stale_edit


@login_required
def results_view(request, slug):
    """The results framework (outputs, indicators, values per period) and the reviews."""
    framework = get_framework_for_user(request.user, slug)
    language = get_language()
    reviews = list(visible_reviews(request.user).filter(framework=framework))
    files = {}
    for attachment in visible_attachments(request.user).filter(review__in=reviews):
        files.setdefault(attachment.review_id, []).append(attachment)
    for review in reviews:
        review.shown_files = files.get(review.pk, [])
    return render(
        request,
        "programme_reviews/results.html",
        {
            "framework": framework,
            "framework_label": framework.label(language),
            "results": results_framework(request.user, framework, language),
            "has_tree": has_tree(framework),
            "reviews": reviews,
            "can_add_review": request.user.has_perm("programme_reviews.add_review", framework),
        },
    )


@login_required
def review_create_view(request, slug):
    framework = get_framework_for_user(request.user, slug)
    if not request.user.has_perm("programme_reviews.add_review", framework):
        raise PermissionDenied(_("Only this framework's coordinators record its reviews."))
    form = ReviewForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files = _uploads(form)
        if files is not None:
            try:
                services.create_review(request.user, framework, form.values(), files=files)
            except ValidationError as error:
                _refused(form, error)
            else:
                return redirect("framework-results", slug=framework.slug)
    return render(
        request,
        "programme_reviews/review_form.html",
        {"framework": framework, "form": form, "framework_label": framework.label(get_language())},
    )


@login_required
def review_edit_view(request, pk):
    review = get_review_for_user(request.user, pk)
    if not request.user.has_perm("programme_reviews.change_review", review):
        raise PermissionDenied(_("Only this framework's coordinators change its reviews."))
    form = ReviewForm(request.POST or None, request.FILES or None, instance=review)
    if request.method == "POST" and form.is_valid():
        files = _uploads(form)
        if files is not None:
            try:
                services.update_review(
                    request.user,
                    review,
                    form.values(),
                    version=form.cleaned_data["version"],
                    files=files,
                )
            except StaleEdit as error:
                keep_input_after_stale_edit(form, error)
            except ValidationError as error:
                _refused(form, error)
            else:
                return redirect("framework-results", slug=review.framework.slug)
    attachments = visible_attachments(request.user).filter(review=review)
    return render(
        request,
        "programme_reviews/review_form.html",
        {
            "framework": review.framework,
            "form": form,
            "review": review,
            "attachments": attachments,
            "framework_label": review.framework.label(get_language()),
        },
    )


@login_required
def attachment_download_view(request, pk):
    attachment = get_attachment_for_user(request.user, pk)
    return download_response(attachment)


def _uploads(form) -> list[tuple[str, bytes]] | None:
    """The chosen files as (name, content); None (with the form's error) when one is too
    large, refused before it is read."""
    uploads = [upload for upload in form.cleaned_data["files"] if upload]
    for upload in uploads:
        if upload.size > settings.CAMKET_MAX_EVIDENCE_BYTES:
            form.add_error("files", too_large(upload.name, upload.size))
            return None
    return [(upload.name, upload.read()) for upload in uploads]


def _refused(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(
                "files" if name == "file" else (name if name in form.fields else None), messages
            )
    else:
        form.add_error(None, error.messages)
