from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.inbox.models import Notification
from camket.inbox.texts import notification_text
from camket.inbox.work import work_for
from camket.web.helpers import safe_next

PAGE_SIZE = 50


def home_view(request):
    """Signed in: "My work". Otherwise what the site opened on before (the list, which asks
    to sign in)."""
    if request.user.is_authenticated:
        return redirect("inbox")
    return redirect("recommendation-list")


@login_required
def inbox_view(request):
    groups = work_for(request.user)
    unread = request.user.notifications.filter(read_at__isnull=True)
    return render(
        request,
        "inbox/inbox.html",
        {
            "groups": groups,
            "total": sum(group.count for group in groups),
            "notifications": [(n, notification_text(n)) for n in unread[:5]],
            "unread_count": unread.count(),
        },
    )


@login_required
def notification_list_view(request):
    mine = request.user.notifications.all()
    page = Paginator(mine, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "inbox/notifications.html",
        {
            "page": page,
            "rows": [(n, notification_text(n)) for n in page.object_list],
            "unread_count": mine.filter(read_at__isnull=True).count(),
            "query_string": "",
        },
    )


@login_required
@require_POST
def notification_read_view(request, pk):
    """Only the recipient: anyone else's notification does not exist for them (404)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    if request.POST.get("open") and notification.link.startswith("/"):
        return redirect(notification.link)
    return redirect(safe_next(request, reverse("notification-list")))


@login_required
@require_POST
def notification_read_all_view(request):
    marked = request.user.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())
    messages.success(request, _("%(count)d notification(s) marked as read.") % {"count": marked})
    return redirect(safe_next(request, reverse("notification-list")))
