"""The coordinators' consultation pages: signed in, for the frameworks they coordinate."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.consultations import export, services
from camket.consultations.forms import ConsultationForm, ModerationForm, SummaryForm
from camket.consultations.models import Comment
from camket.consultations.scoping import (
    coordinated_consultations,
    get_consultation_for_coordinator,
    public_document,
)
from camket.frameworks.models import Framework
from camket.frameworks.scoping import coordinated_frameworks
from camket.lib.concurrency import StaleEdit
from camket.reports.files import download_response, too_large
from camket.web.helpers import (
    coordinator_only,
    error_text,
    keep_input_after_stale_edit,
    posted_int,
    show_refusal,
)


def _coordinated(request, pk):
    coordinator_only(request)
    return get_consultation_for_coordinator(request.user, pk)


@login_required
def consultation_list(request):
    coordinator_only(request)
    frameworks = coordinated_frameworks(request.user).filter(archived=False).order_by("name")
    consultations = coordinated_consultations(request.user).select_related("framework")
    return render(
        request,
        "consultations/list.html",
        {"consultations": consultations, "frameworks": frameworks},
    )


@login_required
def consultation_create(request, slug):
    coordinator_only(request)
    framework = coordinated_frameworks(request.user).filter(slug=slug, archived=False).first()
    if framework is None:
        coordinator_only(request, _framework_or_404(slug))
    form = ConsultationForm(request.POST or None, request.FILES or None, framework=framework)
    if request.method == "POST" and form.is_valid():
        file = _upload(form)
        if file is not False:
            try:
                consultation = services.create_consultation(
                    request.user,
                    framework,
                    form.values(),
                    items=form.cleaned_data["items"],
                    file=file,
                )
            except ValidationError as error:
                show_refusal(form, error)
            else:
                return redirect("consultation-detail", pk=consultation.pk)
    return render(request, "consultations/form.html", {"form": form, "framework": framework})


@login_required
def consultation_detail(request, pk):
    """Edit the consultation, see its comments, close it and publish its summary."""
    consultation = _coordinated(request, pk)
    form = ConsultationForm(
        request.POST or None,
        request.FILES or None,
        instance=consultation,
        framework=consultation.framework,
    )
    if request.method == "POST" and form.is_valid():
        file = _upload(form)
        if file is not False:
            try:
                services.update_consultation(
                    request.user,
                    consultation,
                    form.values(),
                    version=form.cleaned_data["version"],
                    items=form.cleaned_data["items"],
                    file=file,
                )
            except StaleEdit as error:
                keep_input_after_stale_edit(form, error)
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, _("The consultation was saved."))
                return redirect("consultation-detail", pk=consultation.pk)
    comments = consultation.comments.select_related("item")
    return render(
        request,
        "consultations/detail.html",
        {
            "consultation": consultation,
            "framework": consultation.framework,
            "form": form,
            "document": public_document(consultation),
            "summary_form": SummaryForm(
                initial={"summary": consultation.summary, "version": consultation.version}
            ),
            "pending": comments.filter(state=Comment.State.PENDING),
            "moderated": comments.exclude(state=Comment.State.PENDING),
            "states": Comment.State,
        },
    )


@login_required
@require_POST
def consultation_close(request, pk):
    consultation = _coordinated(request, pk)
    try:
        services.close_consultation(
            request.user, consultation, version=posted_int(request.POST.get("version"))
        )
    except StaleEdit:
        messages.error(request, _("Someone else changed this consultation; try again."))
    else:
        messages.success(request, _("The consultation is closed: no more comments are accepted."))
    return redirect("consultation-detail", pk=consultation.pk)


@login_required
@require_POST
def summary_publish(request, pk):
    consultation = _coordinated(request, pk)
    form = SummaryForm(request.POST)
    if form.is_valid():
        try:
            services.publish_summary(
                request.user,
                consultation,
                form.cleaned_data["summary"],
                version=form.cleaned_data["version"],
            )
        except StaleEdit:
            messages.error(request, _("Someone else changed this consultation; try again."))
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(
                request,
                _("The summary is published with the published comments and their responses."),
            )
    else:
        messages.error(request, _("Write the summary before publishing it."))
    return redirect("consultation-detail", pk=consultation.pk)


@login_required
@require_POST
def comment_moderate(request, pk, comment_pk):
    consultation = _coordinated(request, pk)
    comment = consultation.comments.filter(pk=comment_pk).first()
    form = ModerationForm(request.POST)
    if comment is None or not form.is_valid():
        messages.error(request, _("This moderation could not be saved."))
        return redirect("consultation-detail", pk=consultation.pk)
    data = form.cleaned_data
    try:
        if data["state"] != comment.state:
            services.moderate(request.user, comment, data["state"], version=data["version"])
            data["version"] = comment.version
        if data["response"].strip() != comment.response:
            services.answer(request.user, comment, data["response"], version=data["version"])
    except StaleEdit:
        messages.error(
            request, _("Someone else moderated this comment meanwhile; check it and try again.")
        )
    else:
        messages.success(request, _("The comment was saved."))
    return redirect(
        reverse("consultation-detail", args=[consultation.pk]) + f"#comment-{comment.pk}"
    )


@login_required
def comments_export(request, pk, fmt):
    consultation = _coordinated(request, pk)
    name = slugify(consultation.title)[:60] or "consultation"
    if fmt == "csv":
        response = HttpResponse(
            export.comments_csv(consultation), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}-comments.csv"'
    else:
        response = HttpResponse(
            export.comments_workbook(consultation),
            content_type=("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )
        response["Content-Disposition"] = f'attachment; filename="{name}-comments.xlsx"'
    return response


@login_required
def draft_download(request, pk):
    document = public_document(_coordinated(request, pk))
    if document is None:
        raise Http404("No draft document.")
    return download_response(document)


def _framework_or_404(slug):
    return get_object_or_404(Framework, slug=slug, archived=False)


def _upload(form):
    """The chosen file as (name, content), None without one, False (with the form's error)
    when it is too large, refused before it is read."""
    upload = form.cleaned_data.get("file")
    if not upload:
        return None
    if upload.size > settings.CAMKET_MAX_EVIDENCE_BYTES:
        form.add_error("file", too_large(upload.name, upload.size))
        return False
    return upload.name, upload.read()
