from django.urls import path

from camket.legislation import views

app_name = "legislation"
urlpatterns = [
    path("laws/", views.act_list, name="list"),
    path("laws/export.<fmt>", views.act_export, name="export"),
    path("laws/new/", views.act_create, name="create"),
    path("laws/<int:pk>/", views.act_detail, name="detail"),
    path("laws/<int:pk>/edit/", views.act_edit, name="edit"),
    path("laws/<int:pk>/archive/", views.act_archive, name="archive"),
    path("laws/<int:pk>/instruments/", views.instrument_link, name="instrument-link"),
    path(
        "laws/<int:pk>/instruments/<str:key>/remove/",
        views.instrument_unlink,
        name="instrument-unlink",
    ),
    path("laws/<int:pk>/commitments/", views.commitment_link, name="commitment-link"),
    path(
        "laws/<int:pk>/commitments/<int:link_pk>/remove/",
        views.commitment_unlink,
        name="commitment-unlink",
    ),
]
