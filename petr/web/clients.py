"""Who is asking: the visitor's address, as the contact limits and the login lockouts see it."""

from django.conf import settings


def client_ip(request):
    """Behind TRUSTED_PROXY_COUNT proxies (1 behind nginx), the address the nearest proxy saw:
    that many entries from the right of X-Forwarded-For. Entries further left are whatever the
    client claimed, so forging the header changes nothing. With no proxy, REMOTE_ADDR."""
    count = settings.TRUSTED_PROXY_COUNT
    if count:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        forwarded = [address.strip() for address in forwarded if address.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")
