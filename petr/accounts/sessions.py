"""Staff sessions end after ADMIN_IDLE_MINUTES without a request (a computer left open in a
town hall), and after SESSION_COOKIE_AGE whatever happens."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

LAST_SEEN = "petr:last-seen"
WRITE_EVERY = 60  # seconds: the session is not rewritten on every request


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN, now)
            if now - last_seen > settings.ADMIN_IDLE_MINUTES * 60:
                logout(request)
                messages.info(
                    request,
                    f"Votre session a été fermée après {settings.ADMIN_IDLE_MINUTES} minutes "
                    "sans activité : reconnectez-vous pour continuer.",
                )
                if request.path.startswith("/admin/"):
                    login = reverse("wagtailadmin_login")
                    return redirect(f"{login}?{urlencode({'next': request.get_full_path()})}")
            elif now - request.session.get(LAST_SEEN, 0) > WRITE_EVERY:
                request.session[LAST_SEEN] = now
        return self.get_response(request)
