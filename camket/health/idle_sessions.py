"""Sign out a session left unused for CAMKET_SESSION_IDLE_MINUTES.

The session's expiry (SESSION_COOKIE_AGE) is the idle time; this middleware moves it forward
while the session is used. It writes the session at most once a minute rather than on every
request (SESSION_SAVE_EVERY_REQUEST would write the session table on each page and fragment).
"""

import time

from django.conf import settings
from django.contrib.auth import logout

LAST_SEEN_KEY = "camket_last_seen"
REFRESH_SECONDS = 60


class IdleSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self.sign_out_if_idle(request)
        return self.get_response(request)

    @staticmethod
    def sign_out_if_idle(request) -> None:
        now = int(time.time())
        last_seen = request.session.get(LAST_SEEN_KEY)
        idle_limit = settings.SESSION_COOKIE_AGE
        if last_seen is not None and now - last_seen > idle_limit:
            logout(request)
            return
        if last_seen is None or now - last_seen >= REFRESH_SECONDS:
            request.session[LAST_SEEN_KEY] = now
