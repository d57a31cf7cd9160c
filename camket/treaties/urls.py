from django.urls import path

from camket.treaties import views

urlpatterns = [
    path("treaties/", views.status_list, name="treaty-status"),
    path("treaties/export.<str:fmt>", views.status_export, name="treaty-status-export"),
    path("treaties/<str:key>/", views.instrument_detail, name="treaty-instrument"),
]
