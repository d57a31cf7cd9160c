from django.urls import path

from camket.public import views

urlpatterns = [
    path("", views.portal_home, name="public-home"),
]
