from django.urls import path

from camket.reports import views

urlpatterns = [
    path("reports/", views.report_queue_view, name="report-queue"),
    path("due-dates/<int:pk>/", views.due_date_report_view, name="due-date-report"),
    path("reports/<int:pk>/review/", views.report_review_view, name="report-review"),
    path("reports/<int:pk>/public/", views.report_public_view, name="report-public"),
    path("evidence/<int:pk>/", views.evidence_download_view, name="evidence-download"),
    path("evidence/<int:pk>/change/", views.evidence_change_view, name="evidence-change"),
]
