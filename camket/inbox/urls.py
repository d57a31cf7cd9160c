from django.urls import path

from camket.inbox import views

urlpatterns = [
    path("inbox/", views.inbox_view, name="inbox"),
    path("inbox/notifications/", views.notification_list_view, name="notification-list"),
    path(
        "inbox/notifications/<int:pk>/read/", views.notification_read_view, name="notification-read"
    ),
    path(
        "inbox/notifications/read/", views.notification_read_all_view, name="notification-read-all"
    ),
]
