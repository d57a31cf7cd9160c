from django.urls import path

from camket.review import views

urlpatterns = [
    path("recommendations/<int:pk>/decide/", views.decide_view, name="recommendation-decide"),
    path("recommendations/<int:pk>/send/", views.send_view, name="recommendation-send"),
    path("recommendations/bulk/", views.bulk_view, name="recommendation-bulk"),
    path("review/", views.progress_view, name="review-progress"),
    path("review/mine/", views.my_assessments_view, name="my-assessments"),
    path("assessments/<int:pk>/", views.assessment_edit_view, name="assessment-edit"),
    path("assessments/<int:pk>/withdraw/", views.withdraw_view, name="assessment-withdraw"),
    path("clusters/<int:pk>/", views.cluster_detail_view, name="cluster-detail"),
    path(
        "recommendations/<int:pk>/uncluster/", views.uncluster_view, name="recommendation-uncluster"
    ),
]
