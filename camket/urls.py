from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from camket.api.api import api
from camket.inbox import views as inbox_views

urlpatterns = [
    path("", inbox_views.home_view, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(template_name="registration/change_password.html"),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="registration/change_password_done.html"
        ),
        name="password_change_done",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("camket.health.urls")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("public/consultations/", include("camket.consultations.public_urls")),
    path("public/cooperation/", include("camket.cooperation.public_urls")),
    path("public/", include("camket.public.urls")),
    path("", include("camket.frameworks.urls")),
    path("", include("camket.review.urls")),
    path("", include("camket.importers.urls")),
    path("", include("camket.dashboard.urls")),
    path("", include("camket.plans.urls")),
    path("", include("camket.reports.urls")),
    path("", include("camket.programme_reviews.urls")),
    path("", include("camket.tagging.urls")),
    path("", include("camket.links.urls")),
    path("", include("camket.exports.urls")),
    path("", include("camket.consultations.urls")),
    path("", include("camket.documents.urls")),
    path("", include("camket.treaties.import_urls")),
    path("", include("camket.treaties.urls")),
    path("", include("camket.cooperation.urls")),
    path("", include("camket.legislation.urls")),
    path("", include("camket.glossary.urls")),
    path("", include("camket.accounts.urls")),
    path("", include("camket.inbox.urls")),
    path("", include("camket.translations.urls")),
]

handler500 = "camket.web.unavailable.server_error"
