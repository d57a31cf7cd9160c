from django.urls import path

from camket.programme_reviews import views

urlpatterns = [
    path("frameworks/<slug:slug>/results/", views.results_view, name="framework-results"),
    path(
        "frameworks/<slug:slug>/reviews/new/",
        views.review_create_view,
        name="framework-review-create",
    ),
    path("programme-reviews/<int:pk>/", views.review_edit_view, name="framework-review-edit"),
    path(
        "programme-review-files/<int:pk>/",
        views.attachment_download_view,
        name="framework-review-file",
    ),
]
