"""Addresses of core's own for the site-wide checks (accessibility, valid HTML)."""


def publish():
    return [
        "/donnees-personnelles/",
        "/page-inexistante/",
        "/donnees/",
    ]  # a second content page; the 404
