from django.urls import path

from camket.frameworks import views

urlpatterns = [
    path("recommendations/", views.recommendation_list, name="recommendation-list"),
    path("recommendations/<int:pk>/", views.recommendation_detail, name="recommendation-detail"),
    path("frameworks/<slug:slug>/tree/", views.framework_tree, name="framework-tree"),
]
