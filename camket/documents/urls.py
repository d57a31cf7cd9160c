from django.urls import path

from camket.documents import views

urlpatterns = [
    path("documents/", views.documents_page, name="documents"),
    path("documents/requests/", views.document_list, name="document-list"),
    path("documents/request/", views.document_request, name="document-request"),
    path("documents/<int:pk>/download/", views.document_download, name="document-download"),
]
