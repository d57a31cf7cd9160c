from django.urls import path

from camket.consultations import public_views

urlpatterns = [
    path("", public_views.consultation_list, name="public-consultation-list"),
    path("<int:pk>/", public_views.consultation_page, name="public-consultation"),
    path("<int:pk>/draft/", public_views.draft_download, name="public-consultation-draft"),
]
