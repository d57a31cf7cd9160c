"""Someone signing in with a password another person set for them chooses their own first.

Until then their session reaches only the pages to change it: other pages redirect there, and
the API (called with the session's cookie) answers 403. API calls with a token carry no
session user here and are judged by the token (revoked when the password is reset)."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from camket.accounts.people import must_change_password

ALLOWED_PREFIXES = ("/static/", "/i18n/", "/favicon")
API_PREFIX = "/api/"
# A session where the password was found to be the person's own: setting a new one for them
# changes the hash and so ends every session, so one check per session is enough.
CHECKED = "camket_own_password"


class TemporaryPasswordMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.session.get(CHECKED)
            and not self._allowed(request.path)
        ):
            if must_change_password(user):
                if request.path.startswith(API_PREFIX):
                    return JsonResponse(
                        {
                            "detail": _(
                                "Choose your own password first: the "
                                "one you were given is temporary."
                            )
                        },
                        status=403,
                    )
                return redirect(f"{reverse('password_change')}?temporary=1")
            request.session[CHECKED] = True
        return self.get_response(request)

    @staticmethod
    def _allowed(path: str) -> bool:
        open_paths = (
            reverse("password_change"),
            reverse("password_change_done"),
            reverse("logout"),
        )
        return path.startswith(ALLOWED_PREFIXES) or path in open_paths
