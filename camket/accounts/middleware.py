"""Someone signing in with a password another person set for them chooses their own first."""

from django.shortcuts import redirect
from django.urls import reverse

from camket.accounts.people import must_change_password

ALLOWED_PREFIXES = ("/static/", "/api/", "/i18n/", "/favicon")
# A session where the password was found to be the person's own: setting a new one for them
# changes the hash and so ends every session, so one check per session is enough.
CHECKED = "camket_own_password"


class TemporaryPasswordMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.session.get(CHECKED) \
                and not self._allowed(request.path):
            if must_change_password(user):
                return redirect(f"{reverse('password_change')}?temporary=1")
            request.session[CHECKED] = True
        return self.get_response(request)

    @staticmethod
    def _allowed(path: str) -> bool:
        open_paths = (reverse("password_change"), reverse("password_change_done"),
                      reverse("logout"))
        return path.startswith(ALLOWED_PREFIXES) or path in open_paths
