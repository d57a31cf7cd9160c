from django.urls import path

from camket.translations import views

urlpatterns = [
    path("recommendations/<int:pk>/translation/", views.translation_view,
         name="recommendation-translation"),
]
