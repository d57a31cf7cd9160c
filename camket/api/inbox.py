"""The signed-in user's work and notifications (the token's user; nothing of anyone else)."""

from datetime import date, datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema
from ninja.pagination import paginate

from camket.api.pagination import BoundedPageNumberPagination
from camket.inbox.models import Notification
from camket.inbox.texts import notification_text
from camket.inbox.work import work_for

router = Router(tags=["my work"])
notifications = Router(tags=["my work"])


class WorkRowOut(Schema):
    what: str
    framework: str
    due_on: date | None
    overdue: bool
    url: str
    count: int


class WorkGroupOut(Schema):
    kind: str
    label: str
    count: int
    items: list[WorkRowOut]


class InboxOut(Schema):
    user: str
    groups: list[WorkGroupOut]


class NotificationOut(Schema):
    id: int
    kind: str
    text: str
    params: dict
    link: str
    created: datetime
    read_at: datetime | None

    @staticmethod
    def resolve_text(notification) -> str:
        return notification_text(notification)


@router.get("", response=InboxOut, summary="My work: what the user has to do, by kind")
def inbox(request):
    return {
        "user": request.user.username,
        "groups": [group.as_dict() for group in work_for(request.user)],
    }


@notifications.get("", response=list[NotificationOut], summary="My notifications, newest first")
@paginate(BoundedPageNumberPagination)
def notification_list(request, unread: bool = False):
    mine = request.user.notifications.all()
    if unread:
        mine = mine.filter(read_at__isnull=True)
    return mine


@notifications.post("/{int:pk}/read", response=NotificationOut, summary="Mark one as read")
def notification_read(request, pk: int):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification
