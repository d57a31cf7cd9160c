from django.urls import path

from camket.consultations import views

urlpatterns = [
    path("consultations/", views.consultation_list, name="consultation-list"),
    path(
        "frameworks/<slug:slug>/consultations/new/",
        views.consultation_create,
        name="consultation-create",
    ),
    path("consultations/<int:pk>/", views.consultation_detail, name="consultation-detail"),
    path("consultations/<int:pk>/close/", views.consultation_close, name="consultation-close"),
    path("consultations/<int:pk>/summary/", views.summary_publish, name="consultation-summary"),
    path(
        "consultations/<int:pk>/comments/<int:comment_pk>/",
        views.comment_moderate,
        name="consultation-moderate",
    ),
    path(
        "consultations/<int:pk>/comments.<str:fmt>",
        views.comments_export,
        name="consultation-export",
    ),
    path("consultations/<int:pk>/draft/", views.draft_download, name="consultation-draft"),
]
