from django.urls import path

from camket.dashboard import views

urlpatterns = [
    path("dashboard/", views.dashboard_view, name="dashboard"),
]
