"""The consultation pages of the public portal: no sign-in, only what `scoping` lets out."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from camket.consultations import guard, services
from camket.consultations.forms import CommentForm
from camket.consultations.scoping import (
    get_public_consultation,
    public_comments,
    public_consultations,
    public_document,
    shown_items,
)
from camket.public.views import portal_view
from camket.reports.files import download_response
from camket.web.helpers import show_refusal


@portal_view
def consultation_list(request):
    now = timezone.now()
    consultations = list(public_consultations(now).select_related("framework"))
    return render(
        request,
        "consultations/public_list.html",
        {
            "open": [c for c in consultations if c.is_open(now)],
            "past": [c for c in consultations if not c.is_open(now)],
            "language": get_language(),
        },
    )


@portal_view
def consultation_page(request, pk):
    consultation = get_public_consultation(pk)
    items = shown_items(consultation)
    chosen = request.GET.get("item", "")
    initial = {"item": chosen} if chosen.isdigit() and items.filter(pk=chosen).exists() else {}
    form = CommentForm(
        request.POST or None, consultation=consultation, items=items, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.submit_comment(
                consultation,
                text=data["text"],
                name=data["name"],
                organisation=data["organisation"],
                item=data["item"],
                sender=guard.sender_of(request),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            return redirect(
                reverse("public-consultation", args=[consultation.pk]) + "?sent=1#comment-form"
            )
    if form.is_bound and form.errors:
        form.renew_token()
    return render(
        request,
        "consultations/public_detail.html",
        {
            "consultation": consultation,
            "items": items,
            "form": form,
            "is_open": consultation.is_open(),
            "document": public_document(consultation),
            "comments": public_comments(consultation),
            "sent": request.GET.get("sent") == "1",
            "language": get_language(),
        },
        status=400 if form.errors else 200,
    )


@portal_view
def draft_download(request, pk):
    document = public_document(get_public_consultation(pk))
    if document is None:
        raise Http404("No draft document.")
    return download_response(document)
