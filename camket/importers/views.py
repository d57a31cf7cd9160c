import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.frameworks.models import Framework
from camket.frameworks.scoping import coordinated_frameworks
from camket.importers.forms import ImportForm
from camket.importers.models import ImportRun
from camket.importers.service import import_file

PENDING_KEY = "camket_pending_import"


PENDING_LIFETIME_SECONDS = 24 * 3600


def _pending_dir() -> Path:
    """Uploads waiting for confirmation; those left unconfirmed for a day are removed."""
    folder = Path(settings.MEDIA_ROOT) / "pending-imports"
    folder.mkdir(parents=True, exist_ok=True)
    cutoff = time.time() - PENDING_LIFETIME_SECONDS
    for stale in folder.iterdir():
        if stale.stat().st_mtime < cutoff:
            stale.unlink(missing_ok=True)
    return folder


@login_required
def import_view(request):
    if not roles.is_coordinator(request.user):
        raise PermissionDenied(_("Only the coordinating ministry can import."))
    try:
        return _import(request)
    except PermissionDenied as error:  # the file writes into a framework the user does not
        messages.error(request, str(error))  # coordinate: nothing was written
        return render(
            request,
            "importers/import.html",
            {"runs": _runs(request.user), "form": ImportForm(user=request.user)},
            status=403,
        )


def _runs(user, shown: int = 10) -> list[ImportRun]:
    """The latest imports into the frameworks the user coordinates."""
    slugs = set(coordinated_frameworks(user).values_list("slug", flat=True))
    recent = ImportRun.objects.select_related("imported_by")[: shown * 20]
    return [run for run in recent if slugs & set(run.framework_slugs.split(", "))][:shown]


def _import(request):
    context = {"runs": _runs(request.user)}
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request, context)
    form = ImportForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        token = secrets.token_hex(16)
        stored = _pending_dir() / token
        with stored.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        framework = form.cleaned_data["framework"]
        encoding = form.cleaned_data["encoding"] or None
        summary = import_file(
            stored,
            source_name=upload.name,
            dry_run=True,
            framework_slug=framework.slug if framework else None,
            overwrite=form.cleaned_data["overwrite"],
            user=request.user,
            encoding=encoding,
        )
        if summary.ok:
            request.session[PENDING_KEY] = {
                "token": token,
                "name": upload.name,
                "framework": framework.slug if framework else "",
                "publish": form.cleaned_data["publish"],
                "overwrite": form.cleaned_data["overwrite"],
                "encoding": encoding or "",
            }
        else:
            stored.unlink(missing_ok=True)
        context["preview"] = summary
    context["form"] = form
    return render(request, "importers/import.html", context)


def _confirm(request, context):
    pending = request.session.pop(PENDING_KEY, None)
    if not pending or pending.get("token") != request.POST.get("token"):
        messages.error(request, _("This preview has expired; upload the file again."))
        return redirect("import")
    stored = _pending_dir() / pending["token"]
    if not stored.exists():
        messages.error(request, _("This preview has expired; upload the file again."))
        return redirect("import")
    try:
        framework = pending["framework"] or None
        if framework and not Framework.objects.filter(slug=framework).exists():
            framework = None
        summary = import_file(
            stored,
            source_name=pending["name"],
            framework_slug=framework,
            publish=pending["publish"],
            user=request.user,
            overwrite=pending.get("overwrite", False),
            encoding=pending.get("encoding") or None,
        )
    finally:
        stored.unlink(missing_ok=True)
    if summary.ok:
        messages.success(
            request,
            _(
                "Imported %(name)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged."
            )
            % {
                "name": pending["name"],
                "created": summary.created,
                "updated": summary.updated,
                "unchanged": summary.unchanged,
            },
        )
        return redirect("import")
    context.update({"form": ImportForm(user=request.user), "preview": summary})
    return render(request, "importers/import.html", context)
