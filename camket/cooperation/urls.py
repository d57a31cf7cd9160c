from django.urls import path

from camket.cooperation import views

urlpatterns = [
    path("cooperation/agreements/", views.agreement_list, name="agreement-list"),
    path("cooperation/agreements/new/", views.agreement_form, name="agreement-create"),
    path("cooperation/agreements/<int:pk>/", views.agreement_detail, name="agreement-detail"),
    path("cooperation/agreements/<int:pk>/edit/", views.agreement_form, name="agreement-edit"),
    path(
        "cooperation/agreements/<int:pk>/archive/",
        views.agreement_archive,
        name="agreement-archive",
    ),
    path(
        "cooperation/agreements/<int:pk>/documents/",
        views.agreement_document_upload,
        name="agreement-document-upload",
    ),
    path("cooperation/agreements/<int:pk>/links/", views.agreement_link, name="agreement-link"),
    path(
        "cooperation/documents/<int:pk>/",
        views.agreement_document_download,
        name="agreement-document",
    ),
    path("cooperation/requests/", views.request_list, name="cooperation-request-list"),
    path("cooperation/requests/new/", views.request_form, name="cooperation-request-create"),
    path("cooperation/requests/<int:pk>/", views.request_detail, name="cooperation-request-detail"),
    path(
        "cooperation/requests/<int:pk>/edit/", views.request_form, name="cooperation-request-edit"
    ),
    path("cooperation/summary/", views.summary_page, name="cooperation-summary"),
]
